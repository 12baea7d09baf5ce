// The value stored for an event in the covering indexes: a small binary
// header with the fields queries filter on (type, status, parties, location
// country and regions), followed by the event's compact JSON line exactly as
// ToJsonLine prints it, so reads never re-render JSON. Pure functions and
// views into a caller-owned buffer; thread-safe.
#pragma once

#include <cstdint>
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

std::string EncodeEventValue(const Event& e);
// Decodes the header; kCorruption for a malformed value.
Status DecodeEventValue(std::string_view value, EventView* out);

// Index codes of an event (distinct, sorted): actor family (parties' index
// codes), country family (location country), region family (location
// regions), type family (the type name).
struct IndexCodes {
  std::vector<std::string> actor, country, region, type;
};
IndexCodes CodesOf(const EventView& v);

}  // namespace geotl::store
