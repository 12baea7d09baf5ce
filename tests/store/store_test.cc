#include "store/store.h"

#include <catch2/catch.hpp>

#include "core/event_json.h"
#include "store/store_internal.h"
#include "tests/store/store_dump.h"
#include "tests/store/test_util.h"

using namespace geotl::core;
using namespace geotl::store;

namespace geotl {
namespace {

using testing::EventGen;
using testing::TempDir;

std::unique_ptr<Store> MustOpen(const std::string& path,
                                StoreOptions o = StoreOptions()) {
  auto r = Store::Open(path, o);
  REQUIRE(r.ok());
  return std::move(r).value();
}

std::string StatsText(const Store& s) {
  std::string out = testing::StatsLine(s);
  auto st = s.Stats();
  REQUIRE(st.ok());
  if (st->first_date) out += " " + FormatDate(*st->first_date);
  if (st->last_date) out += " " + FormatDate(*st->last_date);
  return out;
}

TEST_CASE("store: put, get, stats, idempotent re-ingest") {
  TempDir dir;
  auto store = MustOpen(dir.Sub("db"));
  EventGen gen(1);
  Article a = gen.MakeArticle("a1");
  std::vector<Event> evs = {gen.MakeEvent("e1", "a1"),
                            gen.MakeEvent("e2", "a1")};
  evs[0].status = EventStatus::kOccurred;
  evs[1].status = EventStatus::kOccurred;
  auto r = store->PutArticle(a, evs);
  REQUIRE(r.ok());
  CHECK(r->changed);
  CHECK(store->Sequence() == 1);
  auto got = store->GetEvent("e1");
  REQUIRE(got.ok());
  REQUIRE(got->has_value());
  CHECK(ToJsonLine(**got) == ToJsonLine(evs[0]));
  CHECK(store->HasArticle("a1").value());
  CHECK_FALSE(store->HasArticle("a2").value());
  std::string before = StatsText(*store);
  CHECK(before.rfind("1/2", 0) == 0);
  auto again = store->PutArticle(a, evs);
  REQUIRE(again.ok());
  CHECK_FALSE(again->changed);
  CHECK(store->Sequence() == 1);
  CHECK(StatsText(*store) == before);
  CHECK(store->Check().value().empty());
}

TEST_CASE("store: re-ingest replaces the article's events") {
  TempDir dir;
  auto store = MustOpen(dir.Sub("db"));
  EventGen gen(2);
  Article a = gen.MakeArticle("a1");
  REQUIRE(store
              ->PutArticle(
                  a, {gen.MakeEvent("e1", "a1"), gen.MakeEvent("e2", "a1")})
              .ok());
  Event e3 = gen.MakeEvent("e3", "a1");
  e3.status = EventStatus::kOccurred;
  REQUIRE(store->PutArticle(a, {e3}).ok());
  CHECK_FALSE(store->GetEvent("e1").value().has_value());
  CHECK_FALSE(store->GetEvent("e2").value().has_value());
  CHECK(store->GetEvent("e3").value().has_value());
  CHECK(store->Stats().value().events == 1);
  CHECK(store->Check().value().empty());
  REQUIRE(store->DeleteArticle("a1").ok());
  CHECK(store->Stats().value().articles == 0);
  CHECK(store->Stats().value().events == 0);
  CHECK(store->DeleteArticle("a1").code() == Code::kNotFound);
  CHECK(store->Check().value().empty());
}

TEST_CASE("store: a failure mid-article writes nothing") {
  TempDir dir;
  EventGen gen(3);
  {
    auto store = MustOpen(dir.Sub("db"));
    store::SetFailAfterEventsForTesting(store.get(), 2);
    std::vector<Event> evs;
    for (int i = 0; i < 4; ++i)
      evs.push_back(gen.MakeEvent("e" + std::to_string(i), "a1"));
    auto r = store->PutArticle(gen.MakeArticle("a1"), evs);
    CHECK_FALSE(r.ok());
    CHECK(store->Sequence() == 0);
  }
  auto store = MustOpen(dir.Sub("db"));
  CHECK_FALSE(store->HasArticle("a1").value());
  for (int i = 0; i < 4; ++i)
    CHECK_FALSE(store->GetEvent("e" + std::to_string(i)).value().has_value());
  CHECK(store->Stats().value().events == 0);
  CHECK(store->Check().value().empty());
}

TEST_CASE("store: open errors are one-line statuses") {
  TempDir dir;
  auto missing = Store::Open(dir.Sub("nope"), StoreOptions::ForRead());
  CHECK(missing.status().code() == Code::kNotFound);
  auto store = MustOpen(dir.Sub("db"));
  auto second = Store::Open(dir.Sub("db"), StoreOptions());
  CHECK(second.status().code() == Code::kLocked);
  CHECK(second.status().message().find('\n') == std::string::npos);
  // A reader may open while the writer holds the lock.
  auto reader = Store::Open(dir.Sub("db"), StoreOptions::ForRead());
  CHECK(reader.ok());
}

TEST_CASE("store: persisted sequence and reopen") {
  TempDir dir;
  EventGen gen(4);
  {
    auto store = MustOpen(dir.Sub("db"));
    REQUIRE(
        store->PutArticle(gen.MakeArticle("a1"), {gen.MakeEvent("e1", "a1")})
            .ok());
    REQUIRE(
        store->PutArticle(gen.MakeArticle("a2"), {gen.MakeEvent("e2", "a2")})
            .ok());
  }
  auto store = MustOpen(dir.Sub("db"), StoreOptions::ForRead());
  CHECK(store->Sequence() == 2);
  CHECK(store->LastWriteMillis() > 0);
  CHECK(store->Stats().value().articles == 2);
}

}  // namespace
}  // namespace geotl

namespace geotl {
namespace {
TEST_CASE("store: events and articles survive reopen") {
  testing::TempDir dir;
  testing::EventGen gen(5);
  {
    auto store = Store::Open(dir.Sub("db"), StoreOptions()).value();
    REQUIRE(
        store->PutArticle(gen.MakeArticle("a1"), {gen.MakeEvent("e1", "a1")})
            .ok());
  }
  auto store = Store::Open(dir.Sub("db"), StoreOptions::ForRead()).value();
  CHECK(store->HasArticle("a1").value());
  CHECK(store->GetEvent("e1").value().has_value());
  CHECK(store->Check().value().empty());
}
}  // namespace
}  // namespace geotl

namespace geotl {
namespace {
// Compression settings are the writer's choice: a store compacted with the
// covering families' dictionaries reopens without them (and the other way
// round) with the same events, and its bytes are reported per family.
TEST_CASE("store: compression settings do not change what a store reads") {
  testing::TempDir dir;
  testing::EventGen gen(9);
  std::vector<std::string> ids, json;
  StoreOptions plain;
  plain.covering_dict_bytes = 0;
  {
    auto store = Store::Open(dir.Sub("db"), plain).value();
    for (int a = 0; a < 40; ++a) {
      std::string aid = "a" + std::to_string(a);
      std::vector<Event> evs;
      for (int i = 0; i < 5; ++i) {
        ids.push_back(aid + "-e" + std::to_string(i));
        evs.push_back(gen.MakeEvent(ids.back(), aid));
      }
      REQUIRE(store->PutArticle(gen.MakeArticle(aid), evs).ok());
    }
    REQUIRE(store->Compact().ok());
    for (const auto& id : ids)
      json.push_back(ToJsonLine(store->GetEvent(id).value().value()));
  }
  for (StoreOptions o : {StoreOptions(), plain}) {
    o.settled_zstd_level = 6;
    auto store = Store::Open(dir.Sub("db"), o).value();
    REQUIRE(store->Compact().ok());  // rewritten with these settings
    for (size_t i = 0; i < ids.size(); ++i)
      CHECK(ToJsonLine(store->GetEvent(ids[i]).value().value()) == json[i]);
    CHECK(store->Check().value().empty());
    auto fams = store->FamilyBytes().value();
    uint64_t sum = 0, actor = 0;
    for (const auto& [name, bytes] : fams) {
      sum += bytes;
      if (name == "idx_actor") actor = bytes;
    }
    CHECK(actor > 0);
    CHECK(sum <= store->DiskBytes().value());
  }
}
}  // namespace
}  // namespace geotl
