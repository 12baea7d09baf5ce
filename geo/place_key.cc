#include "geo/place_key.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>

#include "geo/fold.h"

namespace geotl::geo {
namespace {

bool Ascii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

// Latin letters without a decomposition (ł, ø, đ, ı) and other scripts.
std::string ToAscii(const std::string& folded) {
  thread_local std::unique_ptr<icu::Transliterator> t = [] {
    UErrorCode st = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> x(icu::Transliterator::createInstance(
        "Any-Latin; Latin-ASCII", UTRANS_FORWARD, st));
    if (U_FAILURE(st)) x.reset();
    return x;
  }();
  if (!t) return folded;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(folded);
  t->transliterate(u);
  std::string out;
  u.toUTF8String(out);
  return out;
}

}  // namespace

std::string PlaceKey(std::string_view utf8) {
  std::string f = Fold(utf8);
  if (!Ascii(f)) f = Fold(ToAscii(f));
  // Apostrophes, ayn and hamza signs, dots: "Ta'izz" = "Taizz",
  // "St. Louis" = "St Louis".
  std::string out;
  out.reserve(f.size());
  for (char c : f) {
    if (c == '\'' || c == '.' || c == '"' || c == '`') continue;
    if (c == ' ' && !out.empty() && out.back() == ' ') continue;
    out.push_back(c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string WithoutArticle(std::string_view key) {
  static constexpr std::string_view kArticles[] = {
      "al ", "el ", "ad ", "ar ", "as ", "ash ", "at ", "az ", "an ", "ath "};
  for (std::string_view a : kArticles) {
    if (key.size() > a.size() + 2 && key.substr(0, a.size()) == a)
      return std::string(key.substr(a.size()));
  }
  return "";
}

std::string SpellingSkeleton(std::string_view key) {
  std::string out = "~";
  bool word_start = true;
  for (char c : key) {
    if (c == ' ' || c == '-') {
      if (out.back() != ' ' && out.size() > 1) out.push_back(' ');
      word_start = true;
      continue;
    }
    if (word_start) {
      out.push_back(c);
      word_start = false;
      continue;
    }
    if (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y' ||
        c == 'h' || c == '\'' || out.back() == c)
      continue;
    out.push_back(c);
  }
  while (out.size() > 1 && out.back() == ' ') out.pop_back();
  return SkeletonLetters(out) >= 3 ? out : "";
}

int SkeletonLetters(std::string_view skeleton) {
  int n = 0;
  for (char c : skeleton) n += c != '~' && c != ' ';
  return n;
}

uint64_t PlaceKeyHash(std::string_view key) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : key) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

}  // namespace geotl::geo
