// Roles: who acts and who is acted on. Actors: the agent of a passive or a
// noun ("von", "by"), a mention on or before a noun trigger ("US-Angriff"),
// the clause's subject (English: nearest bare group before the trigger;
// German: the first, verb second), else fallbacks (antecedent, genitive,
// main clause, speaker, context). Recipients: up to two groups in scope.
#pragma once

#include "ingest/code/sentence_state.h"

namespace geotl::ingest::code {

// Sets p->ev.actors, inherited_actors and actor_fallback, p->actor_group
// and p->agent; appends to p->ev.rule.
void FindActors(const SentenceState& s, Predicate* p);

// Sets p->ev.recipients (and moves "zwischen"/symmetric pairs to actors).
void FindRecipients(const SentenceState& s, Predicate* p);

}  // namespace geotl::ingest::code
