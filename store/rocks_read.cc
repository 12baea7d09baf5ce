// RocksStore read path: bounded index iterators, snapshots, counters, stats.
#include <rocksdb/db.h>
#include <rocksdb/iterator.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <thread>

#include "store/rocks_store.h"

namespace geotl::store {
namespace {

// The sequence of a view is read from its own snapshot (the `meta` key
// `seq` is written in the same WriteBatch or ingest as the data), so two
// views with one sequence always see the same data; an in-memory counter
// read beside the snapshot could be one write behind or ahead of it.
class RocksReadView final : public ReadView {
 public:
  explicit RocksReadView(const RocksStore& store)
      : db_(store.db()),
        snap_(db_->GetSnapshot()),
        seq_(store.ReadMeta64("seq", snap_)) {}
  ~RocksReadView() override { db_->ReleaseSnapshot(snap_); }
  uint64_t sequence() const override { return seq_; }
  const rocksdb::Snapshot* snapshot() const { return snap_; }

 private:
  rocksdb::DB* db_;
  const rocksdb::Snapshot* snap_;
  uint64_t seq_;
};

const rocksdb::Snapshot* SnapOf(const ReadView* v) {
  return v ? static_cast<const RocksReadView*>(v)->snapshot() : nullptr;
}

// The smallest key greater than every key starting with `prefix`.
std::string PrefixEnd(std::string prefix) {
  while (!prefix.empty()) {
    unsigned char c = prefix.back();
    if (c != 0xff) {
      prefix.back() = char(c + 1);
      return prefix;
    }
    prefix.pop_back();
  }
  return prefix;  // empty: unbounded
}

class RocksIndexIterator final : public IndexIterator {
 public:
  RocksIndexIterator(const RocksStore* store, const ScanSpec& spec,
                     const rocksdb::Snapshot* snap)
      : store_(store),
        snap_(snap),
        desc_(spec.desc),
        with_values_(spec.with_values),
        covering_(FamilyCovering(spec.family)),
        min_end_(spec.min_end) {
    std::string code = spec.family == IndexFamily::kDate ? "" : spec.code;
    prefix_ = IndexPrefix(code, static_cast<int>(spec.duration_class));
    if (!covering_) {
      // Key-only families: the value comes from idx_date (small blocks),
      // read by a second iterator that only moves forward (backward for
      // desc) in the same (start, end, id) order.
      value_prefix_ = IndexPrefix("", static_cast<int>(spec.duration_class));
    }
    lower_ = prefix_;
    PutBE32(&lower_, spec.lo_start);
    if (spec.hi_start == 0xffffffffu) {
      upper_ = PrefixEnd(prefix_);
    } else {
      upper_ = prefix_;
      PutBE32(&upper_, spec.hi_start + 1);
    }
    std::string after;
    if (spec.after)
      after = IndexKey(code, static_cast<int>(spec.duration_class),
                       spec.after->start, spec.after->end, spec.after->id);
    if (desc_ && spec.after && after < upper_) upper_ = after;
    if (upper_ <= lower_) return;  // empty range
    lower_slice_ = rocksdb::Slice(lower_);
    upper_slice_ = rocksdb::Slice(upper_);
    rocksdb::ReadOptions ro;
    ro.snapshot = snap;
    ro.iterate_lower_bound = &lower_slice_;
    ro.iterate_upper_bound = &upper_slice_;
    if (!with_values_) ro.readahead_size = 0;
    it_.reset(store->db()->NewIterator(ro, store->cf(FamilyCf(spec.family))));
    if (desc_) {
      it_->SeekToLast();
    } else if (spec.after) {
      after.push_back('\0');  // first key strictly after
      it_->Seek(after > lower_ ? after : lower_);
    } else {
      it_->Seek(lower_);
    }
    Load();
  }

  bool Valid() const override { return valid_; }
  void Next() override {
    if (!valid_) return;
    if (desc_)
      it_->Prev();
    else
      it_->Next();
    Load();
  }
  const IndexEntry& entry() const override { return entry_; }
  core::Status status() const override { return status_; }

 private:
  void Load() {
    valid_ = false;
    const char* p = nullptr;
    rocksdb::Slice k;
    while (true) {
      if (!it_->Valid()) {
        if (!it_->status().ok())
          status_ = FromRocks(it_->status(), "scan index");
        return;
      }
      k = it_->key();
      if (k.size() < prefix_.size() + 8 + 1) {
        status_ = core::Status::Corruption("short index key");
        return;
      }
      p = k.data() + prefix_.size();
      if (GetBE32(p + 4) >= min_end_) break;
      // Ends too early; so do the rest of this start's entries on this
      // side of the (end, id) order: one seek passes them all.
      seek_key_.assign(prefix_);
      PutBE32(&seek_key_, GetBE32(p));
      if (desc_) {
        it_->SeekForPrev(seek_key_);  // the last key of an earlier start
      } else {
        PutBE32(&seek_key_, min_end_);
        it_->Seek(seek_key_);
      }
    }
    entry_.start = GetBE32(p);
    entry_.end = GetBE32(p + 4);
    entry_.id = std::string_view(p + 8, k.size() - prefix_.size() - 8);
    entry_.value = {};
    if (with_values_) {
      if (covering_) {
        entry_.value = it_->value().ToStringView();
      } else if (!Probe()) {
        return;
      }
    }
    valid_ = true;
  }

  // Positions the value iterator on the entry's key in the value family.
  bool Probe() {
    // A point read: the probes of one page land anywhere in idx_date (one
    // per match, in date order but far apart), where an iterator Seek
    // would reposition a merging iterator and often open another file's
    // table iterator; Get goes to the one file and block that hold the key.
    probe_key_.assign(value_prefix_);
    PutBE32(&probe_key_, entry_.start);
    PutBE32(&probe_key_, entry_.end);
    probe_key_.append(entry_.id);
    // The probed row is kept by the row cache, not its 1 KiB block by the
    // block cache (the same event twice would halve what the budget holds).
    // RocksDB keys a cached row by file and, when the snapshot is not newer
    // than everything in the file, also by the snapshot, so that rows read
    // under one view would never serve the next; after a bulk load every
    // file holds the newest sequence. So while nothing has been written
    // since the view's snapshot, the probe reads the latest state (the same
    // data) and checks afterwards that still nothing was written.
    rocksdb::ReadOptions ro;
    ro.fill_cache = false;
    auto* db = store_->db();
    const uint64_t snap_seq = snap_ ? snap_->GetSequenceNumber() : 0;
    const bool unchanged = snap_ && db->GetLatestSequenceNumber() == snap_seq;
    ro.snapshot = unchanged ? nullptr : snap_;
    probe_value_.Reset();
    auto st = db->Get(ro, store_->cf(kCfIdxDate), probe_key_, &probe_value_);
    if (unchanged && db->GetLatestSequenceNumber() != snap_seq) {
      ro.snapshot = snap_;  // a write came in meanwhile: read the view
      probe_value_.Reset();
      st = db->Get(ro, store_->cf(kCfIdxDate), probe_key_, &probe_value_);
    }
    if (!st.ok()) {
      status_ = st.IsNotFound()
                    ? core::Status::Corruption("index entry without event " +
                                               std::string(entry_.id))
                    : FromRocks(st, "read event");
      return false;
    }
    entry_.value = probe_value_.ToStringView();
    return true;
  }

  const RocksStore* store_;
  const rocksdb::Snapshot* snap_;
  bool desc_, with_values_, covering_;
  uint32_t min_end_;
  std::string prefix_, lower_, upper_, seek_key_;
  rocksdb::Slice lower_slice_, upper_slice_;
  std::unique_ptr<rocksdb::Iterator> it_;
  // Value probe of key-only families.
  std::string value_prefix_, probe_key_;
  rocksdb::PinnableSlice probe_value_;
  IndexEntry entry_;
  bool valid_ = false;
  core::Status status_;
};

CountDim DimOf(IndexFamily f) {
  switch (f) {
    case IndexFamily::kActor:
      return CountDim::kActor;
    case IndexFamily::kCountry:
      return CountDim::kCountry;
    case IndexFamily::kRegion:
      return CountDim::kRegion;
    default:
      return CountDim::kAll;
  }
}

}  // namespace

uint64_t RocksStore::ReadMeta64(const char* key,
                                const rocksdb::Snapshot* snap) const {
  rocksdb::ReadOptions ro;
  ro.snapshot = snap;
  std::string v;
  if (db_->Get(ro, cf_[kCfMeta], key, &v).ok() && v.size() == 8)
    return GetBE64(v.data());
  return 0;
}

uint64_t RocksStore::Sequence() const { return ReadMeta64("seq"); }

std::unique_ptr<ReadView> RocksStore::NewReadView() const {
  return std::make_unique<RocksReadView>(*this);
}

std::unique_ptr<IndexIterator> RocksStore::NewIndexIterator(
    const ScanSpec& spec, const ReadView* view) const {
  return std::make_unique<RocksIndexIterator>(this, spec, SnapOf(view));
}

std::optional<uint32_t> RocksStore::ClassMaxDays(DurationClass c) const {
  const int cls = static_cast<int>(c);
  if (cls < 0 || cls >= kNumClasses) return std::nullopt;
  int64_t v = class_max_[cls].load();
  if (v < 0) return std::nullopt;
  return uint32_t(v);
}

core::Result<std::vector<CounterRow>> RocksStore::ScanCounters(
    IndexFamily family, std::string_view code, CounterGranularity gran,
    uint32_t lo, uint32_t hi, const ReadView* view) const {
  if (family == IndexFamily::kType || family == IndexFamily::kActorType ||
      family == IndexFamily::kDyad)
    return core::Status::Invalid("no counters by this family; use kDate rows");
  std::string prefix =
      CounterPrefix(DimOf(family), family == IndexFamily::kDate ? "" : code,
                    static_cast<char>(gran));
  std::string lower = prefix, upper = prefix;
  PutBE32(&lower, lo);
  if (hi == 0xffffffffu)
    upper = PrefixEnd(prefix);
  else
    PutBE32(&upper, hi + 1);
  rocksdb::Slice ls(lower), us(upper);
  rocksdb::ReadOptions ro;
  ro.snapshot = SnapOf(view);
  ro.iterate_lower_bound = &ls;
  ro.iterate_upper_bound = &us;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro, cf_[kCfCounts]));
  std::vector<CounterRow> rows;
  for (it->Seek(lower); it->Valid(); it->Next()) {
    rocksdb::Slice k = it->key();
    if (k.size() != prefix.size() + 6)
      return core::Status::Corruption("bad counter key");
    CounterRow r;
    r.bucket = GetBE32(k.data() + prefix.size());
    r.type = static_cast<uint8_t>(k[prefix.size() + 4]);
    uint8_t st = static_cast<uint8_t>(k[prefix.size() + 5]);
    if (st > 3) return core::Status::Corruption("bad counter key");
    r.status = static_cast<core::EventStatus>(st);
    r.count = DecodeCounter(it->value().ToStringView());
    if (r.count != 0) rows.push_back(r);
  }
  RETURN_IF_ERROR(FromRocks(it->status(), "scan counters"));
  return rows;
}

core::Result<std::vector<std::string>> RocksStore::CounterCodes(
    IndexFamily family, const ReadView* view) const {
  std::string dim(1, static_cast<char>(DimOf(family)));
  std::string upper = PrefixEnd(dim);
  rocksdb::Slice us(upper);
  rocksdb::ReadOptions ro;
  ro.snapshot = SnapOf(view);
  ro.iterate_upper_bound = &us;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro, cf_[kCfCounts]));
  std::vector<std::string> codes;
  it->Seek(dim);
  while (it->Valid()) {
    std::string_view k = it->key().ToStringView().substr(1);
    size_t nul = k.find('\0');
    if (nul == std::string_view::npos)
      return core::Status::Corruption("bad counter key");
    std::string code(k.substr(0, nul));
    // Only codes with a non-zero total count.
    ASSIGN_OR_RETURN(uint64_t total, CodeTotal(family, code));
    if (total > 0) codes.push_back(code);
    std::string next = dim + code;
    next.push_back('\x01');
    it->Seek(next);
  }
  RETURN_IF_ERROR(FromRocks(it->status(), "scan counters"));
  return codes;
}

core::Result<std::vector<std::string>> RocksStore::RegionMembers(
    std::string_view region, const ReadView* view) const {
  std::vector<std::string> codes{std::string(region)};
  std::string prefix = RegionLinkPrefix(region);
  std::string upper = PrefixEnd(prefix);
  rocksdb::Slice ls(prefix), us(upper);
  rocksdb::ReadOptions ro;
  ro.snapshot = SnapOf(view);
  ro.iterate_lower_bound = &ls;
  ro.iterate_upper_bound = &us;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro, cf_[kCfCounts]));
  for (it->Seek(prefix); it->Valid(); it->Next()) {
    if (DecodeCounter(it->value().ToStringView()) == 0) continue;
    std::string inner(it->key().ToStringView().substr(prefix.size()));
    if (inner != region) codes.push_back(std::move(inner));
  }
  RETURN_IF_ERROR(FromRocks(it->status(), "scan region links"));
  return codes;
}

core::Result<uint64_t> RocksStore::CodeTotal(IndexFamily family,
                                             std::string_view code) const {
  if (family == IndexFamily::kActorType) {
    size_t sep = code.find('\x01');
    if (sep == std::string_view::npos)
      return core::Status::Invalid("not an actor+type code");
    uint8_t type = TypeIndex(code.substr(sep + 1));
    ASSIGN_OR_RETURN(auto rows,
                     ScanCounters(IndexFamily::kActor, code.substr(0, sep),
                                  CounterGranularity::kTotal, 0, 0, nullptr));
    uint64_t n = 0;
    for (const auto& r : rows)
      if (r.type == type) n += r.count;
    return n;
  }
  if (family == IndexFamily::kDyad) {  // no pair counters: an upper bound
    size_t sep = code.find('\x01');
    if (sep == std::string_view::npos)
      return core::Status::Invalid("not a dyad code");
    ASSIGN_OR_RETURN(uint64_t a,
                     CodeTotal(IndexFamily::kActor, code.substr(0, sep)));
    ASSIGN_OR_RETURN(uint64_t b,
                     CodeTotal(IndexFamily::kActor, code.substr(sep + 1)));
    return std::min(a, b);
  }
  uint8_t type = kUnknownType;
  if (family == IndexFamily::kType) type = TypeIndex(code);
  ASSIGN_OR_RETURN(
      auto rows,
      ScanCounters(family == IndexFamily::kType ? IndexFamily::kDate : family,
                   code, CounterGranularity::kTotal, 0, 0, nullptr));
  uint64_t n = 0;
  for (const auto& r : rows)
    if (family != IndexFamily::kType || r.type == type) n += r.count;
  return n;
}

core::Result<StoreStats> RocksStore::Stats() const {
  StoreStats s;
  auto view = NewReadView();
  s.as_of_sequence = view->sequence();
  rocksdb::ReadOptions ro;
  ro.snapshot = SnapOf(view.get());
  std::string v;
  auto st = db_->Get(ro, cf_[kCfCounts], std::string(kArticleCounterKey), &v);
  if (st.ok())
    s.articles = DecodeCounter(v);
  else if (!st.IsNotFound())
    return FromRocks(st, "read stats");
  ASSIGN_OR_RETURN(auto totals,
                   ScanCounters(IndexFamily::kDate, "",
                                CounterGranularity::kTotal, 0, 0, view.get()));
  std::map<std::string, uint64_t> by_type;
  for (const auto& r : totals) {
    if (r.status == core::EventStatus::kNegated) continue;
    s.events += r.count;
    std::string_view name = TypeName(r.type);
    by_type[name.empty() ? "OTHER" : std::string(name)] += r.count;
  }
  s.by_type.assign(by_type.begin(), by_type.end());
  // First/last day with a non-negated event, from the day counters.
  std::string prefix = CounterPrefix(CountDim::kAll, "", 'd');
  std::string upper = PrefixEnd(prefix);
  rocksdb::Slice ls(prefix), us(upper);
  ro.iterate_lower_bound = &ls;
  ro.iterate_upper_bound = &us;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro, cf_[kCfCounts]));
  auto usable = [&]() {
    rocksdb::Slice k = it->key();
    return k.size() == prefix.size() + 6 &&
           static_cast<uint8_t>(k[prefix.size() + 5]) !=
               uint8_t(core::EventStatus::kNegated) &&
           DecodeCounter(it->value().ToStringView()) != 0;
  };
  for (it->SeekToFirst(); it->Valid() && !usable(); it->Next()) {
  }
  if (it->Valid())
    s.first_date = core::FromDayKey(GetBE32(it->key().data() + prefix.size()));
  for (it->SeekToLast(); it->Valid() && !usable(); it->Prev()) {
  }
  if (it->Valid())
    s.last_date = core::FromDayKey(GetBE32(it->key().data() + prefix.size()));
  RETURN_IF_ERROR(FromRocks(it->status(), "read stats"));
  return s;
}

core::Status RocksStore::Compact() {
  if (read_only_)
    return core::Status(core::Code::kUnsupported, "store is open read-only");
  // One flush of every family, then the families' compactions side by side
  // (not exclusive, two at a time): each waits for its files' syncs, so
  // one after the other they took a fresh load's whole compaction time.
  std::vector<rocksdb::ColumnFamilyHandle*> all(cf_.begin(),
                                                cf_.begin() + kNumCf);
  RETURN_IF_ERROR(FromRocks(db_->Flush(rocksdb::FlushOptions(), all), "flush"));
  rocksdb::CompactRangeOptions co;
  co.bottommost_level_compaction = rocksdb::BottommostLevelCompaction::kForce;
  co.exclusive_manual_compaction = false;
  std::atomic<int> next{0};
  std::vector<rocksdb::Status> failed(kNumCf);
  auto work = [&] {
    for (int i; (i = next++) < kNumCf;)
      failed[i] = db_->CompactRange(co, cf_[i], nullptr, nullptr);
  };
  // Two compactions beside a flush need three background jobs.
  RETURN_IF_ERROR(FromRocks(db_->SetDBOptions({{"max_background_jobs", "3"}}),
                            "set compaction option"));
  std::thread helper(work);
  work();
  helper.join();
  RETURN_IF_ERROR(FromRocks(db_->SetDBOptions({{"max_background_jobs", "2"}}),
                            "set compaction option"));
  for (const auto& st : failed) RETURN_IF_ERROR(FromRocks(st, "compact"));
  // CompactRange waits for its own work only; automatic compactions (those
  // a bulk load deferred, level moves) may still run or be due. Return when
  // none is, so that a compacted store is quiet and at its compacted size.
  for (;;) {
    uint64_t running = 0, pending = 0, errors = 0;
    db_->GetIntProperty("rocksdb.num-running-compactions", &running);
    db_->GetIntProperty("rocksdb.background-errors", &errors);
    if (errors) return core::Status::IOError("background compaction failed");
    for (int i = 0; i < kNumCf; ++i) {
      uint64_t p = 0;  // due, and will run (not while a loader holds it off)
      if (!db_->GetOptions(cf_[i]).disable_auto_compactions &&
          db_->GetIntProperty(cf_[i], "rocksdb.compaction-pending", &p))
        pending += p;
    }
    if (running == 0 && pending == 0) return core::Status::Ok();
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

core::Status RocksStore::SetAutoCompaction(bool on) {
  if (read_only_) return core::Status::Ok();
  for (int i = 0; i < kNumCf; ++i)
    RETURN_IF_ERROR(FromRocks(
        db_->SetOptions(cf_[i],
                        {{"disable_auto_compactions", on ? "false" : "true"}}),
        "set compaction option"));
  return core::Status::Ok();
}

uint64_t RocksStore::MaxLevel0Files() const {
  uint64_t most = 0;
  for (int i = 0; i < kNumCf; ++i) {
    uint64_t n = 0;
    if (db_->GetIntProperty(cf_[i], "rocksdb.num-files-at-level0", &n))
      most = std::max(most, n);
  }
  return most;
}

core::Result<uint64_t> RocksStore::DiskBytes() const {
  namespace fs = std::filesystem;
  std::error_code ec;
  uint64_t n = 0;
  for (const auto& e : fs::recursive_directory_iterator(path_, ec))
    if (e.is_regular_file(ec)) n += e.file_size(ec);
  if (ec)
    return core::Status::IOError("size of " + path_ + ": " + ec.message());
  return n;
}

core::Result<std::vector<std::pair<std::string, uint64_t>>>
RocksStore::FamilyBytes() const {
  std::vector<std::pair<std::string, uint64_t>> out;
  for (auto* h : cf_) {
    rocksdb::ColumnFamilyMetaData m;
    db_->GetColumnFamilyMetaData(h, &m);
    out.emplace_back(m.name, m.size);
  }
  return out;
}

}  // namespace geotl::store
