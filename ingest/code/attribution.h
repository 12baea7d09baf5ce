// Attribution: the parts of a sentence that name a source, not an event.
// A lead at a clause start ("Laut X", "According to X") up to the source's
// end; the last clause when it holds a reporting verb and no action ("…,
// berichtet Business Insider.", "…, officials said."); German "X zufolge".
// Triggers and actors inside an attribution are not the event's.
#pragma once

#include "ingest/code/sentence_state.h"

namespace geotl::ingest::code {

// Fills s->attributed; marks a tail clause as attribution. Needs clauses
// and hits.
void MarkAttribution(SentenceState* s);

}  // namespace geotl::ingest::code
