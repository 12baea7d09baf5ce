// The bulk path: new articles are buffered, sorted per column family and
// written with SstFileWriter, then ingested atomically across families with
// IngestExternalFiles. Counters go into the same SST set as merge operands.
#include <rocksdb/sst_file_writer.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
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
    std::vector<std::string> event_ids, values;
    values.reserve(events.size());
    for (const Event& e : events) values.push_back(EncodeEventValue(e));
    for (size_t i = 0; i < events.size(); ++i) {
      const Event& e = events[i];
      const std::string& value = values[i];
      EventView view;
      RETURN_IF_ERROR(DecodeEventValue(value, &view));
      uint32_t start = DayKey(e.date.start), end = DayKey(e.date.end);
      int cls = DurationClass(start, end);
      mx_[cls] = std::max<int64_t>(mx_[cls], end - start);
      EventWrites w = PlanEvent(e.id, start, end, view);
      for (auto& [cf, key] : w.keys)
        kv_[cf].emplace_back(std::move(key),
                             CfCovering(cf) ? value : std::string());
      for (auto& k : w.counter_keys) counters_[std::move(k)] += 1;
      kv_[kCfEvents].emplace_back(e.id, EncodeLocator({cls, start, end, a.id}));
      pending_events_ids_.insert(e.id);
      event_ids.push_back(e.id);
    }
    kv_[kCfArticles].emplace_back(
        a.id, EncodeArticleRecord(a, ArticleFingerprint(a, values), event_ids));
    counters_[std::string(kArticleCounterKey)] += 1;
    pending_articles_.insert(a.id);
    pending_events_ += events.size() + 1;
    if (pending_events_ >= chunk_) RETURN_IF_ERROR(Flush());
    return PutResult{true, events.size()};
  }

  Status Finish() override { return Flush(); }

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
    std::vector<rocksdb::IngestExternalFileArg> args;
    std::vector<std::string> files;
    Status st = WriteFiles(&args, &files);
    if (st.ok())
      st = FromRocks(s_->db()->IngestExternalFiles(args), "ingest SST files");
    std::error_code ec;
    for (const auto& f : files) std::filesystem::remove(f, ec);
    for (auto& v : kv_) v.clear();
    counters_.clear();
    pending_articles_.clear();
    pending_events_ids_.clear();
    pending_events_ = 0;
    RETURN_IF_ERROR(st);
    return s_->CommitMeta(mx_);
  }

  Status WriteFiles(std::vector<rocksdb::IngestExternalFileArg>* args,
                    std::vector<std::string>* files) {
    for (int c = 0; c < kNumCf; ++c) {
      bool is_counts = c == kCfCounts;
      if (is_counts ? counters_.empty() : kv_[c].empty()) continue;
      std::string file = s_->path() + "/bulk-" + std::to_string(++file_no_) +
                         "-" + kCfNames[c] + ".sst.tmp";
      files->push_back(file);
      rocksdb::SstFileWriter w(rocksdb::EnvOptions(), s_->options(Cf(c)),
                               s_->cf(Cf(c)));
      RETURN_IF_ERROR(FromRocks(w.Open(file), "open SST file"));
      if (is_counts) {
        std::vector<std::pair<std::string_view, int64_t>> sorted(
            counters_.begin(), counters_.end());
        std::sort(sorted.begin(), sorted.end());
        for (const auto& [k, n] : sorted)
          RETURN_IF_ERROR(
              FromRocks(w.Merge(k, CounterOperand(n)), "write SST"));
      } else {
        auto& v = kv_[c];
        std::sort(v.begin(), v.end(), [](const auto& x, const auto& y) {
          return x.first < y.first;
        });
        for (const auto& [k, val] : v)
          RETURN_IF_ERROR(FromRocks(w.Put(k, val), "write SST"));
      }
      RETURN_IF_ERROR(FromRocks(w.Finish(), "finish SST file"));
      rocksdb::IngestExternalFileArg arg;
      arg.column_family = s_->cf(Cf(c));
      arg.external_files = {file};
      arg.options.move_files = true;
      arg.options.allow_blocking_flush = true;
      args->push_back(std::move(arg));
    }
    return Status::Ok();
  }

  RocksStore* s_;
  size_t chunk_;
  std::vector<std::pair<std::string, std::string>> kv_[kNumCf];
  std::unordered_map<std::string, int64_t> counters_;
  std::set<std::string> pending_articles_, pending_events_ids_;
  size_t pending_events_ = 0;
  std::array<int64_t, kNumClasses> mx_{-1, -1, -1};
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
