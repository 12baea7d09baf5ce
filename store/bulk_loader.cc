// The bulk path: new articles are buffered, sorted per column family and
// written with SstFileWriter, then ingested atomically across families with
// IngestExternalFiles. Counters go into the same SST set as merge operands.
#include <rocksdb/sst_file_writer.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_set>

#include "store/bulk_counters.h"
#include "store/key_sort.h"
#include "store/rocks_store.h"

namespace geotl::store {
namespace {

// Bytes that stay put: appended into 16 MiB pages that never move, so a
// chunk's keys and values are a few large allocations (freeing millions of
// small strings per chunk was a second of the writer's time).
class Arena {
 public:
  std::string_view Add(std::string_view s) {
    if (pages_.empty() || used_ + s.size() > cap_) {
      cap_ = std::max<size_t>(kPage, s.size());
      pages_.push_back(std::make_unique<char[]>(cap_));
      used_ = 0;
    }
    char* p = pages_.back().get() + used_;
    if (!s.empty()) std::memcpy(p, s.data(), s.size());
    used_ += s.size();
    return {p, s.size()};
  }

 private:
  static constexpr size_t kPage = 16u << 20;
  std::vector<std::unique_ptr<char[]>> pages_;
  size_t used_ = 0, cap_ = 0;
};

// One chunk of buffered articles: every family's entries (key and value,
// viewing the arena; an event value is held once and viewed by its
// covering entries), the counters, and the ids it holds.
struct Chunk {
  using Entry = std::pair<std::string_view, std::string_view>;
  std::vector<Entry> kv[kNumCf];
  Arena bytes;    // keys, event values, locators (filled by Add)
  Arena records;  // article records (filled by the articles writer task)
  struct Pending {
    core::Article article;
    std::vector<std::string_view> values;
    std::vector<std::string> event_ids;
  };
  std::vector<Pending> articles;
  BulkCounters counters;
  std::unordered_set<std::string_view> article_ids, event_ids;
  ClassMaxima mx = kNoClassMaxima;
  size_t units = 0;  // events + articles

  bool Holds(std::string_view article, std::string_view event) const {
    return article_ids.count(article) || event_ids.count(event);
  }
};

// Writes chunk after chunk: while a chunk's SST files are written and
// ingested on a background thread, Add encodes the next one; when the next
// one is full first, the encoding thread writes files of the chunk in
// flight too (the machine kind has two cores). At most one chunk is in
// flight; its error is returned by the next Add or by Finish. Automatic
// compaction is off from the first chunk until Finish (or until some family
// holds 16 level-0 files), so it does not rewrite chunks while they arrive.
class RocksBulkLoader final : public BulkLoader {
 public:
  RocksBulkLoader(RocksStore* s, size_t chunk, BulkTrace trace)
      : s_(s),
        chunk_(chunk),
        trace_(std::move(trace)),
        cur_(std::make_unique<Chunk>()) {}
  ~RocksBulkLoader() override { (void)Finish(); }

  core::Result<PutResult> Add(const core::Article& a,
                              const std::vector<core::Event>& events) override {
    if (a.id.empty()) return core::Status::Invalid("article without id");
    bool direct = Buffered(a.id, "") || MayExist(kCfArticles, a.id);
    std::unordered_set<std::string_view> ids;
    for (const core::Event& e : events) {
      if (e.id.empty() || !ids.insert(e.id).second || Buffered("", e.id))
        direct = true;
      if (direct) break;
      if (MayExist(kCfEvents, e.id)) direct = true;
    }
    if (direct) {  // replace semantics and all checks of the normal path
      RETURN_IF_ERROR(Finish());
      return s_->PutArticle(a, events);
    }
    for (const core::Event& e : events)
      if (e.date.start.is_special() || e.date.end.is_special() ||
          e.date.end < e.date.start)
        return core::Status::Invalid("event " + e.id + " has an invalid date");
    Chunk& c = *cur_;
    Chunk::Pending pending{a, {}, {}};
    if (a.coder.empty()) pending.article.coder = CommonCoder(events);
    for (const core::Event& e : events) {
      const std::string_view value = c.bytes.Add(EncodeEventValue(e));
      pending.values.push_back(value);
      EventView view;
      RETURN_IF_ERROR(DecodeEventValue(value, &view));
      uint32_t start = core::DayKey(e.date.start),
               end = core::DayKey(e.date.end);
      int cls = ClassIndex(start, end);
      c.mx[cls] = std::max<int64_t>(c.mx[cls], end - start);
      EventWrites w = PlanEvent(e.id, start, end, view);
      for (auto& [cf, key] : w.keys)
        c.kv[cf].emplace_back(c.bytes.Add(key),
                              CfCovering(cf) ? value : std::string_view());
      for (const auto& k : w.counter_keys) c.counters.AddPlanned(k);
      const std::string_view id = c.bytes.Add(e.id);
      c.kv[kCfEvents].emplace_back(
          id, c.bytes.Add(EncodeLocator({cls, start, end, a.id})));
      c.event_ids.insert(id);
      pending.event_ids.push_back(e.id);
    }
    c.counters.AddPlanned(kArticleCounterKey);
    c.article_ids.insert(c.bytes.Add(a.id));
    c.articles.push_back(std::move(pending));
    c.units += events.size() + 1;
    if (c.units >= chunk_) RETURN_IF_ERROR(StartFlush());
    return PutResult{true, events.size()};
  }

  // Writes what is buffered and waits for it: the data is then queryable.
  // Automatic compaction, off while chunks arrive, is turned back on.
  core::Status Finish() override {
    core::Status st = StartFlush();
    core::Status prev = Wait();
    if (compaction_off_) {
      core::Status on = s_->SetAutoCompaction(true);
      compaction_off_ = false;
      if (st.ok() && prev.ok()) prev = on;
    }
    return st.ok() ? prev : st;
  }

 private:
  // The SST files of one chunk: one task per family, largest first, taken
  // by the flushing thread and by the encoding thread whenever that one
  // would otherwise wait for the chunk (so both cores write).
  struct Job {
    std::vector<std::pair<size_t, int>> todo;  // (estimated bytes, family)
    std::vector<std::string> names = std::vector<std::string>(kNumCf);
    std::vector<core::Status> results = std::vector<core::Status>(kNumCf);
    std::atomic<size_t> next{0};
    std::mutex mu;
    std::condition_variable cv;
    size_t finished = 0;  // guarded by mu
  };

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

  // Helps write the chunk in flight, then waits for it; its status.
  core::Status Wait() {
    if (!flying_) return core::Status::Ok();
    RunTasks(*job_, *flying_);
    thread_.join();
    flying_.reset();
    job_.reset();
    core::Status st = flying_status_;
    flying_status_ = core::Status::Ok();
    return st;
  }

  // Hands the current chunk to the background thread (after the previous
  // one is done).
  core::Status StartFlush() {
    RETURN_IF_ERROR(Wait());
    if (cur_->articles.empty()) return core::Status::Ok();
    if (!compaction_off_ && !compaction_forced_on_) {
      RETURN_IF_ERROR(s_->SetAutoCompaction(false));
      compaction_off_ = true;
    }
    flying_ = std::move(cur_);
    cur_ = std::make_unique<Chunk>();
    job_ = PlanJob(*flying_);
    thread_ = std::thread([this] { flying_status_ = Flush(*flying_, *job_); });
    return core::Status::Ok();
  }

  std::unique_ptr<Job> PlanJob(const Chunk& ch) {
    auto job = std::make_unique<Job>();
    for (int c = 0; c < kNumCf; ++c) {
      size_t n = c == kCfCounts     ? ch.counters.size()
                 : c == kCfArticles ? ch.articles.size()
                                    : ch.kv[c].size();
      if (n == 0) continue;
      size_t bytes = 0;
      if (c == kCfArticles)  // hashing every event value: like idx_date
        bytes = n * 4096;
      else if (c == kCfCounts)
        bytes = n * 48;
      else
        for (size_t i = 0; i < ch.kv[c].size(); i += 64)
          bytes += 64 * (ch.kv[c][i].first.size() + ch.kv[c][i].second.size());
      job->todo.emplace_back(bytes, c);
    }
    std::sort(job->todo.rbegin(), job->todo.rend());
    auto name = [&](int c) {
      return s_->path() + "/bulk-" + std::to_string(++file_no_) + "-" +
             kCfNames[c] + ".sst.tmp";
    };
    for (auto [bytes, c] : job->todo) job->names[c] = name(c);
    job->names[kCfMeta] = name(kCfMeta);  // written last, with the ingest
    return job;
  }

  // One line to trace_, printf-style; serialised across threads.
  template <typename... Args>
  void Trace(const char* format, Args... args) {
    char line[256];
    std::snprintf(line, sizeof(line), format, args...);
    std::lock_guard<std::mutex> lock(trace_mu_);
    trace_(line);
  }

  // Writes the job's files until none is left to start.
  void RunTasks(Job& job, Chunk& ch) {
    for (size_t i; (i = job.next++) < job.todo.size();) {
      int c = job.todo[i].second;
      auto t0 = std::chrono::steady_clock::now();
      size_t entries = c == kCfCounts     ? ch.counters.size()
                       : c == kCfArticles ? ch.articles.size()
                                          : ch.kv[c].size();
      core::Status st = WriteFile(ch, c, job.names[c]);
      if (trace_)
        Trace("  %s: %zu entries, %.0f ms", kCfNames[c], entries,
              std::chrono::duration<double, std::milli>(
                  std::chrono::steady_clock::now() - t0)
                  .count());
      std::lock_guard<std::mutex> lock(job.mu);
      job.results[c] = std::move(st);
      ++job.finished;
      job.cv.notify_all();
    }
  }

  core::Status Flush(Chunk& c, Job& job) {
    using Clock = std::chrono::steady_clock;
    auto t0 = Clock::now();
    RunTasks(job, c);
    {
      std::unique_lock<std::mutex> lock(job.mu);
      job.cv.wait(lock, [&] { return job.finished == job.todo.size(); });
    }
    auto t1 = Clock::now();
    core::Status st = core::Status::Ok();
    std::vector<rocksdb::IngestExternalFileArg> args;
    for (auto [bytes, cf] : job.todo) {
      if (st.ok()) st = job.results[cf];
      rocksdb::IngestExternalFileArg arg;
      arg.column_family = s_->cf(Cf(cf));
      arg.external_files = {job.names[cf]};
      arg.options.move_files = true;
      arg.options.allow_blocking_flush = true;
      args.push_back(std::move(arg));
    }
    if (st.ok()) {
      // The meta keys (sequence, time, raised maxima) go into the same
      // atomic ingest as the data: a snapshot sees both or neither, so one
      // sequence always means the same data (the maxima are raised in memory
      // first; a larger maximum is always safe).
      std::lock_guard<std::mutex> lock(s_->write_mu());
      const std::string& meta_file = job.names[kCfMeta];
      st = WriteMeta(s_->PlanMeta(c.mx), meta_file);
      if (st.ok()) {
        rocksdb::IngestExternalFileArg arg;
        arg.column_family = s_->cf(kCfMeta);
        arg.external_files = {meta_file};
        arg.options.move_files = true;
        arg.options.allow_blocking_flush = true;
        args.push_back(std::move(arg));
        st = FromRocks(s_->db()->IngestExternalFiles(args), "ingest SST files");
      }
      if (st.ok()) s_->PublishMeta();
    }
    // Level-0 files pile up while compaction is off; a long load turns it
    // back on before they slow reads and stall writes.
    if (st.ok() && compaction_off_ && s_->MaxLevel0Files() >= 16) {
      st = s_->SetAutoCompaction(true);
      compaction_forced_on_ = true;
    }
    if (trace_)
      Trace(
          "bulk chunk: %zu events+articles, write %.0f ms, ingest %.0f ms",
          c.units, std::chrono::duration<double, std::milli>(t1 - t0).count(),
          std::chrono::duration<double, std::milli>(Clock::now() - t1).count());
    std::error_code ec;
    for (const auto& f : job.names)
      if (!f.empty()) std::filesystem::remove(f, ec);
    return st;
  }

  // The meta keys of a chunk, in key order, as one SST file.
  core::Status WriteMeta(
      const std::vector<std::pair<std::string, std::string>>& kv,
      const std::string& file) {
    rocksdb::SstFileWriter w(rocksdb::EnvOptions(), s_->options(kCfMeta),
                             s_->cf(kCfMeta));
    RETURN_IF_ERROR(FromRocks(w.Open(file), "open SST file"));
    for (const auto& [k, v] : kv)
      RETURN_IF_ERROR(FromRocks(w.Put(k, v), "write SST"));
    return FromRocks(w.Finish(), "finish SST file");
  }

  // Sorts and writes one family's buffered entries to `file`.
  core::Status WriteFile(Chunk& ch, int c, const std::string& file) {
    // LZ4: the loader's files are written once and rewritten with the
    // family's zstd by compaction; zstd here cost ~3x the time of LZ4 for
    // bytes that do not last (docs/key_format.md, bulk path).
    rocksdb::Options o = s_->options(Cf(c));
    o.compression = rocksdb::kLZ4Compression;
    o.compression_per_level.clear();
    o.compression_opts.max_dict_bytes = 0;  // dictionaries: compaction's job
    o.compression_opts.zstd_max_train_bytes = 0;
    // SstFileWriter prefers the bottommost settings (the settled store's
    // zstd and dictionaries) over `compression`: off, so LZ4 applies.
    o.bottommost_compression = rocksdb::kDisableCompressionOption;
    o.bottommost_compression_opts = o.compression_opts;
    rocksdb::SstFileWriter w(rocksdb::EnvOptions(), o, s_->cf(Cf(c)));
    RETURN_IF_ERROR(FromRocks(w.Open(file), "open SST file"));
    if (c == kCfCounts) {
      RETURN_IF_ERROR(ch.counters.Write(&w));
    } else {
      if (c == kCfArticles) MakeArticleRecords(ch);
      auto& v = ch.kv[c];
      SortByKey(v);
      for (const auto& [k, value] : v)
        RETURN_IF_ERROR(FromRocks(w.Put(k, value), "write SST"));
    }
    return FromRocks(w.Finish(), "finish SST file");
  }

  // The article records (their fingerprints hash the event values), made
  // by whichever thread writes the articles family.
  static void MakeArticleRecords(Chunk& c) {
    for (auto& p : c.articles) {
      c.kv[kCfArticles].emplace_back(
          p.article.id,
          c.records.Add(EncodeArticleRecord(
              p.article,
              ArticleFingerprint(p.article, p.values.data(), p.values.size()),
              p.event_ids)));
    }
  }

  RocksStore* s_;
  size_t chunk_;
  BulkTrace trace_;
  std::mutex trace_mu_;
  std::unique_ptr<Chunk> cur_;     // being filled by Add
  std::unique_ptr<Chunk> flying_;  // being written by thread_ (and Wait)
  std::unique_ptr<Job> job_;       // flying_'s files
  std::thread thread_;
  core::Status flying_status_;
  int file_no_ = 0;
  bool compaction_off_ = false;  // turned off by this loader
  std::atomic<bool> compaction_forced_on_{false};
};

}  // namespace

core::Result<std::unique_ptr<BulkLoader>> NewBulkLoader(Store* store,
                                                        size_t chunk_events,
                                                        BulkTrace trace) {
  auto* rs = dynamic_cast<RocksStore*>(store);
  if (!rs) return core::Status::Invalid("bulk loading needs a RocksDB store");
  if (rs->read_only())
    return core::Status(core::Code::kUnsupported, "store is open read-only");
  return std::unique_ptr<BulkLoader>(new RocksBulkLoader(
      rs, std::max<size_t>(1, chunk_events), std::move(trace)));
}

}  // namespace geotl::store
