// The event ontology: PLOVER's 16 types plus STATEMENT, each with its CAMEO
// root, quad class and default reader label. Immutable tables; thread-safe.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace geotl {

struct EventTypeInfo {
  std::string_view type;   // "CONSULT"
  std::string_view cameo;  // "04"
  std::string_view quad;   // "verbal_cooperation"
  std::string_view label;  // "meeting"
};

// All 17 types; CAMEO roots per CAMEO2PLOVER (STATEMENT = 01).
const std::vector<EventTypeInfo>& EventTypes();
// By PLOVER type name (case-insensitive), e.g. "consult".
std::optional<EventTypeInfo> FindEventType(std::string_view type);

}  // namespace geotl
