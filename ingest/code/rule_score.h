// The rule-based confidence of a candidate event, before calibration
// (confidence.h) and before rounding: a verb, named actors, a recipient,
// the main clause and the sentence's first main clause raise it; weak
// triggers, negation, hypotheticals, report verbs and background nouns
// lower it.
#pragma once

#include "ingest/code/sentence_state.h"

namespace geotl::ingest::code {

// Reads p's trigger, roles and status (p.ev.status must be decided).
double RuleScore(const SentenceState& s, const Predicate& p);

}  // namespace geotl::ingest::code
