// RocksStore: the RocksDB implementation of Store (internal to store/; other
// modules see only store/store.h). Column families and key layout are in
// docs/key_format.md. Thread-safety: as Store; writes are serialised by
// write_mu_.
#pragma once

#include <rocksdb/db.h>

#include <array>
#include <atomic>
#include <map>
#include <mutex>

#include "store/change_log.h"
#include "store/event_value.h"
#include "store/evidence_cache.h"
#include "store/key_codec.h"
#include "store/store.h"

namespace geotl::store {

constexpr int kSchemaVersion = 3;

// Column family indexes into RocksStore::cf_.
enum Cf {
  kCfDefault = 0,
  kCfMeta,
  kCfArticles,
  kCfEvents,
  kCfIdxDate,
  kCfIdxActor,
  kCfIdxCountry,
  kCfIdxRegion,
  kCfIdxType,
  kCfCounts,
  kCfEvidence,      // event id -> the article's coded event (store/evidence.h)
  kCfIdxEvidence,   // DedupKey + start + id -> end: dedup neighbourhoods
  kCfTombstones,    // merged event id -> merged_into
  kCfChanges,       // the change feed (store/change_log.h)
  kCfIdxActorType,  // actor code + type: key-only (docs/key_format.md)
  kCfIdxDyad,       // two actor codes: key-only
  kNumCf
};
extern const char* const kCfNames[kNumCf];
Cf FamilyCf(IndexFamily f);
// Whether the family's entries carry the event value (covering index).
bool FamilyCovering(IndexFamily f);
bool CfCovering(Cf c);

// events CF value: <class u8><start BE32><end BE32><article id>.
struct Locator {
  int cls = 0;
  uint32_t start = 0, end = 0;
  std::string article;
};
std::string EncodeLocator(const Locator& l);
bool DecodeLocator(std::string_view v, Locator* out);

// Every write a store makes for one event, as (cf, key, value) triples, plus
// counter deltas; used by both the WriteBatch path and the SST path.
struct EventWrites {
  std::vector<std::pair<Cf, std::string>> keys;  // index + events keys
  std::string date_key;
  std::vector<std::string> counter_keys;
};
// Plans the keys of a stored event given its decoded value.
EventWrites PlanEvent(std::string_view id, uint32_t start, uint32_t end,
                      const EventView& v);

// Fingerprint of an article + its encoded event values (sha256 hex), for
// idempotence.
std::string ArticleFingerprint(const core::Article& a,
                               const std::vector<std::string>& values);
std::string ArticleFingerprint(const core::Article& a,
                               const std::string_view* values, size_t n);
// articles CF value (JSON): the article's metadata, fingerprint, event ids,
// coder version and, when it is non-empty valid UTF-8, its text.
std::string EncodeArticleRecord(const core::Article& a, const std::string& fp,
                                const std::vector<std::string>& event_ids);
struct ArticleRecord {
  std::string fingerprint;
  std::vector<std::string> event_ids;
};
core::Result<ArticleRecord> DecodeArticleRecord(std::string_view v);
// The whole record; records of earlier geotls have no coder and no text.
core::Result<StoredArticle> DecodeStoredArticle(std::string_view v);
// The coder version all `events` share; "" when none or they differ.
std::string CommonCoder(const std::vector<core::Event>& events);
// RFC 3629 UTF-8 (no overlongs, surrogates or code points past U+10FFFF).
bool ValidUtf8(std::string_view s);

core::Status FromRocks(const rocksdb::Status& s, std::string_view what);

// One article whose evidence a write replaces (RocksStore::AddEvidenceWrites).
struct EvidenceChange {
  const std::string* article_id;
  const std::vector<std::string>* old_ids;  // the event ids stored for it
  const std::vector<core::Event>* events;   // its new events (none: deleted)
};

// One article checked and encoded for a write (RocksStore::PrepareArticle).
struct PreparedArticle {
  core::Article article;  // with its events' common coder when it had none
  const std::vector<core::Event>* events = nullptr;  // owned by the caller
  std::vector<std::string> values;                   // encoded events
  std::string fingerprint;
  std::optional<ArticleRecord> old;  // the version stored before
  bool unchanged = false;            // the same content is stored
};

class RocksStore final : public Store {
 public:
  static core::Result<std::unique_ptr<Store>> OpenImpl(const std::string& path,
                                                       const StoreOptions& o);

 private:
  // Opens the store at `path`; creates it there when `path` holds none.
  static core::Result<std::unique_ptr<Store>> OpenAt(const std::string& path,
                                                     const StoreOptions& o);

 public:
  ~RocksStore() override;
  void SetFailAfterEvents(int n) { fail_after_events_ = n; }

  core::Result<PutResult> PutArticle(
      const core::Article& article,
      const std::vector<core::Event>& events) override;
  core::Status DeleteArticle(const std::string& article_id) override;
  core::Result<std::optional<core::Event>> GetEvent(
      const std::string& id) const override;
  core::Result<bool> HasArticle(const std::string& id) const override;
  core::Result<std::optional<StoredArticle>> GetArticle(
      const std::string& id) const override;
  core::Status ForEachArticle(
      const std::function<core::Status(const StoredArticle&)>& fn)
      const override;
  core::Result<StoreStats> Stats() const override;
  // The sequence of the latest committed write, read from the store (as a
  // read view does), so it never runs behind data a reader has seen.
  uint64_t Sequence() const override;
  // A u64 meta value (`seq`, `time_ms`) as of `snap` (nullptr: latest);
  // 0 when absent.
  uint64_t ReadMeta64(const char* key,
                      const rocksdb::Snapshot* snap = nullptr) const;
  core::Result<std::vector<std::string>> Check() const override;
  core::Result<ChangePage> ReadChanges(uint64_t since,
                                       size_t limit) const override;
  // Evidence <-> visible events: every evidence event has its index entry and
  // is visible or a tombstone, and each dedup block recomputes to exactly
  // the stored events and tombstones (store/rocks_evidence_check.cc).
  core::Result<std::vector<std::string>> CheckEvidence(
      const rocksdb::Snapshot* snap) const;

  std::unique_ptr<ReadView> NewReadView() const override;
  std::unique_ptr<IndexIterator> NewIndexIterator(
      const ScanSpec& spec, const ReadView* view) const override;
  std::optional<uint32_t> ClassMaxDays(DurationClass cls) const override;
  core::Result<uint64_t> CodeTotal(IndexFamily family,
                                   std::string_view code) const override;
  core::Result<std::vector<CounterRow>> ScanCounters(
      IndexFamily family, std::string_view code, CounterGranularity gran,
      uint32_t lo, uint32_t hi, const ReadView* view) const override;
  core::Result<std::vector<std::string>> CounterCodes(
      IndexFamily family, const ReadView* view) const override;
  core::Result<std::vector<std::string>> RegionMembers(
      std::string_view region, const ReadView* view) const override;
  uint64_t LastWriteMillis() const override { return last_write_ms_.load(); }
  core::Status Compact() override;
  // Turns automatic compaction of every family off (during a bulk load:
  // compaction would rewrite the chunks while the next ones are written)
  // or back on.
  core::Status SetAutoCompaction(bool on);
  // The largest number of level-0 files of any family.
  uint64_t MaxLevel0Files() const;
  core::Result<uint64_t> DiskBytes() const override;
  core::Result<std::vector<std::pair<std::string, uint64_t>>> FamilyBytes()
      const override;

  // --- used by the bulk loader (store/bulk_loader.cc) ---
  rocksdb::DB* db() const { return db_.get(); }
  rocksdb::ColumnFamilyHandle* cf(Cf c) const { return cf_[c]; }
  // Full options of one family (for SstFileWriter).
  rocksdb::Options options(Cf c) const {
    return rocksdb::Options(db_options_, cf_opts_[c]);
  }
  const std::string& path() const { return path_; }
  bool read_only() const { return read_only_; }
  std::mutex& write_mu() { return write_mu_; }
  // The meta keys of the next write (sequence, time, raised maxima), in key
  // order; raises the in-memory maxima at once. PublishMeta after the write.
  std::vector<std::pair<std::string, std::string>> PlanMeta(
      const ClassMaxima& class_max);
  // Adds meta updates (maxima, sequence, time) for one commit to `batch`.
  void AddMetaToBatch(rocksdb::WriteBatch* batch, const ClassMaxima& class_max);
  void PublishMeta();  // makes the pending meta values visible after commit

  // --- the dedup write path, also used by the batched loader
  // (store/article_loader.cc); the caller holds write_mu() ---
  bool dedup() const { return opts_.dedup; }
  // Checks the article and its events (kInvalid), encodes them and reads the
  // stored version; the failure hook of store_internal.h fires here.
  core::Result<PreparedArticle> PrepareArticle(
      const core::Article& article, const std::vector<core::Event>& events);
  // Stores changed prepared articles (dedup mode) in one WriteBatch: one
  // write, one sequence number, one set of change-feed records.
  core::Status WriteArticles(
      const std::vector<const PreparedArticle*>& articles);
  // Keeps decoded evidence across writes (store/evidence_cache.h) while a
  // loader writes; 0 = none (the default: each write reads its own).
  void KeepEvidenceCache(size_t max_entries);

 private:
  RocksStore() = default;
  core::Status LoadMeta();
  // Appends the deletes of one stored event (by id) to `batch`.
  core::Status AddEventDeletes(const std::string& id,
                               rocksdb::WriteBatch* batch);
  // The same for an event whose locator and value the caller has read.
  core::Status AddStoredEventDeletes(const std::string& id, const Locator& loc,
                                     std::string_view value,
                                     rocksdb::WriteBatch* batch);
  core::Status ReadArticle(const std::string& id,
                           std::optional<ArticleRecord>* out,
                           const rocksdb::Snapshot* snap = nullptr) const;
  // Puts one visible event (record, index entries, counter +1) owned by
  // `article`; raises `mx` (class maxima).
  core::Status AddEventPuts(const core::Event& e, const std::string& value,
                            const std::string& article,
                            rocksdb::WriteBatch* batch, ClassMaxima* mx);
  // Dedup write path (store/rocks_evidence.cc): replaces the evidence of
  // each changed article (previous ids `old_ids`) by its `events` and
  // rewrites the visible events, tombstones and change records of the
  // affected neighbourhood into `batch`. The articles, and the event ids
  // they list (old and new), must be distinct.
  core::Status AddEvidenceWrites(const std::vector<EvidenceChange>& changes,
                                 rocksdb::WriteBatch* batch, ClassMaxima* mx,
                                 ChangeLog* log);
  // Appends the change records of the next write to `batch`.
  void AddChangesToBatch(ChangeLog* log, rocksdb::WriteBatch* batch);

  std::string path_;
  bool read_only_ = false;
  StoreOptions opts_;
  int fail_after_events_ = -1;                     // store/store_internal.h
  std::unique_ptr<EvidenceCache> evidence_cache_;  // see KeepEvidenceCache
  rocksdb::DBOptions db_options_;
  std::vector<rocksdb::ColumnFamilyOptions> cf_opts_;
  std::unique_ptr<rocksdb::DB> db_;
  std::vector<rocksdb::ColumnFamilyHandle*> cf_;
  std::mutex write_mu_;
  std::atomic<uint64_t> seq_{0};
  std::atomic<uint64_t> last_write_ms_{0};
  std::array<std::atomic<int64_t>, kNumClasses> class_max_{};  // -1 = empty
  // Values being committed (set by AddMetaToBatch, published after write).
  uint64_t pending_seq_ = 0, pending_ms_ = 0;
  ClassMaxima pending_max_{};
};

}  // namespace geotl::store
