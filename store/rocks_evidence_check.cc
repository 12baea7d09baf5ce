// RocksStore::CheckEvidence: evidence <-> visible events. Recomputes dedup
// block by block (a block = one DedupKey, split into runs of dates that can
// touch) and compares with the stored events and tombstones.
#include <rocksdb/iterator.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/event_json.h"
#include "store/dedup.h"
#include "store/evidence.h"
#include "store/rocks_store.h"

namespace geotl::store {
namespace {

constexpr size_t kMaxProblems = 1000;

}  // namespace

core::Result<std::vector<std::string>> RocksStore::CheckEvidence(
    const rocksdb::Snapshot* snap) const {
  std::vector<std::string> problems;
  if (!cf_[kCfEvidence] || !cf_[kCfIdxEvidence] || !cf_[kCfTombstones])
    return problems;  // written before dedup: nothing to compare
  auto report = [&](std::string p) {
    if (problems.size() < kMaxProblems) problems.push_back(std::move(p));
  };
  rocksdb::ReadOptions ro;
  ro.snapshot = snap;
  DedupOptions opt;
  std::set<std::string> evidence_ids, tomb_ids;
  std::map<std::string, bool> article_exists;
  std::string v;

  // One block's evidence, recomputed run by run.
  auto check_block = [&](std::vector<core::Event>& block) -> core::Status {
    std::sort(block.begin(), block.end(),
              [](const core::Event& a, const core::Event& b) {
                return std::tie(a.date.start, a.id) <
                       std::tie(b.date.start, b.id);
              });
    std::vector<std::vector<core::Event>> runs;
    std::map<std::pair<core::Date, core::Date>, std::vector<core::Event>>
        long_runs;
    core::Date reach;
    for (auto& e : block) {
      if ((e.date.end - e.date.start).days() + 1 > kLongestShortSpanDays) {
        long_runs[{e.date.start, e.date.end}].push_back(std::move(e));
        continue;
      }
      if (runs.empty() || e.date.start > reach) runs.emplace_back();
      core::Date end = e.date.end + boost::gregorian::days(
                                        2 * CandidateWindowDays(e, opt) + 1);
      if (runs.back().empty() || end > reach) reach = end;
      runs.back().push_back(std::move(e));
    }
    for (auto& [k, r] : long_runs) runs.push_back(std::move(r));
    for (const auto& run : runs) {
      DedupResult want = Deduplicate(run, opt);
      for (const auto& e : want.events) {
        std::string lv, value;
        if (!db_->Get(ro, cf_[kCfEvents], e.id, &lv).ok()) {
          report("evidence " + e.id + ": merged event missing");
          continue;
        }
        Locator loc;
        if (!DecodeLocator(lv, &loc) ||
            !db_->Get(ro, cf_[kCfIdxDate],
                      IndexKey("", loc.cls, loc.start, loc.end, e.id), &value)
                 .ok())
          continue;  // the index check reports it
        if (value != EncodeEventValue(e))
          report("event " + e.id + ": differs from its recomputed merge");
      }
      for (const auto& t : want.tombstones) {
        std::string into;
        if (!db_->Get(ro, cf_[kCfTombstones], t.id, &into).ok())
          report("evidence " + t.id + ": tombstone into " + t.merged_into +
                 " missing");
        else if (into != t.merged_into)
          report("tombstone " + t.id + ": merged into " + into +
                 ", recomputed " + t.merged_into);
        tomb_ids.insert(t.id);
      }
    }
    block.clear();
    return core::Status::Ok();
  };

  std::unique_ptr<rocksdb::Iterator> it(
      db_->NewIterator(ro, cf_[kCfIdxEvidence]));
  std::string block_key;
  std::vector<core::Event> block;
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    std::string key = it->key().ToString();
    auto parts = ParseEvidenceKey(key);
    if (!parts) {
      report("idx_evidence: malformed key");
      continue;
    }
    std::string id(parts->id);
    if (parts->dedup_key != block_key) {
      RETURN_IF_ERROR(check_block(block));
      block_key = std::string(parts->dedup_key);
    }
    auto st = db_->Get(ro, cf_[kCfEvidence], id, &v);
    if (!st.ok()) {
      report("idx_evidence: entry for " + id + " without evidence");
      continue;
    }
    auto rec = DecodeEvidence(v);
    if (!rec.ok()) {
      report("evidence " + id + ": malformed record");
      continue;
    }
    if (EvidenceKeyOf(rec->event) != key || it->value().size() != 4 ||
        GetBE32(it->value().data()) != core::DayKey(rec->event.date.end))
      report("idx_evidence: entry for " + id + " does not match its evidence");
    if (!article_exists.count(rec->article))
      article_exists[rec->article] =
          db_->Get(ro, cf_[kCfArticles], rec->article, &v).ok();
    if (!article_exists[rec->article])
      report("evidence " + id + ": article " + rec->article + " is missing");
    evidence_ids.insert(id);
    block.push_back(std::move(rec->event));
  }
  RETURN_IF_ERROR(FromRocks(it->status(), "check evidence index"));
  RETURN_IF_ERROR(check_block(block));

  it.reset(db_->NewIterator(ro, cf_[kCfEvidence]));
  for (it->SeekToFirst(); it->Valid(); it->Next())
    if (!evidence_ids.count(it->key().ToString()))
      report("evidence " + it->key().ToString() + ": no idx_evidence entry");
  RETURN_IF_ERROR(FromRocks(it->status(), "check evidence"));
  it.reset(db_->NewIterator(ro, cf_[kCfTombstones]));
  for (it->SeekToFirst(); it->Valid(); it->Next())
    if (!tomb_ids.count(it->key().ToString()))
      report("tombstone " + it->key().ToString() + ": not a merged evidence");
  RETURN_IF_ERROR(FromRocks(it->status(), "check tombstones"));
  return problems;
}

}  // namespace geotl::store
