// Countries and M49 regions from ICU: ISO codes, names in every ICU language,
// region containment (JP -> 030 -> 142), and name -> code lookup for queries
// ("Russland" -> RUS, "Ostasien" -> 030). The tables are built once on first
// use (thread-safe static init) and are immutable afterwards.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace geotl::geo {

struct Country {
  std::string alpha2;  // "JP"
  std::string alpha3;  // "JPN"
  std::string name;    // English display name, "Japan"
};

// Every current ISO 3166-1 country known to ICU, sorted by alpha3.
const std::vector<Country>& Countries();
std::optional<Country> CountryByCode(std::string_view alpha2_or_3);
// Case- and accent-insensitive name in any ICU language, or an alpha-2/3
// code: "Russland", "russia", "Россия", "RUS", "ru".
std::optional<std::string> CountryCodeForName(std::string_view name);
// Display name of an alpha-3 country in `language` ("de" -> "Japan").
std::string CountryName(std::string_view alpha3, std::string_view language);

// M49 regions containing the country, innermost first, without 001 (World):
// "JPN" -> {"030", "142"}.
std::vector<std::string> RegionsOf(std::string_view alpha3);
// A 3-digit M49 code or a region name in any ICU language ("Ostasien",
// "Eastern Asia") -> "030".
std::optional<std::string> RegionCodeForName(std::string_view name);
std::string RegionName(std::string_view m49, std::string_view language);
// Every M49 region code ICU knows (continents and subregions), sorted.
const std::vector<std::string>& RegionCodes();
// Alpha-3 codes of all countries contained (transitively) in `m49`.
std::vector<std::string> CountriesInRegion(std::string_view m49);

}  // namespace geotl::geo
