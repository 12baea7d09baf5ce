#include "geo/fold.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace geotl::geo {

std::string Fold(std::string_view utf8) {
  UErrorCode st = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(st);
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  in.foldCase();
  icu::UnicodeString d = U_SUCCESS(st) ? nfkd->normalize(in, st) : in;
  if (U_FAILURE(st)) d = in;
  icu::UnicodeString out;
  bool space = false;
  for (int32_t i = 0; i < d.length();) {
    UChar32 c = d.char32At(i);
    i += U16_LENGTH(c);
    int8_t cat = u_charType(c);
    if (cat == U_NON_SPACING_MARK || cat == U_ENCLOSING_MARK) continue;
    if (u_isspace(c) || c == '-' || c == 0x2010 || c == 0x2011 || c == '_') {
      space = !out.isEmpty();
      continue;
    }
    if (c == 0x2019 || c == 0x2018 || c == 0x60 || c == 0xB4) c = '\'';
    if (space) out.append(UChar32(' '));
    space = false;
    out.append(c);
  }
  std::string s;
  out.toUTF8String(s);
  return s;
}

}  // namespace geotl::geo
