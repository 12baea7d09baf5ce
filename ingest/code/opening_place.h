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

// The mention of the place that opens `sentence` after "In" ("In Havana,",
// "In Moskau") when its country (ISO alpha-3) is known, else null.
// `mentions` are the sentence's.
const Mention* OpeningPlace(std::string_view text, const Sentence& sentence,
                            const std::vector<Mention>& mentions);

// That place's country; "" without one.
std::string OpeningPlaceCountry(const Mention* opening);

}  // namespace geotl::ingest::code
