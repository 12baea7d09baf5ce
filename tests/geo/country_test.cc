#include "geo/country.h"

#include <catch2/catch.hpp>

#include "geo/fold.h"

using namespace geotl::geo;

TEST_CASE("country names in several languages resolve to alpha-3", "[geo]") {
  struct Case {
    const char* name;
    const char* code;
  };
  const Case cases[] = {
      {"Russland", "RUS"},      {"Russia", "RUS"},
      {"RUS", "RUS"},           {"ru", "RUS"},
      {"Japan", "JPN"},         {"japon", "JPN"},
      {"Россия", "RUS"},        {"Vereinigte Staaten", "USA"},
      {"Nordkorea", "PRK"},     {"Südkorea", "KOR"},
      {"suedkorea", ""},        {"Côte d’Ivoire", "CIV"},
      {"cote d'ivoire", "CIV"},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    auto r = CountryCodeForName(c.name);
    if (std::string(c.code).empty()) {
      CHECK_FALSE(r.has_value());
    } else {
      REQUIRE(r.has_value());
      CHECK(*r == c.code);
    }
  }
  CHECK_FALSE(CountryCodeForName("Atlantis").has_value());
}

TEST_CASE("region containment walks M49 without World", "[geo]") {
  CHECK(RegionsOf("JPN") == std::vector<std::string>{"030", "142"});
  CHECK(RegionsOf("DEU") == std::vector<std::string>{"155", "150"});
  CHECK(RegionsOf("XXX").empty());
}

TEST_CASE("region names in any language and codes resolve", "[geo]") {
  CHECK(RegionCodeForName("Ostasien").value() == "030");
  CHECK(RegionCodeForName("Eastern Asia").value() == "030");
  CHECK(RegionCodeForName("030").value() == "030");
  CHECK(RegionCodeForName("europe").value() == "150");
  CHECK_FALSE(RegionCodeForName("999").has_value());
  CHECK(RegionName("030", "de") == "Ostasien");
  CHECK(CountryName("JPN", "de") == "Japan");
  auto east_asia = CountriesInRegion("030");
  CHECK(std::find(east_asia.begin(), east_asia.end(), "JPN") !=
        east_asia.end());
  CHECK(std::find(east_asia.begin(), east_asia.end(), "DEU") ==
        east_asia.end());
}

TEST_CASE("fold makes typed names comparable", "[geo]") {
  CHECK(Fold("Côte d’Ivoire") == Fold("cote d'ivoire"));
  CHECK(Fold("Süd-Korea") == Fold("süd korea"));
  CHECK(Fold("STRASSE") == Fold("Straße"));
}
