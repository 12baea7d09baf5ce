// Export format table, NDJSON, CSV and _bulk sinks (GeoJSON and TimelineJS
// have their own files).
#include "timeline/export.h"

#include <sstream>

#include "core/event_json.h"
#include "timeline/export_flat.h"
#include "timeline/export_sinks.h"

namespace geotl::timeline {
namespace {

class NdjsonSink : public ExportSink {
 public:
  explicit NdjsonSink(std::ostream* out) : out_(out) {}
  void Add(const core::Event& e) override { *out_ << ToJsonLine(e) << '\n'; }
  void Finish() override { out_->flush(); }

 private:
  std::ostream* out_;
};

class CsvSink : public ExportSink {
 public:
  explicit CsvSink(std::ostream* out) : out_(out) {
    const auto& cols = CsvColumns();
    for (size_t i = 0; i < cols.size(); ++i) *out_ << (i ? "," : "") << cols[i];
    *out_ << "\r\n";
  }
  void Add(const core::Event& e) override {
    core::Json row = FlatRecord(e);
    bool first = true;
    for (const auto& col : CsvColumns()) {
      if (!first) *out_ << ',';
      first = false;
      const core::Json& v = row[col];
      if (v.is_null()) continue;
      if (v.is_number_float()) {
        *out_ << NumberText(v.get<double>());
      } else if (v.is_number()) {
        *out_ << v.dump();
      } else if (v.is_array()) {
        std::string joined;
        for (const auto& x : v) {
          if (!joined.empty()) joined += "; ";
          joined += x.get<std::string>();
        }
        *out_ << CsvTextCell(joined);
      } else {
        *out_ << CsvTextCell(v.get<std::string>());
      }
    }
    *out_ << "\r\n";
  }
  void Finish() override { out_->flush(); }

 private:
  std::ostream* out_;
};

class EsBulkSink : public ExportSink {
 public:
  EsBulkSink(const ExportOptions& o, std::ostream* out)
      : index_(o.es_index), out_(out) {}
  void Add(const core::Event& e) override {
    core::Json action, meta;
    meta["_index"] = index_;
    meta["_id"] = e.id;
    if (!e.merged_into.empty()) {  // a tombstone removes the old document
      action["delete"] = meta;
      *out_ << Dump(action) << '\n';
      return;
    }
    action["index"] = meta;
    core::Json doc = ToJson(e);
    doc["@timestamp"] = core::FormatDate(e.date.start);
    if (e.location && e.location->lat && e.location->lon)
      doc["geo_point"] = {{"lat", *e.location->lat}, {"lon", *e.location->lon}};
    *out_ << Dump(action) << '\n' << Dump(doc) << '\n';
  }
  void Finish() override { out_->flush(); }

 private:
  std::string index_;
  std::ostream* out_;
};

}  // namespace

std::string Dump(const core::Json& j) {
  return j.dump(-1, ' ', false, core::Json::error_handler_t::replace);
}

std::unique_ptr<ExportSink> MakeNdjsonSink(std::ostream* out) {
  return std::make_unique<NdjsonSink>(out);
}
std::unique_ptr<ExportSink> MakeCsvSink(std::ostream* out) {
  return std::make_unique<CsvSink>(out);
}
std::unique_ptr<ExportSink> MakeEsBulkSink(const ExportOptions& o,
                                           std::ostream* out) {
  return std::make_unique<EsBulkSink>(o, out);
}

core::Result<ExportFormat> ParseExportFormat(std::string_view s) {
  if (s == "ndjson" || s == "jsonl") return ExportFormat::kNdjson;
  if (s == "csv") return ExportFormat::kCsv;
  if (s == "geojson") return ExportFormat::kGeoJson;
  if (s == "timelinejs") return ExportFormat::kTimelineJs;
  if (s == "es-bulk" || s == "bulk") return ExportFormat::kEsBulk;
  return core::Status::Invalid("unknown export format '" + std::string(s) +
                               "' (ndjson|csv|geojson|timelinejs|es-bulk)");
}

std::string CsvTextCell(std::string_view s) {
  std::string v;
  if (!s.empty() &&
      std::string_view("=+-@\t\r").find(s[0]) != std::string_view::npos)
    v = "'";
  v += s;
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string q = "\"";
  for (char c : v) {
    if (c == '"') q += '"';
    q += c;
  }
  return q + "\"";
}

std::unique_ptr<ExportSink> MakeExportSink(ExportFormat f,
                                           const ExportOptions& o,
                                           std::ostream* out) {
  switch (f) {
    case ExportFormat::kNdjson:
      return MakeNdjsonSink(out);
    case ExportFormat::kCsv:
      return MakeCsvSink(out);
    case ExportFormat::kGeoJson:
      return MakeGeoJsonSink(out);
    case ExportFormat::kTimelineJs:
      return MakeTimelineJsSink(o, out);
    case ExportFormat::kEsBulk:
      return MakeEsBulkSink(o, out);
  }
  return MakeNdjsonSink(out);
}

std::string ExportEvents(const std::vector<core::Event>& events, ExportFormat f,
                         const ExportOptions& o) {
  std::ostringstream s;
  auto sink = MakeExportSink(f, o, &s);
  for (const auto& e : events) sink->Add(e);
  sink->Finish();
  return s.str();
}

}  // namespace geotl::timeline
