// The batched loader (store.h ArticleLoader, `geotl load`): batches of any
// size give the store that one PutArticle per article gives (events,
// GetEvent of every id, stats, the latest change-feed record per id), and a
// load that fails mid-way (the failure hook of store_internal.h) leaves a
// consistent store that a second load completes.
#include <catch2/catch.hpp>
#include <map>

#include "core/event_json.h"
#include "store/rocks_store.h"
#include "store/store.h"
#include "store/store_internal.h"
#include "tests/store/store_dump.h"
#include "tests/store/test_util.h"

using namespace geotl::core;
using namespace geotl::store;

namespace geotl {
namespace {

using testing::EventGen;
using testing::TempDir;

using Input = std::vector<std::pair<Article, std::vector<Event>>>;

std::unique_ptr<Store> Open(const std::string& path) {
  auto r = Store::Open(path, StoreOptions{});
  REQUIRE(r.ok());
  return std::move(r).value();
}

// Articles of 0-3 events with few types and countries (many merges), a
// quarter without actors on one day; some articles come again with new
// content (a re-load replaces them).
Input MakeInput(uint32_t seed, int n, std::vector<std::string>* ids) {
  EventGen gen(seed);
  Input in;
  int next_event = 0;
  for (int i = 0; i < n; ++i) {
    bool again = i > 10 && gen.Uniform(0, 9) == 0;
    std::string aid =
        again ? in[gen.Uniform(0, i - 1)].first.id : "a" + std::to_string(i);
    Article a = gen.MakeArticle(aid);
    a.text += std::to_string(i);
    std::vector<Event> evs;
    int k_max = gen.Uniform(0, 3);
    for (int k = 0; k < k_max; ++k) {
      std::string id = "e" + std::to_string(next_event++);
      ids->push_back(id);
      Event e = gen.MakeEvent(id, aid);
      e.type = k % 2 ? "CONSULT" : "ACCUSE";
      if (gen.Uniform(0, 3) == 0) {
        e.actors.clear();
        e.recipients.clear();
        e.date = DateRange::Day(Date(2016, 1, 1), Precision::kApproximate);
        if (e.location) {
          e.location->name = e.location->text = "Berlin";
          e.location->country = "DEU";
          e.location->lat = 52.52;
          e.location->lon = 13.40;
          e.location->regions = testing::TestRegions("DEU");
        }
      }
      evs.push_back(e);
    }
    in.emplace_back(a, evs);
  }
  return in;
}

// What a reader sees: every visible event, GetEvent of every id, stats, and
// the latest change-feed record per id (without its sequence).
std::string Dump(const Store& s, const std::vector<std::string>& ids) {
  return testing::VisibleEvents(s, ids) + testing::LatestChanges(s) +
         testing::StatsLine(s);
}

using testing::Problems;

TEST_CASE("article loader: any batch size gives the store of PutArticle") {
  std::vector<std::string> ids;
  Input in = MakeInput(17, 300, &ids);
  TempDir dir;
  auto ref = Open(dir.Sub("ref"));
  for (const auto& [a, evs] : in) REQUIRE(ref->PutArticle(a, evs).ok());
  REQUIRE(ref->Stats().value().events < ids.size());  // something merged
  const std::string want = Dump(*ref, ids);
  for (size_t batch : {1, 7, 1000}) {
    INFO("batch " << batch);
    auto s = Open(dir.Sub("b" + std::to_string(batch)));
    auto loader = NewArticleLoader(s.get(), batch);
    REQUIRE(loader.ok());
    for (const auto& [a, evs] : in) {
      auto r = (*loader)->Add(a, evs);
      REQUIRE(r.ok());
      CHECK(r->changed);
    }
    REQUIRE((*loader)->Finish().ok());
    CHECK(Problems(*s).empty());
    CHECK(Dump(*s, ids) == want);
    // Loading the same articles again changes nothing.
    auto again = NewArticleLoader(s.get(), batch);
    REQUIRE(again.ok());
    uint64_t seq = s->Sequence();
    for (size_t i = in.size() / 2; i < in.size(); ++i) {
      auto r = (*again)->Add(in[i].first, in[i].second);
      REQUIRE(r.ok());
    }
    REQUIRE((*again)->Finish().ok());
    CHECK(Dump(*s, ids) == want);
    CHECK(s->Sequence() <= seq + in.size());
  }
}

TEST_CASE(
    "article loader: a failed load leaves a consistent store that a "
    "second load completes") {
  std::vector<std::string> ids;
  Input in = MakeInput(23, 200, &ids);
  TempDir dir;
  auto ref = Open(dir.Sub("ref"));
  for (const auto& [a, evs] : in) REQUIRE(ref->PutArticle(a, evs).ok());
  const std::string want = Dump(*ref, ids);
  {
    auto s = Open(dir.Sub("db"));
    auto loader = NewArticleLoader(s.get(), 9);
    REQUIRE(loader.ok());
    size_t added = 0;
    for (const auto& [a, evs] : in) {
      // The 120th article fails, as a full disk would.
      if (added == 120) store::SetFailAfterEventsForTesting(s.get(), 0);
      auto r = (*loader)->Add(a, evs);
      if (!r.ok()) break;
      ++added;
    }
    CHECK(added < in.size());
    CHECK(s->Stats().value().articles > 0);  // earlier batches committed
    CHECK(Problems(*s).empty());
  }  // closed without Finish: the pending batch is lost
  auto s = Open(dir.Sub("db"));
  CHECK(Problems(*s).empty());
  auto loader = NewArticleLoader(s.get(), 9);
  REQUIRE(loader.ok());
  for (const auto& [a, evs] : in) REQUIRE((*loader)->Add(a, evs).ok());
  REQUIRE((*loader)->Finish().ok());
  CHECK(Problems(*s).empty());
  // Articles stored before the failure are skipped: the result is the same
  // but the change feed holds their records from the first load.
  CHECK(Dump(*s, ids) == want);
}

}  // namespace
}  // namespace geotl
