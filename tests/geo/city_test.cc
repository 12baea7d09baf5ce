// GeoNames cities and admin1 from libgeonames, names from the gettext
// catalogues, and the .mo reader.
#include "geo/city.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <string>

#include "geo/city_catalog.h"

using namespace geotl::core;

namespace geotl::geo {
namespace {

TEST_CASE("cities load with countries, admin1 and coordinates", "[geo]") {
  REQUIRE(Cities().size() > 20000);
  REQUIRE(!Admin1s().empty());
  struct {
    const char* name;
    const char* country;
    const char* admin1;
    double lat, lon;
  } cases[] = {
      {"Tokyo", "JPN", "Tokyo", 35.69, 139.69},
      {"Kyoto", "JPN", "Kyoto", 35.02, 135.75},
      {"Atlanta", "USA", "Georgia", 33.75, -84.39},
      {"Tbilisi", "GEO", "T'bilisi", 41.69, 44.83},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    auto i = FindCity(c.name, c.country);
    REQUIRE(i);
    const City& city = Cities()[*i];
    CHECK(city.country == c.country);
    CHECK(city.admin1 == c.admin1);
    CHECK(city.lat == Approx(c.lat).margin(0.05));
    CHECK(city.lon == Approx(c.lon).margin(0.05));
    REQUIRE(city.admin1_index >= 0);
    CHECK(Admin1s()[city.admin1_index].country == c.country);
    CHECK(Admin1s()[city.admin1_index].population >= city.population);
  }
  CHECK(!FindCity("Tokyo", "DEU"));
  CHECK(FindCity("tokyo", ""));  // case-insensitive, any country
}

TEST_CASE("city names in many languages from the catalogues", "[geo]") {
  auto moscow = FindCity("Moscow", "RUS");
  REQUIRE(moscow);
  auto names = CityNames(*moscow, {"de", "ru", "fr"});
  CHECK(names.front() == "Moscow");
  auto has = [&](const std::string& n) {
    return std::find(names.begin(), names.end(), n) != names.end();
  };
  CHECK(has("Moskau"));
  CHECK(has("Москва"));
  CHECK(has("Moscou"));
  auto only_en = CityNames(*moscow, {"xx-nonexistent"});
  CHECK(only_en == std::vector<std::string>{"Moscow"});
}

TEST_CASE("city and admin1 places carry regions", "[geo]") {
  auto kyoto = FindCity("Kyoto", "JPN");
  REQUIRE(kyoto);
  Place city = CityPlace(*kyoto, "Kyoto");
  CHECK(city.precision == PlacePrecision::kCity);
  CHECK(city.name == "Kyoto");
  CHECK(city.regions == std::vector<std::string>{"030", "142"});
  Place admin = Admin1Place(Cities()[*kyoto].admin1_index, "Kyoto");
  CHECK(admin.precision == PlacePrecision::kAdmin1);
  CHECK(admin.admin1 == "Kyoto");
  CHECK(!admin.lat);
}

TEST_CASE(".mo reader: entries, errors", "[geo]") {
  auto de = ReadMoFile("/usr/share/locale/de/LC_MESSAGES/geonames.mo");
  REQUIRE(de.ok());
  CHECK(de->size() > 1000);
  CHECK(de->at("1850147") == "Tokio");
  CHECK(!ReadMoFile("/nonexistent.mo").ok());
  std::string bad = std::string(std::tmpnam(nullptr));
  { std::ofstream(bad) << "not a catalogue at all, just text"; }
  auto r = ReadMoFile(bad);
  CHECK(!r.ok());
  CHECK(r.status().code() == Code::kCorruption);
  std::remove(bad.c_str());
}

}  // namespace
}  // namespace geotl::geo
