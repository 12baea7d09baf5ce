// The article filter (`--article`, `article=`) against a full scan of the
// same query without it, filtered by the events' sources: on a store with
// dedup on, so that merged events carry sources from several articles.
#include <algorithm>
#include <catch2/catch.hpp>
#include <set>

#include "core/event_json.h"
#include "tests/store/test_util.h"
#include "tests/timeline/all_events.h"
#include "timeline/aggregate.h"
#include "timeline/events.h"
#include "timeline/query.h"

using namespace geotl::core;

namespace geotl::timeline {
namespace {

using geotl::testing::ArticleNamed;
using geotl::testing::EventGen;
using geotl::testing::MeetingEvent;
using geotl::testing::TempDir;

// An id the matcher cannot rule out by a plain substring search.
const std::string kOddId = "art \"3\"/ä";

using testing::AllEvents;

bool FromAnyOf(const std::string& json_line, const std::set<std::string>& ids) {
  // Not a range over Json::parse(…)["sources"]: the parsed temporary
  // would not outlive the loop.
  const Json j = Json::parse(json_line);
  for (const auto& s : j["sources"])
    if (ids.count(s["article"].get<std::string>())) return true;
  return false;
}

TEST_CASE("article filter: equals a full scan filtered by source article") {
  TempDir dir;
  auto store = store::Store::Open(dir.Sub("db"), store::StoreOptions()).value();
  EventGen gen(5);
  // Three reports of meetings: the day-3 meeting merges art-1 and art-2,
  // the day-5 one art-1 and the odd id.
  REQUIRE(
      store
          ->PutArticle(ArticleNamed("art-1"), {MeetingEvent("m1", "art-1", 3),
                                               MeetingEvent("m2", "art-1", 5)})
          .ok());
  REQUIRE(
      store->PutArticle(ArticleNamed("art-2"), {MeetingEvent("m3", "art-2", 3)})
          .ok());
  REQUIRE(
      store->PutArticle(ArticleNamed(kOddId), {MeetingEvent("m4", kOddId, 5)})
          .ok());
  for (int i = 0; i < 150; ++i) {
    const std::string id = "r" + std::to_string(i);
    REQUIRE(store
                ->PutArticle(gen.MakeArticle(id),
                             gen.MakeEvents(id, gen.Uniform(1, 4)))
                .ok());
  }

  struct Case {
    std::vector<std::string> articles;
    Params rest;  // the other filters
    size_t at_least;
  };
  const std::vector<Case> cases = {
      {{"art-1"}, {}, 2},
      {{"art-2"}, {}, 1},  // its meeting merged into art-1's: found here too
      {{kOddId}, {}, 1},
      {{"art-1", "art-2"}, {}, 2},
      {{"nope"}, {}, 0},
      {{"art-1"}, {{"from", "2013-11-04"}}, 1},
      {{"art-1"}, {{"actor", "JPN"}, {"order", "desc"}}, 2},
      {{"r7", "r8", "r9"}, {}, 3},
      {{"r11"}, {{"status", "negated"}, {"status", "occurred"}}, 0},
      {{"r1", "r2", "r3", "r4"}, {{"type", "CONSULT"}, {"within", "true"}}, 0},
  };
  for (const Case& c : cases) {
    Params p = c.rest;
    for (const auto& a : c.articles) p.emplace("article", a);
    std::string describe;
    for (const auto& [k, v] : p) describe += k + "=" + v + " ";
    INFO(describe);
    Query with = ParseQuery(p).value();
    Query without = ParseQuery(c.rest).value();
    const std::set<std::string> ids(c.articles.begin(), c.articles.end());
    std::vector<std::string> want;
    for (const auto& line : AllEvents(*store, without))
      if (FromAnyOf(line, ids)) want.push_back(line);
    CHECK(AllEvents(*store, with) == want);
    CHECK(want.size() >= c.at_least);
    // Pages and totals: small pages add up to the same events.
    with.limit = 2;
    auto first = RunEvents(*store, with);
    REQUIRE(first.ok());
    CHECK(first->total.value() == want.size());

    // Counts (of the events starting in the range: compared without one):
    // scanned, and the same events counted.
    if (c.rest.count("from") || c.rest.count("to")) continue;
    Params cp = p;
    cp.erase("order");
    cp.emplace("by", "year");
    auto counts = RunCounts(*store, ParseCountsQuery(cp).value());
    REQUIRE(counts.ok());
    CHECK_FALSE(counts->from_counters);
    cp = c.rest;
    cp.erase("order");
    cp.emplace("by", "year");
    CountsQuery all = ParseCountsQuery(cp).value();
    uint64_t n = 0, ref = 0;
    for (const auto& r : counts->rows) n += r.count;
    // The counted events of the query without the filter, by article.
    Query counted = all.filter;
    if (counted.statuses.empty()) counted.statuses = {EventStatus::kOccurred};
    for (const auto& line : AllEvents(*store, counted))
      ref += FromAnyOf(line, ids);
    CHECK(n == ref);
  }
}

TEST_CASE("article filter: an empty id is an error naming it") {
  auto r = ParseQuery(Params{{"article", " "}});
  REQUIRE_FALSE(r.ok());
  CHECK(ErrorParameter(r.status()) == "article");
  CHECK(ParseQuery(Params{{"article", "a"}, {"article", "a"}})
            .value()
            .articles.size() == 1);
}

}  // namespace
}  // namespace geotl::timeline
