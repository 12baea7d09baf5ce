// The place filter (`--place`, `place=`) against a full scan of the same
// query without it, filtered by the events' locations: by GeoNames id, by
// name or text in any case, any-of, combined with the other filters, pages
// and counts.
#include <algorithm>
#include <catch2/catch.hpp>
#include <set>

#include "core/event_json.h"
#include "tests/store/test_util.h"
#include "timeline/aggregate.h"
#include "timeline/events.h"
#include "timeline/query.h"

namespace geotl::timeline {
namespace {

using geotl::testing::ArticleNamed;
using geotl::testing::EventGen;
using geotl::testing::MeetingEvent;
using geotl::testing::TempDir;

std::vector<std::string> AllEvents(const Store& store, Query q) {
  q.limit = kMaxLimit;
  std::vector<std::string> out;
  while (true) {
    auto page = RunEvents(store, q);
    REQUIRE(page.ok());
    out.insert(out.end(), page->events.begin(), page->events.end());
    if (!page->next) return out;
    q.cursor = DecodeCursor(*page->next, q.desc).value();
  }
}

std::string Lower(std::string s) {
  for (char& c : s)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The reference: the location's id, name or text is one of `places`.
bool AtAnyOf(const std::string& json_line,
             const std::set<std::string>& places) {
  const Json j = Json::parse(json_line);
  if (!j.contains("location")) return false;
  const Json& l = j["location"];
  for (const auto& p : places) {
    if (l.contains("geonames_id") &&
        std::to_string(l["geonames_id"].get<uint64_t>()) == p)
      return true;
    for (const char* k : {"name", "text"})
      if (l.contains(k) && Lower(l[k].get<std::string>()) == Lower(p))
        return true;
  }
  return false;
}

Event MeetingAt(const std::string& id, const std::string& article, int day,
                const std::string& name, const std::string& text,
                std::optional<uint32_t> geonames_id) {
  Event e = MeetingEvent(id, article, day);
  Place p;
  p.name = name;
  p.text = text;
  p.country = "JPN";
  p.precision = PlacePrecision::kCity;
  p.geonames_id = geonames_id;
  p.regions = {"030", "142"};
  e.location = p;
  return e;
}

TEST_CASE("place filter: equals a full scan filtered by location") {
  TempDir dir;
  auto store = Store::Open(dir.Sub("db"), StoreOptions()).value();
  REQUIRE(
      store
          ->PutArticle(ArticleNamed("a-1"),
                       {MeetingAt("m1", "a-1", 3, "Tokyo", "Tokio", 1850147u),
                        MeetingAt("m2", "a-1", 9, "Osaka", "Osaka", 1853909u)})
          .ok());
  REQUIRE(store
              ->PutArticle(ArticleNamed("a-2"),
                           {MeetingAt("m3", "a-2", 20, "Kyoto", "in Kyoto",
                                      std::nullopt)})
              .ok());
  EventGen gen(11);  // places named "<ISO> city"
  for (int i = 0; i < 150; ++i) {
    const std::string id = "r" + std::to_string(i);
    REQUIRE(store
                ->PutArticle(gen.MakeArticle(id),
                             gen.MakeEvents(id, gen.Uniform(1, 4)))
                .ok());
  }
  struct Case {
    std::vector<std::string> places;
    Params rest;
    size_t at_least;
  };
  const std::vector<Case> cases = {
      {{"1850147"}, {}, 1},         // by GeoNames id
      {{"tokyo"}, {}, 1},           // by name, any case
      {{"Tokio"}, {}, 1},           // by the text as written
      {{"Kyoto"}, {}, 1},           // no id, name Kyoto: found by name
      {{"Tokyo", "Osaka"}, {}, 2},  // any-of
      {{"Nowhere"}, {}, 0},
      {{"RUS city"}, {}, 1},  // generated events
      {{"RUS city", "JPN city"}, {{"type", "CONSULT"}, {"order", "desc"}}, 0},
      {{"Tokyo"}, {{"actor", "JPN"}, {"from", "2013-11-01"}}, 1},
  };
  for (const Case& c : cases) {
    Params p = c.rest;
    for (const auto& a : c.places) p.emplace("place", a);
    std::string describe;
    for (const auto& [k, v] : p) describe += k + "=" + v + " ";
    INFO(describe);
    Query with = ParseQuery(p).value();
    Query without = ParseQuery(c.rest).value();
    const std::set<std::string> places(c.places.begin(), c.places.end());
    std::vector<std::string> want;
    for (const auto& line : AllEvents(*store, without))
      if (AtAnyOf(line, places)) want.push_back(line);
    CHECK(AllEvents(*store, with) == want);
    CHECK(want.size() >= c.at_least);
    with.limit = 2;
    auto first = RunEvents(*store, with);
    REQUIRE(first.ok());
    CHECK(first->total.value() == want.size());
    if (c.rest.count("from")) continue;
    Params cp = p;
    cp.erase("order");
    cp.emplace("by", "year");
    auto counts = RunCounts(*store, ParseCountsQuery(cp).value());
    REQUIRE(counts.ok());
    CHECK_FALSE(counts->from_counters);
    uint64_t n = 0, ref = 0;
    for (const auto& r : counts->rows) n += r.count;
    cp = c.rest;
    cp.erase("order");
    cp.emplace("by", "year");
    Query counted = ParseCountsQuery(cp).value().filter;
    if (counted.statuses.empty()) counted.statuses = {EventStatus::kOccurred};
    for (const auto& line : AllEvents(*store, counted))
      ref += AtAnyOf(line, places);
    CHECK(n == ref);
  }
}

TEST_CASE("place filter: an empty value is an error naming it") {
  auto r = ParseQuery(Params{{"place", ""}});
  REQUIRE_FALSE(r.ok());
  CHECK(ErrorParameter(r.status()) == "place");
}

}  // namespace
}  // namespace geotl::timeline
