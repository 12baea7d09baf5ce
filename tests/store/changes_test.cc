// The change feed (store/changes.h): every write's changes in order, upserts
// then tombstones then deletions; pages end at write boundaries. The body
// of GET /v1/changes is tested in tests/timeline/api_test.cc.
#include "store/changes.h"

#include <catch2/catch.hpp>

#include "core/event_json.h"
#include "store/store.h"
#include "tests/store/test_util.h"

using namespace geotl::core;
using namespace geotl::store;

namespace geotl {
namespace {

using testing::ArticleNamed;
using testing::MeetingEvent;
using testing::TempDir;

// The feed after `since` as "seq kind id [into]" lines.
std::vector<std::string> Feed(const Store& s, uint64_t since) {
  auto page = s.ReadChanges(since, 1000);
  REQUIRE(page.ok());
  CHECK_FALSE(page->more);
  std::vector<std::string> out;
  for (const auto& c : page->changes) {
    Json j = Json::parse(c, nullptr, false);
    REQUIRE(j.is_object());
    std::string line = std::to_string(j["seq"].get<uint64_t>()) + " ";
    std::string id = j["id"];
    if (j.contains("event")) {
      CHECK(j["event"]["id"] == id);
      REQUIRE(EventFromJson(j["event"]).ok());
      line += "upsert " + id +
              " n=" + std::to_string(j["event"]["n_sources"].get<int>());
    } else if (j.contains("merged_into")) {
      line += "merged " + id + " " + j["merged_into"].get<std::string>();
    } else {
      CHECK(j["deleted"] == true);
      line += "deleted " + id;
    }
    out.push_back(line);
  }
  return out;
}

TEST_CASE("changes: upserts, tombstones and deletions in order") {
  TempDir dir;
  auto s = Store::Open(dir.Sub("db"), StoreOptions()).value();
  CHECK(Feed(*s, 0).empty());
  REQUIRE(s->PutArticle(ArticleNamed("a2"), {MeetingEvent("e-2", "a2", 2)})
              .ok());  // seq 1
  REQUIRE(s->PutArticle(ArticleNamed("a1"), {MeetingEvent("e-1", "a1", 2)})
              .ok());  // seq 2
  REQUIRE(s->PutArticle(ArticleNamed("a3"), {MeetingEvent("e-3", "a3", 20)})
              .ok());                    // 3
  REQUIRE(s->DeleteArticle("a1").ok());  // 4
  REQUIRE(s->DeleteArticle("a2").ok());  // 5
  std::vector<std::string> want = {
      "1 upsert e-2 n=1",
      // e-1 < e-2: the merged event takes e-1, e-2 becomes its tombstone.
      "2 upsert e-1 n=2", "2 merged e-2 e-1", "3 upsert e-3 n=1",
      // a1 leaves: e-2 is visible again and e-1 is gone.
      "4 upsert e-2 n=1", "4 deleted e-1", "5 deleted e-2"};
  CHECK(Feed(*s, 0) == want);
  CHECK(Feed(*s, 3) == std::vector<std::string>(want.begin() + 4, want.end()));
  CHECK(Feed(*s, 5).empty());
  // An unchanged re-ingest writes nothing, so the feed stays.
  REQUIRE_FALSE(
      s->PutArticle(ArticleNamed("a3"), {MeetingEvent("e-3", "a3", 20)})
          ->changed);
  CHECK(s->Sequence() == 5);
}

TEST_CASE("changes: pages end at write boundaries") {
  TempDir dir;
  auto s = Store::Open(dir.Sub("db"), StoreOptions()).value();
  for (int i = 0; i < 5; ++i) {
    std::string a = "a" + std::to_string(i);
    // Two events on days far apart: two upserts per write.
    REQUIRE(s->PutArticle(ArticleNamed(a),
                          {MeetingEvent("e-" + a + "x", a, 1 + 10 * i),
                           MeetingEvent("e-" + a + "y", a, 5 + 10 * i)})
                .ok());
  }
  auto p = s->ReadChanges(0, 3).value();  // 3 changes: rounds up to write 2
  CHECK(p.changes.size() == 4);
  CHECK(p.more);
  CHECK(p.next_since == 2);
  CHECK(p.as_of_sequence == 5);
  auto last = s->ReadChanges(4, 3).value();
  CHECK(last.changes.size() == 2);
  CHECK_FALSE(last.more);
  size_t total = 0;
  uint64_t since = 0;
  for (;;) {
    auto page = s->ReadChanges(since, 1).value();
    total += page.changes.size();
    if (!page.more) break;
    since = page.next_since;
  }
  CHECK(total == 10);
}

TEST_CASE("changes: the feed also runs without dedup") {
  TempDir dir;
  StoreOptions o;
  o.dedup = false;
  auto s = Store::Open(dir.Sub("db"), o).value();
  REQUIRE(
      s->PutArticle(ArticleNamed("a1"), {MeetingEvent("e-1", "a1", 2)}).ok());
  REQUIRE(
      s->PutArticle(ArticleNamed("a2"), {MeetingEvent("e-2", "a2", 2)}).ok());
  REQUIRE(
      s->PutArticle(ArticleNamed("a1"), {MeetingEvent("e-9", "a1", 3)}).ok());
  REQUIRE(s->DeleteArticle("a2").ok());
  CHECK(Feed(*s, 0) ==
        std::vector<std::string>{"1 upsert e-1 n=1", "2 upsert e-2 n=1",
                                 "3 upsert e-9 n=1", "3 deleted e-1",
                                 "4 deleted e-2"});
}

}  // namespace
}  // namespace geotl
