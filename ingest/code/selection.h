// Selection: one predicate, one event. In a clause the verb's event beats
// event nouns beside it ("besorgt über die Teilnahme"), of several nouns
// the most confident stays, and a sentence keeps one event per type and
// status; a report verb yields a STATEMENT only when nothing else was
// coded. Confidences end clamped to [0.05, 0.95] and rounded to 0.01.
#pragma once

#include <string_view>
#include <vector>

#include "ingest/code/sentence_coder.h"
#include "ingest/code/trigger_lexicon.h"

namespace geotl::ingest::code {

// The kept events, in the order of their first candidate. With `dropped`,
// each candidate not kept is told there, with the one it went into.
std::vector<CandidateEvent> SelectEvents(
    const TriggerLexicon& lex, std::vector<CandidateEvent> cands,
    std::string_view text, std::vector<DroppedReading>* dropped = nullptr);

}  // namespace geotl::ingest::code
