#include "server/total_cache.h"

namespace geotl::server {

std::string TotalCache::Key(const Params& params) {
  std::string key;
  for (const auto& [name, values] : params) {  // std::map: sorted names
    if (name == "cursor" || name == "limit" || name == "order") continue;
    for (const auto& v : values) {
      key += name;
      key += '\x1f';
      key += v;
      key += '\x1e';
    }
  }
  return key;
}

std::optional<uint64_t> TotalCache::Find(const std::string& key,
                                         uint64_t sequence) {
  std::lock_guard<std::mutex> lock(mu_);
  if (sequence != sequence_) return std::nullopt;
  auto it = totals_.find(key);
  if (it == totals_.end()) return std::nullopt;
  return it->second;
}

void TotalCache::Put(const std::string& key, uint64_t sequence,
                     uint64_t total) {
  std::lock_guard<std::mutex> lock(mu_);
  if (sequence < sequence_) return;  // an older read finishing late
  if (sequence > sequence_ || totals_.size() >= max_) {
    totals_.clear();
    sequence_ = sequence;
  }
  totals_[key] = total;
}

}  // namespace geotl::server
