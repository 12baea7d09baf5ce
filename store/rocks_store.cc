// RocksStore: opening, meta, and the write path (one WriteBatch per article).
#include "store/rocks_store.h"

#include <rocksdb/cache.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/merge_operator.h>
#include <rocksdb/table.h>

#include <chrono>
#include <filesystem>
#include <set>
#include <thread>

#include "core/event_json.h"
#include "store/evidence.h"
#include "store/store_internal.h"

namespace geotl::store {
namespace {

namespace fs = std::filesystem;

// uint64 add on 8-byte little-endian values (RocksDB's uint64add encoding).
class UInt64Add : public rocksdb::AssociativeMergeOperator {
 public:
  bool Merge(const rocksdb::Slice&, const rocksdb::Slice* existing,
             const rocksdb::Slice& value, std::string* new_value,
             rocksdb::Logger*) const override {
    uint64_t a = existing ? DecodeCounter(existing->ToStringView()) : 0;
    uint64_t b = DecodeCounter(value.ToStringView());
    *new_value = CounterOperand(static_cast<int64_t>(a + b));
    return true;
  }
  const char* Name() const override { return "GeotlUInt64Add"; }
};

uint64_t NowMillis() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

bool LooksLocked(const rocksdb::Status& s) {
  if (!s.IsIOError() && !s.IsBusy()) return false;
  std::string m = s.ToString();
  return m.find("lock") != std::string::npos ||
         m.find("LOCK") != std::string::npos;
}

enum class Layout {
  kScanned,  // covering index families: 16 KiB blocks, read in runs
  kPoint,    // looked up by key: bloom filters, 4 KiB blocks
  kKeyOnly,  // key-only index families: 4 KiB blocks (a page needs ~100
             // keys; a smaller block keeps a query's cached bytes small)
  kProbed,   // idx_date, the canonical event copy that key-only families
             // probe one entry at a time: 1 KiB blocks, about one event
             // each, so a probe reads and caches one event instead of 16
             // KiB of neighbours; a zstd dictionary per file keeps such
             // small blocks about as small as 16 KiB ones
};

rocksdb::ColumnFamilyOptions MakeCfOptions(
    const std::shared_ptr<rocksdb::Cache>& cache, Layout layout,
    const StoreOptions& so) {
  rocksdb::ColumnFamilyOptions o;
  rocksdb::BlockBasedTableOptions t;
  t.block_cache = cache;
  t.block_size = 16 * 1024;
  t.format_version = 5;
  if (layout == Layout::kPoint) {
    t.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
    t.block_size = 4 * 1024;
  }
  if (layout == Layout::kKeyOnly) t.block_size = 4 * 1024;
  if (layout == Layout::kProbed) {
    t.block_size = 1024;
    // Delta-encoded index keys: ~3x smaller index, fewer cache lines per
    // probe's index search (2M events: actor+type 316 -> 289 us).
    t.index_block_restart_interval = 16;
  }
  o.table_factory.reset(rocksdb::NewBlockBasedTableFactory(t));
  // Dictionaries only where the data settles: training one costs about as
  // much as writing the file, and memtable flushes (level 0) are rewritten
  // by compaction anyway (a load's final compaction trained each family's
  // dictionaries twice).
  o.compression = rocksdb::kZSTD;
  o.bottommost_compression = rocksdb::kZSTD;
  rocksdb::CompressionOptions& settled = o.bottommost_compression_opts;
  settled = o.compression_opts;
  if (layout == Layout::kProbed) {
    settled.max_dict_bytes = 16 * 1024;
    settled.zstd_max_train_bytes = 100 * 16 * 1024;
  }
  if (layout == Layout::kScanned && so.covering_dict_bytes > 0) {
    settled.max_dict_bytes = uint32_t(so.covering_dict_bytes);
    settled.zstd_max_train_bytes = uint32_t(100 * so.covering_dict_bytes);
  }
  settled.level = so.settled_zstd_level;
  o.bottommost_compression_opts.enabled = true;
  o.level_compaction_dynamic_level_bytes = true;
  o.merge_operator = std::make_shared<UInt64Add>();
  return o;
}

}  // namespace

RocksStore::~RocksStore() {
  if (db_) {
    // Flush on close so the next open (also by tools without our merge
    // operator, e.g. ldb) needs no WAL replay.
    if (!read_only_) {
      std::vector<rocksdb::ColumnFamilyHandle*> all(cf_.begin(), cf_.end());
      db_->Flush(rocksdb::FlushOptions(), all).PermitUncheckedError();
    }
    for (auto* h : cf_)
      if (h) db_->DestroyColumnFamilyHandle(h).PermitUncheckedError();
    db_->Close().PermitUncheckedError();
  }
}

core::Result<std::unique_ptr<Store>> RocksStore::OpenImpl(
    const std::string& path, const StoreOptions& o) {
  std::error_code ec;
  const bool exists = fs::exists(path, ec);
  if (exists && fs::exists(fs::path(path) / "CURRENT", ec))
    return OpenAt(path, o);
  if (!o.create_if_missing || o.read_only ||
      (exists && !fs::is_directory(path, ec)) ||
      (exists && !fs::is_empty(path, ec)))
    return OpenAt(path, o);  // reports what is wrong
  // A new store is made whole beside its place (every family, the schema)
  // and renamed into it: a crash while creating leaves no half store.
  const std::string tmp = path + ".creating";
  fs::remove_all(tmp, ec);
  {
    auto made = OpenAt(tmp, o);
    if (!made.ok()) return made.status();
  }
  fs::rename(tmp, path, ec);
  if (ec)
    return core::Status::IOError("cannot create store " + path + ": " +
                                 ec.message());
  return OpenAt(path, o);
}

core::Result<std::unique_ptr<Store>> RocksStore::OpenAt(const std::string& path,
                                                        const StoreOptions& o) {
  std::error_code ec;
  bool exists = fs::exists(path, ec);
  if (exists && !fs::is_directory(path, ec))
    return core::Status::IOError("store path is not a directory: " + path);
  bool has_current = fs::exists(fs::path(path) / "CURRENT", ec);
  if (!has_current) {
    if (!o.create_if_missing || o.read_only)
      return core::Status::NotFound("no store at " + path);
    if (exists && !fs::is_empty(path, ec))
      return core::Status::Corruption("not a geotl store (no CURRENT file): " +
                                      path);
  }
  std::unique_ptr<RocksStore> s(new RocksStore());
  s->path_ = path;
  s->read_only_ = o.read_only;
  s->opts_ = o;
  auto cache = rocksdb::NewLRUCache(o.cache_bytes);
  rocksdb::DBOptions dbo;
  dbo.create_if_missing = o.create_if_missing;
  dbo.create_missing_column_families = !o.read_only;
  dbo.info_log_level = rocksdb::WARN_LEVEL;
  dbo.keep_log_file_num = 2;
  dbo.max_background_jobs = 2;
  dbo.IncreaseParallelism(2);
  // Rows share the block cache's budget: a scan-heavy workload keeps
  // blocks, a probe-heavy one rows (row keys differ from block keys).
  // Not for read-only opens: there, with a row cache, RocksDB 7.8.3's Get
  // answered NotFound for keys that exist (caught by "store: persisted
  // sequence and reopen" in tests/store/store_test.cc; its read-only Get
  // path differs from the writable one). Read-only opens are the CLI's
  // one-shot reads, which a row cache would not speed up anyway.
  if (!o.read_only) dbo.row_cache = cache;

  std::vector<std::string> names;
  if (has_current) {
    auto st = rocksdb::DB::ListColumnFamilies(dbo, path, &names);
    if (!st.ok()) {
      if (LooksLocked(st))
        return core::Status(core::Code::kLocked,
                            "store is locked by another process: " + path);
      return st.IsIOError()
                 ? core::Status::Corruption("cannot read store " + path + ": " +
                                            st.ToString())
                 : FromRocks(st, "open " + path);
    }
  }
  std::vector<rocksdb::ColumnFamilyDescriptor> descs;
  for (int i = 0; i < kNumCf; ++i) {
    Layout layout = Layout::kScanned;
    if (i == kCfEvents || i == kCfArticles || i == kCfMeta ||
        i == kCfEvidence || i == kCfTombstones)
      layout = Layout::kPoint;
    if (i == kCfIdxCountry || i == kCfIdxType || i == kCfIdxActorType ||
        i == kCfIdxDyad)
      layout = Layout::kKeyOnly;
    if (i == kCfIdxDate) layout = Layout::kProbed;
    descs.emplace_back(kCfNames[i], MakeCfOptions(cache, layout, o));
  }
  for (const auto& n : names) {  // families of newer schemas: open them too
    bool known = false;
    for (int i = 0; i < kNumCf; ++i) known |= n == kCfNames[i];
    if (!known)
      descs.emplace_back(n, MakeCfOptions(cache, Layout::kScanned, o));
  }
  s->db_options_ = dbo;
  for (int i = 0; i < kNumCf; ++i) s->cf_opts_.push_back(descs[i].options);
  if (o.read_only) {  // a read-only open cannot create missing families
    std::vector<rocksdb::ColumnFamilyDescriptor> present;
    for (auto& d : descs)
      if (std::find(names.begin(), names.end(), d.name) != names.end())
        present.push_back(d);
    // Stores written before dedup lack the evidence families; they read
    // fine (no tombstones, an empty change feed).
    for (int i = 0; i < kNumCf; ++i)
      if (i != kCfEvidence && i != kCfIdxEvidence && i != kCfTombstones &&
          i != kCfChanges &&
          std::find(names.begin(), names.end(), kCfNames[i]) == names.end())
        return core::Status(
            core::Code::kUnsupported,
            "store " + path +
                " lacks column families of this geotl (written by "
                "an older version?): ingest its articles into a new "
                "store");
    descs = present;
  }
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  rocksdb::Status st =
      o.read_only
          ? rocksdb::DB::OpenForReadOnly(dbo, path, descs, &handles, &raw)
          : rocksdb::DB::Open(dbo, path, descs, &handles, &raw);
  // A read-only open beside a live writer can read a MANIFEST naming a file
  // that a compaction has just deleted; the next MANIFEST is consistent, so
  // retry a few times before calling the store corrupt.
  auto vanished = [](const rocksdb::Status& r) {
    return (r.IsIOError() || r.IsCorruption()) &&
           r.ToString().find("No such file") != std::string::npos;
  };
  for (int attempt = 0; o.read_only && attempt < 20 && vanished(st);
       ++attempt) {
    handles.clear();
    std::this_thread::sleep_for(std::chrono::milliseconds(5 * (attempt + 1)));
    st = rocksdb::DB::OpenForReadOnly(dbo, path, descs, &handles, &raw);
  }
  if (!st.ok()) {
    if (LooksLocked(st))
      return core::Status(
          core::Code::kLocked,
          "store is locked by another writer (one writer at a time): " + path);
    if (st.IsCorruption() || st.IsIOError())
      return core::Status::Corruption("cannot open store " + path + ": " +
                                      st.ToString());
    return FromRocks(st, "open " + path);
  }
  s->db_.reset(raw);
  // Map handles by name into our fixed order.
  s->cf_.assign(kNumCf, nullptr);
  for (auto* h : handles) {
    bool known = false;
    for (int i = 0; i < kNumCf; ++i)
      if (h->GetName() == kCfNames[i]) {
        s->cf_[i] = h;
        known = true;
      }
    if (!known) s->cf_.push_back(h);  // destroyed with the others
  }
  RETURN_IF_ERROR(s->LoadMeta());
  return std::unique_ptr<Store>(std::move(s));
}

core::Status RocksStore::LoadMeta() {
  std::string v;
  auto st = db_->Get(rocksdb::ReadOptions(), cf_[kCfMeta], "schema", &v);
  if (st.IsNotFound()) {
    if (read_only_)
      return core::Status::Corruption("store has no schema version: " + path_);
    RETURN_IF_ERROR(
        FromRocks(db_->Put(rocksdb::WriteOptions(), cf_[kCfMeta], "schema",
                           std::to_string(kSchemaVersion)),
                  "write schema"));
    v = std::to_string(kSchemaVersion);
  } else if (!st.ok()) {
    return FromRocks(st, "read meta");
  }
  int version = 0;
  for (char c : v) {
    if (c < '0' || c > '9')
      return core::Status::Corruption("bad schema version in " + path_);
    version = version * 10 + (c - '0');
  }
  if (version > kSchemaVersion)
    return core::Status(
        core::Code::kUnsupported,
        "store " + path_ + " has schema " + std::to_string(version) +
            ", newer than this geotl (" + std::to_string(kSchemaVersion) + ")");
  if (version < kSchemaVersion)
    return core::Status(
        core::Code::kUnsupported,
        "store " + path_ + " has schema " + std::to_string(version) +
            ", older than this geotl (" + std::to_string(kSchemaVersion) +
            "): its key layout changed; ingest its articles into a "
            "new store");
  seq_ = ReadMeta64("seq");
  last_write_ms_ = ReadMeta64("time_ms");
  for (int c = 0; c < kNumClasses; ++c) {
    class_max_[c] = -1;
    if (db_->Get(rocksdb::ReadOptions(), cf_[kCfMeta],
                 "maxdur" + std::to_string(c), &v)
            .ok() &&
        v.size() == 4)
      class_max_[c] = GetBE32(v.data());
  }
  return core::Status::Ok();
}

std::vector<std::pair<std::string, std::string>> RocksStore::PlanMeta(
    const ClassMaxima& mx) {
  std::vector<std::pair<std::string, std::string>> kv;  // in key order
  pending_seq_ = seq_.load() + 1;
  pending_ms_ = NowMillis();
  for (int c = 0; c < kNumClasses; ++c) {
    pending_max_[c] = std::max<int64_t>(class_max_[c].load(), mx[c]);
    if (pending_max_[c] > class_max_[c].load()) {
      std::string v;
      PutBE32(&v, uint32_t(pending_max_[c]));
      kv.emplace_back("maxdur" + std::to_string(c), v);
      // A larger maximum is always safe: raise it before the data can be
      // seen, so no reader scans less look-back than the data needs.
      class_max_[c] = pending_max_[c];
    }
  }
  std::string v;
  PutBE64(&v, pending_seq_);
  kv.emplace_back("seq", v);
  v.clear();
  PutBE64(&v, pending_ms_);
  kv.emplace_back("time_ms", v);
  return kv;
}

void RocksStore::AddMetaToBatch(rocksdb::WriteBatch* batch,
                                const ClassMaxima& mx) {
  for (const auto& [k, v] : PlanMeta(mx))
    batch->Put(cf_[kCfMeta], k, v).PermitUncheckedError();
}

void RocksStore::PublishMeta() {
  for (int c = 0; c < kNumClasses; ++c) class_max_[c] = pending_max_[c];
  last_write_ms_ = pending_ms_;
  seq_ = pending_seq_;
}

core::Status RocksStore::ReadArticle(const std::string& id,
                                     std::optional<ArticleRecord>* out,
                                     const rocksdb::Snapshot* snap) const {
  rocksdb::ReadOptions ro;
  ro.snapshot = snap;
  std::string v;
  auto st = db_->Get(ro, cf_[kCfArticles], id, &v);
  if (st.IsNotFound()) {
    out->reset();
    return core::Status::Ok();
  }
  RETURN_IF_ERROR(FromRocks(st, "read article"));
  ASSIGN_OR_RETURN(ArticleRecord r, DecodeArticleRecord(v));
  *out = std::move(r);
  return core::Status::Ok();
}

core::Status RocksStore::AddEventDeletes(const std::string& id,
                                         rocksdb::WriteBatch* batch) {
  std::string loc_v, value;
  auto st = db_->Get(rocksdb::ReadOptions(), cf_[kCfEvents], id, &loc_v);
  if (st.IsNotFound()) return core::Status::Ok();
  RETURN_IF_ERROR(FromRocks(st, "read event"));
  Locator loc;
  if (!DecodeLocator(loc_v, &loc))
    return core::Status::Corruption("bad locator of " + id);
  st = db_->Get(rocksdb::ReadOptions(), cf_[kCfIdxDate],
                IndexKey("", loc.cls, loc.start, loc.end, id), &value);
  if (st.IsNotFound())
    return core::Status::Corruption("event " + id +
                                    " has no date entry (run geotl check)");
  RETURN_IF_ERROR(FromRocks(st, "read event"));
  return AddStoredEventDeletes(id, loc, value, batch);
}

core::Status RocksStore::AddStoredEventDeletes(const std::string& id,
                                               const Locator& loc,
                                               std::string_view value,
                                               rocksdb::WriteBatch* batch) {
  EventView view;
  RETURN_IF_ERROR(DecodeEventValue(value, &view));
  EventWrites w = PlanEvent(id, loc.start, loc.end, view);
  for (const auto& [cf, key] : w.keys)
    batch->Delete(cf_[cf], key).PermitUncheckedError();
  const std::string minus = CounterOperand(-1);
  for (const auto& k : w.counter_keys)
    batch->Merge(cf_[kCfCounts], k, minus).PermitUncheckedError();
  batch->Delete(cf_[kCfEvents], id).PermitUncheckedError();
  return core::Status::Ok();
}

core::Status RocksStore::AddEventPuts(const core::Event& e,
                                      const std::string& value,
                                      const std::string& article,
                                      rocksdb::WriteBatch* batch,
                                      ClassMaxima* mx) {
  EventView view;
  RETURN_IF_ERROR(DecodeEventValue(value, &view));
  uint32_t start = core::DayKey(e.date.start), end = core::DayKey(e.date.end);
  EventWrites w = PlanEvent(e.id, start, end, view);
  int cls = ClassIndex(start, end);
  (*mx)[cls] = std::max<int64_t>((*mx)[cls], end - start);
  for (const auto& [cf, key] : w.keys) {
    batch
        ->Put(cf_[cf], key,
              CfCovering(cf) ? rocksdb::Slice(value) : rocksdb::Slice())
        .PermitUncheckedError();
  }
  const std::string plus = CounterOperand(1);
  for (const auto& k : w.counter_keys)
    batch->Merge(cf_[kCfCounts], k, plus).PermitUncheckedError();
  batch->Put(cf_[kCfEvents], e.id, EncodeLocator({cls, start, end, article}))
      .PermitUncheckedError();
  return core::Status::Ok();
}

void RocksStore::AddChangesToBatch(ChangeLog* log, rocksdb::WriteBatch* batch) {
  if (log->empty()) return;
  for (const auto& [k, v] : log->Records(seq_.load() + 1))
    batch->Put(cf_[kCfChanges], k, v).PermitUncheckedError();
}

core::Result<PreparedArticle> RocksStore::PrepareArticle(
    const core::Article& given, const std::vector<core::Event>& events) {
  PreparedArticle p;
  p.article = given;
  p.events = &events;
  // An article without a coder version takes its events' common one.
  if (given.coder.empty()) p.article.coder = CommonCoder(events);
  const core::Article& article = p.article;
  if (article.id.empty()) return core::Status::Invalid("article without id");
  std::set<std::string> ids;
  for (const core::Event& e : events) {
    if (e.id.empty())
      return core::Status::Invalid("event without id in article " + article.id);
    if (!ids.insert(e.id).second)
      return core::Status::Invalid("duplicate event id " + e.id +
                                   " in article " + article.id);
    if (e.date.start.is_special() || e.date.end.is_special() ||
        e.date.end < e.date.start)
      return core::Status::Invalid("event " + e.id + " has an invalid date");
  }
  p.values.reserve(events.size());
  for (const core::Event& e : events) p.values.push_back(EncodeEventValue(e));
  p.fingerprint = ArticleFingerprint(article, p.values);
  RETURN_IF_ERROR(ReadArticle(article.id, &p.old));
  p.unchanged = p.old && p.old->fingerprint == p.fingerprint;
  if (!p.unchanged && fail_after_events_ >= 0 &&
      events.size() > size_t(fail_after_events_))
    return core::Status::IOError("simulated failure after " +
                                 std::to_string(fail_after_events_) +
                                 " events");
  return p;
}

core::Status RocksStore::WriteArticles(
    const std::vector<const PreparedArticle*>& articles) {
  rocksdb::WriteBatch batch;
  ClassMaxima mx = kNoClassMaxima;
  ChangeLog log;
  static const std::vector<std::string> kNone;
  std::vector<EvidenceChange> changes;
  changes.reserve(articles.size());
  for (const PreparedArticle* p : articles)
    changes.push_back(
        {&p->article.id, p->old ? &p->old->event_ids : &kNone, p->events});
  core::Status st = AddEvidenceWrites(changes, &batch, &mx, &log);
  if (!st.ok()) {
    if (evidence_cache_) evidence_cache_->Abandon();
    return st;
  }
  int64_t added = 0;
  for (const PreparedArticle* p : articles) {
    std::vector<std::string> event_ids;
    for (const core::Event& e : *p->events) event_ids.push_back(e.id);
    batch
        .Put(cf_[kCfArticles], p->article.id,
             EncodeArticleRecord(p->article, p->fingerprint, event_ids))
        .PermitUncheckedError();
    if (!p->old) ++added;
  }
  if (added)
    batch
        .Merge(cf_[kCfCounts], std::string(kArticleCounterKey),
               CounterOperand(added))
        .PermitUncheckedError();
  AddChangesToBatch(&log, &batch);
  AddMetaToBatch(&batch, mx);
  st = FromRocks(db_->Write(rocksdb::WriteOptions(), &batch), "write article");
  if (evidence_cache_) {
    if (st.ok())
      evidence_cache_->Commit();
    else
      evidence_cache_->Clear();  // the write may or may not be stored
  }
  RETURN_IF_ERROR(st);
  PublishMeta();
  return core::Status::Ok();
}

void RocksStore::KeepEvidenceCache(size_t max_entries) {
  if (max_entries == 0)
    evidence_cache_.reset();
  else
    evidence_cache_ = std::make_unique<EvidenceCache>(max_entries);
}

core::Result<PutResult> RocksStore::PutArticle(
    const core::Article& given, const std::vector<core::Event>& events) {
  if (read_only_)
    return core::Status(core::Code::kUnsupported, "store is open read-only");
  std::lock_guard<std::mutex> lock(write_mu_);
  ASSIGN_OR_RETURN(PreparedArticle p, PrepareArticle(given, events));
  if (p.unchanged) return PutResult{false, events.size()};
  if (opts_.dedup) {
    RETURN_IF_ERROR(WriteArticles({&p}));
    return PutResult{true, events.size()};
  }

  const core::Article& article = p.article;
  const std::vector<std::string>& values = p.values;
  const std::optional<ArticleRecord>& old = p.old;
  std::set<std::string> ids;
  for (const core::Event& e : events) ids.insert(e.id);
  rocksdb::WriteBatch batch;
  ClassMaxima mx = kNoClassMaxima;
  ChangeLog log;
  std::vector<std::string> event_ids;
  for (const core::Event& e : events) event_ids.push_back(e.id);
  {
    std::set<std::string> deleted;
    auto delete_owned = [&](const std::string& id,
                            bool only_if_owner) -> core::Status {
      if (deleted.count(id)) return core::Status::Ok();
      std::string lv;
      auto st = db_->Get(rocksdb::ReadOptions(), cf_[kCfEvents], id, &lv);
      if (st.IsNotFound()) return core::Status::Ok();
      RETURN_IF_ERROR(FromRocks(st, "read event"));
      Locator loc;
      if (only_if_owner &&
          (!DecodeLocator(lv, &loc) || loc.article != article.id))
        return core::Status::Ok();
      deleted.insert(id);
      return AddEventDeletes(id, &batch);
    };
    if (old)
      for (const auto& id : old->event_ids)
        RETURN_IF_ERROR(delete_owned(id, true));
    for (size_t i = 0; i < events.size(); ++i) {
      // An id stored by any article is replaced.
      RETURN_IF_ERROR(delete_owned(events[i].id, false));
      RETURN_IF_ERROR(
          AddEventPuts(events[i], values[i], article.id, &batch, &mx));
      EventView view;
      RETURN_IF_ERROR(DecodeEventValue(values[i], &view));
      log.Upsert(events[i].id, view.json);
    }
    for (const auto& id : deleted)
      if (!ids.count(id)) log.Deleted(id);
  }
  const std::string plus = CounterOperand(1);
  batch
      .Put(cf_[kCfArticles], article.id,
           EncodeArticleRecord(article, p.fingerprint, event_ids))
      .PermitUncheckedError();
  if (!old)
    batch.Merge(cf_[kCfCounts], std::string(kArticleCounterKey), plus)
        .PermitUncheckedError();
  AddChangesToBatch(&log, &batch);
  AddMetaToBatch(&batch, mx);
  RETURN_IF_ERROR(
      FromRocks(db_->Write(rocksdb::WriteOptions(), &batch), "write article"));
  PublishMeta();
  return PutResult{true, events.size()};
}

core::Status RocksStore::DeleteArticle(const std::string& article_id) {
  if (read_only_)
    return core::Status(core::Code::kUnsupported, "store is open read-only");
  std::lock_guard<std::mutex> lock(write_mu_);
  std::optional<ArticleRecord> old;
  RETURN_IF_ERROR(ReadArticle(article_id, &old));
  if (!old) return core::Status::NotFound("no article " + article_id);
  rocksdb::WriteBatch batch;
  ClassMaxima mx = kNoClassMaxima;
  ChangeLog log;
  if (opts_.dedup) {
    static const std::vector<core::Event> kNoEvents;
    RETURN_IF_ERROR(AddEvidenceWrites(
        {{&article_id, &old->event_ids, &kNoEvents}}, &batch, &mx, &log));
  } else {
    std::set<std::string> done;
    for (const auto& id : old->event_ids) {
      if (!done.insert(id).second) continue;
      std::string lv;
      Locator loc;
      auto st = db_->Get(rocksdb::ReadOptions(), cf_[kCfEvents], id, &lv);
      if (st.IsNotFound()) continue;
      RETURN_IF_ERROR(FromRocks(st, "read event"));
      if (!DecodeLocator(lv, &loc) || loc.article != article_id) continue;
      RETURN_IF_ERROR(AddEventDeletes(id, &batch));
      log.Deleted(id);
    }
  }
  batch.Delete(cf_[kCfArticles], article_id).PermitUncheckedError();
  batch
      .Merge(cf_[kCfCounts], std::string(kArticleCounterKey),
             CounterOperand(-1))
      .PermitUncheckedError();
  AddChangesToBatch(&log, &batch);
  AddMetaToBatch(&batch, mx);
  core::Status st =
      FromRocks(db_->Write(rocksdb::WriteOptions(), &batch), "delete article");
  if (evidence_cache_) {
    if (st.ok())
      evidence_cache_->Commit();
    else
      evidence_cache_->Clear();
  }
  RETURN_IF_ERROR(st);
  PublishMeta();
  return core::Status::Ok();
}

core::Result<std::optional<core::Event>> RocksStore::GetEvent(
    const std::string& id) const {
  std::string lv, value;
  auto st = db_->Get(rocksdb::ReadOptions(), cf_[kCfEvents], id, &lv);
  if (st.IsNotFound()) {
    // A tombstone: the id's own coded record, pointing at the merged event.
    if (!cf_[kCfTombstones]) return std::optional<core::Event>();
    std::string into;
    st = db_->Get(rocksdb::ReadOptions(), cf_[kCfTombstones], id, &into);
    if (st.IsNotFound()) return std::optional<core::Event>();
    RETURN_IF_ERROR(FromRocks(st, "read tombstone"));
    core::Event e;
    if (cf_[kCfEvidence] &&
        db_->Get(rocksdb::ReadOptions(), cf_[kCfEvidence], id, &value).ok()) {
      ASSIGN_OR_RETURN(EvidenceRecord r, DecodeEvidence(value));
      e = std::move(r.event);
    }
    e.id = id;
    e.merged_into = into;
    return std::optional<core::Event>(std::move(e));
  }
  RETURN_IF_ERROR(FromRocks(st, "read event"));
  Locator loc;
  if (!DecodeLocator(lv, &loc))
    return core::Status::Corruption("bad locator of " + id);
  st = db_->Get(rocksdb::ReadOptions(), cf_[kCfIdxDate],
                IndexKey("", loc.cls, loc.start, loc.end, id), &value);
  if (st.IsNotFound())
    return core::Status::Corruption("event " + id + " has no date entry");
  RETURN_IF_ERROR(FromRocks(st, "read event"));
  EventView view;
  RETURN_IF_ERROR(DecodeEventValue(value, &view));
  ASSIGN_OR_RETURN(core::Event e, core::EventFromJsonText(view.json));
  return std::optional<core::Event>(std::move(e));
}

core::Result<bool> RocksStore::HasArticle(const std::string& id) const {
  std::optional<ArticleRecord> r;
  RETURN_IF_ERROR(ReadArticle(id, &r));
  return r.has_value();
}

core::Result<std::optional<StoredArticle>> RocksStore::GetArticle(
    const std::string& id) const {
  std::string v;
  auto st = db_->Get(rocksdb::ReadOptions(), cf_[kCfArticles], id, &v);
  if (st.IsNotFound()) return std::optional<StoredArticle>();
  RETURN_IF_ERROR(FromRocks(st, "read article"));
  ASSIGN_OR_RETURN(StoredArticle a, DecodeStoredArticle(v));
  return std::optional<StoredArticle>(std::move(a));
}

core::Status RocksStore::ForEachArticle(
    const std::function<core::Status(const StoredArticle&)>& fn) const {
  const rocksdb::Snapshot* snap = db_->GetSnapshot();
  rocksdb::ReadOptions ro;
  ro.snapshot = snap;
  core::Status result;
  {
    std::unique_ptr<rocksdb::Iterator> it(
        db_->NewIterator(ro, cf_[kCfArticles]));
    for (it->SeekToFirst(); it->Valid() && result.ok(); it->Next()) {
      auto a = DecodeStoredArticle(it->value().ToStringView());
      result =
          a.ok() ? fn(*a)
                 : core::Status::Corruption("article " + it->key().ToString() +
                                            ": " + a.status().message());
    }
    if (result.ok()) result = FromRocks(it->status(), "scan articles");
  }
  db_->ReleaseSnapshot(snap);
  return result;
}

void SetFailAfterEventsForTesting(Store* store, int n) {
  if (auto* rocks = dynamic_cast<RocksStore*>(store))
    rocks->SetFailAfterEvents(n);
}

StoreOptions StoreOptions::ForRead() {
  StoreOptions o;
  o.create_if_missing = false;
  o.read_only = true;
  return o;
}

StoreOptions StoreOptions::ForBulkIngest() {
  StoreOptions o;
  o.cache_bytes = 64u << 20;
  return o;
}

core::Result<std::unique_ptr<Store>> Store::Open(const std::string& path,
                                                 const StoreOptions& options) {
  return RocksStore::OpenImpl(path, options);
}

}  // namespace geotl::store
