// Internal to export: one factory per format (export_*.cc).
#pragma once

#include <memory>
#include <ostream>

#include "core/event_json.h"
#include "timeline/export.h"

namespace geotl::timeline {

std::unique_ptr<ExportSink> MakeNdjsonSink(std::ostream* out);
std::unique_ptr<ExportSink> MakeCsvSink(std::ostream* out);
std::unique_ptr<ExportSink> MakeGeoJsonSink(std::ostream* out);
std::unique_ptr<ExportSink> MakeTimelineJsSink(const ExportOptions& o,
                                               std::ostream* out);
std::unique_ptr<ExportSink> MakeEsBulkSink(const ExportOptions& o,
                                           std::ostream* out);

// Compact JSON that never throws on bad UTF-8.
std::string Dump(const core::Json& j);

}  // namespace geotl::timeline
