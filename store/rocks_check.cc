// RocksStore::Check: verifies events -> index entries, index entries ->
// events, article records <-> events, and the counters against a recount.
#include <rocksdb/iterator.h>

#include <cstdio>
#include <map>
#include <set>

#include "store/rocks_store.h"

namespace geotl::store {
namespace {

std::string Printable(std::string_view k) {
  std::string out;
  for (unsigned char c : k) {
    if (c >= 0x20 && c < 0x7f)
      out.push_back(char(c));
    else {
      char b[5];
      std::snprintf(b, sizeof b, "\\x%02x", c);
      out += b;
    }
  }
  return out;
}

constexpr size_t kMaxProblems = 1000;

}  // namespace

core::Result<std::vector<std::string>> RocksStore::Check() const {
  std::vector<std::string> problems;
  auto report = [&](std::string p) {
    if (problems.size() < kMaxProblems) problems.push_back(std::move(p));
  };
  const rocksdb::Snapshot* snap = db_->GetSnapshot();
  struct Release {
    rocksdb::DB* db;
    const rocksdb::Snapshot* s;
    ~Release() { db->ReleaseSnapshot(s); }
  } release{db_.get(), snap};
  rocksdb::ReadOptions ro;
  ro.snapshot = snap;

  // Expected index keys (cf, key) -> event id, and counters, from events.
  std::set<std::pair<int, std::string>> expected;
  std::map<std::string, uint64_t> counters;
  std::map<std::string, std::set<std::string>> owned;  // article -> ids
  {
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro, cf_[kCfEvents]));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      std::string id = it->key().ToString();
      Locator loc;
      if (!DecodeLocator(it->value().ToStringView(), &loc)) {
        report("event " + id + ": malformed locator");
        continue;
      }
      owned[loc.article].insert(id);
      std::string date_key = IndexKey("", loc.cls, loc.start, loc.end, id);
      std::string value;
      auto st = db_->Get(ro, cf_[kCfIdxDate], date_key, &value);
      if (!st.ok()) {
        report("event " + id + ": missing idx_date entry");
        continue;
      }
      EventView view;
      if (!DecodeEventValue(value, &view).ok()) {
        report("event " + id + ": malformed value");
        continue;
      }
      if (ClassIndex(loc.start, loc.end) != loc.cls)
        report("event " + id + ": wrong duration class");
      EventWrites w = PlanEvent(id, loc.start, loc.end, view);
      for (auto& [cf, key] : w.keys) expected.emplace(cf, std::move(key));
      for (const auto& k : w.counter_keys) counters[k] += 1;
    }
    RETURN_IF_ERROR(FromRocks(it->status(), "check events"));
  }
  // Every expected key exists, every stored key is expected.
  for (Cf cf : {kCfIdxDate, kCfIdxActor, kCfIdxCountry, kCfIdxRegion,
                kCfIdxType, kCfIdxActorType, kCfIdxDyad}) {
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro, cf_[cf]));
    auto exp = expected.lower_bound({cf, ""});
    it->SeekToFirst();
    while (it->Valid() || (exp != expected.end() && exp->first == cf)) {
      bool have_exp = exp != expected.end() && exp->first == cf;
      int c = !it->Valid() ? 1
              : !have_exp  ? -1
                           : it->key().ToStringView().compare(exp->second);
      if (c < 0) {
        auto parts = ParseIndexKey(it->key().ToStringView());
        report(std::string(kCfNames[cf]) + ": entry " +
               Printable(it->key().ToStringView()) +
               (parts ? " points to no stored event " + std::string(parts->id)
                      : " is malformed"));
        it->Next();
      } else if (c > 0) {
        auto parts = ParseIndexKey(exp->second);
        report("event " + (parts ? std::string(parts->id) : "?") +
               ": missing " + kCfNames[cf] + " entry " +
               Printable(exp->second));
        ++exp;
      } else {
        if (CfCovering(cf)) {
          EventView v;
          if (!DecodeEventValue(it->value().ToStringView(), &v).ok())
            report(std::string(kCfNames[cf]) + ": malformed value at " +
                   Printable(it->key().ToStringView()));
        }
        it->Next();
        ++exp;
      }
    }
    RETURN_IF_ERROR(FromRocks(it->status(), "check index"));
  }
  // Articles list exactly the events they own.
  uint64_t articles = 0;
  {
    std::unique_ptr<rocksdb::Iterator> it(
        db_->NewIterator(ro, cf_[kCfArticles]));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      ++articles;
      std::string aid = it->key().ToString();
      auto rec = DecodeArticleRecord(it->value().ToStringView());
      if (!rec.ok()) {
        report("article " + aid + ": malformed record");
        continue;
      }
      std::set<std::string> listed(rec->event_ids.begin(),
                                   rec->event_ids.end());
      auto own = owned.find(aid);
      if (own != owned.end()) {
        for (const auto& id : own->second)
          if (!listed.count(id))
            report("event " + id + ": owned by article " + aid +
                   " which does not list it");
        owned.erase(own);
      }
    }
    RETURN_IF_ERROR(FromRocks(it->status(), "check articles"));
    for (const auto& [aid, ids] : owned)
      report("events of missing article " + aid + " (e.g. " + *ids.begin() +
             ")");
  }
  // Counters equal a recount.
  {
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro, cf_[kCfCounts]));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      std::string k = it->key().ToString();
      uint64_t have = DecodeCounter(it->value().ToStringView());
      if (k == kArticleCounterKey) {
        if (have != articles)
          report("article counter " + std::to_string(have) +
                 " != " + std::to_string(articles) + " articles");
        continue;
      }
      auto e = counters.find(k);
      uint64_t want = e == counters.end() ? 0 : e->second;
      if (have != want)
        report("counter " + Printable(k) + " is " + std::to_string(have) +
               ", recount " + std::to_string(want));
      if (e != counters.end()) counters.erase(e);
    }
    RETURN_IF_ERROR(FromRocks(it->status(), "check counters"));
    for (const auto& [k, n] : counters)
      report("counter " + Printable(k) + " missing, recount " +
             std::to_string(n));
  }
  {
    // Evidence <-> visible events and tombstones (dedup recomputed).
    ASSIGN_OR_RETURN(auto ev, CheckEvidence(snap));
    for (auto& p : ev) report(std::move(p));
  }
  if (problems.size() >= kMaxProblems)
    problems.push_back("(more problems not listed)");
  return problems;
}

}  // namespace geotl::store
