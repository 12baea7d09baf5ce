// Numbers: the dead of an act of force or a protest ("12 Tote", "three
// soldiers were killed") and the size of a protest ("5000 Demonstranten").
// A number is digits (not a year) or a number word of the cue lexicon; what
// it counts is one of the next three words.
#pragma once

#include "ingest/code/sentence_state.h"

namespace geotl::ingest::code {

// Sets ev->fatalities and ev->size where the sentence gives them.
void CountNumbers(const SentenceState& s, CandidateEvent* ev);

}  // namespace geotl::ingest::code
