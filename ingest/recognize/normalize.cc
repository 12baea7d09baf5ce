#include "ingest/recognize/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <array>

namespace geotl::ingest::recognize {
namespace {

// Folded UTF-8 form of every code point below kTableSize (Latin, Greek,
// Cyrillic), computed once with ICU: NFD, combining marks dropped, full case
// folding. Letters outside fall back to simple case folding per code point.
constexpr UChar32 kTableSize = 0x0530;

struct FoldTable {
  std::array<std::string, kTableSize> folded;
  std::array<bool, kTableSize> word_char{};
  FoldTable() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    for (UChar32 c = 0; c < kTableSize; ++c) {
      word_char[c] = u_isalnum(c) || u_charType(c) == U_NON_SPACING_MARK;
      if (!word_char[c]) continue;
      icu::UnicodeString s(c);
      if (U_SUCCESS(status) && nfd != nullptr) {
        UErrorCode st = U_ZERO_ERROR;
        icu::UnicodeString d = nfd->normalize(s, st);
        if (U_SUCCESS(st)) s = d;
      }
      icu::UnicodeString kept;
      for (int32_t i = 0; i < s.length();) {
        UChar32 x = s.char32At(i);
        i += U16_LENGTH(x);
        if (u_charType(x) != U_NON_SPACING_MARK) kept.append(x);
      }
      kept.foldCase();
      kept.toUTF8String(folded[c]);
    }
  }
};

const FoldTable& Table() {
  static const FoldTable table;
  return table;
}

bool IsWordChar(UChar32 c, const FoldTable& t) {
  if (c < kTableSize) return t.word_char[c];
  return u_isalnum(c) || u_charType(c) == U_NON_SPACING_MARK ||
         u_charType(c) == U_COMBINING_SPACING_MARK;
}

bool IsSoftSeparator(UChar32 c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 ||
         c == '-' || c == 0x2010 || c == 0x2011 || c == '\'' || c == 0x2019 ||
         c == 0x2018 || c == '.' || c == 0xAD || c == 0x200B || c == 0x202F ||
         c == 0x2009;
}

bool IsHyphen(UChar32 c) { return c == '-' || c == 0x2010 || c == 0x2011; }

bool IsBlank(UChar32 c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 ||
         c == 0x202F || c == 0x2009;
}

}  // namespace

void Tokenize(std::string_view text, size_t begin, size_t end,
              TokenBuffer* out) {
  const FoldTable& t = Table();
  out->tokens.clear();
  out->norm.clear();
  const char* s = text.data();
  int32_t i = static_cast<int32_t>(begin);
  const int32_t n = static_cast<int32_t>(end);
  bool hard = false, space = false;
  while (i < n) {
    int32_t at = i;
    UChar32 c;
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      c = b;
      ++i;
    } else {
      U8_NEXT(s, i, n, c);
      if (c < 0) continue;
    }
    if (!IsWordChar(c, t)) {
      // A hyphen after a blank is a dash ("WASHINGTON - The Senate"), not
      // a compound's joint ("US-Armee", "US- und EU-Politik").
      if (!IsSoftSeparator(c) || (space && IsHyphen(c))) hard = true;
      if (IsBlank(c)) space = true;
      continue;
    }
    // A token: consume word characters.
    Token tok;
    tok.start = static_cast<uint32_t>(at);
    tok.norm_start = static_cast<uint32_t>(out->norm.size());
    tok.hard_gap = hard;
    tok.space_gap = space;
    hard = space = false;
    bool first = true, all_caps = true, any_letter = false;
    int32_t j = at;
    while (j < n) {
      int32_t k = j;
      UChar32 d;
      unsigned char bb = static_cast<unsigned char>(s[j]);
      if (bb < 0x80) {
        d = bb;
        ++k;
      } else {
        U8_NEXT(s, k, n, d);
        if (d < 0) break;
      }
      if (!IsWordChar(d, t)) break;
      if (d < 0x80) {
        char ch = static_cast<char>(d);
        if (ch >= 'A' && ch <= 'Z') {
          if (first) tok.upper_first = true;
          any_letter = true;
          ch = static_cast<char>(ch + 32);
        } else if (ch >= 'a' && ch <= 'z') {
          all_caps = false;
          any_letter = true;
        }
        out->norm.push_back(ch);
      } else {
        if (u_isUAlphabetic(d)) {
          any_letter = true;
          if (u_isupper(d) || u_istitle(d)) {
            if (first) tok.upper_first = true;
          } else if (u_islower(d)) {
            all_caps = false;
          }
        }
        if (d < kTableSize) {
          out->norm += t.folded[d];
        } else {
          UChar32 f = u_foldCase(d, U_FOLD_CASE_DEFAULT);
          char buf[4];
          int32_t len = 0;
          U8_APPEND_UNSAFE(buf, len, f);
          out->norm.append(buf, len);
        }
      }
      if (u_isUAlphabetic(d) || (d < 0x80 && std::isalpha(d))) first = false;
      j = k;
    }
    tok.end = static_cast<uint32_t>(j);
    tok.all_caps = any_letter && all_caps;
    tok.norm_len = static_cast<uint32_t>(out->norm.size() - tok.norm_start);
    out->tokens.push_back(tok);
    i = j;
  }
}

std::vector<std::string> FoldedTokens(std::string_view phrase) {
  TokenBuffer buf;
  Tokenize(phrase, 0, phrase.size(), &buf);
  std::vector<std::string> out;
  out.reserve(buf.tokens.size());
  for (const Token& t : buf.tokens) out.emplace_back(buf.Norm(t));
  return out;
}

}  // namespace geotl::ingest::recognize
