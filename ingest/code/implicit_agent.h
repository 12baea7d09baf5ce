// Implicit agent: some acts have one kind of doer the text leaves out. "50
// Personen wurden festgenommen" is an arrest by the police of the country
// where it happened; the trigger entry names the sector ("implicit_agent":
// "COP" in triggers.json). The country is the event's place, else the
// place of the story's latest placed event, else the article's home
// country (dateline, publisher); with none of them, no actor.
#pragma once

#include "ingest/code/sentence_state.h"

namespace geotl::ingest::code {

// Adds the implicit agent to p->ev when it has no actor. Runs after
// PlaceEvent (it reads the event's place).
void AddImplicitAgent(const SentenceState& s, Predicate* p);

}  // namespace geotl::ingest::code
