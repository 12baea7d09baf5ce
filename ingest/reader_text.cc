#include "ingest/reader_text.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace geotl::ingest {

size_t FindInvalidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    // Fast path over ASCII, eight bytes at a time.
    while (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      if (w & 0x8080808080808080ull) break;
      i += 8;
    }
    if (i >= n) break;
    unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the 2nd byte
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;  // no overlongs
      if (c == 0xED) hi = 0x9F;  // no surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;  // no overlongs
      if (c == 0xF4) hi = 0x8F;  // <= U+10FFFF
    } else {
      return i;
    }
    if (i + len > n) return i;
    if (p[i + 1] < lo || p[i + 1] > hi) return i;
    for (size_t k = 2; k < len; ++k)
      if ((p[i + k] & 0xC0) != 0x80) return i;
    i += len;
  }
  return kNpos;
}

size_t LineOfOffset(std::string_view s, size_t offset) {
  offset = std::min(offset, s.size());
  return 1 +
         static_cast<size_t>(std::count(s.begin(), s.begin() + offset, '\n'));
}

namespace {
constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

std::string_view Trim(std::string_view s) {
  for (;;) {
    if (s.substr(0, kBom.size()) == kBom) {
      s.remove_prefix(kBom.size());
    } else if (!s.empty() && IsSpace(s.front())) {
      s.remove_prefix(1);
    } else {
      break;
    }
  }
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}
}  // namespace

bool IsBlank(std::string_view s) { return Trim(s).empty(); }

std::string DeriveTitle(std::string_view text, size_t max_bytes) {
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = Trim(text.substr(0, nl));
    if (!line.empty()) {
      if (line.size() > max_bytes) {
        size_t cut = max_bytes;
        // Back up to the start of a UTF-8 character.
        while (cut > 0 &&
               (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80)
          --cut;
        line = Trim(line.substr(0, cut));
      }
      return std::string(line);
    }
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
  return "";
}

std::string CheckRawText(std::string_view s, size_t* line) {
  char buf[96];
  if (const void* z = std::memchr(s.data(), '\0', s.size())) {
    size_t off = static_cast<const char*>(z) - s.data();
    *line = LineOfOffset(s, off);
    std::snprintf(buf, sizeof buf, "binary file (NUL byte at offset %zu)", off);
    return buf;
  }
  size_t bad = FindInvalidUtf8(s);
  if (bad != kNpos) {
    *line = LineOfOffset(s, bad);
    std::snprintf(buf, sizeof buf, "invalid UTF-8 (byte 0x%02x at offset %zu)",
                  static_cast<unsigned char>(s[bad]), bad);
    return buf;
  }
  *line = 1;
  return "";
}

}  // namespace geotl::ingest
