// libFuzzer target: the whole coder on arbitrary UTF-8 or garbage (body in
// tests/fuzz/fuzz_targets.h).
#include <cstdio>
#include <cstdlib>

#include "tests/fuzz/fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string broken = geotl::fuzz::FuzzCoder(
      std::string_view(reinterpret_cast<const char*>(data), size));
  if (!broken.empty()) {
    std::fprintf(stderr, "fuzz_coder: contract broken: %s\n", broken.c_str());
    std::abort();
  }
  return 0;
}
