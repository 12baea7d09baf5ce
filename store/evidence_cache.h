// EvidenceCache (internal to store/): decoded evidence records by event id,
// for a writer that reads the same dedup blocks again and again (the
// batched loader, store/article_loader.cc: a block's evidence is read and
// decoded once, not once per batch and per neighbour). It mirrors the
// committed `evidence` family: records read from the store are added as
// they are; a write stages the evidence it puts and deletes, Commit applies
// that once its WriteBatch is written, Abandon drops it. Bounded: emptied at
// a Commit that leaves more than `max_entries` records. Not thread-safe (the
// writer's, under its write lock).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "store/evidence.h"

namespace geotl::store {

class EvidenceCache {
 public:
  explicit EvidenceCache(size_t max_entries) : max_entries_(max_entries) {}

  // The committed record of `id`, nullptr when not cached.
  const EvidenceRecord* Find(const std::string& id) const {
    auto it = records_.find(id);
    return it == records_.end() ? nullptr : &it->second;
  }
  // Adds a record just read from the store; stays valid until Commit.
  const EvidenceRecord* Add(const std::string& id, EvidenceRecord r) {
    return &(records_[id] = std::move(r));
  }
  void StagePut(const std::string& id, EvidenceRecord r) {
    staged_.emplace_back(id, std::move(r));
  }
  void StageDelete(const std::string& id) {
    staged_.emplace_back(id, std::nullopt);
  }
  void Commit() {
    for (auto& [id, r] : staged_) {
      if (r)
        records_[id] = std::move(*r);
      else
        records_.erase(id);
    }
    staged_.clear();
    if (records_.size() > max_entries_) records_.clear();
  }
  void Abandon() { staged_.clear(); }
  void Clear() {
    records_.clear();
    staged_.clear();
  }

 private:
  size_t max_entries_;
  std::unordered_map<std::string, EvidenceRecord> records_;
  // In staging order: a later entry for an id wins.
  std::vector<std::pair<std::string, std::optional<EvidenceRecord>>> staged_;
};

}  // namespace geotl::store
