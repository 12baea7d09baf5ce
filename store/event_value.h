// The value stored for an event in the covering indexes: a small binary
// header with the fields queries filter on (type, status, parties, location
// country and regions), followed by the event's compact JSON line exactly as
// ToJsonLine prints it, so reads never re-render JSON. Pure functions and
// views into a caller-owned buffer; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/event.h"
#include "core/status.h"

namespace geotl::store {

constexpr uint8_t kValueVersion = 1;
constexpr uint8_t kUnknownType = 255;

// Index of a PLOVER type in EventTypes(), or kUnknownType.
uint8_t TypeIndex(std::string_view type);
// Name for a type index ("" for kUnknownType).
std::string_view TypeName(uint8_t index);

struct PartyView {
  bool recipient = false;
  std::string_view country;  // actor.country
  std::string_view code;     // actor.code
  // The code this party is indexed under: country, else code.
  std::string_view IndexCode() const {
    return country.empty() ? code : country;
  }
};

// Decoded header; string_views point into the value buffer.
struct EventView {
  uint8_t type = kUnknownType;
  EventStatus status = EventStatus::kOccurred;
  std::vector<PartyView> parties;
  std::string_view loc_country;
  std::vector<std::string_view> regions;
  std::string_view json;  // the compact JSON line
};

// The event's compact JSON line, byte for byte what core ToJsonLine prints
// (same keys, order, escaping and number formatting), written directly
// instead of through an nlohmann::json tree (~10x faster; the bulk path's
// main cost was building that tree). Strings that need more than plain
// ASCII copying are escaped by nlohmann itself.
std::string RenderJsonLine(const Event& e);
std::string EncodeEventValue(const Event& e);
// Decodes the header; kCorruption for a malformed value.
Status DecodeEventValue(std::string_view value, EventView* out);
// The `confidence` of an event's JSON line as RenderJsonLine writes it
// (read without parsing the line); nullopt when it has none (null).
std::optional<double> ConfidenceOf(std::string_view json);

// Index codes of an event (distinct, sorted): actor family (parties' index
// codes), country family (location country), `region` every location region
// (counters, grouping), type family (the type name). Index entries:
// `region_index` holds only the innermost region (the first one listed);
// `region_links` pairs (outer, innermost) for every other listed region, so
// that a query for an outer region finds the innermost codes to scan
// (docs/key_format.md). `actor_type` = ActorTypeCode of each actor code with
// the type; `dyad` = DyadCode of each pair of distinct actor codes.
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
