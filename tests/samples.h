// The sample article lives outside the repository (GEOTL_SHARED_DIR, i.e.
// ../shared/samples beside the checkout; nothing of it is copied in). Tests
// built on it skip with a warning in a checkout that has no ../shared.
#pragma once

#include <filesystem>
#include <string>

namespace geotl::testing {

inline std::string SamplesDir() {
  return std::string(GEOTL_SHARED_DIR) + "/samples";
}

inline bool HaveSamples() {
  return std::filesystem::exists(SamplesDir() +
                                 "/russland-japan-militaerkooperation.de.txt");
}

}  // namespace geotl::testing

// In a TEST_CASE: return (skipped, with a warning) when the sample is absent.
#define GEOTL_SKIP_WITHOUT_SAMPLES()                          \
  do {                                                        \
    if (!::geotl::testing::HaveSamples()) {                   \
      WARN("sample article not available under "              \
           << ::geotl::testing::SamplesDir() << "; skipped"); \
      return;                                                 \
    }                                                         \
  } while (0)
