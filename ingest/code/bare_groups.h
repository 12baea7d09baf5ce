// Bare groups: role nouns the recogniser emits without a country of their
// own ("soldiers", "gunmen", "protesters"; recognizer.h's placed
// mentions), and among them crowds of protesters. Used by the location
// stage (a crowd's act is at its place) and by retyping (what protesters
// demand beside their own act is their protest).
#pragma once

#include "core/event.h"
#include "ingest/code/sentence_state.h"

namespace geotl::ingest::code {

// A role noun without a country of its own: kind group, no country, code
// = sector.
bool BareGroup(const core::Actor& a);

// A bare group whose last word is one of protest_groups ("protesters",
// "die Demonstranten").
bool ProtestGroup(const SentenceState& s, const core::Actor& a);

}  // namespace geotl::ingest::code
