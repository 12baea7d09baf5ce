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

// The person who answers most often in an interview's turns ("Jagland:
// …"); none in an article without such turns. `mentions[i]` are the
// recogniser's mentions of `sentences[i]`.
std::optional<core::Actor> FindInterviewee(
    std::string_view text, const std::vector<Sentence>& sentences,
    const std::vector<std::vector<Mention>>& mentions);

}  // namespace geotl::ingest::code
