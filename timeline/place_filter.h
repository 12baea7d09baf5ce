// The place filter (`--place`, `place=`) and the reading of an event's
// location it shares with the counts by place (timeline/place_counts.h).
// A value names places three ways, and an event matches when its location
// is named by any of them (docs/api.md, "place"):
//  - digits: the location's GeoNames id (`geonames_id`);
//  - any value: the location's name, compared folded (geo::Fold: case,
//    accents, blanks and hyphens do not count: "kyiv" finds "Kyiv"); and,
//    with a gazetteer, every place of that name or alternate name in any
//    language or spelling, by its GeoNames id and English name ("Wien" and
//    "Vienne" find Vienna, "Kiew" finds Kyiv);
//  - a country code in capitals, ISO alpha-3 or alpha-2 (KEN, KE): the
//    location's country.
// An event without a location matches no place. Not thread-safe: a filter
// caches folded names (one filter per query scan).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/event.h"
#include "geo/gazetteer.h"
#include "store/index.h"

namespace geotl::timeline {

class PlaceFilter {
 public:
  // `gazetteer` (may be null) adds the places a name denotes.
  explicit PlaceFilter(const std::vector<std::string>& values,
                       const geo::Gazetteer* gazetteer = nullptr);
  bool empty() const { return empty_; }
  // The event of a scan: its header (location country) and JSON (location).
  bool Matches(const store::EventView& v) const;
  bool Matches(const core::Place& p) const;

 private:
  bool NameMatches(const std::string& name) const;

  bool empty_ = true;
  std::vector<uint32_t> ids_;
  std::vector<std::string> names_;      // folded
  std::vector<std::string> countries_;  // alpha-3
  mutable std::unordered_map<std::string, std::string> folded_;
};

// The `location` of an event's compact JSON line (core ToJsonLine), read
// without parsing the rest of the line; nullopt when it is null or
// malformed.
std::optional<core::Place> LocationOf(std::string_view event_json);

// The gazetteer at geo::DefaultGazetteerPath(), opened once and shared;
// null when there is none (then names match as written).
const geo::Gazetteer* SharedGazetteer();

}  // namespace geotl::timeline
