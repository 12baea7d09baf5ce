// Replays the fuzz seed corpus (tests/fuzz/corpus/<target>/) and every input
// a fuzzer once broke (tests/fuzz/regressions/<target>/<what-it-broke>)
// through the fuzz target bodies, in every build: the fast suite keeps each
// fixed crash fixed, and the sanitizer build checks the corpus with
// ASan/UBSan on. Crashes found but not fixed yet wait in
// tests/fuzz/pending/<target>/ (replayed by a [!mayfail] case, so they show
// in every run without failing it); once fixed they move to regressions/.
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include "tests/fuzz/fuzz_targets.h"

namespace fs = std::filesystem;

namespace {

const fs::path kFuzzDir = fs::path(GEOTL_SOURCE_DIR) / "tests/fuzz";

std::string ReadBytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Runs `body` on every input of the target; returns how many were replayed.
size_t Replay(const std::string& target,
              const std::function<std::string(std::string_view)>& body,
              std::vector<const char*> kinds = {"corpus", "regressions"}) {
  size_t n = 0;
  for (const char* kind : kinds) {
    fs::path dir = kFuzzDir / kind / target;
    if (!fs::is_directory(dir)) continue;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir))
      if (e.is_regular_file()) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      INFO(kind << "/" << target << "/" << f.filename().string());
      CHECK(body(ReadBytes(f)) == "");
      ++n;
    }
  }
  return n;
}

}  // namespace

TEST_CASE("fuzz inputs: reader", "[hostile][fuzz]") {
  CHECK(Replay("reader", geotl::fuzz::FuzzReader) > 0);
}

TEST_CASE("fuzz inputs: time", "[hostile][fuzz]") {
  CHECK(Replay("time", geotl::fuzz::FuzzTime) > 0);
}

TEST_CASE("fuzz inputs: coder", "[hostile][fuzz]") {
  CHECK(Replay("coder", geotl::fuzz::FuzzCoder) > 0);
}

TEST_CASE("fuzz inputs: query", "[hostile][fuzz]") {
  CHECK(Replay("query", geotl::fuzz::FuzzQuery) > 0);
}

TEST_CASE("fuzz inputs: http", "[hostile][fuzz]") {
  char tmpl[] = "/tmp/geotl-fuzz-replay-XXXXXX";
  REQUIRE(mkdtemp(tmpl) != nullptr);
  geotl::fuzz::HttpWorld world(std::string(tmpl) + "/store");
  CHECK(Replay("http", [&](std::string_view in) { return world.Run(in); }) > 0);
  fs::remove_all(tmpl);
}

// Known crashes whose fix is in someone else's files (see docs/reliability.md).
TEST_CASE("fuzz inputs: pending fixes", "[hostile][fuzz][!mayfail]") {
  Replay("query", geotl::fuzz::FuzzQuery, {"pending"});
  Replay("reader", geotl::fuzz::FuzzReader, {"pending"});
  Replay("time", geotl::fuzz::FuzzTime, {"pending"});
  Replay("coder", geotl::fuzz::FuzzCoder, {"pending"});
}
