// Coder::Version(): a short hash over the content of the lexicon files the
// coder loads and the rules hash of the build; stamped on every event.
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <regex>

#include "core/event_json.h"
#include "ingest/coder.h"

using namespace geotl;
using namespace geotl::core;
using namespace geotl::ingest;

namespace {

namespace fs = std::filesystem;

const std::string kLexicons = std::string(GEOTL_SOURCE_DIR) + "/lexicons";

struct Scratch {
  fs::path dir;
  Scratch() {
    std::string t = (fs::temp_directory_path() / "geotl-ver-XXXXXX").string();
    dir = mkdtemp(t.data());
  }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
};

std::string Version(const std::string& lexicon_dir,
                    std::vector<std::string> user = {}) {
  CoderOptions o;
  o.recognizer.lexicon_dir = lexicon_dir;
  o.recognizer.user_lexicons = std::move(user);
  auto v = CoderVersion(o);
  REQUIRE(v.ok());
  return *v;
}

}  // namespace

TEST_CASE("coder version: the lexicons' content and the rules name a coder",
          "[coder]") {
  const std::string v = Version(kLexicons);
  CHECK(std::regex_match(v, std::regex("[0-9a-f]{12}")));
  CHECK(Version(kLexicons) == v);  // deterministic

  Scratch s;
  fs::copy(kLexicons, s.dir / "copy", fs::copy_options::recursive);
  CHECK(Version((s.dir / "copy").string()) == v);  // wherever the files are
  // Any byte of any lexicon file loaded is part of it...
  {
    std::ofstream(s.dir / "copy" / "en" / "persons.json", std::ios::app)
        << "\n";
  }
  const std::string changed = Version((s.dir / "copy").string());
  CHECK(changed != v);
  // ...and so are user lexicons, but files the coder does not read are not.
  std::ofstream(s.dir / "copy" / "README.txt") << "notes";
  CHECK(Version((s.dir / "copy").string()) == changed);
  std::ofstream(s.dir / "user.json") << R"({"persons": []})";
  CHECK(Version(kLexicons, {(s.dir / "user.json").string()}) != v);

  CoderOptions missing;
  missing.recognizer.lexicon_dir = (s.dir / "nowhere").string();
  CHECK_FALSE(CoderVersion(missing).ok());
}

TEST_CASE("coder version: every coded event carries it", "[coder]") {
  auto coder = Coder::Load(CoderOptions{});
  REQUIRE(coder.ok());
  CHECK((*coder)->Version() == Version(""));
  Article a;
  a.id = "ver-1";
  a.text =
      "Germany and France held talks in Paris on Monday. The French "
      "president visited Berlin on Tuesday.";
  a.published = Date(2020, 3, 4);
  a.language = "en";
  auto events = (*coder)->Code(a);
  REQUIRE(!events.empty());
  for (const Event& e : events) CHECK(e.coder == (*coder)->Version());

  // CodeForStore: the article is stamped, weaker events are left out.
  Article b = a;
  auto all = CodeForStore(**coder, &b, 0.0);
  CHECK(b.coder == (*coder)->Version());
  CHECK(all.size() == events.size());
  double top = 0;
  for (const Event& e : all) top = std::max(top, e.confidence);
  auto strong = CodeForStore(**coder, &b, top);
  for (const Event& e : strong) CHECK(e.confidence >= top);
  CHECK(!strong.empty());
  CHECK(CodeForStore(**coder, &b, std::nextafter(top, 2.0)).empty());
}
