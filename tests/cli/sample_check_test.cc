// The sample article end to end (read from GEOTL_SHARED_DIR at test time,
// never copied), and `geotl check` after a large generated ingest, including
// detection of an index entry removed behind the store's back.
#include <rocksdb/db.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <random>

#include "core/event_json.h"
#include "tests/cli/cli_fixture.h"

using namespace geotl;
using namespace geotl::testing;
using namespace geotl::core;

namespace {

bool Involves(const Json& e, const std::string& country) {
  for (const char* role : {"actors", "recipients"})
    for (const auto& a : e[role])
      if (a["country"] == country) return true;
  return false;
}

// Deletes the first key of column family `family` straight in RocksDB, the
// way a bug or a torn disk would. Returns the deleted key ("" if none).
std::string RemoveFirstKey(const std::string& db_path,
                           const std::string& family) {
  rocksdb::DBOptions dbo;
  dbo.avoid_flush_during_recovery = true;
  std::vector<std::string> names;
  REQUIRE(rocksdb::DB::ListColumnFamilies(dbo, db_path, &names).ok());
  std::vector<rocksdb::ColumnFamilyDescriptor> descs;
  for (const auto& n : names) {
    rocksdb::ColumnFamilyOptions co;
    co.disable_auto_compactions = true;
    descs.emplace_back(n, co);
  }
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  REQUIRE(rocksdb::DB::Open(dbo, db_path, descs, &handles, &raw).ok());
  std::unique_ptr<rocksdb::DB> db(raw);
  std::string key;
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] != family) continue;
    std::unique_ptr<rocksdb::Iterator> it(db->NewIterator({}, handles[i]));
    it->SeekToFirst();
    if (it->Valid()) {
      key = it->key().ToString();
      REQUIRE(db->Delete({}, handles[i], key).ok());
    }
  }
  for (auto* h : handles) db->DestroyColumnFamilyHandle(h);
  return key;
}

}  // namespace

TEST_CASE("the sample article yields schema-valid events, RUS with JPN",
          "[cli][sample]") {
  const std::string txt = std::string(GEOTL_SHARED_DIR) +
                          "/samples/russland-japan-militaerkooperation.de.txt";
  if (!std::filesystem::exists(txt)) {
    WARN("sample article not available at " << txt << "; skipped");
    return;
  }
  TempDir dir;
  auto r = Geotl(dir, {"ingest", "--db", "db", txt});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("1 article: 1 stored") != std::string::npos);

  auto ev = Geotl(dir, {"events", "--db", "db", "--actor", "Russland",
                        "--format", "ndjson", "--limit", "1000"});
  INFO(ev.err);
  REQUIRE(ev.code == 0);
  dir.Write("events.ndjson", ev.out);
  auto v = ValidateJson(dir, "event", "events.ndjson");
  INFO(v.out << v.err);
  CHECK(v.code == 0);
  bool rus_jpn = false;
  size_t pos = 0;
  while (pos < ev.out.size()) {
    size_t nl = ev.out.find('\n', pos);
    Json e = Json::parse(ev.out.substr(pos, nl - pos));
    CHECK(Involves(e, "RUS"));  // --actor Russland found it
    CHECK(e["sources"][0]["article"] ==
          "sample-de-russland-japan-2013");  // sidecar id
    rus_jpn |= Involves(e, "RUS") && Involves(e, "JPN");
    pos = nl + 1;
  }
  CHECK(rus_jpn);
  // All of the store's events, not only Russia's, are valid too.
  auto all = Geotl(
      dir, {"events", "--db", "db", "--format", "ndjson", "--limit", "1000"});
  dir.Write("all.ndjson", all.out);
  CHECK(ValidateJson(dir, "event", "all.ndjson").code == 0);
}

// Generates `n` articles, ingests them with --bulk, expects `geotl check` to
// pass, then removes one index entry of two families from copies of the
// store and expects check to fail and name the problem.
void IngestGeneratedAndCheck(int n) {
  TempDir dir;
  const std::vector<std::string> countries = {
      "Germany", "France", "Russia", "Japan",  "China",  "India",   "Poland",
      "Kenya",   "Brazil", "Canada", "Norway", "Mexico", "Vietnam", "Egypt"};
  const std::vector<std::string> verbs = {
      "held talks in", "signed an agreement in", "met in",
      "began a joint exercise near", "criticised each other in"};
  const std::vector<std::string> cities = {"Geneva", "Vienna", "Nairobi",
                                           "Oslo", "Hanoi"};
  const std::vector<std::string> when = {"on Monday", "on Saturday",
                                         "in October", "last week", "in 2019"};
  std::mt19937 rng(42);
  auto pick = [&](const std::vector<std::string>& v) {
    return v[rng() % v.size()];
  };
  std::string nd;
  for (int i = 0; i < n; ++i) {
    std::string a = pick(countries), b = pick(countries);
    Json j;
    j["id"] = "gen-" + std::to_string(i);
    j["text"] = "Report " + std::to_string(i) + "\n\n" + a + " and " + b + " " +
                pick(verbs) + " " + pick(cities) + " " + pick(when) + ". " + b +
                " said the talks were useful.\n";
    j["published"] =
        FormatDate(*ParseIsoDay("2015-01-01") +
                   boost::gregorian::days(static_cast<long>(rng() % 3000)));
    j["language"] = "en";
    nd += j.dump() + "\n";
  }
  dir.Write("gen.ndjson", nd);
  auto r = Geotl(dir, {"ingest", "--db", "db", "--bulk", "gen.ndjson"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  std::string want =
      std::to_string(n) + " articles: " + std::to_string(n) + " stored";
  CHECK(r.out.find(want) != std::string::npos);
  auto stats =
      Json::parse(Geotl(dir, {"stats", "--db", "db", "--format", "json"}).out);
  CHECK(stats["articles"] == n);
  CHECK(stats["events"].get<long>() > n);

  auto ok = Geotl(dir, {"check", "--db", "db"});
  INFO(ok.out << ok.err);
  REQUIRE(ok.code == 0);

  for (const char* family : {"idx_actor", "idx_date"}) {
    INFO(family);
    TempDir copy;
    std::filesystem::copy(dir / "db", copy / "db",
                          std::filesystem::copy_options::recursive);
    std::string key = RemoveFirstKey(copy / "db", family);
    REQUIRE_FALSE(key.empty());
    auto bad = Geotl(copy, {"check", "--db", "db"});
    INFO(bad.out << bad.err);
    CHECK(bad.code == 1);
    CHECK_FALSE(bad.out.empty());  // the problem is named
  }
}

TEST_CASE(
    "check passes after 2,000 generated articles and finds a removed "
    "index entry",
    "[cli][check]") {
  IngestGeneratedAndCheck(2000);
}

// The full size (10,000 articles); about 20 s on a loaded 2-core machine.
TEST_CASE(
    "check passes after 10,000 generated articles and finds a removed "
    "index entry",
    "[.slow][cli][check]") {
  IngestGeneratedAndCheck(10000);
}
