// GeoJSON (RFC 7946): a FeatureCollection with one Point feature per event
// that has coordinates ([longitude, latitude], WGS 84); the flat record as
// properties. Events without coordinates are left out and counted in the
// foreign member "events_without_coordinates".
#include "timeline/export_flat.h"
#include "timeline/export_sinks.h"

namespace geotl::timeline {
namespace {

class GeoJsonSink : public ExportSink {
 public:
  explicit GeoJsonSink(std::ostream* out) : out_(out) {
    *out_ << "{\"type\":\"FeatureCollection\",\"features\":[";
  }
  void Add(const core::Event& e) override {
    if (!e.location || !e.location->lat || !e.location->lon ||
        !e.merged_into.empty()) {
      if (e.merged_into.empty()) ++skipped_;
      return;
    }
    core::Json f;
    f["type"] = "Feature";
    f["id"] = e.id;
    f["geometry"] = {{"type", "Point"},
                     {"coordinates", {*e.location->lon, *e.location->lat}}};
    core::Json props = FlatRecord(e);
    props.erase("latitude");  // the geometry holds them
    props.erase("longitude");
    f["properties"] = std::move(props);
    *out_ << (first_ ? "\n" : ",\n") << Dump(f);
    first_ = false;
  }
  void Finish() override {
    *out_ << "\n],\"events_without_coordinates\":" << skipped_ << "}\n";
    out_->flush();
  }

 private:
  std::ostream* out_;
  bool first_ = true;
  size_t skipped_ = 0;
};

}  // namespace

std::unique_ptr<ExportSink> MakeGeoJsonSink(std::ostream* out) {
  return std::make_unique<GeoJsonSink>(out);
}

}  // namespace geotl::timeline
