// GeoNames cities and their first-level divisions (admin1) from libgeonames,
// with names in many languages from the libgeonames-common gettext
// catalogues (/usr/share/locale/<lang>/LC_MESSAGES/geonames.mo, msgid =
// GeoNames id). Loaded once on first use (thread-safe static init) and
// immutable afterwards.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/event.h"

namespace geotl::geo {

struct City {
  std::string id;       // GeoNames id, "1850147"
  std::string name;     // English GeoNames name, "Tokyo"
  std::string admin1;   // English admin1 name, "Tokyo"
  std::string country;  // alpha-3, "JPN"
  double lat = 0, lon = 0;
  uint32_t population = 0;
  int admin1_index = -1;  // into Admin1s()
};

struct Admin1 {
  std::string name;         // English, "Kyoto"
  std::string country;      // alpha-3
  uint64_t population = 0;  // sum over its listed cities
};

const std::vector<City>& Cities();
const std::vector<Admin1>& Admin1s();

// Where the system keeps the GeoNames name catalogues.
inline constexpr char kSystemLocaleDir[] = "/usr/share/locale";

// Names of city `index` in the given catalogue languages ("de", "fr", ...),
// English name first, without duplicates. The catalogues are read from
// <locale_dir>/<lang>/LC_MESSAGES/geonames.mo ("" = kSystemLocaleDir), once
// per folder and language.
std::vector<std::string> CityNames(size_t index,
                                   const std::vector<std::string>& languages,
                                   const std::string& locale_dir = "");

// The most populous city named `english_name` in `alpha3` ("" = any).
std::optional<size_t> FindCity(std::string_view english_name,
                               std::string_view alpha3);

// A Place (precision city / admin1) with regions from RegionsOf().
core::Place CityPlace(size_t index, std::string_view text);
core::Place Admin1Place(size_t index, std::string_view text);

}  // namespace geotl::geo
