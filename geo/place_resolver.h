// ResolvePlace: a place name from a text -> the gazetteer place it means,
// using what the text says around it. Context: countries the text makes
// likely (admin names next to it, dateline, actors), strongest first, and
// the keys of admin names written next to the name ("Handwara (Kupwara,
// Jammu and Kashmir)", "Yola, Adamawa state"). Rules: an admin name in the
// text decides; else a context country; else the population prior when one
// reading dominates; an ambiguous name with no context becomes its country
// (all readings in one country) or nothing, never a guessed town; a small
// town abroad matched only by another of its names is no reading. Pure;
// thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/event.h"
#include "geo/gazetteer.h"

namespace geotl::geo {

struct PlaceContext {
  std::vector<std::string> countries;   // alpha-3, strongest first
  std::vector<std::string> admin_keys;  // PlaceKey() of nearby admin names
  // The name stands for a division ("a village in Kupwara"): a division
  // beats a town of the same name.
  bool prefer_admin = false;
  // The text comes from a local outlet whose country is among `countries`:
  // a small town or district abroad that neither an admin name nor a
  // country of the text supports is no reading ("Ilitha township near
  // Berlin" in a South African paper is no German town, "Highfields,
  // Harare" no Australian one).
  bool local_outlet = false;
};

// A reading only by another of the place's names (not its English GeoNames
// name), in none of the context countries, below this population, with no
// admin name in the text, is no reading, whether or not the text gives
// context countries: a note from Darfur's "in Tur" is no Tours, "Mesel" no
// Messel, "Thur camp" no El-Tor. In a local outlet's text
// (PlaceContext::local_outlet) the same holds for a town or district
// matched by any of its names.
inline constexpr uint64_t kForeignAlternateMaxPopulation = 500000;

// With no context, a town read by a name one or two edits off its English
// name ("Al-Hasakeh") needs this many people; a smaller one is a guess.
inline constexpr uint64_t kSpellingMinPopulation = 50000;

// A division matches by its spelling skeleton (geo/place_key.h) within
// two edits of the text's name when the skeleton has this many letters
// ("West Welega" for West Wellega Zone), within one edit when it has fewer
// ("Oromia" for Oromiya; "Bayern" is no Bern), and then only with the
// text's support (an admin name, a country of it; "Mainari" alone is no
// Manari of Brazil).
inline constexpr int kSkeletonMinLetters = 6;

struct ResolvedPlace {
  core::Place place;         // text empty; precision city/admin2/admin1/country
  bool by_admin = false;     // an admin name in the text decided
  bool by_country = false;   // a context country decided
  bool by_spelling = false;  // a division matched by its spelling skeleton
  int readings = 0;          // candidates the name had
  uint64_t population = 0;   // the chosen populated place's (0 for a division)
};

std::optional<ResolvedPlace> ResolvePlace(const Gazetteer& g,
                                          std::string_view name,
                                          const PlaceContext& ctx);

// The Place of one gazetteer entry (regions from ICU).
core::Place GazPlaceToPlace(const Gazetteer& g, GazEntry e);

}  // namespace geotl::geo
