#include "geo/city_catalog.h"

#include <cstdint>
#include <cstring>
#include <fstream>
#include <sstream>

namespace geotl::geo {
namespace {

uint32_t ReadU32(const std::string& data, size_t at, bool swap) {
  uint32_t v = 0;
  std::memcpy(&v, data.data() + at, 4);
  if (swap) v = __builtin_bswap32(v);
  return v;
}

}  // namespace

core::Result<std::unordered_map<std::string, std::string>> ReadMoFile(
    const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::Status::IOError("cannot open " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string data = ss.str();
  if (data.size() < 28)
    return core::Status::Corruption("short .mo file " + path);
  uint32_t magic = 0;
  std::memcpy(&magic, data.data(), 4);
  bool swap;
  if (magic == 0x950412deu) {
    swap = false;
  } else if (magic == 0xde120495u) {
    swap = true;
  } else {
    return core::Status::Corruption("not a .mo file " + path);
  }
  const uint32_t n = ReadU32(data, 8, swap);
  const uint32_t orig = ReadU32(data, 12, swap);
  const uint32_t trans = ReadU32(data, 16, swap);
  if (orig + 8ull * n > data.size() || trans + 8ull * n > data.size())
    return core::Status::Corruption("bad .mo tables " + path);
  std::unordered_map<std::string, std::string> out;
  out.reserve(n);
  for (uint32_t i = 0; i < n; ++i) {
    uint32_t ol = ReadU32(data, orig + 8 * i, swap);
    uint32_t oo = ReadU32(data, orig + 8 * i + 4, swap);
    uint32_t tl = ReadU32(data, trans + 8 * i, swap);
    uint32_t to = ReadU32(data, trans + 8 * i + 4, swap);
    if (static_cast<uint64_t>(oo) + ol > data.size() ||
        static_cast<uint64_t>(to) + tl > data.size())
      return core::Status::Corruption("bad .mo entry " + path);
    if (ol == 0 || tl == 0) continue;  // header
    out.emplace(data.substr(oo, ol), data.substr(to, tl));
  }
  return out;
}

}  // namespace geotl::geo
