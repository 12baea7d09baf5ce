// The event record (schemas/event.schema.json, docs/architecture.md) as C++
// value types. An Event owns all of its strings; the JSON form
// (core/event_json.h) is the contract, these types mirror it field for field.
// Value types; thread-compatible.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date_range.h"
#include "core/status.h"

namespace geotl::core {

// Events below this confidence are not stored by `geotl ingest` (and POST
// /v1/articles, `geotl recode`), not printed by `geotl extract`, and not shown
// by briefings and the dashboard, unless --min-confidence / min_confidence
// says otherwise. The one default of all of them: 0.0 (keep everything) until
// the calibration table of docs/accuracy.md sets it.
constexpr double kDefaultMinConfidence = 0.0;
// The one rule of every --min-confidence filter: a threshold of 0 or less
// keeps everything, else an event needs confidence >= min_confidence.
inline bool MeetsMinConfidence(double confidence, double min_confidence) {
  return min_confidence <= 0 || confidence >= min_confidence;
}

enum class EventStatus { kOccurred, kPlanned, kHypothetical, kNegated };
std::string_view ToString(EventStatus s);
Result<EventStatus> ParseEventStatus(std::string_view s);

enum class ActorKind { kCountry, kPerson, kOrganization, kGroup };
std::string_view ToString(ActorKind k);
Result<ActorKind> ParseActorKind(std::string_view s);

struct Actor {
  std::string text;     // as written in the article
  std::string name;     // canonical English name
  std::string code;     // full code: country + sectors, e.g. "RUSGOV"
  std::string country;  // ISO alpha-3, IGO code, or home country of a group
  std::string sector;   // first sector (GOV, MIL, ...), may be empty
  ActorKind kind = ActorKind::kCountry;
  bool operator==(const Actor&) const = default;
};

// From the most to the least precise (dedup ranks places by this order;
// stores keep the names, not the ordinals).
enum class PlacePrecision { kCity, kAdmin2, kAdmin1, kCountry, kRegion };
std::string_view ToString(PlacePrecision p);
Result<PlacePrecision> ParsePlacePrecision(std::string_view s);

struct Place {
  std::string text;
  std::string name;  // English GeoNames name of city, else admin1, else country
  std::string country;  // ISO alpha-3 ("" for a region)
  std::string admin1;
  std::string admin2;                   // second-level division, may be empty
  std::optional<uint32_t> geonames_id;  // when the place is a GeoNames feature
  std::optional<double> lat, lon;
  PlacePrecision precision = PlacePrecision::kCountry;
  std::vector<std::string> regions;  // M49 codes containing it, without 001
  bool operator==(const Place&) const = default;
};

struct Source {
  std::string article;        // article id
  std::string url;            // may be empty
  std::string publisher;      // may be empty
  std::string published;      // YYYY-MM-DD
  int sentence = 0;           // 0-based
  size_t start = 0, end = 0;  // byte offsets of the sentence, end exclusive
  std::string quote;
  bool operator==(const Source&) const = default;
};

struct Event {
  std::string id;
  std::string type;   // PLOVER type or STATEMENT
  std::string mode;   // may be empty
  std::string cameo;  // CAMEO root "04"
  std::string quad;   // verbal_cooperation | material_cooperation | ...
  std::string label;  // reader's word: meeting, visit, ...
  EventStatus status = EventStatus::kOccurred;
  DateRange date;
  std::vector<Actor> actors;
  std::vector<Actor> recipients;
  std::optional<Place> location;
  std::optional<long> fatalities;
  std::optional<long> size;
  std::string summary;
  std::string language;
  double confidence = 0.5;
  // The version of the coder that made it (Coder::Version(): 12 hex digits
  // over the lexicons and the rules); "" when unknown (stored by an earlier
  // geotl, or loaded without one), and then left out of the JSON, so records
  // stored before it render as they were. A merged event keeps the newest
  // report's.
  std::string coder;
  std::vector<Source> sources;
  int n_sources = 1;
  int n_publishers = 1;
  std::string first_reported;  // YYYY-MM-DD
  std::string merged_into;     // set on tombstones only
  bool operator==(const Event&) const = default;
};

}  // namespace geotl::core
