// libFuzzer target: the HTTP request handlers on a small store in
// $GEOTL_FUZZ_STORE (scripts/fuzz.sh removes it), else /tmp (body in
// tests/fuzz/fuzz_targets.h).
#include <cstdio>
#include <cstdlib>

#include "tests/fuzz/fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static auto* world = new geotl::fuzz::HttpWorld(
      std::getenv("GEOTL_FUZZ_STORE")
          ? std::string(std::getenv("GEOTL_FUZZ_STORE"))
          : "/tmp/geotl-fuzz-http-" + std::to_string(getpid()));
  std::string broken =
      world->Run(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!broken.empty()) {
    std::fprintf(stderr, "fuzz_http: contract broken: %s\n", broken.c_str());
    std::abort();
  }
  return 0;
}
