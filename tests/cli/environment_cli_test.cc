// The environment variables geotl reads (cli/environment.h), through the
// real binary: the libraries take their values as options the CLI passes,
// so these pin that the values still arrive and that a flag wins over its
// variable. `geotl version` shows both: the coder version hashes the
// lexicon root and every user lexicon file loaded.
#include <catch2/catch.hpp>

#include "tests/cli/cli_fixture.h"

namespace geotl::testing {
namespace {

struct Env {
  TempDir dir;
  const std::string lexicons = std::string(GEOTL_SOURCE_DIR) + "/lexicons";

  // `geotl version ARGS` with HOME in the scratch folder, none of the
  // lexicon variables but `vars` ("NAME=value …").
  RunResult Version(const std::string& vars,
                    std::vector<std::string> args = {}) const {
    args.insert(args.begin(), "version");
    return RunShell(dir,
                    "env -u GEOTL_LEXICONS -u GEOTL_USER_LEXICONS "
                    "-u XDG_DATA_HOME HOME=" +
                        Quote(dir.path()) + " " + vars + " " +
                        Quote(GEOTL_BINARY),
                    args);
  }
};

TEST_CASE("cli env: GEOTL_LEXICONS is the default of --lexicons", "[cli]") {
  Env e;
  const RunResult plain = e.Version("");
  REQUIRE(plain.code == 0);
  const RunResult missing = e.Version("GEOTL_LEXICONS=/nonexistent/lex");
  CHECK(missing.code == 1);
  CHECK(missing.err.find("/nonexistent/lex") != std::string::npos);
  // The flag wins; the same files elsewhere are the same coder.
  CHECK(e.Version("GEOTL_LEXICONS=/nonexistent/lex", {"--lexicons", e.lexicons})
            .out == plain.out);
  CHECK(e.Version("GEOTL_LEXICONS=" + Quote(e.lexicons)).out == plain.out);
}

TEST_CASE("cli env: user lexicons from GEOTL_USER_LEXICONS, XDG, HOME",
          "[cli]") {
  Env e;
  const RunResult plain = e.Version("");
  REQUIRE(plain.code == 0);
  // ~/.local/share/geotl/lexicons, when nothing else names a place.
  e.dir.Write(".local/share/geotl/lexicons/home.json", R"({"persons": []})");
  const RunResult home = e.Version("");
  REQUIRE(home.code == 0);
  CHECK(home.out != plain.out);
  // $XDG_DATA_HOME/geotl/lexicons instead of it.
  e.dir.Write("xdg/geotl/lexicons/xdg.json", R"({"persons": [], "x": 1})");
  const RunResult xdg = e.Version("XDG_DATA_HOME=" + Quote(e.dir / "xdg"));
  REQUIRE(xdg.code == 0);
  CHECK(xdg.out != plain.out);
  CHECK(xdg.out != home.out);
  // $GEOTL_USER_LEXICONS set: exactly its entries; empty: none.
  CHECK(e.Version("GEOTL_USER_LEXICONS=").out == plain.out);
  CHECK(e.Version("GEOTL_USER_LEXICONS=" +
                  Quote(e.dir / ".local/share/geotl/lexicons"))
            .out == home.out);
  const RunResult named_missing =
      e.Version("GEOTL_USER_LEXICONS=" + Quote(e.dir / "missing.json"));
  CHECK(named_missing.code == 1);
}

// A user lexicon of kind "publishers" adds outlets: an article from one
// takes its country as home ("the government" is that country's).
TEST_CASE("cli env: user publishers set an article's home country", "[cli]") {
  Env e;
  const std::string article =
      R"({"id": "p1", "language": "en", "published": "2016-07-04", )"
      R"("source": "Radio Nowhere FM", "text": "The government )"
      R"(criticised the opposition on Monday."})"
      "\n";
  const auto extract = [&](const std::string& vars) {
    return RunShell(e.dir,
                    "env -u GEOTL_LEXICONS -u GEOTL_USER_LEXICONS "
                    "-u XDG_DATA_HOME HOME=" +
                        Quote(e.dir.path()) + " " + vars + " " +
                        Quote(GEOTL_BINARY),
                    {"extract"}, article);
  };
  const RunResult plain = extract("GEOTL_USER_LEXICONS=");
  REQUIRE(plain.code == 0);
  CHECK(plain.out.find("\"KENGOV\"") == std::string::npos);
  e.dir.Write("pub.json",
              R"({"kind": "publishers", "entries": [{"name": "Radio )"
              R"(Nowhere FM", "country": "KEN"}]})");
  const RunResult user =
      extract("GEOTL_USER_LEXICONS=" + Quote(e.dir / "pub.json"));
  REQUIRE(user.code == 0);
  CHECK(user.out.find("\"KENGOV\"") != std::string::npos);
  // A bad entry names its file.
  e.dir.Write("bad.json",
              R"({"kind": "publishers", "entries": [{"name": "X"}]})");
  const RunResult bad =
      extract("GEOTL_USER_LEXICONS=" + Quote(e.dir / "bad.json"));
  CHECK(bad.code != 0);
  CHECK(bad.err.find("bad.json") != std::string::npos);
}

}  // namespace
}  // namespace geotl::testing
