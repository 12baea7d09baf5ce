// SHA-256 (FIPS 180-4), for article ids and content digests. Pure function;
// thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace geotl::core {

// Uses the CPU's SHA extensions when it has them (x86-64).
std::array<uint8_t, 32> Sha256(std::string_view data);
// The plain C++ implementation, whatever the CPU (for tests).
std::array<uint8_t, 32> Sha256Portable(std::string_view data);
std::string Sha256Hex(std::string_view data);

}  // namespace geotl::core
