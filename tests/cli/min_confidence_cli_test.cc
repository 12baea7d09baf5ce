// `geotl ingest` and `geotl extract` with --min-confidence: events below the
// threshold are neither stored nor printed; a threshold outside 0..1 is a
// usage error.
#include <algorithm>
#include <catch2/catch.hpp>
#include <sstream>

#include "core/event_json.h"
#include "tests/cli/cli_fixture.h"

using namespace geotl;
using namespace geotl::testing;
using namespace geotl::core;

namespace {

const std::string kExamples = std::string(GEOTL_SOURCE_DIR) + "/examples";

std::vector<Json> Events(const TempDir& dir, const std::string& db) {
  auto r = Geotl(dir, {"events", "--db", db, "--format", "ndjson", "--limit",
                       "1000", "--status", "occurred", "--status", "planned",
                       "--status", "hypothetical", "--status", "negated"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  std::vector<Json> out;
  std::istringstream in(r.out);
  for (std::string line; std::getline(in, line);)
    out.push_back(Json::parse(line));
  return out;
}

}  // namespace

TEST_CASE("ingest and extract --min-confidence leave out weaker events",
          "[cli]") {
  TempDir dir;
  const std::string input = Slurp(kExamples + "/more-articles.ndjson");
  auto all = Geotl(dir, {"extract"}, input);
  REQUIRE(all.code == 0);
  std::vector<double> conf;
  std::istringstream in(all.out);
  for (std::string line; std::getline(in, line);)
    conf.push_back(Json::parse(line)["confidence"].get<double>());
  REQUIRE(conf.size() >= 2);
  std::sort(conf.begin(), conf.end());
  const double c = conf.back();           // keeps only the most confident
  const std::string cs = Json(c).dump();  // shortest round-trip text
  size_t kept = std::count(conf.begin(), conf.end(), c);
  REQUIRE(kept < conf.size());
  auto some = Geotl(dir, {"extract", "--min-confidence", cs}, input);
  REQUIRE(some.code == 0);
  CHECK(CountLines(some.out) == kept);
  CHECK(Geotl(dir, {"extract", "--min-confidence", "1.5"}, input).code == 2);

  auto r =
      Geotl(dir, {"ingest", "--db", "db", "--min-confidence", cs, "-"}, input);
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  REQUIRE(!Events(dir, "db").empty());
  for (const Json& e : Events(dir, "db"))
    CHECK(e["confidence"].get<double>() >= c);
}
