// One Coder with the shipped lexicons, loaded once per test binary (loading
// compiles the dictionaries) and shared by the coder tests.
#pragma once

#include <catch2/catch.hpp>
#include <memory>

#include "ingest/coder.h"

namespace geotl::testing {

inline std::shared_ptr<const ingest::Coder> SharedCoder() {
  static std::shared_ptr<const ingest::Coder> coder = [] {
    auto c = ingest::Coder::Load(ingest::CoderOptions{});
    REQUIRE(c.ok());
    return *c;
  }();
  return coder;
}

}  // namespace geotl::testing
