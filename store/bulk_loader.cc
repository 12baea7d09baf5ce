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
#include <memory>
#include <thread>
#include <unordered_set>

#include "store/bulk_counters.h"
#include "store/rocks_store.h"

namespace geotl::store {
namespace {

// One chunk of buffered articles: every family's entries (key and a
// reference to the value, which is held once: an event value is shared by
// its covering entries), the counters, and the ids it holds.
struct Chunk {
  std::vector<std::pair<std::string, uint64_t>> kv[kNumCf];
  std::vector<std::string> values, small;
  std::vector<std::string> records;  // article records, made by the writer
  struct Pending {
    Article article;
    size_t vbase = 0;  // its event values: values[vbase, vbase + ids.size())
    std::vector<std::string> event_ids;
  };
  std::vector<Pending> articles;
  BulkCounters counters;
  std::unordered_set<std::string> article_ids, event_ids;
  ClassMaxima mx = kNoClassMaxima;
  size_t units = 0;  // events + articles

  static constexpr uint64_t kValues = 0, kSmall = 1, kRecords = 2;
  static constexpr uint64_t kNoValue = ~uint64_t(0);
  static uint64_t Ref(uint64_t arena, size_t i) {
    return (arena << 62) | uint64_t(i);
  }
  std::string_view Value(uint64_t ref) const {
    if (ref == kNoValue) return {};
    size_t i = size_t(ref & ((uint64_t(1) << 62) - 1));
    switch (ref >> 62) {
      case kValues:
        return values[i];
      case kSmall:
        return small[i];
      default:
        return records[i];
    }
  }
  bool Holds(const std::string& article, const std::string& event) const {
    return article_ids.count(article) || event_ids.count(event);
  }
};

// Writes chunk after chunk: while a chunk's SST files are written and
// ingested on a background thread, Add encodes the next one (the machine
// kind has two cores). At most one chunk is in flight; its error is
// returned by the next Add or by Finish.
class RocksBulkLoader final : public BulkLoader {
 public:
  RocksBulkLoader(RocksStore* s, size_t chunk)
      : s_(s), chunk_(chunk), cur_(std::make_unique<Chunk>()) {}
  ~RocksBulkLoader() override { (void)Finish(); }

  Result<PutResult> Add(const Article& a,
                        const std::vector<Event>& events) override {
    if (a.id.empty()) return Status::Invalid("article without id");
    bool direct = Buffered(a.id, "") || MayExist(kCfArticles, a.id);
    std::unordered_set<std::string_view> ids;
    for (const Event& e : events) {
      if (e.id.empty() || !ids.insert(e.id).second || Buffered("", e.id))
        direct = true;
      if (direct) break;
      if (MayExist(kCfEvents, e.id)) direct = true;
    }
    if (direct) {  // replace semantics and all checks of the normal path
      RETURN_IF_ERROR(Finish());
      return s_->PutArticle(a, events);
    }
    for (const Event& e : events)
      if (e.date.start.is_special() || e.date.end.is_special() ||
          e.date.end < e.date.start)
        return Status::Invalid("event " + e.id + " has an invalid date");
    Chunk& c = *cur_;
    Chunk::Pending pending{a, c.values.size(), {}};
    for (const Event& e : events) {
      c.values.push_back(EncodeEventValue(e));
      const size_t vi = c.values.size() - 1;
      EventView view;
      RETURN_IF_ERROR(DecodeEventValue(c.values[vi], &view));
      uint32_t start = DayKey(e.date.start), end = DayKey(e.date.end);
      int cls = DurationClass(start, end);
      c.mx[cls] = std::max<int64_t>(c.mx[cls], end - start);
      EventWrites w = PlanEvent(e.id, start, end, view);
      for (auto& [cf, key] : w.keys)
        c.kv[cf].emplace_back(std::move(key), CfCovering(cf)
                                                  ? Chunk::Ref(Chunk::kValues, vi)
                                                  : Chunk::kNoValue);
      for (const auto& k : w.counter_keys) c.counters.AddPlanned(k);
      c.small.push_back(EncodeLocator({cls, start, end, a.id}));
      c.kv[kCfEvents].emplace_back(
          e.id, Chunk::Ref(Chunk::kSmall, c.small.size() - 1));
      c.event_ids.insert(e.id);
      pending.event_ids.push_back(e.id);
    }
    c.counters.AddPlanned(kArticleCounterKey);
    c.article_ids.insert(a.id);
    c.articles.push_back(std::move(pending));
    c.units += events.size() + 1;
    if (c.units >= chunk_) RETURN_IF_ERROR(StartFlush());
    return PutResult{true, events.size()};
  }

  // Writes what is buffered and waits for it: the data is then queryable.
  Status Finish() override {
    Status st = StartFlush();
    Status prev = Wait();
    return st.ok() ? prev : st;
  }

 private:
  bool Buffered(const std::string& article, const std::string& event) const {
    return cur_->Holds(article, event) ||
           (flying_ && flying_->Holds(article, event));
  }

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

  // Waits for the chunk in flight; its status.
  Status Wait() {
    if (!flying_) return Status::Ok();
    thread_.join();
    flying_.reset();
    Status st = flying_status_;
    flying_status_ = Status::Ok();
    return st;
  }

  // Hands the current chunk to the background thread (after the previous
  // one is done).
  Status StartFlush() {
    RETURN_IF_ERROR(Wait());
    if (cur_->articles.empty()) return Status::Ok();
    flying_ = std::move(cur_);
    cur_ = std::make_unique<Chunk>();
    thread_ = std::thread([this] { flying_status_ = Flush(*flying_); });
    return Status::Ok();
  }

  Status Flush(Chunk& c) {
    std::lock_guard<std::mutex> lock(s_->write_mu());
    // Raise the duration maxima first: a larger maximum is always safe.
    RETURN_IF_ERROR(s_->CommitMeta(c.mx));
    using Clock = std::chrono::steady_clock;
    auto t0 = Clock::now();
    std::vector<rocksdb::IngestExternalFileArg> args;
    std::vector<std::string> files;
    auto t1 = Clock::now();
    Status st = WriteFiles(c, &args, &files);
    auto t2 = Clock::now();
    if (st.ok())
      st = FromRocks(s_->db()->IngestExternalFiles(args), "ingest SST files");
    if (std::getenv("GEOTL_BULK_TRACE")) {
      auto ms = [](auto d) {
        return std::chrono::duration<double, std::milli>(d).count();
      };
      std::fprintf(stderr,
                   "bulk chunk: %zu events+articles, meta %.0f ms, write "
                   "%.0f ms, ingest %.0f ms\n",
                   c.units, ms(t1 - t0), ms(t2 - t1), ms(Clock::now() - t2));
    }
    std::error_code ec;
    for (const auto& f : files) std::filesystem::remove(f, ec);
    // Free the entries here, off the encoding thread; the id sets stay
    // until the main thread has seen this chunk end (Wait).
    for (auto& v : c.kv) std::vector<std::pair<std::string, uint64_t>>().swap(v);
    std::vector<std::string>().swap(c.values);
    std::vector<std::string>().swap(c.small);
    std::vector<std::string>().swap(c.records);
    std::vector<Chunk::Pending>().swap(c.articles);
    c.counters.Clear();
    RETURN_IF_ERROR(st);
    return s_->CommitMeta(c.mx);
  }

  // Sorts and writes one family's buffered entries to `file`.
  Status WriteFile(Chunk& ch, int c, const std::string& file) {
    // LZ4: the loader's files are written once and rewritten with the
    // family's zstd by compaction; zstd here cost ~3x the time of LZ4 for
    // bytes that do not last (docs/key_format.md, bulk path).
    rocksdb::Options o = s_->options(Cf(c));
    o.compression = rocksdb::kLZ4Compression;
    o.compression_per_level.clear();
    o.compression_opts.max_dict_bytes = 0;  // dictionaries: compaction's job
    o.compression_opts.zstd_max_train_bytes = 0;
    rocksdb::SstFileWriter w(rocksdb::EnvOptions(), o, s_->cf(Cf(c)));
    RETURN_IF_ERROR(FromRocks(w.Open(file), "open SST file"));
    if (c == kCfCounts) {
      RETURN_IF_ERROR(ch.counters.Write(&w));
    } else {
      if (c == kCfArticles) MakeArticleRecords(ch);
      auto& v = ch.kv[c];
      std::sort(v.begin(), v.end(),
                [](const auto& x, const auto& y) { return x.first < y.first; });
      for (const auto& [k, ref] : v)
        RETURN_IF_ERROR(FromRocks(w.Put(k, ch.Value(ref)), "write SST"));
    }
    return FromRocks(w.Finish(), "finish SST file");
  }

  // The article records (their fingerprints hash the event values), made
  // by one writer thread while the other writes index families.
  static void MakeArticleRecords(Chunk& c) {
    std::vector<std::string> values;
    for (auto& p : c.articles) {
      values.assign(c.values.begin() + long(p.vbase),
                    c.values.begin() + long(p.vbase + p.event_ids.size()));
      c.records.push_back(EncodeArticleRecord(
          p.article, ArticleFingerprint(p.article, values), p.event_ids));
      c.kv[kCfArticles].emplace_back(
          p.article.id, Chunk::Ref(Chunk::kRecords, c.records.size() - 1));
    }
  }

  Status WriteFiles(Chunk& ch, std::vector<rocksdb::IngestExternalFileArg>* args,
                    std::vector<std::string>* files) {
    // Families largest first, written by two threads (each file is
    // independent; the encoding thread yields the second core between
    // chunks and at the end).
    std::vector<std::pair<size_t, int>> todo;
    for (int c = 0; c < kNumCf; ++c) {
      size_t n = c == kCfCounts     ? ch.counters.size()
                 : c == kCfArticles ? ch.articles.size()
                                    : ch.kv[c].size();
      if (n == 0) continue;
      size_t bytes = 0;
      if (c == kCfArticles)  // hashing every event value: like idx_date
        bytes = n * 4096;
      else if (c != kCfCounts)
        for (size_t i = 0; i < ch.kv[c].size(); i += 64)
          bytes += 64 * (ch.kv[c][i].first.size() +
                         ch.Value(ch.kv[c][i].second).size());
      else
        bytes = n * 24 * 2;
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
        size_t entries = c == kCfCounts     ? ch.counters.size()
                         : c == kCfArticles ? ch.articles.size()
                                            : ch.kv[c].size();
        results[c] = WriteFile(ch, c, names[c]);
        if (std::getenv("GEOTL_BULK_TRACE"))
          std::fprintf(stderr, "  %s: %zu entries, %.0f ms\n", kCfNames[c],
                       entries,
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
  std::unique_ptr<Chunk> cur_;     // being filled by Add
  std::unique_ptr<Chunk> flying_;  // being written by thread_
  std::thread thread_;
  Status flying_status_;
  int file_no_ = 0;  // touched only by the (single) flushing thread
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
