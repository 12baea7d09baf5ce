// Byte-level checks the article reader runs on raw input before parsing:
// UTF-8 validity, NUL bytes (binary files), blank text, line numbers of
// offsets and the derived title. Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace geotl::ingest {

inline constexpr size_t kNpos = std::string_view::npos;

// Offset of the first byte that does not belong to well-formed UTF-8
// (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF), or
// kNpos when `s` is valid.
size_t FindInvalidUtf8(std::string_view s);

// 1-based line number of byte `offset` in `s`.
size_t LineOfOffset(std::string_view s, size_t offset);

// True when `s` holds nothing but ASCII white space and byte order marks.
bool IsBlank(std::string_view s);

// The first non-empty line of `text`, trimmed (a leading BOM too), cut to at
// most `max_bytes` at a UTF-8 character boundary.
std::string DeriveTitle(std::string_view text, size_t max_bytes = 300);

// Checks a whole text read from a file: "" when fine, else the reason
// ("binary file (NUL byte at offset 12)", "invalid UTF-8 (byte 0xff at
// offset 3)") and *line is set to the 1-based line of the bad byte.
std::string CheckRawText(std::string_view s, size_t* line);

}  // namespace geotl::ingest
