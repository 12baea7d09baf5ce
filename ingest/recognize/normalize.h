// Tokens for dictionary matching: maximal runs of letters and digits, each
// folded (lower case, accents removed, ß -> ss) while keeping its byte range
// in the original text, so matches map back to exact offsets. Separators
// between tokens are classified soft (space, hyphen, apostrophe, period) or
// hard (comma, colon, brackets, quotes ...). Pure; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace geotl::ingest::recognize {

struct Token {
  uint32_t start = 0, end = 0;            // bytes in the original text
  uint32_t norm_start = 0, norm_len = 0;  // folded form in the norm buffer
  bool upper_first = false;               // first letter upper case
  bool all_caps = false;   // every letter upper case (and >= 1 letter)
  bool hard_gap = false;   // hard punctuation between previous token and this
  bool space_gap = false;  // some blank between previous token and this
};

struct TokenBuffer {
  std::vector<Token> tokens;
  std::string norm;  // folded token texts, back to back
  std::string_view Norm(const Token& t) const {
    return std::string_view(norm).substr(t.norm_start, t.norm_len);
  }
};

// Tokenises text[begin, end) into `out` (cleared first).
void Tokenize(std::string_view text, size_t begin, size_t end,
              TokenBuffer* out);

// Folded tokens of a lexicon phrase ("Außen-Minister" -> aussen, minister).
std::vector<std::string> FoldedTokens(std::string_view phrase);

}  // namespace geotl::ingest::recognize
