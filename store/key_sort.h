// Sorting a bulk chunk's entries by key (bytewise, as RocksDB orders them).
#pragma once

#include <string_view>
#include <utility>
#include <vector>

namespace geotl::store {

using KeyValue = std::pair<std::string_view, std::string_view>;

// Sorts `v` by key, bytewise. Equal keys keep no particular order.
void SortByKey(std::vector<KeyValue>& v);

}  // namespace geotl::store
