#include "store/key_codec.h"

#include <cstring>

// The duration class is part of the read contract (store/index.h).
namespace geotl::store {

DurationClass DurationClassOf(uint32_t start, uint32_t end) {
  if (end <= start) return DurationClass::kDay;
  if (end - start <= kClass1MaxDays) return DurationClass::kMonth;
  return end - start <= kClass2MaxDays ? DurationClass::kYear
                                       : DurationClass::kLonger;
}

void PutBE32(std::string* out, uint32_t v) {
  char b[4] = {char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
  out->append(b, 4);
}
void PutBE64(std::string* out, uint64_t v) {
  PutBE32(out, uint32_t(v >> 32));
  PutBE32(out, uint32_t(v));
}
uint32_t GetBE32(const char* p) {
  auto u = reinterpret_cast<const unsigned char*>(p);
  return (uint32_t(u[0]) << 24) | (uint32_t(u[1]) << 16) |
         (uint32_t(u[2]) << 8) | uint32_t(u[3]);
}
uint64_t GetBE64(const char* p) {
  return (uint64_t(GetBE32(p)) << 32) | GetBE32(p + 4);
}

namespace {
void AppendCode(std::string* out, std::string_view code) {
  for (char c : code) out->push_back(c == '\0' ? '?' : c);
  out->push_back('\0');
}
}  // namespace

std::string IndexPrefix(std::string_view code, int cls) {
  std::string k;
  k.reserve(code.size() + 2);
  AppendCode(&k, code);
  k.push_back(char(cls));
  return k;
}

std::string IndexKey(std::string_view code, int cls, uint32_t start,
                     uint32_t end, std::string_view id) {
  std::string k = IndexPrefix(code, cls);
  k.reserve(k.size() + 8 + id.size());
  PutBE32(&k, start);
  PutBE32(&k, end);
  k.append(id);
  return k;
}

std::optional<IndexKeyParts> ParseIndexKey(std::string_view key) {
  size_t nul = key.find('\0');
  if (nul == std::string_view::npos || key.size() < nul + 10)
    return std::nullopt;
  IndexKeyParts p;
  p.code = key.substr(0, nul);
  p.cls = static_cast<unsigned char>(key[nul + 1]);
  if (p.cls >= kNumClasses) return std::nullopt;
  p.start = GetBE32(key.data() + nul + 2);
  p.end = GetBE32(key.data() + nul + 6);
  p.id = key.substr(nul + 10);
  if (p.id.empty()) return std::nullopt;
  return p;
}

std::string CounterPrefix(CountDim dim, std::string_view code, char gran) {
  std::string k;
  k.push_back(static_cast<char>(dim));
  AppendCode(&k, code);
  k.push_back(gran);
  return k;
}

std::string CounterKey(CountDim dim, std::string_view code, char gran,
                       uint32_t bucket, uint8_t type, uint8_t status) {
  std::string k = CounterPrefix(dim, code, gran);
  PutBE32(&k, bucket);
  k.push_back(char(type));
  k.push_back(char(status));
  return k;
}

std::string RegionLinkPrefix(std::string_view outer) {
  std::string k(1, 'x');
  AppendCode(&k, outer);
  return k;
}

std::string RegionLinkKey(std::string_view outer, std::string_view inner) {
  std::string k = RegionLinkPrefix(outer);
  k.append(inner);
  return k;
}

std::string CounterOperand(int64_t delta) {
  uint64_t v = static_cast<uint64_t>(delta);
  std::string s(8, '\0');
  for (int i = 0; i < 8; ++i) s[i] = char((v >> (8 * i)) & 0xff);
  return s;
}

uint64_t DecodeCounter(std::string_view v) {
  if (v.size() != 8) return 0;
  uint64_t r = 0;
  for (int i = 7; i >= 0; --i) r = (r << 8) | static_cast<unsigned char>(v[i]);
  return r;
}

}  // namespace geotl::store
