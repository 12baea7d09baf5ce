// SortByKey (the bulk loader's sort, by 16-byte integer prefixes) against
// std::sort of the keys: keys that share long prefixes, contain 0x00 and
// 0xff, are prefixes of each other, shorter and longer than 16 bytes.
#include "store/key_sort.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <string>

namespace geotl::store {
namespace {

TEST_CASE("key sort: bytewise order, as std::sort gives it") {
  std::mt19937 rng(11);
  const std::string alphabet(
      "\x00\x01"
      "A\x7f\x80\xfe\xff",
      7);
  for (int round = 0; round < 200; ++round) {
    std::vector<std::string> keys;
    const int n = int(rng() % 300);
    for (int i = 0; i < n; ++i) {
      std::string k;
      if (!keys.empty() && rng() % 2) {  // extend or cut an earlier key
        k = keys[rng() % keys.size()];
        k.resize(rng() % (k.size() + 1));
      }
      const int extra = int(rng() % 24);
      for (int j = 0; j < extra; ++j) k += alphabet[rng() % alphabet.size()];
      keys.push_back(k);
    }
    std::vector<KeyValue> v;
    for (size_t i = 0; i < keys.size(); ++i)
      v.emplace_back(keys[i], std::string_view(keys[i]).substr(0, 1));
    SortByKey(v);
    std::vector<std::string> want = keys;
    std::sort(want.begin(), want.end());
    REQUIRE(v.size() == want.size());
    for (size_t i = 0; i < v.size(); ++i) {
      INFO("round " << round << " position " << i);
      CHECK(v[i].first == want[i]);
      CHECK(v[i].second == v[i].first.substr(0, 1));  // values travel along
    }
  }
}

}  // namespace
}  // namespace geotl::store
