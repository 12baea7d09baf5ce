// An article as read from input: the text exactly as received plus metadata.
// Byte offsets in events point into `text`. Value type; thread-compatible.
#pragma once

#include <string>

#include "core/date_range.h"

namespace geotl::core {

struct Article {
  std::string id;  // input id verbatim, else a-<16 hex of sha256(url|text)>
  std::string url;
  std::string title;
  std::string text;      // as received (for .txt: the whole file)
  Date published;        // local calendar day of publication
  std::string language;  // "de", "en", or "" = detect
  std::string source;    // publisher name, becomes sources[].publisher
  std::string origin;    // "file:line" it came from, for messages
  // The version of the coder its stored events were made by
  // (Coder::Version()), set by whoever codes it; "" = unknown. Stored with
  // the article so that `geotl recode` finds what an older coder made.
  std::string coder;
};

// "a-" + first 16 hex digits of SHA-256 of `s`.
std::string DerivedArticleId(std::string_view s);

}  // namespace geotl::core
