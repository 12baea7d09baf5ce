// Location: the place after a locative preposition nearest the trigger
// ("in Tokio"), a visit's object ("besuchte Paris"), else the one country
// of all parties of a domestic act. A protest with no actor is by the
// people of its place; a material act in a foreign country makes that
// country its recipient.
#pragma once

#include <optional>
#include <string>

#include "core/event.h"
#include "ingest/code/sentence_state.h"

namespace geotl::ingest::code {

// Sets p->ev.location; may add protesters as actors and the place's
// country as recipient.
void PlaceEvent(const SentenceState& s, Predicate* p);

}  // namespace geotl::ingest::code
