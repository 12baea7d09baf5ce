// Word tokens of one sentence for the coder: byte offsets into the article
// text, a lower-cased form (ASCII and German umlauts folded), and whether the
// word was capitalised. Punctuation marks are single tokens. Pure functions;
// thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace geotl::ingest::code {

struct Token {
  uint32_t start = 0, end = 0;  // byte offsets into the article text
  std::string lower;            // lower-cased text
  bool capitalized = false;
  bool punct = false;  // a punctuation mark (lower holds it)
};

// Tokens of text[start, end). Hyphenated words stay one token
// ("US-Raketenabwehr-Schirm"); quotes, dashes, brackets and sentence marks
// are punctuation tokens.
void Tokenize(std::string_view text, size_t start, size_t end,
              std::vector<Token>* out);

// The token is a numeral written with digits ("26", "1,500", "20/06").
inline bool StartsWithDigit(const Token& t) {
  return !t.lower.empty() && t.lower[0] >= '0' && t.lower[0] <= '9';
}

// Lower-cases ASCII letters and the upper-case German letters Ä Ö Ü.
std::string FoldCase(std::string_view s);

// `word` stands in `text` as a whole word: no letter, digit or non-ASCII
// byte right before or after it ("kurz" in "ist kurz.", not in "kurzem").
bool HoldsWholeWord(std::string_view text, std::string_view word);

// True for clause-separating punctuation: , ; : ( ) – — " „ “ ” « »
bool IsClauseMark(std::string_view p);

// The non-empty parts of a word between any of `separators`
// ("standard-gespräch" -> "standard", "gespräch"); views into `word`.
std::vector<std::string_view> WordParts(std::string_view word,
                                        std::string_view separators);

}  // namespace geotl::ingest::code
