// Internal to dedup: how precise a date or place is, and the canonical order
// of events (most precise first, then id) that makes clustering and merging
// independent of input order. Pure functions; thread-safe.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "core/event.h"
#include "store/dedup.h"

namespace geotl::store {

// Days covered by the range (a single day = 1).
inline long SpanDays(const core::DateRange& d) {
  return (d.end - d.start).days() + 1;
}

// Smaller = more precise: exact < approximate < range < unresolved, then the
// shorter span.
inline std::tuple<int, long> DateRank(const core::DateRange& d) {
  return {static_cast<int>(d.precision), SpanDays(d)};
}

// Smaller = more precise: city < admin2 < admin1 < country < region <
// none (the enum's order); with
// coordinates before without.
inline std::tuple<int, int> PlaceRank(const core::Place& p) {
  return {static_cast<int>(p.precision), (p.lat && p.lon) ? 0 : 1};
}
inline std::tuple<int, int> PlaceRank(const std::optional<core::Place>& p) {
  if (!p) return {static_cast<int>(core::PlacePrecision::kRegion) + 1, 1};
  return PlaceRank(*p);
}

bool CanonicalLess(const core::Event& a, const core::Event& b);

// Two places are compatible (one may be the other, or contain it): equal
// countries, cities within DedupOptions::max_city_distance_km, equal admin1
// below country level.
bool PlacesMatch(const core::Place& a, const core::Place& b,
                 const DedupOptions& opt);

// A quote's words (lower-case letters and digits), split once so that
// WireCopies over n sources tokenises n quotes, not n^2.
struct QuoteWords {
  std::vector<std::string> words;
  std::set<std::string> set;
};
QuoteWords SplitQuote(const std::string& quote);
bool WireCopies(const QuoteWords& a, const QuoteWords& b,
                const DedupOptions& opt);

}  // namespace geotl::store
