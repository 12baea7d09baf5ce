// Clauses from shallow syntax: clause marks (commas, quotes, dashes,
// brackets) and subordinators ("dass", "because") open a clause; a comma
// inside a list of actors does not, nor do subordinators that are not
// clause openers ("als", "as"); a coordinator before a pronoun ("… und wir
// sind besorgt") starts a new subject's clause. Marks quoted clauses.
#pragma once

#include "ingest/code/sentence_state.h"

namespace geotl::ingest::code {

// Fills s->clauses (at least one) and s->clause_of. Needs s->mention_at.
void SplitClauses(SentenceState* s);

// The comma at token i joins two actor mentions of one list ("Russland,
// China und Japan"): a mention before it, a mention (maybe after a
// determiner) after it, and the list going on after that one ("und",
// "oder", another comma). "… den Bürgermeister, die Oppositionsparteien
// demonstrieren …" is no list. Needs s.mention_at.
bool CommaInActorList(const SentenceState& s, int i);

// A first-person subject ("ich", "wir", "I", "we") in the clause: the
// speaker's own view, or an answer's "wir" (cues.h,
// first_person_subjects).
bool HasFirstPersonSubject(const SentenceState& s, int clause);

}  // namespace geotl::ingest::code
