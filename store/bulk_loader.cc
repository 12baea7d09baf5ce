// The bulk path: new articles are buffered, sorted per column family and
// written with SstFileWriter, then ingested atomically across families with
// IngestExternalFiles. Counters go into the same SST set as merge operands.
#include <rocksdb/sst_file_writer.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <thread>
#include <unordered_map>

#include "store/rocks_store.h"

namespace geotl::store {
namespace {

class RocksBulkLoader final : public BulkLoader {
 public:
  RocksBulkLoader(RocksStore* s, size_t chunk) : s_(s), chunk_(chunk) {}
  ~RocksBulkLoader() override { (void)Flush(); }

  Result<PutResult> Add(const Article& a,
                        const std::vector<Event>& events) override {
    if (a.id.empty()) return Status::Invalid("article without id");
    bool direct =
        pending_articles_.count(a.id) > 0 || MayExist(kCfArticles, a.id);
    std::set<std::string> ids;
    for (const Event& e : events) {
      if (e.id.empty() || !ids.insert(e.id).second ||
          pending_events_ids_.count(e.id))
        direct = true;
      if (direct) break;
      if (MayExist(kCfEvents, e.id)) direct = true;
    }
    if (direct) {  // replace semantics and all checks of the normal path
      RETURN_IF_ERROR(Flush());
      return s_->PutArticle(a, events);
    }
    for (const Event& e : events)
      if (e.date.start.is_special() || e.date.end.is_special() ||
          e.date.end < e.date.start)
        return Status::Invalid("event " + e.id + " has an invalid date");
    std::vector<std::string> event_ids;
    const size_t vbase = values_.size();
    for (const Event& e : events) values_.push_back(EncodeEventValue(e));
    for (size_t i = 0; i < events.size(); ++i) {
      const Event& e = events[i];
      const std::string& value = values_[vbase + i];
      EventView view;
      RETURN_IF_ERROR(DecodeEventValue(value, &view));
      uint32_t start = DayKey(e.date.start), end = DayKey(e.date.end);
      int cls = DurationClass(start, end);
      mx_[cls] = std::max<int64_t>(mx_[cls], end - start);
      EventWrites w = PlanEvent(e.id, start, end, view);
      for (auto& [cf, key] : w.keys)
        kv_[cf].emplace_back(std::move(key), CfCovering(cf)
                                                 ? Ref(kValues, vbase + i)
                                                 : kNoValue);
      // Only day counters (and links) are accumulated per event; the month,
      // month-all-types and total counters are derived from them per chunk
      // (DeriveCounters), a quarter of the hash-map updates.
      for (auto& k : w.counter_keys)
        if (IsDerived(k) == 0) counters_[std::move(k)] += 1;
      small_.push_back(EncodeLocator({cls, start, end, a.id}));
      kv_[kCfEvents].emplace_back(e.id, Ref(kSmall, small_.size() - 1));
      pending_events_ids_.insert(e.id);
      event_ids.push_back(e.id);
    }
    std::vector<std::string> values(values_.begin() + vbase, values_.end());
    small_.push_back(
        EncodeArticleRecord(a, ArticleFingerprint(a, values), event_ids));
    kv_[kCfArticles].emplace_back(a.id, Ref(kSmall, small_.size() - 1));
    counters_[std::string(kArticleCounterKey)] += 1;
    pending_articles_.insert(a.id);
    pending_events_ += events.size() + 1;
    if (pending_events_ >= chunk_) RETURN_IF_ERROR(Flush());
    return PutResult{true, events.size()};
  }

  Status Finish() override { return Flush(); }

  // For a counter key of PlanEvent: 1 if it is a month ('m'/'n') or total
  // ('T') key that DeriveCounters recomputes from the day key, else 0.
  static int IsDerived(std::string_view k) {
    if (k.empty()) return 0;
    char dim = k[0];
    if (dim != 'A' && dim != 'a' && dim != 'c' && dim != 'r') return 0;
    size_t nul = k.find('\0', 1);
    if (nul == std::string_view::npos || k.size() != nul + 8) return 0;
    char gran = k[nul + 1];
    return gran == 'm' || gran == 'n' || gran == 'T';
  }

  // Adds the 'm', 'n' and 'T' counters implied by the day counters, exactly
  // as PlanEvent plans them (checked by geotl check and the store tests).
  void DeriveCounters() {
    std::unordered_map<std::string, int64_t> derived;
    derived.reserve(counters_.size() / 4 + 16);
    for (const auto& [k, n] : counters_) {
      std::string_view key = k;
      if (key.empty()) continue;
      char dim = key[0];
      if (dim != 'A' && dim != 'a' && dim != 'c' && dim != 'r') continue;
      size_t nul = key.find('\0', 1);
      if (nul == std::string_view::npos || key.size() != nul + 8 ||
          key[nul + 1] != 'd')
        continue;
      std::string_view code = key.substr(1, nul - 1);
      uint32_t day = GetBE32(key.data() + nul + 2);
      uint8_t type = static_cast<uint8_t>(key[nul + 6]);
      uint8_t status = static_cast<uint8_t>(key[nul + 7]);
      Date d = FromDayKey(day);
      uint32_t month = uint32_t(d.year()) * 12 + uint32_t(d.month()) - 1;
      CountDim cd = static_cast<CountDim>(dim);
      derived[CounterKey(cd, code, 'm', month, type, status)] += n;
      derived[CounterKey(cd, code, 'T', 0, type, status)] += n;
      derived[CounterKey(cd, code, 'n', month, kAllTypes, status)] += n;
    }
    for (auto& [k, n] : derived) counters_[k] += n;
  }

 private:
  // Whether `key` is stored (bloom filter first, then a real read).
  bool MayExist(Cf cf, const std::string& key) {
    std::string v;
    bool found = false;
    if (!s_->db()->KeyMayExist(rocksdb::ReadOptions(), s_->cf(cf), key, &v,
                               &found))
      return false;
    if (found) return true;
    auto st = s_->db()->Get(rocksdb::ReadOptions(), s_->cf(cf), key, &v);
    return !st.IsNotFound();  // an error also routes to the checked path
  }

  Status Flush() {
    if (pending_articles_.empty()) return Status::Ok();
    std::lock_guard<std::mutex> lock(s_->write_mu());
    // Raise the duration maxima first: a larger maximum is always safe.
    RETURN_IF_ERROR(s_->CommitMeta(mx_));
    using Clock = std::chrono::steady_clock;
    auto t0 = Clock::now();
    std::vector<rocksdb::IngestExternalFileArg> args;
    std::vector<std::string> files;
    auto t1 = Clock::now();
    Status st = WriteFiles(&args, &files);
    auto t2 = Clock::now();
    if (st.ok())
      st = FromRocks(s_->db()->IngestExternalFiles(args), "ingest SST files");
    if (std::getenv("GEOTL_BULK_TRACE")) {
      auto ms = [](auto d) {
        return std::chrono::duration<double, std::milli>(d).count();
      };
      std::fprintf(stderr,
                   "bulk chunk: %zu events, derive %.0f ms, write %.0f ms, "
                   "ingest %.0f ms\n",
                   pending_events_, ms(t1 - t0), ms(t2 - t1),
                   ms(Clock::now() - t2));
    }
    std::error_code ec;
    for (const auto& f : files) std::filesystem::remove(f, ec);
    for (auto& v : kv_) v.clear();
    values_.clear();
    small_.clear();
    counters_.clear();
    pending_articles_.clear();
    pending_events_ids_.clear();
    pending_events_ = 0;
    RETURN_IF_ERROR(st);
    return s_->CommitMeta(mx_);
  }

  // Sorts and writes one family's buffered entries to `file`.
  Status WriteFile(int c, const std::string& file) {
    // LZ4: the loader's files are written once and rewritten with the
    // family's zstd by compaction; zstd here cost ~3x the time of LZ4 for
    // bytes that do not last (docs/key_format.md, bulk path).
    rocksdb::Options o = s_->options(Cf(c));
    o.compression = rocksdb::kLZ4Compression;
    o.compression_per_level.clear();
    rocksdb::SstFileWriter w(rocksdb::EnvOptions(), o, s_->cf(Cf(c)));
    RETURN_IF_ERROR(FromRocks(w.Open(file), "open SST file"));
    if (c == kCfCounts) {
      DeriveCounters();  // in this task: parallel to the other families
      std::vector<std::pair<std::string_view, int64_t>> sorted(
          counters_.begin(), counters_.end());
      std::sort(sorted.begin(), sorted.end());
      for (const auto& [k, n] : sorted)
        RETURN_IF_ERROR(FromRocks(w.Merge(k, CounterOperand(n)), "write SST"));
    } else {
      auto& v = kv_[c];
      std::sort(v.begin(), v.end(),
                [](const auto& x, const auto& y) { return x.first < y.first; });
      for (const auto& [k, ref] : v)
        RETURN_IF_ERROR(FromRocks(w.Put(k, Value(ref)), "write SST"));
    }
    return FromRocks(w.Finish(), "finish SST file");
  }

  Status WriteFiles(std::vector<rocksdb::IngestExternalFileArg>* args,
                    std::vector<std::string>* files) {
    // Families largest first, written by two threads (the machine kind has
    // two cores; each file is independent).
    std::vector<std::pair<size_t, int>> todo;
    for (int c = 0; c < kNumCf; ++c) {
      size_t n = c == kCfCounts ? counters_.size() : kv_[c].size();
      if (n == 0) continue;
      size_t bytes = 0;
      if (c != kCfCounts)
        for (size_t i = 0; i < kv_[c].size(); i += 64)
          bytes +=
              64 * (kv_[c][i].first.size() + Value(kv_[c][i].second).size());
      else
        bytes = n * 24;
      todo.emplace_back(bytes, c);
    }
    std::sort(todo.rbegin(), todo.rend());
    std::vector<std::string> names(kNumCf);
    for (auto [bytes, c] : todo) {
      names[c] = s_->path() + "/bulk-" + std::to_string(++file_no_) + "-" +
                 kCfNames[c] + ".sst.tmp";
      files->push_back(names[c]);
    }
    std::vector<Status> results(kNumCf);
    std::atomic<size_t> next{0};
    auto work = [&] {
      for (size_t i; (i = next++) < todo.size();) {
        int c = todo[i].second;
        auto t0 = std::chrono::steady_clock::now();
        results[c] = WriteFile(c, names[c]);
        if (std::getenv("GEOTL_BULK_TRACE"))
          std::fprintf(stderr, "  %s: %zu entries, %.0f ms\n", kCfNames[c],
                       c == kCfCounts ? counters_.size() : kv_[c].size(),
                       std::chrono::duration<double, std::milli>(
                           std::chrono::steady_clock::now() - t0)
                           .count());
      }
    };
    std::thread helper(work);
    work();
    helper.join();
    for (auto [bytes, c] : todo) {
      RETURN_IF_ERROR(results[c]);
      rocksdb::IngestExternalFileArg arg;
      arg.column_family = s_->cf(Cf(c));
      arg.external_files = {names[c]};
      arg.options.move_files = true;
      arg.options.allow_blocking_flush = true;
      args->push_back(std::move(arg));
    }
    return Status::Ok();
  }

  RocksStore* s_;
  size_t chunk_;
  // Entries per family: key and a reference to the value, which is held
  // once (event values are shared by up to ~5 covering entries).
  static constexpr uint64_t kValues = 0, kSmall = 1;
  static constexpr uint64_t kNoValue = ~uint64_t(0);
  static uint64_t Ref(uint64_t arena, size_t i) {
    return (arena << 62) | uint64_t(i);
  }
  std::string_view Value(uint64_t ref) const {
    if (ref == kNoValue) return {};
    size_t i = size_t(ref & ((uint64_t(1) << 62) - 1));
    return (ref >> 62) == kValues ? std::string_view(values_[i])
                                  : std::string_view(small_[i]);
  }
  std::vector<std::pair<std::string, uint64_t>> kv_[kNumCf];
  std::vector<std::string> values_, small_;
  std::unordered_map<std::string, int64_t> counters_;
  std::set<std::string> pending_articles_, pending_events_ids_;
  size_t pending_events_ = 0;
  ClassMaxima mx_ = kNoClassMaxima;
  int file_no_ = 0;
};

}  // namespace
}  // namespace geotl::store

namespace geotl {
using store::RocksStore;

Result<std::unique_ptr<BulkLoader>> NewBulkLoader(Store* store,
                                                  size_t chunk_events) {
  auto* rs = dynamic_cast<RocksStore*>(store);
  if (!rs) return Status::Invalid("bulk loading needs a RocksDB store");
  if (rs->read_only())
    return Status(Code::kUnsupported, "store is open read-only");
  return std::unique_ptr<BulkLoader>(
      new store::RocksBulkLoader(rs, std::max<size_t>(1, chunk_events)));
}

}  // namespace geotl
