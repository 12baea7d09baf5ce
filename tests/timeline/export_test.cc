#include "timeline/export.h"

#include <catch2/catch.hpp>
#include <cstdio>

#include "tests/fixtures.h"

using namespace geotl;
using namespace geotl::testing;
using namespace geotl::core;

namespace {

const std::string kValidator =
    std::string(GEOTL_TEST_DATA) + "/../timeline/validate_exports.py";

// Runs the Python validator on `text`; returns its output, requires exit 0.
std::string Validate(const std::string& fmt, const std::string& text, size_t n,
                     const std::string& dump = "") {
  std::string path = TempPath("export." + fmt);
  WriteFile(path, text);
  std::string out;
  int rc = Run("/usr/bin/python3 " + kValidator + " " + fmt + " " + path + " " +
                   std::to_string(n) + (dump.empty() ? "" : " " + dump),
               &out);
  std::remove(path.c_str());
  INFO(fmt << " validator: " << out);
  REQUIRE(rc == 0);
  return out;
}

// The sample events plus awkward ones: CSV metacharacters, a formula, a
// negative longitude, month-level and unresolved dates, no location.
std::vector<Event> Events() {
  auto ev = ReadEvents(DataPath("knowledge/sample_events_handwritten.ndjson"));
  Event e = ev[1];
  e.id = "e-awkward";
  e.summary = "=HYPERLINK(\"http://evil\"), \"quoted\"\nnew line";
  e.actors[0].name = "-Minus, Inc.";
  e.actors[0].kind = ActorKind::kOrganization;
  e.location->lat = 40.7128;
  e.location->lon = -74.006;
  e.location->name = "@New York";
  e.sources[0].quote = "+1 say \"hello\"";
  e.sources[0].url = "https://example.org/a?b=c&d=<e>";
  ev.push_back(e);
  return ev;
}

}  // namespace

TEST_CASE("format names parse", "[knowledge][export]") {
  CHECK(*timeline::ParseExportFormat("es-bulk") ==
        timeline::ExportFormat::kEsBulk);
  CHECK(*timeline::ParseExportFormat("timelinejs") ==
        timeline::ExportFormat::kTimelineJs);
  CHECK_FALSE(timeline::ParseExportFormat("xml").ok());
}

TEST_CASE("CSV cells are quoted and formulas neutralised",
          "[knowledge][export]") {
  CHECK(timeline::CsvTextCell("plain") == "plain");
  CHECK(timeline::CsvTextCell("a,b") == "\"a,b\"");
  CHECK(timeline::CsvTextCell("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(timeline::CsvTextCell("=1+2") == "'=1+2");
  CHECK(timeline::CsvTextCell("+49 30") == "'+49 30");
  CHECK(timeline::CsvTextCell("-x") == "'-x");
  CHECK(timeline::CsvTextCell("@SUM(A1)") == "'@SUM(A1)");
  CHECK(timeline::CsvTextCell("\tx") == "'\tx");
}

TEST_CASE("NDJSON export is the event record, one per line",
          "[knowledge][export]") {
  auto ev = Events();
  std::string s = timeline::ExportEvents(ev, timeline::ExportFormat::kNdjson);
  std::stringstream in(s);
  std::string line;
  size_t n = 0;
  while (std::getline(in, line)) {
    auto e = EventFromJsonText(line);
    REQUIRE(e.ok());
    CHECK(*e == ev[n]);
    ++n;
  }
  CHECK(n == ev.size());
}

TEST_CASE("CSV round-trips through Python's csv module",
          "[knowledge][export]") {
  auto ev = Events();
  std::string csv = timeline::ExportEvents(ev, timeline::ExportFormat::kCsv);
  std::string dump = TempPath("rows.json");
  Validate("csv", csv, ev.size(), dump);
  Json rows = Json::parse(ReadFile(dump), nullptr, false);
  std::remove(dump.c_str());
  REQUIRE(rows.is_array());
  REQUIRE(rows.size() == ev.size() + 1);
  const auto& head = rows[0];
  auto col = [&](const std::string& name) {
    for (size_t i = 0; i < head.size(); ++i)
      if (head[i] == name) return i;
    FAIL("no column " << name);
    return size_t{0};
  };
  const auto& last = rows[ev.size()];
  CHECK(last[col("id")] == "e-awkward");
  CHECK(last[col("summary")] ==
        "'=HYPERLINK(\"http://evil\"), \"quoted\"\nnew line");
  CHECK(last[col("actors")] == "'-Minus, Inc.; Russia");
  CHECK(last[col("latitude")] == "40.7128");
  CHECK(last[col("longitude")] == "-74.006");
  CHECK(last[col("location")] == "'@New York");
  CHECK(last[col("quote")] == "'+1 say \"hello\"");
  const auto& first = rows[1];
  CHECK(first[col("date_start")] == "2013-11-02");
  CHECK(first[col("latitude")] == "");
  CHECK(rows[2][col("latitude")] == "35.6895");
}

TEST_CASE("GeoJSON is an RFC 7946 FeatureCollection of points",
          "[knowledge][export]") {
  auto ev = Events();
  std::string g = timeline::ExportEvents(ev, timeline::ExportFormat::kGeoJson);
  // Tokyo, Kyoto and the awkward New York copy have coordinates.
  Validate("geojson", g, 3);
  Json j = Json::parse(g, nullptr, false);
  REQUIRE(!j.is_discarded());
  CHECK(j["events_without_coordinates"] == 8);
  auto& f = j["features"][0];
  CHECK(f["geometry"]["coordinates"][0].get<double>() ==
        Approx(139.69171));  // lon first
  CHECK(f["geometry"]["coordinates"][1].get<double>() == Approx(35.6895));
  CHECK(f["properties"]["type"] == "CONSULT");
}

TEST_CASE("TimelineJS JSON validates, keeps precision honest, is capped",
          "[knowledge][export]") {
  auto ev = Events();
  std::string t =
      timeline::ExportEvents(ev, timeline::ExportFormat::kTimelineJs);
  Validate("timelinejs", t, ev.size());
  Json j = Json::parse(t, nullptr, false);
  bool month_seen = false;
  for (const auto& e : j["events"]) {
    if (e["display_date"] == "October 2013") {
      month_seen = true;
      CHECK(e["start_date"].contains("month"));
      CHECK_FALSE(e["start_date"].contains("day"));
    }
    CHECK(e["text"]["text"].get<std::string>().find("<e>") ==
          std::string::npos);
  }
  CHECK(month_seen);
  // Cap: the most widely reported survive, shown in date order.
  ev[3].n_sources = 5;
  ev[3].n_publishers = 4;
  timeline::ExportOptions o;
  o.timeline_cap = 2;
  std::string capped = ExportEvents(ev, timeline::ExportFormat::kTimelineJs, o);
  Validate("timelinejs", capped, 2);
  Json c = Json::parse(capped, nullptr, false);
  CHECK(c["events"][0]["unique_id"] == ev[3].id);
  CHECK(c["title"]["text"]["text"] == "2 / 11 events");
}

TEST_CASE("Elasticsearch _bulk pairs actions and documents",
          "[knowledge][export]") {
  auto ev = Events();
  Event tomb;
  tomb.id = "e-old";
  tomb.merged_into = ev[0].id;
  ev.push_back(tomb);
  timeline::ExportOptions o;
  o.es_index = "news";
  std::string b =
      timeline::ExportEvents(ev, timeline::ExportFormat::kEsBulk, o);
  Validate("es-bulk", b, ev.size());
  CHECK(b.find("{\"delete\":{\"_index\":\"news\",\"_id\":\"e-old\"}}\n") !=
        std::string::npos);
  CHECK(b.find("\"geo_point\":{\"lat\":35.6895,\"lon\":139.69171}") !=
        std::string::npos);
}
