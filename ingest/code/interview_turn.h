// Interview turns: a sentence opening with a name and a colon ("Poposki:
// Wir koordinieren …", "STANDARD: Österreich will …") starts a turn. A
// person named there answers until the next turn; the "wir" and "ich" of
// the answer are that person. A turn opened by anyone else (the
// newspaper's questions) has no speaker. Needs mentions.
#pragma once

#include "ingest/code/sentence_state.h"

namespace geotl::ingest::code {

// Sets s->speaker (this sentence's answerer, if any) and, when the
// sentence opens a turn, s->out.opens_turn and s->out.turn_speaker.
void ReadInterviewTurn(SentenceState* s);

}  // namespace geotl::ingest::code
