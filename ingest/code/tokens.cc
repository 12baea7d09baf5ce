#include "ingest/code/tokens.h"

#include <cctype>

namespace geotl::ingest::code {
namespace {

bool IsAsciiWord(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9');
}

// Length of the UTF-8 punctuation mark starting at text[i], 0 if none.
// Covers the general-punctuation block (E2 80 xx: dashes, quotes, ellipsis),
// guillemets (C2 AB / C2 BB) and the no-break space (C2 A0).
size_t MultiBytePunct(std::string_view t, size_t i) {
  unsigned char c = t[i];
  if (c == 0xE2 && i + 2 < t.size() &&
      static_cast<unsigned char>(t[i + 1]) == 0x80)
    return 3;
  if (c == 0xC2 && i + 1 < t.size()) {
    unsigned char d = t[i + 1];
    if (d == 0xAB || d == 0xBB || d == 0xA0 || d == 0xB7) return 2;
  }
  return 0;
}

}  // namespace

std::string FoldCase(std::string_view s) {
  std::string out(s);
  for (size_t i = 0; i < out.size(); ++i) {
    unsigned char c = out[i];
    if (c >= 'A' && c <= 'Z') {
      out[i] = static_cast<char>(c + 32);
    } else if (c == 0xC3 && i + 1 < out.size()) {
      unsigned char d = out[i + 1];
      if (d >= 0x80 && d <= 0x9E && d != 0x97)
        out[i + 1] = static_cast<char>(d + 0x20);
      ++i;
    }
  }
  return out;
}

bool IsClauseMark(std::string_view p) {
  return p == "," || p == ";" || p == ":" || p == "(" || p == ")" ||
         p == "\"" || p == "\xE2\x80\x93" || p == "\xE2\x80\x94" ||
         p == "\xE2\x80\x9E" || p == "\xE2\x80\x9C" || p == "\xE2\x80\x9D" ||
         p == "\xC2\xAB" || p == "\xC2\xBB" || p == "[" || p == "]";
}

void Tokenize(std::string_view text, size_t start, size_t end,
              std::vector<Token>* out) {
  out->clear();
  size_t i = start;
  while (i < end) {
    unsigned char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
      continue;
    }
    size_t mb = c >= 0x80 ? MultiBytePunct(text, i) : 0;
    if (mb) {
      if (!(c == 0xC2 && static_cast<unsigned char>(text[i + 1]) == 0xA0)) {
        std::string_view p = text.substr(i, mb);
        // Apostrophe ’ inside a word is handled below; standalone it is punct.
        Token t;
        t.start = static_cast<uint32_t>(i);
        t.end = static_cast<uint32_t>(i + mb);
        t.lower = std::string(p);
        t.punct = true;
        out->push_back(std::move(t));
      }
      i += mb;
      continue;
    }
    if (IsAsciiWord(c) || c >= 0x80) {
      size_t j = i;
      while (j < end) {
        unsigned char d = text[j];
        if (IsAsciiWord(d)) {
          ++j;
        } else if (d >= 0x80) {
          if (MultiBytePunct(text, j)) break;
          ++j;
        } else if (d == ',' && j > i && j + 1 < end &&
                   std::isdigit(static_cast<unsigned char>(text[j - 1])) &&
                   std::isdigit(static_cast<unsigned char>(text[j + 1]))) {
          ++j;  // "5,000"
        } else if ((d == '-' || d == '.' || d == '\'') && j + 1 < end &&
                   (IsAsciiWord(text[j + 1]) ||
                    static_cast<unsigned char>(text[j + 1]) >= 0xC3) &&
                   j > i) {
          // Keep "US-Schirm", "U.S", "1.000" together; "'s" is split below.
          if (d == '\'' && (text[j + 1] == 's' || text[j + 1] == 'S') &&
              (j + 2 >= end || !IsAsciiWord(text[j + 2])))
            break;
          ++j;
        } else {
          break;
        }
      }
      // "U.S." keeps its final dot when the token is an initialism.
      if (j < end && text[j] == '.' && j >= i + 3 && text[j - 2] == '.') ++j;
      Token t;
      t.start = static_cast<uint32_t>(i);
      t.end = static_cast<uint32_t>(j);
      t.lower = FoldCase(text.substr(i, j - i));
      t.capitalized = (c >= 'A' && c <= 'Z') ||
                      (c == 0xC3 && j > i + 1 &&
                       static_cast<unsigned char>(text[i + 1]) < 0x9F);
      out->push_back(std::move(t));
      i = j;
      continue;
    }
    Token t;
    t.start = static_cast<uint32_t>(i);
    t.end = static_cast<uint32_t>(i + 1);
    t.lower = std::string(1, static_cast<char>(c));
    t.punct = true;
    out->push_back(std::move(t));
    ++i;
  }
}

std::vector<std::string_view> WordParts(std::string_view word,
                                        std::string_view separators) {
  std::vector<std::string_view> out;
  size_t from = 0;
  for (size_t i = 0; i <= word.size(); ++i)
    if (i == word.size() ||
        separators.find(word[i]) != std::string_view::npos) {
      if (i > from) out.push_back(word.substr(from, i - from));
      from = i + 1;
    }
  return out;
}

bool HoldsWholeWord(std::string_view text, std::string_view word) {
  if (word.empty()) return false;
  const auto word_byte = [](char c) {
    const unsigned char u = static_cast<unsigned char>(c);
    return u >= 0x80 || std::isalnum(u);
  };
  for (size_t at = text.find(word); at != std::string_view::npos;
       at = text.find(word, at + 1)) {
    const size_t end = at + word.size();
    if ((at == 0 || !word_byte(text[at - 1])) &&
        (end >= text.size() || !word_byte(text[end])))
      return true;
  }
  return false;
}

}  // namespace geotl::ingest::code
