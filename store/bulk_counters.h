// Counter accumulation of the bulk loader: +1 per counter key of PlanEvent,
// summed per key and written in key order as merge operands. Day counters
// with short codes (every country, region and the "all" dimension) are held
// as fixed-width records, sorted and summed by runs; their month,
// month-all-types and total counters are derived from the day runs exactly
// as PlanEvent plans them. Other keys (long codes, region links, the article
// counter) go through a small map. A string hash map of every key was the
// largest cost of a bulk chunk (docs/key_format.md, bulk path).
#pragma once

#include <rocksdb/sst_file_writer.h>

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace geotl::store {

class BulkCounters {
 public:
  // A counter key of PlanEvent (or the article counter), +1. Month ('m',
  // 'n') and total ('T') keys of the four count dimensions are ignored:
  // they are derived from the day keys when written.
  void AddPlanned(std::string_view key);
  size_t size() const { return days_.size() + other_.size(); }
  void Clear();
  // Sorts, derives and writes every counter as a merge operand.
  core::Status Write(rocksdb::SstFileWriter* w);

  static constexpr size_t kMaxCode = 12;
  // dim, code padded with NULs, gran, bucket BE32, type, status: the bytes
  // of CounterKey with the code padded, so memcmp order = key order.
  struct Packed {
    unsigned char b[1 + kMaxCode + 1 + 4 + 1 + 1];
  };

 private:
  std::vector<Packed> days_;
  std::map<std::string, int64_t> other_;
};

}  // namespace geotl::store
