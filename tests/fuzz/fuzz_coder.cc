// Fuzz target: the whole coder (text preparation, recognisers, dates,
// triggers) on arbitrary UTF-8 or garbage. Checks source offsets.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "ingest/coder.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static auto coder = geotl::Coder::Load(geotl::CoderOptions{});
  if (!coder.ok()) std::abort();
  geotl::Article a;
  a.id = "fuzz";
  a.text.assign(reinterpret_cast<const char*>(data), size);
  a.published = geotl::Date(2013, 11, 4);
  a.language = size % 2 ? "de" : "en";
  for (const auto& e : (*coder)->Code(a)) {
    for (const auto& s : e.sources)
      if (s.start > s.end || s.end > a.text.size()) std::abort();
    if (e.date.end < e.date.start) std::abort();
  }
  return 0;
}
