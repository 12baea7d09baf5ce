// geotl check and the store's failure modes, driven through RocksDB directly
// to damage a store the way a bug or a disk would.
#include <rocksdb/db.h>

#include <catch2/catch.hpp>
#include <fstream>

#include "core/event_json.h"
#include "store/store.h"
#include "tests/store/test_util.h"

using namespace geotl::core;
using namespace geotl::store;

namespace geotl {
namespace {

using testing::EventGen;
using testing::TempDir;

// Opens the raw RocksDB with every family of the store.
struct Raw {
  rocksdb::DB* db = nullptr;
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  std::vector<std::string> names;
  explicit Raw(const std::string& path) {
    rocksdb::DBOptions o;
    REQUIRE(rocksdb::DB::ListColumnFamilies(o, path, &names).ok());
    std::vector<rocksdb::ColumnFamilyDescriptor> d;
    for (const auto& n : names)
      d.emplace_back(n, rocksdb::ColumnFamilyOptions());
    REQUIRE(rocksdb::DB::Open(o, path, d, &handles, &db).ok());
  }
  rocksdb::ColumnFamilyHandle* cf(const std::string& name) {
    for (auto* h : handles)
      if (h->GetName() == name) return h;
    FAIL("no family " << name);
    return nullptr;
  }
  ~Raw() {
    for (auto* h : handles)
      db->DestroyColumnFamilyHandle(h).PermitUncheckedError();
    delete db;
  }
};

TEST_CASE("check: detects a deliberately removed index entry") {
  TempDir dir;
  EventGen gen(21);
  {
    auto store = Store::Open(dir.Sub("db"), StoreOptions()).value();
    for (int i = 0; i < 50; ++i) {
      std::string aid = "a" + std::to_string(i);
      REQUIRE(store
                  ->PutArticle(gen.MakeArticle(aid),
                               {gen.MakeEvent("e" + std::to_string(i), aid)})
                  .ok());
    }
    CHECK(store->Check().value().empty());
  }
  {
    Raw raw(dir.Sub("db"));
    std::unique_ptr<rocksdb::Iterator> it(
        raw.db->NewIterator(rocksdb::ReadOptions(), raw.cf("idx_actor")));
    it->SeekToFirst();
    REQUIRE(it->Valid());
    REQUIRE(
        raw.db->Delete(rocksdb::WriteOptions(), raw.cf("idx_actor"), it->key())
            .ok());
  }
  auto store = Store::Open(dir.Sub("db"), StoreOptions::ForRead()).value();
  auto problems = store->Check().value();
  for (const auto& p : problems) UNSCOPED_INFO(p);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].find("missing idx_actor entry") != std::string::npos);
  // And the CLI exits non-zero.
  std::string cmd = std::string(GEOTL_BINARY) + " check --db " + dir.Sub("db") +
                    " > /dev/null 2>&1";
  CHECK(std::system(cmd.c_str()) != 0);
}

TEST_CASE("check: detects an index entry without event, and a bad counter") {
  TempDir dir;
  EventGen gen(22);
  {
    auto store = Store::Open(dir.Sub("db"), StoreOptions()).value();
    REQUIRE(store->PutArticle(gen.MakeArticle("a"), {gen.MakeEvent("e", "a")})
                .ok());
  }
  {
    Raw raw(dir.Sub("db"));
    std::string key("ZZZ\0\0\0\0\0\0\0\0\0\0stray", 18);
    REQUIRE(raw.db->Put(rocksdb::WriteOptions(), raw.cf("idx_region"), key, "")
                .ok());
    REQUIRE(raw.db
                ->Put(rocksdb::WriteOptions(), raw.cf("counts"), "#articles",
                      std::string("\x07\0\0\0\0\0\0\0", 8))
                .ok());
  }
  auto store = Store::Open(dir.Sub("db"), StoreOptions::ForRead()).value();
  auto problems = store->Check().value();
  for (const auto& p : problems) UNSCOPED_INFO(p);
  CHECK(problems.size() == 2);
}

TEST_CASE("check: passes after 10,000 generated articles") {
  TempDir dir;
  EventGen gen(23);
  auto store = Store::Open(dir.Sub("db"), StoreOptions()).value();
  size_t events = 0;
  for (int i = 0; i < 10000; ++i) {
    std::string aid = "a" + std::to_string(i);
    int n = gen.Uniform(0, 3);
    std::vector<Event> evs = gen.MakeEvents(aid, n);
    REQUIRE(store->PutArticle(gen.MakeArticle(aid), evs).ok());
    events += n;
    if (i % 1000 == 0 && i) {  // replace some articles on the way
      REQUIRE(store
                  ->PutArticle(gen.MakeArticle("a" + std::to_string(i / 2)),
                               {gen.MakeEvent("r" + std::to_string(i), "x")})
                  .ok());
    }
  }
  auto problems = store->Check().value();
  for (const auto& p : problems) UNSCOPED_INFO(p);
  CHECK(problems.empty());
  CHECK(store->Stats().value().articles == 10000);
}

TEST_CASE("store: bulk loader equals the WriteBatch path") {
  TempDir dir;
  EventGen g1(30), g2(30);
  // The bulk loader never deduplicates: compare with the plain write path.
  StoreOptions plain;
  plain.dedup = false;
  auto a = Store::Open(dir.Sub("a"), plain).value();
  auto b = Store::Open(dir.Sub("b"), StoreOptions()).value();
  auto loader = NewBulkLoader(b.get(), 100).value();
  for (int i = 0; i < 300; ++i) {
    std::string aid = "a" + std::to_string(i % 250);  // 50 re-ingests (replace)
    std::vector<Event> e1, e2;
    for (int k = 0; k < 3; ++k) {
      std::string id = "e" + std::to_string(i) + "-" + std::to_string(k);
      e1.push_back(g1.MakeEvent(id, aid));
      e2.push_back(g2.MakeEvent(id, aid));
    }
    REQUIRE(a->PutArticle(g1.MakeArticle(aid), e1).ok());
    REQUIRE(loader->Add(g2.MakeArticle(aid), e2).ok());
  }
  REQUIRE(loader->Finish().ok());
  CHECK(b->Check().value().empty());
  auto sa = a->Stats().value(), sb = b->Stats().value();
  CHECK(sa.articles == sb.articles);
  CHECK(sa.events == sb.events);
  CHECK(sa.by_type == sb.by_type);
  for (int i = 0; i < 300; ++i) {
    std::string id = "e" + std::to_string(i) + "-1";
    auto ea = a->GetEvent(id).value(), eb = b->GetEvent(id).value();
    CHECK(ea.has_value() == eb.has_value());
    if (ea && eb) CHECK(ToJsonLine(*ea) == ToJsonLine(*eb));
  }
}

TEST_CASE("store: newer schema and corrupt directories are one-line errors") {
  TempDir dir;
  { auto store = Store::Open(dir.Sub("db"), StoreOptions()).value(); }
  {
    Raw raw(dir.Sub("db"));
    REQUIRE(raw.db->Put(rocksdb::WriteOptions(), raw.cf("meta"), "schema", "99")
                .ok());
  }
  auto newer = Store::Open(dir.Sub("db"), StoreOptions::ForRead());
  CHECK(newer.status().code() == Code::kUnsupported);
  CHECK(newer.status().message().find('\n') == std::string::npos);

  // An older layout is refused too (for reading and for writing), never
  // read or extended with indexes it lacks.
  {
    Raw raw(dir.Sub("db"));
    REQUIRE(raw.db->Put(rocksdb::WriteOptions(), raw.cf("meta"), "schema", "1")
                .ok());
  }
  for (const StoreOptions& o : {StoreOptions::ForRead(), StoreOptions()}) {
    auto older = Store::Open(dir.Sub("db"), o);
    CHECK(older.status().code() == Code::kUnsupported);
    CHECK(older.status().message().find("older than this geotl") !=
          std::string::npos);
  }

  std::filesystem::create_directories(dir.Sub("junk"));
  std::ofstream(dir.Sub("junk/CURRENT")) << "garbage\n";
  auto junk = Store::Open(dir.Sub("junk"), StoreOptions::ForRead());
  CHECK(junk.status().code() == Code::kCorruption);
  CHECK(junk.status().message().find('\n') == std::string::npos);

  std::filesystem::create_directories(dir.Sub("other"));
  std::ofstream(dir.Sub("other/notes.txt")) << "x";
  CHECK(Store::Open(dir.Sub("other"), StoreOptions()).status().code() ==
        Code::kCorruption);
  std::ofstream(dir.Sub("file")) << "x";
  CHECK_FALSE(Store::Open(dir.Sub("file"), StoreOptions()).ok());
}

}  // namespace
}  // namespace geotl
