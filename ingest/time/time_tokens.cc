#include "ingest/time/time_tokens.h"

namespace geotl::ingest::time {
namespace {

inline bool IsAsciiLetter(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
inline bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }

// Length of the UTF-8 sequence starting with `c` (1 for invalid bytes).
inline size_t SeqLen(unsigned char c) {
  if (c >= 0xF0 && c < 0xF8) return 4;
  if (c >= 0xE0) return 3;
  if (c >= 0xC0) return 2;
  return 1;
}

enum class CharClass { kSpace, kNewline, kLetter, kDigit, kPunct };

// Classifies the character at s[i]; *len receives its byte length.
CharClass Classify(std::string_view s, size_t i, size_t* len) {
  unsigned char c = s[i];
  *len = 1;
  if (c == '\n') return CharClass::kNewline;
  if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v')
    return CharClass::kSpace;
  if (IsDigit(c)) return CharClass::kDigit;
  if (IsAsciiLetter(c)) return CharClass::kLetter;
  if (c < 0x80) return CharClass::kPunct;
  size_t n = SeqLen(c);
  if (i + n > s.size()) n = s.size() - i;
  *len = n;
  if (n == 2) {
    unsigned char d = s[i + 1];
    if (c == 0xC2) {  // U+0080..U+00BF: no-break space, «, », §, ° ...
      return d == 0xA0 ? CharClass::kSpace : CharClass::kPunct;
    }
    if (c == 0xC3 && (d == 0x97 || d == 0xB7)) return CharClass::kPunct;  // × ÷
    return CharClass::kLetter;
  }
  if (n == 3 && c == 0xE2 && (unsigned char)s[i + 1] == 0x80) {
    unsigned char d = s[i + 2];
    if (d <= 0x8A || d == 0xAF) return CharClass::kSpace;  // U+2000..200A, 202F
    return CharClass::kPunct;  // dashes, quotes, ellipsis
  }
  if (n == 3 && c == 0xE2) return CharClass::kPunct;  // other symbols
  return CharClass::kLetter;
}

void AppendLower(std::string_view s, size_t i, size_t len, std::string* out) {
  unsigned char c = s[i];
  if (len == 1) {
    out->push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
  } else if (len == 2 && c == 0xC3) {
    unsigned char d = s[i + 1];
    if (d >= 0x80 && d <= 0x9E && d != 0x97) d += 0x20;  // À..Þ -> à..þ
    out->push_back(static_cast<char>(c));
    out->push_back(static_cast<char>(d));
  } else {
    out->append(s.substr(i, len));
  }
}

bool IsUpperStart(std::string_view s, size_t i) {
  unsigned char c = s[i];
  if (c >= 'A' && c <= 'Z') return true;
  if (c == 0xC3 && i + 1 < s.size()) {
    unsigned char d = s[i + 1];
    return d >= 0x80 && d <= 0x9E && d != 0x97;
  }
  return false;
}

}  // namespace

void TokenizeForTime(std::string_view s, std::vector<TimeToken>* out) {
  out->clear();
  bool space = true, newline = false;
  int newlines = 0;
  int sentence = 0;
  size_t i = 0;
  while (i < s.size()) {
    size_t len;
    CharClass cc = Classify(s, i, &len);
    if (cc == CharClass::kSpace || cc == CharClass::kNewline) {
      space = true;
      if (cc == CharClass::kNewline) {
        newline = true;
        ++newlines;
      }
      i += len;
      continue;
    }
    TimeToken t;
    t.start = i;
    t.space_before = space;
    t.newline_before = newline;
    if (newlines >= 2 && !out->empty()) ++sentence;  // paragraph break
    if (cc == CharClass::kDigit) {
      t.kind = TimeToken::kNumber;
      size_t j = i;
      while (j < s.size() && IsDigit(s[j])) {
        if (t.num < 100000000) t.num = t.num * 10 + (s[j] - '0');
        ++t.digits;
        ++j;
      }
      t.end = j;
      t.lower.assign(s.substr(i, j - i));
    } else if (cc == CharClass::kLetter) {
      t.kind = TimeToken::kWord;
      t.cap = IsUpperStart(s, i);
      size_t j = i;
      while (j < s.size()) {
        size_t l;
        CharClass k = Classify(s, j, &l);
        if (k == CharClass::kLetter) {
          AppendLower(s, j, l, &t.lower);
          j += l;
        } else if (s[j] == '\'' && j + 1 < s.size() &&
                   IsAsciiLetter(s[j + 1]) && !t.lower.empty() &&
                   !((s[j + 1] == 's' || s[j + 1] == 'S') &&
                     (j + 2 >= s.size() ||
                      !IsAsciiLetter(s[j + 2])))) {  // keep "'s" apart
          t.lower.push_back('\'');                   // o'clock, year's
          ++j;
        } else {
          break;
        }
      }
      t.end = j;
    } else {
      t.kind = TimeToken::kPunct;
      t.end = i + len;
      t.lower.assign(s.substr(i, len));
    }
    // A sentence ends after . ! ? unless the period closes a number (German
    // ordinals "2.") or a one-letter abbreviation; the next token must start
    // a new word in upper case or a new line.
    if (!out->empty()) {
      const TimeToken& p = out->back();
      if (p.kind == TimeToken::kPunct &&
          (p.lower == "!" || p.lower == "?" ||
           (p.lower == "." && out->size() >= 2 &&
            (*out)[out->size() - 2].kind == TimeToken::kWord &&
            (*out)[out->size() - 2].lower.size() > 2))) {
        if (t.space_before && (t.cap || t.newline_before)) ++sentence;
      }
    }
    t.sentence = sentence;
    i = t.end;
    out->push_back(std::move(t));
    space = false;
    newline = false;
    newlines = 0;
  }
}

}  // namespace geotl::ingest::time
