// A sentence that opens with its place ("In Havana, the government …",
// "In Moskau kritisierte das Außenministerium …"): its bare organs and
// office holders belong to that place's country, not to the article's home
// country. Pure function; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ingest/recognizer.h"
#include "ingest/text.h"

namespace geotl::ingest::code {

// The place that opens `sentence` after "In" ("In Havana,", "In Moskau")
// and its country (ISO alpha-3); `mention` null and `country` "" when the
// sentence opens otherwise or the place has no country. `mentions` are the
// sentence's.
struct OpeningPlace {
  const Mention* mention = nullptr;
  std::string country;
};
// The country a place or country mention names (ISO alpha-3), "" if none
// or another kind of mention.
std::string MentionCountry(const Mention& m);

OpeningPlace FindOpeningPlace(std::string_view text, const Sentence& sentence,
                              const std::vector<Mention>& mentions);

}  // namespace geotl::ingest::code
