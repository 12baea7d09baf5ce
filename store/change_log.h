// Internal to store/: the key and record encodings of the `changes` family
// and ChangeLog, the list of changes one write collects before they are
// appended (in feed order) to its WriteBatch. Keys are
// <sequence BE64><ordinal BE32>, so the family iterates in feed order.
// Not thread-safe (one per write).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace geotl::store {

std::string ChangeKey(uint64_t seq, uint32_t ordinal);
// Sequence of a change key; 0 for a malformed key.
uint64_t ChangeKeySequence(std::string_view key);

class ChangeLog {
 public:
  void Upsert(std::string_view id, std::string_view event_json);
  void Merged(std::string_view id, std::string_view merged_into);
  void Deleted(std::string_view id);
  bool empty() const {
    return upserts_.empty() && merged_.empty() && deleted_.empty();
  }
  // (key, value) pairs of the write with sequence `seq`: upserts, then
  // tombstones, then deletions, each sorted by id.
  std::vector<std::pair<std::string, std::string>> Records(uint64_t seq);

 private:
  // (id, the record after "seq":N,)
  std::vector<std::pair<std::string, std::string>> upserts_, merged_, deleted_;
};

}  // namespace geotl::store
