// The read API (timeline/api.h) on a small store: parameters and their
// errors, the change-feed body, one event by id, and the briefing title
// that does not depend on the order of the parameters. The CLI and the
// server print these bodies; tests/server/read_api_equal_test.cc checks
// that both print the same bytes.
#include "timeline/api.h"

#include <catch2/catch.hpp>

#include "tests/store/test_util.h"

using namespace geotl::core;

namespace geotl::timeline {
namespace {

using geotl::testing::ArticleNamed;
using geotl::testing::MeetingEvent;
using geotl::testing::TempDir;

TEST_CASE("api: change-feed parameters name what is wrong") {
  CHECK(ParseChangesParams({}).value().since == 0);
  CHECK(ParseChangesParams({}).value().limit == kDefaultChangeLimit);
  CHECK(ParseChangesParams({{"since", "42"}}).value().since == 42);
  CHECK(ParseChangesParams({{"limit", "5"}}).value().limit == 5);
  for (const Params& bad :
       std::vector<Params>{{{"since", "-1"}},
                           {{"since", ""}},
                           {{"since", "1e3"}},
                           {{"since", "1"}, {"since", "2"}},
                           {{"limit", "0"}},
                           {{"limit", std::to_string(kMaxChangeLimit + 1)}},
                           {{"colour", "red"}}}) {
    auto r = ParseChangesParams(bad);
    REQUIRE_FALSE(r.ok());
    CHECK(ErrorParameter(r.status()) == bad.begin()->first);
  }
}

TEST_CASE("api: the change-feed body pages at write boundaries") {
  TempDir dir;
  auto s = store::Store::Open(dir.Sub("db"), store::StoreOptions()).value();
  for (int i = 0; i < 5; ++i) {
    std::string a = "a" + std::to_string(i);
    REQUIRE(s->PutArticle(ArticleNamed(a),
                          {MeetingEvent("e-" + a + "x", a, 1 + 10 * i),
                           MeetingEvent("e-" + a + "y", a, 5 + 10 * i)})
                .ok());
  }
  auto first = ReadChanges(*s, {0, 3}).value();
  Json body = Json::parse(first.body);
  CHECK(body["data"].size() == 4);
  CHECK(body["meta"]["since"] == 0);
  CHECK(body["meta"]["next"] == 2);
  CHECK(body["meta"]["as_of"]["sequence"] == 5);
  CHECK(body["meta"]["as_of"]["time"].is_string());
  CHECK(first.as_of.sequence == 5);
  auto last = ReadChanges(*s, {4, 3}).value();
  CHECK(Json::parse(last.body)["meta"]["next"].is_null());
}

TEST_CASE("api: one event by id, with its sources; unknown ids are 404s") {
  TempDir dir;
  auto s = store::Store::Open(dir.Sub("db"), store::StoreOptions()).value();
  REQUIRE(
      s->PutArticle(ArticleNamed("a1"), {MeetingEvent("e-1", "a1", 2)}).ok());
  REQUIRE(
      s->PutArticle(ArticleNamed("a2"), {MeetingEvent("e-2", "a2", 2)}).ok());
  auto r = ReadEvent(*s, ParseEventParams("e-1", {}).value());
  REQUIRE(r.ok());
  Json body = Json::parse(r->body);
  CHECK(body["data"]["id"] == "e-1");
  CHECK(body["data"]["sources"].size() == 2);  // a2 reported it too
  CHECK(body["meta"]["as_of"]["sequence"] == 2);
  // The record is the one the events pages print, byte for byte.
  auto page = ReadEvents(*s, ParseEventsParams({}).value()).value();
  REQUIRE(page.value.events.size() == 1);
  CHECK(r->body.find(page.value.events[0]) != std::string::npos);
  // e-2 was merged into e-1: its own record, pointing there.
  Json merged = Json::parse(ReadEvent(*s, {"e-2"}).value().body);
  CHECK(merged["meta"]["merged_into"] == "e-1");
  auto missing = ReadEvent(*s, {"e-nope"});
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().code() == Code::kNotFound);
  CHECK(ErrorParameter(ParseEventParams("e-1", {{"x", "1"}}).status()) == "x");
}

TEST_CASE("api: a briefing's title does not depend on the parameter order") {
  Params a{{"from", "2013-11"},
           {"actor", "RUS"},
           {"text", "talks"},
           {"within", "true"},
           {"type", "CONSULT"}};
  Params b{{"within", "true"},
           {"type", "CONSULT"},
           {"text", "talks"},
           {"actor", "RUS"},
           {"from", "2013-11"}};
  auto pa = ParseBriefingParams(a).value();
  auto pb = ParseBriefingParams(b).value();
  CHECK(BriefTitle(pa.options) == BriefTitle(pb.options));
  std::vector<std::string> names;
  for (const auto& [name, value] : pa.options.filter) names.push_back(name);
  const std::vector<std::string> cli_order = {"actor", "type", "from", "within",
                                              "text"};
  CHECK(std::vector<std::string>(names.begin(), names.begin() + 5) ==
        cli_order);
  CHECK(pa.options.filter[4].second == "\"talks\"");
  auto bad = ParseBriefingParams({{"out-lang", "fr"}});
  REQUIRE_FALSE(bad.ok());
  CHECK(ErrorParameter(bad.status()) == "out-lang");
  CHECK(ParseBriefingParams({{"changes", "true"}}).value().changes);
}

TEST_CASE("api: stats, regions and actors take only their parameters") {
  CHECK(ErrorParameter(ParseStatsParams({{"x", "1"}}).status()) == "x");
  CHECK(ErrorParameter(ParseRegionsParams({{"q", "1"}}).status()) == "q");
  CHECK(ErrorParameter(ParseActorSearchParams({}).status()) == "q");
  CHECK(ErrorParameter(
            ParseCountsParams({{"by", "month"}, {"shape", "cube"}}).status()) ==
        "shape");
  CHECK(ParseCountsParams({{"by", "month"}, {"shape", "rows"}}).value().rows);
}

}  // namespace
}  // namespace geotl::timeline
