// Internal to export: one event as a flat record (scalars and string lists,
// column names of CsvColumns()), shared by CSV and GeoJSON properties.
// Pure; thread-safe.
#pragma once

#include "core/event.h"
#include "core/event_json.h"

namespace geotl::timeline {

// Keys in CsvColumns() order; lists as JSON arrays of strings, absent
// numbers as null.
core::Json FlatRecord(const core::Event& e);

// Shortest round-trip decimal form of a double ("35.6895").
std::string NumberText(double v);

}  // namespace geotl::timeline
