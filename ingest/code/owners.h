// Owners (discourse): nouns that a country owns, so that a later sentence
// naming the noun alone points to the country ("US-Raketenabwehr-Schirm",
// "Schild der USA" -> USA; later "der Schirm" makes the USA the recipient).
// Nouns are normalised (no hyphens, no final "s") and matched on a common
// ending of six letters or more.
#pragma once

#include <optional>
#include <vector>

#include "core/event.h"
#include "ingest/code/sentence_state.h"

namespace geotl::ingest::code {

// Appends this sentence's owned nouns to s->out.new_owners. Needs mentions.
void CollectOwners(SentenceState* s);

// The latest owner (from the context) of a capitalised noun in tokens
// [first, last] whose country is not in `exclude`.
std::optional<core::Actor> OwnerIn(const SentenceState& s, int first, int last,
                                   const std::vector<core::Actor>& exclude);

}  // namespace geotl::ingest::code
