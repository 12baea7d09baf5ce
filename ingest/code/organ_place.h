// A bare organ or office followed by "in" and a place ("die Regierung in
// Kiew", "the government in Kabul", "die Behörden in Ägypten"): that
// place's country's, not the article's home country's. Run before the home
// country is applied. Pure function; thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include "ingest/code/mention_note.h"
#include "ingest/recognizer.h"

namespace geotl::ingest::code {

// Changes the mentions of one sentence (`sentence` its index) in place and
// returns a note for explain per change.
std::vector<MentionNote> PlaceOrgans(std::string_view text, size_t sentence,
                                     std::vector<Mention>* mentions);

}  // namespace geotl::ingest::code
