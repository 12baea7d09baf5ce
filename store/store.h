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
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/article.h"
#include "core/event.h"
#include "core/status.h"

namespace geotl {

struct StoreOptions {
  bool create_if_missing = true;  // read commands pass false
  bool read_only = false;         // open without taking the write lock
  size_t block_cache_bytes = 256u << 20;
  static StoreOptions ForRead();
  static StoreOptions ForBulkIngest();
};

struct PutResult {
  bool changed = false;  // false: same article (same id, same content) already stored
  size_t events = 0;     // events stored for the article
};

struct StoreStats {
  uint64_t articles = 0;
  uint64_t events = 0;
  std::vector<std::pair<std::string, uint64_t>> by_type;  // sorted by type
  std::optional<Date> first_date, last_date;              // over date.start
};

class Store {
 public:
  virtual ~Store() = default;

  // Opens (or creates) the store at `path`. Errors: kLocked (another writer),
  // kNotFound (missing and !create_if_missing), kCorruption, kUnsupported
  // (written by a newer schema version).
  static Result<std::unique_ptr<Store>> Open(const std::string& path,
                                             const StoreOptions& options);

  // Stores the article and its events, replacing any earlier version of the
  // same article id and its events, in one WriteBatch.
  virtual Result<PutResult> PutArticle(const Article& article,
                                       const std::vector<Event>& events) = 0;
  // Removes the article and its events. kNotFound if absent.
  virtual Status DeleteArticle(const std::string& article_id) = 0;

  virtual Result<std::optional<Event>> GetEvent(const std::string& id) const = 0;
  virtual Result<bool> HasArticle(const std::string& id) const = 0;
  virtual Result<StoreStats> Stats() const = 0;
  // Write sequence: incremented by every committed write.
  virtual uint64_t Sequence() const = 0;
  // Verifies index -> event and event -> index; returns a list of problems
  // (empty = consistent).
  virtual Result<std::vector<std::string>> Check() const = 0;
};

}  // namespace geotl
