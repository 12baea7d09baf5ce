// PlaceKey: the matching key of a place name in the gazetteer. Fold() (case,
// accents, blanks, hyphens), then ICU transliteration to ASCII where letters
// remain outside it ("Łódź", "Ђ…", "Дамаск"), apostrophes and ayn/hamza
// marks dropped: "Ad Darbāsīyah" and "ad darbasiyah" share a key. Pure;
// thread-safe (ICU transliterators are per thread).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace geotl::geo {

std::string PlaceKey(std::string_view utf8);

// The key without a leading Arabic article ("ad darbasiyah" ->
// "darbasiyah"), or "" when it has none.
std::string WithoutArticle(std::string_view key);

// 64-bit FNV-1a of a key: the gazetteer's index sorts by it.
uint64_t PlaceKeyHash(std::string_view key);

}  // namespace geotl::geo
