// Store: the embedded RocksDB event store. The only module that includes
// RocksDB (behind this header). Owns the column families for articles, events,
// indexes, counts and meta; every article is written with one WriteBatch
// (article record, its events, their index entries and count deltas), so a
// crash never leaves half an article. One process writes at a time (RocksDB's
// LOCK file); a second writer gets a Code::kLocked error.
// Thread-safety: all const methods may be called concurrently with each other
// and with one writer thread.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"
#include "core/event.h"
#include "core/status.h"
#include "store/changes.h"
#include "store/index.h"

namespace geotl::store {

struct StoreOptions {
  bool create_if_missing = true;  // read commands pass false
  bool read_only = false;         // open without taking the write lock
  // The read cache, one LRU budget shared by the blocks of every family and
  // by the rows that key-only index pages probe in idx_date (RocksDB's row
  // cache: a probe found there skips the file's index search and block).
  size_t cache_bytes = 256u << 20;
  // Compression of the settled store: the bottommost level, where
  // compactions put the data (bulk files are written with LZ4 and
  // rewritten by compaction). zstd at this level, and a
  // dictionary of this many bytes per file for the covering index families
  // (idx_actor, idx_region; 0 = none). Readers need neither: any store opens
  // with any setting; docs/key_format.md has the measured trade-off.
  int settled_zstd_level = 3;
  size_t covering_dict_bytes = 64 * 1024;
  static StoreOptions ForRead();
  static StoreOptions ForBulkIngest();
  // Dedup (docs/dedup.md): PutArticle and DeleteArticle keep each article's
  // coded events as evidence and store the merged events derived from it
  // (same real-world event from several articles = one event, the others
  // tombstones). false: every coded event is stored as it is (no evidence
  // kept). A store should be written in one mode; the bulk loader never
  // deduplicates.
  bool dedup = true;
};

struct PutResult {
  bool changed =
      false;  // false: same article (same id, same content) already stored
  size_t events = 0;  // events stored for the article
};

// An article as the store keeps it (docs/key_format.md, `articles`).
struct StoredArticle {
  // id, url, title, published, language, source and coder as stored; text
  // only when has_text (origin is empty).
  core::Article article;
  // false: the store holds no text for it (written by a geotl that kept
  // none, loaded with `geotl load`, or a text that was not valid UTF-8), so
  // it cannot be re-coded.
  bool has_text = false;
  std::vector<std::string> event_ids;  // the events it coded, before dedup
};

struct StoreStats {
  uint64_t articles = 0;
  uint64_t events = 0;
  std::vector<std::pair<std::string, uint64_t>> by_type;  // sorted by type
  std::optional<core::Date> first_date, last_date;        // over date.start
  uint64_t as_of_sequence = 0;  // the store sequence these figures are at
};

class Store {
 public:
  virtual ~Store() = default;

  // Opens (or creates) the store at `path`. Errors: kLocked (another writer),
  // kNotFound (missing and !create_if_missing), kCorruption, kUnsupported
  // (written by a newer schema version).
  static core::Result<std::unique_ptr<Store>> Open(const std::string& path,
                                                   const StoreOptions& options);

  // Stores the article (with its text and coder version, for `geotl
  // recode`) and its events, replacing any earlier version of the same
  // article id and its events, in one WriteBatch. An article without a
  // coder version takes the one all its events share.
  virtual core::Result<PutResult> PutArticle(
      const core::Article& article, const std::vector<core::Event>& events) = 0;
  // Removes the article and its events. kNotFound if absent.
  virtual core::Status DeleteArticle(const std::string& article_id) = 0;

  // A visible event; for an id merged into another event, that id's own
  // coded record with `merged_into` set (follow it for the merged event);
  // nullopt for an unknown id.
  virtual core::Result<std::optional<core::Event>> GetEvent(
      const std::string& id) const = 0;
  virtual core::Result<bool> HasArticle(const std::string& id) const = 0;
  // The stored article; nullopt for an unknown id.
  virtual core::Result<std::optional<StoredArticle>> GetArticle(
      const std::string& id) const = 0;
  // Calls fn for every stored article in id order, read from one snapshot;
  // stops at the first error fn returns (and returns it).
  virtual core::Status ForEachArticle(
      const std::function<core::Status(const StoredArticle&)>& fn) const = 0;
  virtual core::Result<StoreStats> Stats() const = 0;
  // Write sequence: incremented by every committed write.
  virtual uint64_t Sequence() const = 0;
  // The change feed after write `since` (store/changes.h): whole writes, in
  // order, until at least `limit` changes are collected.
  virtual core::Result<ChangePage> ReadChanges(uint64_t since,
                                               size_t limit) const = 0;
  // Verifies index -> event and event -> index; returns a list of problems
  // (empty = consistent).
  virtual core::Result<std::vector<std::string>> Check() const = 0;

  // --- Reads for timeline/ (store/index.h; views are optional: nullptr =
  // latest) ---
  virtual std::unique_ptr<ReadView> NewReadView() const = 0;
  virtual std::unique_ptr<IndexIterator> NewIndexIterator(
      const ScanSpec& spec, const ReadView* view) const = 0;
  // Longest duration (end - start, days) of any event of duration class
  // `cls` ever stored; nullopt if the class never held an event.
  virtual std::optional<uint32_t> ClassMaxDays(DurationClass cls) const = 0;
  // Number of stored events (all statuses) indexed under `code` in
  // `family` (kDate: all events). For planning.
  virtual core::Result<uint64_t> CodeTotal(IndexFamily family,
                                           std::string_view code) const = 0;
  // Counter rows of a family/code (kDate = all events; kType, kActorType
  // and kDyad have none) in buckets `gran` with lo <= bucket <= hi; zero
  // rows omitted.
  virtual core::Result<std::vector<CounterRow>> ScanCounters(
      IndexFamily family, std::string_view code, CounterGranularity gran,
      uint32_t lo, uint32_t hi, const ReadView* view) const = 0;
  // Every code that has a counter in `family` (kActor, kCountry, kRegion).
  virtual core::Result<std::vector<std::string>> CounterCodes(
      IndexFamily family, const ReadView* view) const = 0;
  // The kRegion index codes under which events whose location lists
  // `region` are stored: `region` itself and every innermost region listed
  // together with it (docs/key_format.md, region links).
  virtual core::Result<std::vector<std::string>> RegionMembers(
      std::string_view region, const ReadView* view) const = 0;
  // Wall-clock time (ms since epoch) of the last committed write, 0 if none.
  virtual uint64_t LastWriteMillis() const = 0;
  // Flushes memtables and compacts every family (for benchmarks/tools).
  virtual core::Status Compact() = 0;
  // Total size of the store's files in bytes.
  virtual core::Result<uint64_t> DiskBytes() const = 0;
  // Bytes of each column family's SST files, by family name (memtables and
  // the WAL not counted: compact first for a store's settled size).
  virtual core::Result<std::vector<std::pair<std::string, uint64_t>>>
  FamilyBytes() const = 0;
};

// Bulk path: buffers new articles and writes them as SST files ingested
// atomically per chunk (IngestExternalFiles). Articles that already exist go
// through PutArticle (replace semantics). Call Finish() to flush. Not
// thread-safe; one loader per writable store.
class BulkLoader {
 public:
  virtual ~BulkLoader() = default;
  virtual core::Result<PutResult> Add(
      const core::Article& article, const std::vector<core::Event>& events) = 0;
  virtual core::Status Finish() = 0;
};
// Receives the loader's timings, one line each (no newline): per chunk and
// per family file written. Calls are serialised, but may come from the
// loader's writing thread.
using BulkTrace = std::function<void(const std::string& line)>;
// `chunk_events`: events buffered before an SST chunk is written; `trace`:
// empty = no timings.
constexpr size_t kDefaultBulkChunkEvents = 200000;
core::Result<std::unique_ptr<BulkLoader>> NewBulkLoader(
    Store* store, size_t chunk_events = kDefaultBulkChunkEvents,
    BulkTrace trace = {});

// Batched dedup path (`geotl load`): articles go through the same dedup
// write as PutArticle (docs/dedup.md), in the order added, but many articles
// are committed in one WriteBatch: one write, one sequence number, one set
// of change-feed records (the latest record per event is the one
// PutArticle per article would leave; intermediate records of events that
// changed again within a batch are not kept). A batch is atomic, so a crash
// or an error leaves the store as of some earlier batch; adding the same
// articles again completes it. Add returns changed = false for an article
// whose stored version has the same content. Finish commits the rest and
// compacts the store. Not thread-safe; no other write to the store while a
// loader is open.
class ArticleLoader {
 public:
  virtual ~ArticleLoader() = default;
  // Errors of the article (kInvalid) leave the batch pending; other errors
  // (I/O) end the load.
  virtual core::Result<PutResult> Add(
      const core::Article& article, const std::vector<core::Event>& events) = 0;
  // Commits the pending articles (without compacting).
  virtual core::Status Commit() = 0;
  virtual core::Status Finish() = 0;
};
// `batch_articles` / `batch_events`: a batch is committed when it holds this
// many articles or events. A batch re-reads and rewrites every dedup
// neighbourhood it touches, so fewer, larger batches cost less (20,000
// articles whose copies merge: 11.0 s stored with batches of 1,000, 4.5 s
// with 10,000; docs/scale.md); a crash loses at most the batch.
constexpr size_t kDefaultLoadBatchArticles = 10000;
constexpr size_t kDefaultLoadBatchEvents = 50000;
core::Result<std::unique_ptr<ArticleLoader>> NewArticleLoader(
    Store* store, size_t batch_articles = kDefaultLoadBatchArticles,
    size_t batch_events = kDefaultLoadBatchEvents);

// A consistent copy of an open store, as of now, written to the new folder
// `dir` (must not exist) as a RocksDB checkpoint: SST files hard-linked
// where the file system allows, the rest copied. It opens as a store of its
// own, e.g. read-only behind `geotl serve --read-only` (docs/scale.md).
// kUnsupported for a store opened read-only. Thread-safe like the const
// methods.
core::Status CheckpointStore(const Store& store, const std::string& dir);

}  // namespace geotl::store
