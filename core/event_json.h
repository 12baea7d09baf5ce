// JSON mapping of the event record (schemas/event.schema.json). ToJson emits
// keys in the order of the schema, so output is byte-stable; EventFromJson
// validates shape and enums and returns an error value naming the bad field.
// Pure functions; thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "core/event.h"

namespace geotl::core {

using Json = nlohmann::ordered_json;

Json ToJson(const Event& e);
Json ToJson(const Actor& a);
Json ToJson(const Place& p);
Json ToJson(const DateRange& d);
std::string ToJsonLine(const Event& e);  // compact, no trailing newline

Result<Event> EventFromJson(const Json& j);
Result<Event> EventFromJsonText(std::string_view text);
// A `location` object (the place of an event).
Result<Place> PlaceFromJson(const Json& j);

}  // namespace geotl::core
