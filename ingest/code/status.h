// Status: whether the event occurred, is negated, hypothetical or planned,
// from cues in the trigger's clause (English: before it) and, in German,
// "werden"/"zu" + infinitive (plans), hearsay ("soll … worden sein") and a
// passive with a "von"-agent. A governor's own act occurred unless negated
// or hypothetical.
#pragma once

#include <string>

#include "core/event.h"
#include "ingest/code/sentence_state.h"

namespace geotl::ingest::code {

// Sets p->negated, hypothetical, intent, planned and passive.
void ReadModality(const SentenceState& s, Predicate* p);

// An act its clause says is done again and again ("die ständig Forderungen
// erhebt", "routinely sends … back", "has been arrested a dozen times"): a
// habit, no event of a day.
bool HabitualAct(const SentenceState& s, const Predicate& p);

// The status those flags give.
core::EventStatus DecideStatus(const Predicate& p);

// A past participle by the language's affixes ("ge…", "…iert", "fest-ge…",
// "…ed") or irregular forms ("held").
bool IsParticiple(const Cues& cues, const std::string& w);

// A German ge-participle with an adjective's ending before a noun ("den …
// am Freitag festgenommenen Rabah N.", "die geforderte Aufnahme"): an
// attribute, never the clause's finite verb.
bool InflectedGeParticiple(const SentenceState& s, int head);

}  // namespace geotl::ingest::code
