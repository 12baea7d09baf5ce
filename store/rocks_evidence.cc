// RocksStore::AddEvidenceWrites: the dedup write path (docs/dedup.md, "What
// the store must do"). An article's coded events are its evidence; the
// visible events are Deduplicate() of the evidence. A write recomputes only
// the neighbourhood of the changed evidence: the connected component, under
// SameEvent, of the changed articles' new and previous events, found through
// the evidence index. Components cluster independently of each other, so
// recomputing them gives the same store as recomputing everything, and one
// write of several articles (the batched load, store/article_loader.cc)
// gives the same store as one write per article.
#include <rocksdb/iterator.h>

#include <cstdint>
#include <deque>
#include <map>
#include <set>

#include "core/event_json.h"
#include "store/dedup.h"
#include "store/evidence.h"
#include "store/evidence_cache.h"
#include "store/rocks_store.h"

namespace geotl::store {
namespace {

// What is stored under one id before the write.
struct OldState {
  bool visible = false;
  Locator loc;
  std::string locator_value, value;  // events CF value, idx_date value
  std::optional<std::string> merged_into;
};

struct Neighbourhood {
  std::map<std::string, core::Event> events;  // the recomputed input, by id
  std::map<std::string, std::string> own;     // id -> owning article
  std::set<std::string> stored;               // ids with stored evidence
  std::set<std::string> removed;              // the article's dropped evidence
};

}  // namespace

core::Status RocksStore::AddEvidenceWrites(
    const std::vector<EvidenceChange>& changes, rocksdb::WriteBatch* batch,
    ClassMaxima* mx, ChangeLog* log) {
  const rocksdb::ReadOptions ro;
  // Evidence is read through a cache: the store's (kept across writes by
  // the batched loader) or one for this write (a candidate is decoded once
  // however many of the write's events it neighbours).
  EvidenceCache local(SIZE_MAX);
  EvidenceCache* cache = evidence_cache_ ? evidence_cache_.get() : &local;
  cache->Abandon();
  std::string v;
  auto read_evidence = [&](const std::string& id,
                           const EvidenceRecord** out) -> core::Status {
    *out = cache->Find(id);
    if (*out) return core::Status::Ok();
    auto st = db_->Get(ro, cf_[kCfEvidence], id, &v);
    if (st.IsNotFound()) return core::Status::Ok();
    RETURN_IF_ERROR(FromRocks(st, "read evidence"));
    ASSIGN_OR_RETURN(EvidenceRecord r, DecodeEvidence(v));
    *out = cache->Add(id, std::move(r));
    return core::Status::Ok();
  };
  Neighbourhood n;
  // The changed articles' previous evidence, by id: event and article.
  std::map<std::string, EvidenceRecord> old_evidence;
  // Ids stored without evidence, with the article that listed them.
  std::map<std::string, std::string> legacy;
  for (const EvidenceChange& c : changes) {
    for (const auto& id : *c.old_ids) {
      const EvidenceRecord* r = nullptr;
      RETURN_IF_ERROR(read_evidence(id, &r));
      if (!r) {
        legacy.emplace(id, *c.article_id);
        continue;
      }
      if (r->article != *c.article_id)
        continue;  // the id now belongs elsewhere
      old_evidence.emplace(id, *r);
    }
  }
  std::deque<const core::Event*> queue;
  std::set<std::string> known;
  for (const EvidenceChange& c : changes) {
    for (const core::Event& e : *c.events) {
      core::Event& in = n.events[e.id] = e;
      in.merged_into.clear();
      n.own[e.id] = *c.article_id;
      known.insert(e.id);
      queue.push_back(&in);
    }
  }
  for (const auto& [id, r] : old_evidence) {
    n.stored.insert(id);
    if (!n.events.count(id)) n.removed.insert(id);
    known.insert(id);
    queue.push_back(&r.event);  // its old neighbours are recomputed too
  }
  // Transitive closure through the evidence index: the stored evidence with
  // the same DedupKey whose dates can overlap, kept when SameEvent holds.
  DedupOptions opt;
  while (!queue.empty()) {
    const core::Event& e = *queue.front();
    queue.pop_front();
    std::string prefix = EvidencePrefix(DedupKey(e));
    int w = CandidateWindowDays(e, opt);
    uint32_t start = core::DayKey(e.date.start), end = core::DayKey(e.date.end);
    uint32_t back = uint32_t(w + kLongestShortSpanDays);
    uint32_t lo = start > back ? start - back : 0;
    uint32_t min_end = start > uint32_t(w) ? start - uint32_t(w) : 0;
    uint32_t hi = end + uint32_t(w) + 1;
    if (end - start + 1 > uint32_t(kLongestShortSpanDays)) {
      lo = start;  // a long range matches only the very same range
      hi = start + 1;
    }
    std::string lo_key = prefix, hi_key = prefix;
    PutBE32(&lo_key, lo);
    PutBE32(&hi_key, hi);
    rocksdb::ReadOptions sro;
    rocksdb::Slice upper(hi_key);
    sro.iterate_upper_bound = &upper;
    std::unique_ptr<rocksdb::Iterator> it(
        db_->NewIterator(sro, cf_[kCfIdxEvidence]));
    for (it->Seek(lo_key); it->Valid(); it->Next()) {
      auto parts = ParseEvidenceKey(it->key().ToStringView());
      if (!parts || it->value().size() != 4) continue;
      if (GetBE32(it->value().data()) < min_end) continue;
      std::string id(parts->id);
      if (known.count(id)) continue;
      const EvidenceRecord* r = nullptr;
      RETURN_IF_ERROR(read_evidence(id, &r));
      if (!r) continue;  // check reports the stray entry
      if (!SameEvent(e, r->event, opt)) continue;
      known.insert(id);
      n.stored.insert(id);
      n.own[id] = r->article;
      core::Event& in = n.events[id] = r->event;
      queue.push_back(&in);
    }
    RETURN_IF_ERROR(FromRocks(it->status(), "scan evidence"));
  }

  std::vector<core::Event> input;
  input.reserve(n.events.size());
  for (const auto& [id, e] : n.events) input.push_back(e);
  DedupResult result = Deduplicate(input, opt);

  // Every id whose stored state may change, with its state before the write.
  std::set<std::string> ids = n.stored;
  for (const auto& e : result.events) ids.insert(e.id);
  for (const auto& t : result.tombstones) ids.insert(t.id);
  for (const auto& [id, art] : legacy) ids.insert(id);
  std::map<std::string, OldState> before;
  for (const auto& id : ids) {
    OldState& o = before[id];
    auto st = db_->Get(ro, cf_[kCfEvents], id, &o.locator_value);
    if (st.ok()) {
      if (!DecodeLocator(o.locator_value, &o.loc))
        return core::Status::Corruption("bad locator of " + id);
      st = db_->Get(ro, cf_[kCfIdxDate],
                    IndexKey("", o.loc.cls, o.loc.start, o.loc.end, id),
                    &o.value);
      if (st.IsNotFound())
        return core::Status::Corruption("event " + id +
                                        " has no date entry (run geotl check)");
      RETURN_IF_ERROR(FromRocks(st, "read event"));
      o.visible = true;
    } else if (!st.IsNotFound()) {
      return FromRocks(st, "read event");
    }
    st = db_->Get(ro, cf_[kCfTombstones], id, &v);
    if (st.ok())
      o.merged_into = v;
    else if (!st.IsNotFound())
      return FromRocks(st, "read tombstone");
  }
  auto drop_visible = [&](const std::string& id,
                          const OldState& o) -> core::Status {
    return AddStoredEventDeletes(id, o.loc, o.value, batch);
  };

  std::map<std::string, const core::Event*> visible;
  for (const auto& e : result.events) visible[e.id] = &e;
  std::map<std::string, std::string> tombs;
  for (const auto& t : result.tombstones) tombs[t.id] = t.merged_into;
  for (const auto& [id, o] : before) {
    if (auto vi = visible.find(id); vi != visible.end()) {
      const core::Event& e = *vi->second;
      std::string value = EncodeEventValue(e);
      auto owner = n.own.find(id);  // every input event has an owner
      if (owner == n.own.end())
        return core::Status::Corruption("merged event " + id +
                                        " without article");
      const std::string& art = owner->second;
      uint32_t s = core::DayKey(e.date.start), en = core::DayKey(e.date.end);
      bool same = o.visible && o.value == value && o.loc.article == art &&
                  o.loc.start == s && o.loc.end == en;
      if (o.merged_into)
        batch->Delete(cf_[kCfTombstones], id).PermitUncheckedError();
      if (same) continue;
      if (o.visible) RETURN_IF_ERROR(drop_visible(id, o));
      RETURN_IF_ERROR(AddEventPuts(e, value, art, batch, mx));
      EventView view;
      RETURN_IF_ERROR(DecodeEventValue(value, &view));
      log->Upsert(id, view.json);
    } else if (auto ti = tombs.find(id); ti != tombs.end()) {
      if (!o.visible && o.merged_into == ti->second) continue;
      if (o.visible) RETURN_IF_ERROR(drop_visible(id, o));
      batch->Put(cf_[kCfTombstones], id, ti->second).PermitUncheckedError();
      log->Merged(id, ti->second);
    } else {
      auto li = n.stored.count(id) ? legacy.end() : legacy.find(id);
      if (li != legacy.end() && (!o.visible || o.loc.article != li->second))
        continue;  // another article's event, or nothing stored
      if (!o.visible && !o.merged_into) continue;
      if (o.visible) RETURN_IF_ERROR(drop_visible(id, o));
      if (o.merged_into)
        batch->Delete(cf_[kCfTombstones], id).PermitUncheckedError();
      log->Deleted(id);
    }
  }

  // The evidence itself: the articles' previous events out, the new in.
  for (const auto& [id, r] : old_evidence) {
    batch->Delete(cf_[kCfIdxEvidence], EvidenceKeyOf(r.event))
        .PermitUncheckedError();
    batch->Delete(cf_[kCfEvidence], id).PermitUncheckedError();
    cache->StageDelete(id);
  }
  for (const EvidenceChange& c : changes) {
    for (const core::Event& e : *c.events) {
      // An id that another article's evidence holds is taken over.
      if (!old_evidence.count(e.id) && n.stored.count(e.id) == 0) {
        const EvidenceRecord* r = nullptr;
        RETURN_IF_ERROR(read_evidence(e.id, &r));
        if (r)
          batch->Delete(cf_[kCfIdxEvidence], EvidenceKeyOf(r->event))
              .PermitUncheckedError();
      }
      const core::Event& in = n.events.at(e.id);
      batch
          ->Put(cf_[kCfIdxEvidence], EvidenceKeyOf(in),
                EvidenceIndexValue(core::DayKey(in.date.end)))
          .PermitUncheckedError();
      std::string value = EncodeEvidence(*c.article_id, in);
      if (evidence_cache_) {  // as a later read would decode it
        ASSIGN_OR_RETURN(EvidenceRecord r, DecodeEvidence(value));
        cache->StagePut(in.id, std::move(r));
      }
      batch->Put(cf_[kCfEvidence], in.id, value).PermitUncheckedError();
    }
  }
  return core::Status::Ok();
}

}  // namespace geotl::store
