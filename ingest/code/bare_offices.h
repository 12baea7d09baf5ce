// A bare office ("der Präsident", "the foreign minister") names the person
// the article last introduced with that office ("Burundis Präsident Pierre
// Nkurunziza", "Foreign Minister Ivica Dacic"), not the article's home
// country's holder. Each home-country role mention whose word appears in
// an earlier person mention of the same sector (title and name) takes that
// person's actor. Run after the home country is applied. Pure function;
// thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include "ingest/code/mention_note.h"
#include "ingest/recognizer.h"
#include "ingest/text.h"

namespace geotl::ingest::code {

// `mentions[i]` are the mentions of `sentences[i]`, changed in place; every
// change is returned as a note for explain.
std::vector<MentionNote> ResolveBareOffices(
    std::string_view text, const std::vector<Sentence>& sentences,
    std::vector<std::vector<Mention>>* mentions);

}  // namespace geotl::ingest::code
