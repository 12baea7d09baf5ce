// TotalCache: remembers meta.total of events queries per store sequence, so
// the later pages of a query (and repeated dashboard queries) do not count
// every match again. The total itself always comes from timeline::RunEvents;
// any committed write (a new sequence) empties the cache. Bounded: when full
// it is cleared. Thread-safe (one mutex; lookups are O(log n)).
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "server/api.h"

namespace geotl::server {

class TotalCache {
 public:
  explicit TotalCache(size_t max_entries = 100000) : max_(max_entries) {}

  // The key of a query: its parameters without the page ones (cursor, limit,
  // order), in a canonical order.
  static std::string Key(const Params& params);

  std::optional<uint64_t> Find(const std::string& key, uint64_t sequence);
  void Put(const std::string& key, uint64_t sequence, uint64_t total);

 private:
  std::mutex mu_;
  uint64_t sequence_ = 0;
  std::map<std::string, uint64_t, std::less<>> totals_;
  size_t max_;
};

}  // namespace geotl::server
