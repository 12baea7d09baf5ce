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

}  // namespace
}  // namespace geotl::testing
