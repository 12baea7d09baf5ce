// Mentions as token spans: the recogniser's mentions inside the sentence,
// the tokens each covers, and per token the most specific actor mention
// (person > role, organisation > group > country). A city after a locative
// preposition is a place, not an actor ("in Tokio"); a city elsewhere may
// be one ("Washington said"). Persons go to SentenceResult::persons.
#pragma once

#include <vector>

#include "ingest/code/sentence_state.h"
#include "ingest/recognizer.h"

namespace geotl::ingest::code {

// Person 4, role and organisation 3, group 2, country 1, other 0.
int Specificity(const Mention& m);

// Fills s->refs, s->mention_at and s->out.persons.
void MapMentions(const std::vector<Mention>& mentions, SentenceState* s);

// Drops the trigger hits that are an actor's whole name: a compound the
// trigger lexicon reads by its head ("Industriellenvereinigung" is no
// "Vereinigung", an agreement) that the recogniser reads as a role or
// organisation. Call after the lexicon's Match.
void DropActorNames(SentenceState* s);

}  // namespace geotl::ingest::code
