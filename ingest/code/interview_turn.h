// Interview turns: a sentence opening with a name and a colon ("Poposki:
// Wir koordinieren …", "STANDARD: Österreich will …") starts a turn. A
// person named there answers until the next turn; the "wir" and "ich" of
// the answer are that person. A turn opened by anyone else (the
// newspaper's questions) is the interviewer's: its polite "Sie" is the
// interviewee, the person who answers most turns of the article. Needs
// mentions.
#pragma once

#include "ingest/code/sentence_state.h"

namespace geotl::ingest::code {

// Sets s->speaker (this sentence's answerer, if any) and, when the
// sentence opens a turn, s->out.opens_turn and s->out.turn_speaker.
void ReadInterviewTurn(SentenceState* s);

// The colon closing the one to three capitalised words that open a turn
// ("STANDARD:", "Jagland:"), or -1.
int TurnColon(const std::vector<Token>& toks);

// In the interviewer's turn, the subject of `p`, the verb of a main clause,
// is the polite "Sie" (right after the verb, or opening the sentence or
// the turn) with no nominative after it: "STANDARD: Gestern trafen Sie den
// UN-Hochkommissar …", not "Dann kritisierte Sie der Kanzler".
bool InterviewerSie(const SentenceState& s, const Predicate& p);

// The person who answers most often in an interview's turns ("Jagland:
// …"); none in an article without such turns. `mentions[i]` are the
// recogniser's mentions of `sentences[i]`.
std::optional<core::Actor> FindInterviewee(
    std::string_view text, const std::vector<Sentence>& sentences,
    const std::vector<std::vector<Mention>>& mentions);

}  // namespace geotl::ingest::code
