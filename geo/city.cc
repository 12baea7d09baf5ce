#include "geo/city.h"

#include <geonames/geonames.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <mutex>
#include <unordered_map>

#include "geo/city_catalog.h"
#include "geo/country.h"
#include "geo/fold.h"

namespace geotl::geo {
namespace {

struct Tables {
  std::vector<City> cities;
  std::vector<Admin1> admin1s;
};

const Tables& Load() {
  static const Tables tables = [] {
    Tables t;
    std::map<std::pair<std::string, std::string>, int> admin_index;
    const int n = geonames_get_n_cities();
    t.cities.reserve(n > 0 ? n : 0);
    for (int i = 0; i < n; ++i) {
      GeonamesCity* c = geonames_get_city(i);
      if (c == nullptr) continue;
      City city;
      const gchar* id = nullptr;
      g_variant_get_child(c, 0, "&s", &id);
      city.id = id ? id : "";
      city.name = geonames_city_get_name(c);
      city.admin1 = geonames_city_get_state(c);
      std::optional<Country> country =
          CountryByCode(geonames_city_get_country_code(c));
      city.country = country ? country->alpha3 : "";
      city.lat = geonames_city_get_latitude(c);
      city.lon = geonames_city_get_longitude(c);
      city.population = geonames_city_get_population(c);
      geonames_city_free(c);
      if (city.country.empty()) continue;
      if (!city.admin1.empty()) {
        auto key = std::make_pair(city.country, city.admin1);
        auto it = admin_index.find(key);
        if (it == admin_index.end()) {
          it = admin_index.emplace(key, static_cast<int>(t.admin1s.size()))
                   .first;
          t.admin1s.push_back({city.admin1, city.country, 0});
        }
        city.admin1_index = it->second;
        t.admin1s[it->second].population += city.population;
      }
      t.cities.push_back(std::move(city));
    }
    return t;
  }();
  return tables;
}

// GeoNames id -> name, per catalogue folder and language, loaded on demand.
const std::unordered_map<std::string, std::string>& Catalogue(
    const std::string& locale_dir, const std::string& language) {
  static std::mutex mu;
  static std::map<std::pair<std::string, std::string>,
                  std::unordered_map<std::string, std::string>>
      cache;
  std::lock_guard<std::mutex> lock(mu);
  const std::string root = locale_dir.empty() ? kSystemLocaleDir : locale_dir;
  auto key = std::make_pair(root, language);
  auto it = cache.find(key);
  if (it != cache.end()) return it->second;
  auto mo = ReadMoFile(root + "/" + language + "/LC_MESSAGES/geonames.mo");
  auto& slot = cache[key];
  if (mo.ok()) slot = std::move(mo.value());
  return slot;
}

std::vector<std::string> Regions(const std::string& alpha3) {
  return RegionsOf(alpha3);
}

}  // namespace

const std::vector<City>& Cities() { return Load().cities; }
const std::vector<Admin1>& Admin1s() { return Load().admin1s; }

std::vector<std::string> CityNames(size_t index,
                                   const std::vector<std::string>& languages,
                                   const std::string& locale_dir) {
  std::vector<std::string> out;
  const std::vector<City>& cities = Cities();
  if (index >= cities.size()) return out;
  out.push_back(cities[index].name);
  for (const std::string& lang : languages) {
    const auto& cat = Catalogue(locale_dir, lang);
    auto it = cat.find(cities[index].id);
    if (it == cat.end()) continue;
    if (std::find(out.begin(), out.end(), it->second) == out.end())
      out.push_back(it->second);
  }
  return out;
}

std::optional<size_t> FindCity(std::string_view english_name,
                               std::string_view alpha3) {
  const std::vector<City>& cities = Cities();
  const std::string key = Fold(english_name);
  std::optional<size_t> best;
  for (size_t i = 0; i < cities.size(); ++i) {
    if (!alpha3.empty() && cities[i].country != alpha3) continue;
    if (Fold(cities[i].name) != key) continue;
    if (!best || cities[i].population > cities[*best].population) best = i;
  }
  return best;
}

core::Place CityPlace(size_t index, std::string_view text) {
  const City& c = Cities().at(index);
  core::Place p;
  p.text = std::string(text);
  p.name = c.name;
  p.country = c.country;
  p.admin1 = c.admin1;
  p.lat = c.lat;
  p.lon = c.lon;
  p.precision = core::PlacePrecision::kCity;
  p.regions = Regions(c.country);
  // The same GeoNames feature as the large gazetteer's row, so that one
  // town is one place whichever table found it.
  uint32_t id = 0;
  const auto [end, ec] =
      std::from_chars(c.id.data(), c.id.data() + c.id.size(), id);
  if (ec == std::errc() && end == c.id.data() + c.id.size() && id != 0)
    p.geonames_id = id;
  return p;
}

core::Place Admin1Place(size_t index, std::string_view text) {
  const Admin1& a = Admin1s().at(index);
  core::Place p;
  p.text = std::string(text);
  p.name = a.name;
  p.country = a.country;
  p.admin1 = a.name;
  p.precision = core::PlacePrecision::kAdmin1;
  p.regions = Regions(a.country);
  return p;
}

}  // namespace geotl::geo
