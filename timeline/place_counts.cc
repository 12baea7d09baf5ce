#include "timeline/place_counts.h"

#include <algorithm>

namespace geotl::timeline {

void PlaceTally::Add(const core::Place& p) {
  const std::string key = p.geonames_id
                              ? "g" + std::to_string(*p.geonames_id)
                              : "n" + p.name + '\x1f' + p.country + '\x1f' +
                                    std::string(ToString(p.precision));
  auto [it, fresh] = by_key_.try_emplace(key);
  PlaceCount& r = it->second;
  if (fresh) {
    r.name = p.name;
    r.country = p.country;
    r.geonames_id = p.geonames_id;
    r.lat = p.lat;
    r.lon = p.lon;
    r.precision = p.precision;
  }
  ++r.count;
}

std::vector<PlaceCount> PlaceTally::Rows() const {
  std::vector<PlaceCount> rows;
  rows.reserve(by_key_.size());
  for (const auto& [k, r] : by_key_) rows.push_back(r);
  std::sort(rows.begin(), rows.end(),
            [](const PlaceCount& a, const PlaceCount& b) {
              if (a.count != b.count) return a.count > b.count;
              if (a.name != b.name) return a.name < b.name;
              if (a.country != b.country) return a.country < b.country;
              if (a.geonames_id != b.geonames_id)
                return a.geonames_id < b.geonames_id;
              return a.precision < b.precision;
            });
  return rows;
}

core::Json PlaceCountJson(const PlaceCount& r) {
  core::Json j;
  j["name"] = r.name;
  j["country"] = r.country;
  j["geonames_id"] =
      r.geonames_id ? core::Json(*r.geonames_id) : core::Json(nullptr);
  j["lat"] = r.lat ? core::Json(*r.lat) : core::Json(nullptr);
  j["lon"] = r.lon ? core::Json(*r.lon) : core::Json(nullptr);
  j["precision"] = ToString(r.precision);
  j["count"] = r.count;
  return j;
}

}  // namespace geotl::timeline
