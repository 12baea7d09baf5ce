// Export: events into the formats other tools load — NDJSON (the record),
// CSV (flat columns a spreadsheet user expects, `latitude`/`longitude`,
// formula-looking cells neutralised), GeoJSON (RFC 7946 FeatureCollection of
// points), TimelineJS JSON (capped, the most widely reported events chosen
// here, not in the browser) and an Elasticsearch/OpenSearch `_bulk` body.
// An ExportSink writes as events arrive (TimelineJS buffers to select), so a
// caller can page through a store. Not thread-safe; one sink per stream.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/event.h"
#include "core/status.h"

namespace geotl::timeline {

enum class ExportFormat { kNdjson, kCsv, kGeoJson, kTimelineJs, kEsBulk };
// ndjson|csv|geojson|timelinejs|es-bulk
core::Result<ExportFormat> ParseExportFormat(std::string_view s);

struct ExportOptions {
  size_t timeline_cap = 500;  // TimelineJS: at most this many events
  std::string es_index = "geotl-events";  // _bulk target index
  std::string title = "geotl events";     // TimelineJS title headline
  std::string lang = "en";                // TimelineJS display dates (en|de)
};

class ExportSink {
 public:
  virtual ~ExportSink() = default;
  virtual void Add(const core::Event& e) = 0;
  // Writes whatever the format needs at the end. Call exactly once.
  virtual void Finish() = 0;
};

// `out` must outlive the sink.
std::unique_ptr<ExportSink> MakeExportSink(ExportFormat format,
                                           const ExportOptions& options,
                                           std::ostream* out);

// Convenience: the whole export of `events` as one string.
std::string ExportEvents(const std::vector<core::Event>& events,
                         ExportFormat format,
                         const ExportOptions& options = {});

// CSV pieces, exposed for tests and other flat exports.
const std::vector<std::string>& CsvColumns();
// RFC 4180 quoting; a text cell starting with = + - @ TAB or CR gets a
// leading apostrophe so a spreadsheet shows it instead of evaluating it.
std::string CsvTextCell(std::string_view s);

}  // namespace geotl::timeline
