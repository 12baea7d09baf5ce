#include "ingest/text_segment.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <array>
#include <memory>
#include <string>

namespace geotl::ingest {
namespace {

// Abbreviations (lower case, without the final dot) after which a period
// does not end a sentence. Single letters and dotted initials ("u.s") are
// handled by rule, not listed.
constexpr std::array<std::string_view, 88> kAbbrev = {
    "dr",  "prof", "nr",    "mr",   "mrs",  "ms",   "st",   "hr",   "fr",
    "jan", "feb",  "mar",   "apr",  "jun",  "jul",  "aug",  "sep",  "sept",
    "okt", "oct",  "nov",   "dez",  "dec",  "bzw",  "ca",   "vgl",  "usw",
    "gen", "sen",  "rep",   "gov",  "lt",   "col",  "sgt",  "capt", "cpl",
    "maj", "adm",  "no",    "inc",  "corp", "co",   "jr",   "sr",   "vs",
    "abs", "str",  "mio",   "mrd",  "evtl", "ggf",  "inkl", "zzgl", "sog",
    "dt",  "engl", "franz", "ital", "russ", "dipl", "ing",  "mag",  "rer",
    "nat", "phil", "med",   "bd",   "jh",   "jhd",  "chr",  "geb",  "gest",
    "min", "max",  "tel",   "abg",  "mdb",  "mdl",  "pres", "gouv", "ltd",
    "hon", "rev",  "fig",   "art",  "kap",  "rd"};

// Month names and abbreviations that follow an ordinal ("2. November").
constexpr std::array<std::string_view, 24> kMonths = {
    "januar",   "jänner", "februar", "märz",      "april",   "mai",
    "juni",     "juli",   "august",  "september", "oktober", "november",
    "dezember", "jan",    "feb",     "mär",       "apr",     "jun",
    "jul",      "aug",    "sep",     "okt",       "nov",     "dez"};

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// First code point of `s` after opening quotes and brackets.
UChar32 FirstLetter(std::string_view s) {
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (c < 0) continue;
    if (u_isalnum(c)) return c;
    if (u_isspace(c)) continue;
    if (u_hasBinaryProperty(c, UCHAR_QUOTATION_MARK) || c == '(' || c == '[' ||
        c == '-' || c == 0x2013)
      continue;
    return c;
  }
  return 0;
}

std::string FirstWordLower(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && !(static_cast<unsigned char>(s[i]) >= 0x80 ||
                           std::isalpha(static_cast<unsigned char>(s[i]))))
    ++i;
  size_t j = i;
  while (j < s.size() && (static_cast<unsigned char>(s[j]) >= 0x80 ||
                          std::isalpha(static_cast<unsigned char>(s[j]))))
    ++j;
  return Lower(s.substr(i, j - i));
}

template <size_t N>
bool In(const std::array<std::string_view, N>& a, std::string_view w) {
  for (std::string_view x : a) {
    if (x == w) return true;
  }
  return false;
}

icu::BreakIterator* SentenceIterator(std::string_view language) {
  thread_local std::unique_ptr<icu::BreakIterator> de, en;
  std::unique_ptr<icu::BreakIterator>& slot = language == "de" ? de : en;
  if (!slot) {
    UErrorCode status = U_ZERO_ERROR;
    slot.reset(icu::BreakIterator::createSentenceInstance(
        icu::Locale(language == "de" ? "de" : "en"), status));
    if (U_FAILURE(status)) slot.reset();
  }
  return slot.get();
}

void PushTrimmed(std::string_view text, size_t b, size_t e,
                 std::vector<Sentence>* out) {
  auto blank = [&](size_t i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           c == '\v';
  };
  while (b < e && blank(b)) ++b;
  while (e > b && blank(e - 1)) --e;
  // No-break spaces at the edges.
  while (e - b >= 2 && text.substr(b, 2) == "\xc2\xa0") b += 2;
  while (e - b >= 2 && text.substr(e - 2, 2) == "\xc2\xa0") e -= 2;
  if (b < e) out->push_back({b, e});
}

// Segments one unit (no hard line breaks inside) with ICU plus repair.
void SegmentUnit(std::string_view text, size_t begin, size_t end,
                 std::string_view language, std::vector<Sentence>* out) {
  std::string_view unit = text.substr(begin, end - begin);
  // UTF-8 -> UTF-16 with a map from UTF-16 index to byte offset.
  icu::UnicodeString u16;
  std::vector<size_t> map;
  u16.getBuffer(static_cast<int32_t>(unit.size()) + 1);
  u16.releaseBuffer(0);
  const int32_t n = static_cast<int32_t>(unit.size());
  int32_t i = 0;
  while (i < n) {
    int32_t at = i;
    UChar32 c;
    U8_NEXT(unit.data(), i, n, c);
    if (c < 0) c = 0xFFFD;
    if (c == '\n' || c == '\r') c = ' ';  // wrapped lines
    u16.append(c);
    map.push_back(begin + at);
    if (c > 0xFFFF) map.push_back(begin + at);
  }
  map.push_back(end);

  std::vector<size_t> cuts;  // byte offsets of accepted breaks
  icu::BreakIterator* it = SentenceIterator(language);
  if (it != nullptr) {
    it->setText(u16);
    for (int32_t b = it->next();
         b != icu::BreakIterator::DONE && b < u16.length(); b = it->next()) {
      cuts.push_back(map[b]);
    }
  }
  size_t seg_start = begin;
  for (size_t cut : cuts) {
    std::string_view before = text.substr(seg_start, cut - seg_start);
    std::string_view after = text.substr(cut, end - cut);
    if (ShouldJoin(before, after, language)) continue;
    PushTrimmed(text, seg_start, cut, out);
    seg_start = cut;
  }
  PushTrimmed(text, seg_start, end, out);
}

}  // namespace

bool ShouldJoin(std::string_view before, std::string_view after,
                std::string_view language) {
  while (!before.empty() && (before.back() == ' ' || before.back() == '\t' ||
                             before.back() == '\n' || before.back() == '\r'))
    before.remove_suffix(1);
  if (before.empty() || before.back() != '.') return false;
  UChar32 next = FirstLetter(after);
  if (next == 0) return false;
  before.remove_suffix(1);
  size_t k = before.size();
  while (k > 0 && before[k - 1] != ' ' && before[k - 1] != '\t' &&
         before[k - 1] != '(' && before[k - 1] != '\n' && before[k - 1] != '"')
    --k;
  std::string_view token = before.substr(k);
  if (token.empty()) return false;
  // A new sentence never starts with a lower-case letter.
  if (u_islower(next)) return true;
  std::string next_word = FirstWordLower(after);
  // Ordinals: "am 2. November", "im 20. Jahrhundert", "2. Nov. 2013".
  bool digits = token.size() <= 3;
  for (char c : token) digits = digits && IsAsciiDigit(c);
  if (digits) {
    if (In(kMonths, next_word)) return true;
    if (u_isdigit(next)) return true;
    return language == "de" && token.size() <= 2;
  }
  std::string lower = Lower(token);
  // Dotted initials and abbreviations: "U.S", "z. B", "d.h".
  bool dotted = true;
  for (size_t j = 0; j < lower.size(); ++j) {
    bool letter = std::isalpha(static_cast<unsigned char>(lower[j])) != 0;
    bool expect_letter = j % 2 == 0;
    dotted = dotted && (expect_letter ? letter : lower[j] == '.');
  }
  if (dotted) return true;  // "W." (initial), "U.S.", "z." "B."
  return In(kAbbrev, lower);
}

void SegmentBlock(std::string_view text, size_t begin, size_t end,
                  std::string_view language, std::vector<Sentence>* out) {
  // Hard breaks: after short lines (headlines, datelines) and colon lines.
  size_t unit_start = begin;
  size_t line_start = begin;
  for (size_t i = begin; i < end; ++i) {
    if (text[i] != '\n') continue;
    std::string_view line = text.substr(line_start, i - line_start);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r'))
      line.remove_suffix(1);
    while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    bool hard = line.size() < 50 || line.back() == ':' || line.back() == '!' ||
                line.back() == '?';
    if (hard) {
      SegmentUnit(text, unit_start, i, language, out);
      unit_start = i + 1;
    }
    line_start = i + 1;
  }
  if (unit_start < end) SegmentUnit(text, unit_start, end, language, out);
}

}  // namespace geotl::ingest
