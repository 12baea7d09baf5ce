// Internal to store/: writing the value stored for an event in the covering
// indexes, a small binary header with the fields queries filter on (type,
// status, parties, location country and regions) followed by the event's
// compact JSON line exactly as ToJsonLine prints it, so reads never
// re-render JSON. Reading it (EventView, DecodeEventValue, CodesOf) is part
// of the read contract, store/index.h. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/event.h"
#include "core/status.h"
#include "store/index.h"

namespace geotl::store {

constexpr uint8_t kValueVersion = 1;

// The event's compact JSON line, byte for byte what core ToJsonLine prints
// (same keys, order, escaping and number formatting), written directly
// instead of through an nlohmann::json tree (~10x faster; the bulk path's
// main cost was building that tree). Strings that need more than plain
// ASCII copying are escaped by nlohmann itself.
std::string RenderJsonLine(const core::Event& e);
std::string EncodeEventValue(const core::Event& e);

}  // namespace geotl::store
