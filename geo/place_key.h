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

// A division's spelling skeleton, for names transliterated several ways
// ("Oromia" / "Oromiya", "West Welega" / "West Wellega", "Hararge" /
// "Harerghe"): per word of the key its first letter, then its other
// letters without vowels, "y" and "h", runs of one letter written once;
// "~" in front, so that it never equals a key. "" when the key holds
// fewer than three such letters.
std::string SpellingSkeleton(std::string_view key);

// Letters of a skeleton (its words' letters, not "~" or blanks).
int SkeletonLetters(std::string_view skeleton);

// 64-bit FNV-1a of a key: the gazetteer's index sorts by it.
uint64_t PlaceKeyHash(std::string_view key);

}  // namespace geotl::geo
