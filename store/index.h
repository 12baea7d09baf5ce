// The store's read contract for timeline/: index families, positions and
// bounded iterators over them, duration classes, counter rows, and the
// header of the event value that index entries carry (what a query filters
// on without parsing the event's JSON). Layout and reasons:
// docs/key_format.md. Value types, pure functions and views into
// caller-owned buffers; thread-safe. An IndexIterator is single-threaded.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/event.h"
#include "core/status.h"

namespace geotl::store {

// Index families. kDate holds every event. kActorType (actor index code +
// type) and kDyad (two actor index codes) are key-only composite families;
// their codes come from store::ActorTypeCode and store::DyadCode. kRegion
// holds each event under its innermost region only (Store::RegionMembers
// expands an outer region).
enum class IndexFamily {
  kDate,
  kActor,
  kCountry,
  kRegion,
  kType,
  kActorType,
  kDyad
};

// Events are indexed per duration class (end - start in days), so that an
// overlap query scans, per class, a start range bounded by the longest event
// of that class (Store::ClassMaxDays).
enum class DurationClass : uint8_t {
  kDay = 0,     // one day
  kMonth = 1,   // up to 31 days: weeks, months
  kYear = 2,    // up to 366 days: quarters, halves, years
  kLonger = 3,  // decades, centuries, long intervals
};
inline constexpr std::array<DurationClass, 4> kDurationClasses = {
    DurationClass::kDay, DurationClass::kMonth, DurationClass::kYear,
    DurationClass::kLonger};
// The class of an event from its DayKeys.
DurationClass DurationClassOf(uint32_t start, uint32_t end);

// A position in (date.start, date.end, id) order; start/end are DayKeys.
struct IndexPosition {
  uint32_t start = 0, end = 0;
  std::string id;
};

// One index entry; the views stay valid until the iterator moves.
struct IndexEntry {
  uint32_t start = 0, end = 0;  // DayKeys
  std::string_view id;
  std::string_view value;  // event value (store::DecodeEventValue), or empty
};

// Forward iterator over one (family, code, duration class) key range, in
// ascending or descending key order.
class IndexIterator {
 public:
  virtual ~IndexIterator() = default;
  virtual bool Valid() const = 0;
  virtual void Next() = 0;
  virtual const IndexEntry& entry() const = 0;
  virtual core::Status status() const = 0;
};

struct ScanSpec {
  IndexFamily family = IndexFamily::kDate;
  std::string code;  // ignored for kDate
  DurationClass duration_class = DurationClass::kDay;
  uint32_t lo_start = 0;  // inclusive bounds on date.start (DayKeys)
  uint32_t hi_start = 0xffffffffu;
  // Entries with date.end < min_end are skipped inside the store: entries
  // of one start that end too early are passed over by one seek (all the
  // month events of an earlier month, all year events of an earlier year).
  uint32_t min_end = 0;
  bool desc = false;
  std::optional<IndexPosition> after;  // resume strictly after, in scan order
  bool with_values = true;             // false: entry().value stays empty
};

// A consistent point-in-time view for a set of iterators and counter reads.
class ReadView {
 public:
  virtual ~ReadView() = default;
  virtual uint64_t sequence() const = 0;
};

// The buckets of the counters (Store::ScanCounters).
enum class CounterGranularity : char {
  kDay = 'd',            // bucket = DayKey of date.start, per type
  kMonth = 'm',          // bucket = year*12 + month-1, per type
  kMonthAllTypes = 'n',  // as kMonth, every type summed (type kAllTypes)
  kTotal = 'T',          // all time, per type; bucket 0
};

struct CounterRow {
  uint32_t bucket = 0;  // as its CounterGranularity says
  uint8_t type = 0;     // store::TypeIndex, kUnknownType or kAllTypes
  core::EventStatus status = core::EventStatus::kOccurred;
  uint64_t count = 0;
};

// Type indexes: a PLOVER type's index in EventTypes(), kUnknownType for any
// other type, kAllTypes for counter rows summed over types.
inline constexpr uint8_t kUnknownType = 255;
inline constexpr uint8_t kAllTypes = 254;
uint8_t TypeIndex(std::string_view type);
// Name for a type index ("" for kUnknownType and kAllTypes).
std::string_view TypeName(uint8_t index);

// A party of an event as its value header holds it.
struct PartyView {
  bool recipient = false;
  std::string_view country;  // actor.country
  std::string_view code;     // actor.code
  // The code this party is indexed under: country, else code.
  std::string_view IndexCode() const {
    return country.empty() ? code : country;
  }
};

// The decoded header of an event value; views point into the value buffer.
struct EventView {
  uint8_t type = kUnknownType;
  core::EventStatus status = core::EventStatus::kOccurred;
  std::vector<PartyView> parties;
  std::string_view loc_country;
  std::vector<std::string_view> regions;
  std::string_view json;  // the event's compact JSON line (core ToJsonLine)
};

// Decodes the header; kCorruption for a malformed value.
core::Status DecodeEventValue(std::string_view value, EventView* out);
// The `confidence` of an event's JSON line (read without parsing the
// line); nullopt when it has none (null).
std::optional<double> ConfidenceOf(std::string_view json);

// Index codes of an event (distinct, sorted): actor family (parties' index
// codes), country family (location country), `region` every location region
// (counters, grouping), type family (the type name). Index entries:
// `region_index` holds only the innermost region (the first one listed);
// `region_links` pairs (outer, innermost) for every other listed region, so
// that a query for an outer region finds the innermost codes to scan.
// `actor_type` = ActorTypeCode of each actor code with the type; `dyad` =
// DyadCode of each pair of distinct actor codes.
struct IndexCodes {
  std::vector<std::string> actor, country, region, type;
  std::vector<std::string> region_index, actor_type, dyad;
  std::vector<std::pair<std::string, std::string>> region_links;
};
IndexCodes CodesOf(const EventView& v);

// Composite index codes of the key-only families. '\x01' never occurs in
// actor codes; a code that had one would only widen a scan (every entry is
// filtered on the event value).
std::string ActorTypeCode(std::string_view actor, std::string_view type);
// Order-independent: DyadCode(a, b) == DyadCode(b, a).
std::string DyadCode(std::string_view a, std::string_view b);

}  // namespace geotl::store
