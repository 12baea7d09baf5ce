// Actor groups: adjacent actor mentions form one unit (the most specific
// mention), units joined by coordination one group ("Russland und Japan");
// a group reference ("beide Länder") stands for the previous event's
// parties. Each group gets its clause, the preposition that governs it and,
// in German, whether it is a genitive ("Teilnahme Japans").
#pragma once

#include <vector>

#include "core/event.h"
#include "ingest/code/sentence_state.h"

namespace geotl::ingest::code {

// Fills s->groups in token order. Needs mentions, clauses, hits and
// attribution.
void FindGroups(SentenceState* s);

// The group's actors; for a group reference every party of the previous
// event, actors and recipients, one per country.
std::vector<core::Actor> GroupActors(const SentenceState& s, const Group& g);

}  // namespace geotl::ingest::code
