// The GeoNames gazetteer (geo/gazetteer.h) and place resolution
// (geo/place_resolver.h), table-driven from tests/data/geo/place_cases.tsv.
#include "geo/gazetteer.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "geo/place_key.h"
#include "geo/place_resolver.h"

using namespace geotl;
using namespace geotl::geo;
using namespace geotl::core;

namespace {

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string x;
  while (std::getline(ss, x, sep)) out.push_back(x);
  return out;
}

std::shared_ptr<const Gazetteer> Shared() {
  static auto g = Gazetteer::Open(DefaultGazetteerPath());
  return g.ok() ? *g : nullptr;
}

}  // namespace

TEST_CASE("place keys fold accents, case, hyphens and scripts", "[geo]") {
  CHECK(PlaceKey("Ad Darbāsīyah") == "ad darbasiyah");
  CHECK(PlaceKey("AD-DARBASIYAH") == "ad darbasiyah");
  CHECK(PlaceKey("Ta'izz") == "taizz");
  CHECK(PlaceKey("Łódź") == "lodz");
  CHECK(PlaceKey("Москва") == "moskva");
  CHECK(WithoutArticle("ad darbasiyah") == "darbasiyah");
  CHECK(WithoutArticle("adana").empty());
}

TEST_CASE("a missing or foreign gazetteer file is an error value", "[geo]") {
  CHECK(!Gazetteer::Open("/nonexistent/gazetteer.bin").ok());
  CHECK(!Gazetteer::Open(std::string(GEOTL_TEST_DATA) + "/geo/place_cases.tsv")
             .ok());
}

TEST_CASE("gazetteer resolves the place cases", "[geo]") {
  auto g = Shared();
  if (!g) {
    WARN("no gazetteer (scripts/deps.sh installs its npm sources)");
    return;
  }
  CHECK(g->n_places() > 150000);
  CHECK(g->n_admins() > 40000);
  std::ifstream in(std::string(GEOTL_TEST_DATA) + "/geo/place_cases.tsv");
  REQUIRE(in);
  std::string line;
  int cases = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    auto f = Split(line, '\t');
    REQUIRE(f.size() == 4);
    PlaceContext ctx;
    for (const auto& c : Split(f[1], ',')) ctx.countries.push_back(c);
    for (const auto& a : Split(f[2], '|'))
      ctx.admin_keys.push_back(PlaceKey(a));
    auto r = ResolvePlace(*g, f[0], ctx);
    INFO(line);
    ++cases;
    const std::string& want = f[3];
    if (want == "none") {
      CHECK(!r);
      continue;
    }
    REQUIRE(r);
    auto colon = want.find(':');
    std::string kind = want.substr(0, colon), value = want.substr(colon + 1);
    if (kind == "id") {
      CHECK(r->place.precision == PlacePrecision::kCity);
      CHECK(r->place.geonames_id == static_cast<uint32_t>(std::stoul(value)));
    } else if (kind == "country") {
      CHECK(r->place.precision == PlacePrecision::kCountry);
      CHECK(r->place.country == value);
    } else if (kind == "admin1" || kind == "admin2") {
      CHECK(r->place.precision == (kind == "admin1" ? PlacePrecision::kAdmin1
                                                    : PlacePrecision::kAdmin2));
      CHECK(r->place.name == value);
    }
  }
  CHECK(cases >= 15);
}
