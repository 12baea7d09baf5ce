// Tokenizer for the temporal normaliser: one pass over the document into
// words (lower-cased, UTF-8 aware for German umlauts), digit runs and
// punctuation, each with byte offsets, whether blank space precedes it,
// capitalisation and a rough sentence number (for tense). Digits glued to
// letters split ("1990s" -> 1990 + s). Pure function; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace geotl::ingest::time {

struct TimeToken {
  enum Kind : unsigned char { kWord, kNumber, kPunct };
  size_t start = 0, end = 0;  // byte offsets, end exclusive
  Kind kind = kWord;
  bool space_before = true;
  bool cap = false;  // first letter upper-case
  bool newline_before = false;
  int digits = 0;  // kNumber: number of digits
  long num = 0;    // kNumber: value (saturated)
  int sentence = 0;
  std::string lower;  // kWord: lower-cased; kPunct: the character(s)
};

void TokenizeForTime(std::string_view text, std::vector<TimeToken>* out);

}  // namespace geotl::ingest::time
