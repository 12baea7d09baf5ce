// libFuzzer target: the temporal normaliser, German and English (body in
// tests/fuzz/fuzz_targets.h).
#include <cstdio>
#include <cstdlib>

#include "tests/fuzz/fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string broken = geotl::fuzz::FuzzTime(
      std::string_view(reinterpret_cast<const char*>(data), size));
  if (!broken.empty()) {
    std::fprintf(stderr, "fuzz_time: contract broken: %s\n", broken.c_str());
    std::abort();
  }
  return 0;
}
