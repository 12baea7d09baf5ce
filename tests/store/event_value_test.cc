// RenderJsonLine must print exactly what core ToJsonLine prints: the stored
// JSON is compared byte for byte with other stores (bench/timeline) and with
// the CLI's documents. Randomised events cover every field, optional ones,
// strings that need escaping or UTF-8 repair, and awkward numbers.
#include "store/event_value.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <random>

#include "core/event_json.h"
#include "tests/store/test_util.h"

using namespace geotl::core;

namespace geotl::store {
namespace {

std::string RandomString(std::mt19937& rng) {
  static const char* const kPieces[] = {
      "plain", " ",      "Türkiye", "\"q\"", "back\\slash",  "tab\t", "nl\n",
      "\x01",  "\x1f",   "\x7f",    "\xc3",  "\xff\xfe",     "日本",  "/",
      "é",     "\r\b\f", "",        "😀",     "\xed\xa0\x80", "a"};
  std::string s;
  int n = int(rng() % 5);
  for (int i = 0; i < n; ++i) s += kPieces[rng() % 20];
  return s;
}

double RandomDouble(std::mt19937& rng) {
  static const double kValues[] = {0.0,
                                   -0.0,
                                   0.5,
                                   1.0,
                                   35.6895,
                                   -122.4194,
                                   1e-7,
                                   1e21,
                                   123456789.0,
                                   0.1 + 0.2,
                                   std::numeric_limits<double>::quiet_NaN(),
                                   std::numeric_limits<double>::infinity(),
                                   -std::numeric_limits<double>::denorm_min()};
  if (rng() % 3 == 0) return double(int(rng() % 2000000) - 1000000) / 10000;
  return kValues[rng() % 13];
}

TEST_CASE("event value: RenderJsonLine equals ToJsonLine byte for byte") {
  testing::EventGen gen(21);
  std::mt19937& rng = gen.rng();
  for (int i = 0; i < 3000; ++i) {
    Event e = gen.MakeEvent("e" + std::to_string(i), "a" + std::to_string(i));
    if (i % 2) {
      e.id = RandomString(rng) + e.id;
      e.mode = RandomString(rng);
      e.summary = RandomString(rng);
      if (rng() % 4 == 0) e.summary += ",\"confidence\":7,";
      e.date.text = RandomString(rng);
      e.language = RandomString(rng);
      e.first_reported = RandomString(rng);
      e.confidence = RandomDouble(rng);
      e.coder = RandomString(rng);
      for (auto* v : {&e.actors, &e.recipients})
        for (auto& a : *v) {
          a.text = RandomString(rng);
          a.name = RandomString(rng);
          a.sector = rng() % 2 ? RandomString(rng) : "";
          a.kind = static_cast<ActorKind>(rng() % 4);
        }
      if (e.location) {
        e.location->name = RandomString(rng);
        e.location->admin1 = rng() % 2 ? RandomString(rng) : "";
        if (rng() % 4 == 0) e.location->lat.reset();
        if (e.location->lat) e.location->lat = RandomDouble(rng);
        if (rng() % 4 == 0) e.location->lon.reset();
        if (e.location->lon) e.location->lon = RandomDouble(rng);
        e.location->precision = static_cast<PlacePrecision>(rng() % 5);
        e.location->regions.push_back(RandomString(rng));
      }
      if (rng() % 2) e.fatalities = long(rng() % 100000) - 50;
      if (rng() % 2) e.size = long(rng());
      if (rng() % 3 == 0) e.merged_into = RandomString(rng) + "m";
      for (int k = int(rng() % 3); k > 0; --k) {
        Source s;
        s.article = RandomString(rng);
        s.url = RandomString(rng);
        s.publisher = RandomString(rng);
        s.published = "2016-02-0" + std::to_string(k);
        s.sentence = int(rng() % 1000) - 1;
        s.start = size_t(rng()) * 4096;
        s.end = s.start + rng() % 300;
        s.quote = RandomString(rng);
        e.sources.push_back(s);
      }
      e.n_sources = int(rng() % 10);
      e.n_publishers = -int(rng() % 3);
      e.status = static_cast<EventStatus>(rng() % 4);
    }
    INFO(ToJsonLine(e));
    REQUIRE(RenderJsonLine(e) == ToJsonLine(e));
    // The value's JSON part is that line; the header decodes.
    std::string v = EncodeEventValue(e);
    EventView view;
    REQUIRE(DecodeEventValue(v, &view).ok());
    CHECK(view.json == ToJsonLine(e));
    // The confidence post-filter reads the number without parsing the line
    // (summaries and quotes may hold anything, also `,"confidence":`).
    auto c = ConfidenceOf(view.json);
    if (std::isfinite(e.confidence)) {
      REQUIRE(c.has_value());
      CHECK(*c == Approx(e.confidence).margin(1e-300));
    } else {
      CHECK_FALSE(c.has_value());
    }
  }
}

TEST_CASE("event value: composite codes and region links") {
  testing::EventGen gen(4);
  Event e = gen.MakeEvent("x", "a");
  e.actors.clear();
  e.recipients.clear();
  Actor a;
  a.country = "RUS";
  a.code = "RUSGOV";
  Actor b;
  b.country = "JPN";
  b.code = "JPN";
  Actor c;
  c.code = "NATO";
  e.actors = {a, b};
  e.recipients = {c, a};
  e.type = "CONSULT";
  Place p;
  p.country = "JPN";
  p.regions = {"030", "142", "", "030", "001"};
  e.location = p;
  std::string v = EncodeEventValue(e);
  EventView view;
  REQUIRE(DecodeEventValue(v, &view).ok());
  IndexCodes codes = CodesOf(view);
  CHECK(codes.actor == std::vector<std::string>{"JPN", "NATO", "RUS"});
  CHECK(codes.region == std::vector<std::string>{"001", "030", "142"});
  CHECK(codes.region_index == std::vector<std::string>{"030"});
  CHECK(codes.region_links == std::vector<std::pair<std::string, std::string>>{
                                  {"001", "030"}, {"142", "030"}});
  CHECK(codes.actor_type ==
        std::vector<std::string>{ActorTypeCode("JPN", "CONSULT"),
                                 ActorTypeCode("NATO", "CONSULT"),
                                 ActorTypeCode("RUS", "CONSULT")});
  CHECK(codes.dyad == std::vector<std::string>{DyadCode("JPN", "NATO"),
                                               DyadCode("JPN", "RUS"),
                                               DyadCode("NATO", "RUS")});
  CHECK(DyadCode("RUS", "JPN") == DyadCode("JPN", "RUS"));
}

}  // namespace
}  // namespace geotl::store
