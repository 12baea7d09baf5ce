// Counts by place (`geotl counts --by place`, GET /v1/counts?by=place): the
// events a count counts (timeline/aggregate.h: status default occurred,
// from <= date.start <= to) per location, one row per place: its GeoNames
// id when it has one, else its name, country and precision. A row keeps the
// coordinates of the first of its events in date order; events without a
// location are not counted. Rows are ordered by count, largest first, then
// name, country and id. Not thread-safe (one tally per count).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/event.h"
#include "core/event_json.h"

namespace geotl::timeline {

struct PlaceCount {
  std::string name;
  std::string country;  // alpha-3; "" for a region
  std::optional<uint32_t> geonames_id;
  std::optional<double> lat, lon;
  core::PlacePrecision precision = core::PlacePrecision::kCountry;
  uint64_t count = 0;
};

class PlaceTally {
 public:
  void Add(const core::Place& p);
  std::vector<PlaceCount> Rows() const;

 private:
  std::map<std::string, PlaceCount> by_key_;
};

// {"name","country","geonames_id"|null,"lat"|null,"lon"|null,"precision",
// "count"}
core::Json PlaceCountJson(const PlaceCount& r);

}  // namespace geotl::timeline
