// Key codec of the store: byte-ordered keys for the index families and the
// counters (layout and reasons: docs/key_format.md). Index keys are
//   <code> 0x00 <class u8> <start u32 BE> <end u32 BE> <event id>
// where class is the duration class of the event (0 = one day, 1 = up to
// 31 days, 2 = up to 366 days, 3 = longer) so that overlap queries scan a
// bounded start range per class. Pure functions; thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "store/index.h"

namespace geotl::store {

constexpr int kNumClasses = 4;
constexpr uint32_t kClass1MaxDays = 31;   // weeks, months
constexpr uint32_t kClass2MaxDays = 366;  // quarters, halves, years

// Per-class maxima of `end - start` in days, -1 for a class without events.
using ClassMaxima = std::array<int64_t, kNumClasses>;
constexpr ClassMaxima kNoClassMaxima{-1, -1, -1, -1};

// Duration class of an event from its DayKeys, as the key byte.
inline int ClassIndex(uint32_t start, uint32_t end) {
  return static_cast<int>(DurationClassOf(start, end));
}

void PutBE32(std::string* out, uint32_t v);
void PutBE64(std::string* out, uint64_t v);
uint32_t GetBE32(const char* p);
uint64_t GetBE64(const char* p);

// Codes never contain NUL; a NUL would be replaced by '?'.
std::string IndexPrefix(std::string_view code, int cls);
std::string IndexKey(std::string_view code, int cls, uint32_t start,
                     uint32_t end, std::string_view id);

struct IndexKeyParts {
  std::string_view code;
  int cls = 0;
  uint32_t start = 0, end = 0;
  std::string_view id;
};
// Parses a key built by IndexKey; nullopt for a malformed key.
std::optional<IndexKeyParts> ParseIndexKey(std::string_view key);

// Counter keys: <dim><code> 0x00 <gran> <bucket u32 BE> <type u8> <status u8>
// gran 'd' (bucket = DayKey of date.start) or 'm' (bucket = year*12+month-1);
// totals use gran 'T' with bucket 0; gran 'n' is 'm' summed over types
// (type byte kAllTypes, store/index.h).
enum class CountDim : char {
  kAll = 'A',
  kActor = 'a',
  kCountry = 'c',
  kRegion = 'r'
};
std::string CounterPrefix(CountDim dim, std::string_view code, char gran);
std::string CounterKey(CountDim dim, std::string_view code, char gran,
                       uint32_t bucket, uint8_t type, uint8_t status);
// Region link counters: number of stored events listing region `outer`
// whose innermost region (their idx_region code) is `inner`:
//   'x' <outer> 0x00 <inner>
std::string RegionLinkPrefix(std::string_view outer);
std::string RegionLinkKey(std::string_view outer, std::string_view inner);
// The constant key of the article counter.
inline constexpr std::string_view kArticleCounterKey = "#articles";

// Encodes a signed delta as the 8-byte little-endian operand of the
// uint64 add merge operator (wrap-around arithmetic makes -1 a decrement).
std::string CounterOperand(int64_t delta);
uint64_t DecodeCounter(std::string_view v);

}  // namespace geotl::store
