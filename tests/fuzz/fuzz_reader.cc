// Fuzz target: the article reader on one in-memory document (JSON object,
// array, NDJSON or text). Must never crash; every input is an article or an
// error value.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view doc(reinterpret_cast<const char*>(data), size);
  geotl::ReaderOptions options;
  options.max_line_bytes = 1 << 20;
  auto items = geotl::ReadArticlesFromBuffer(doc, "fuzz", options);
  for (const auto& item : items) {
    if (item.ok()) {
      // Offsets into the text must be addressable.
      volatile size_t n = item.value().text.size();
      (void)n;
    }
  }
  return 0;
}
