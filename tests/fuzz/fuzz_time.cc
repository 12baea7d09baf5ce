// Fuzz target: the temporal normaliser on arbitrary bytes, both languages.
// Checks the contract: offsets inside the document, ranges ordered.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "ingest/time/timex.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static auto normalizer = geotl::TimeNormalizer::Load("");
  if (!normalizer.ok()) std::abort();
  std::string_view doc(reinterpret_cast<const char*>(data), size);
  geotl::Date dct(2013, 11, 4);
  for (const char* lang : {"de", "en"}) {
    for (const auto& t : (*normalizer)->Find(doc, dct, lang)) {
      if (t.start > t.end || t.end > doc.size()) std::abort();
      if (t.range && t.range->end < t.range->start) std::abort();
    }
  }
  return 0;
}
