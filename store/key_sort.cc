// The keys of a chunk view an arena of 16 MiB pages, so a plain sort of the
// views compares bytes far apart in memory on every step (a third of the
// bulk loader's CPU at 2M events). Each key's first 16 bytes are therefore
// copied beside it as two big-endian integers, zero-padded: if a < b
// bytewise then pad(a) <= pad(b) in those 16 bytes (a prefix pads with
// zeros, otherwise the first differing byte decides or lies beyond 16), so
// sorting by the integers and then by the whole key on ties is the bytewise
// order. Index keys differ early (code, class, start, end, then the id), so
// ties are few.
#include "store/key_sort.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace geotl::store {
namespace {

struct Sortable {
  uint64_t hi, lo;  // key bytes 0-7 and 8-15, big-endian, zero-padded
  uint32_t index;   // into the input
};

uint64_t LoadBE(std::string_view key, size_t from) {
  unsigned char b[8] = {};
  if (key.size() > from)
    std::memcpy(b, key.data() + from, std::min<size_t>(8, key.size() - from));
  uint64_t x = 0;
  for (unsigned char c : b) x = x << 8 | c;
  return x;
}

}  // namespace

void SortByKey(std::vector<KeyValue>& v) {
  if (v.size() > UINT32_MAX) {  // beyond any chunk: the plain sort
    std::sort(v.begin(), v.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    return;
  }
  std::vector<Sortable> s(v.size());
  for (size_t i = 0; i < v.size(); ++i)
    s[i] = {LoadBE(v[i].first, 0), LoadBE(v[i].first, 8), uint32_t(i)};
  std::sort(s.begin(), s.end(), [&](const Sortable& a, const Sortable& b) {
    if (a.hi != b.hi) return a.hi < b.hi;
    if (a.lo != b.lo) return a.lo < b.lo;
    return v[a.index].first < v[b.index].first;
  });
  std::vector<KeyValue> out(v.size());
  for (size_t i = 0; i < s.size(); ++i) out[i] = v[s[i].index];
  v.swap(out);
}

}  // namespace geotl::store
