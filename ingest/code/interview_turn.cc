#include "ingest/code/interview_turn.h"

namespace geotl::ingest::code {

void ReadInterviewTurn(SentenceState* s) {
  s->speaker = s->ctx.turn_speaker;
  // The colon after one to three capitalised words that open the sentence.
  int colon = -1;
  for (int i = 0; i < s->n && i < 4; ++i) {
    const Token& t = s->toks[i];
    if (t.lower == ":") {
      colon = i;
      break;
    }
    if (t.punct || !t.capitalized) return;
  }
  if (colon < 1 || colon + 1 >= s->n) return;
  s->out.opens_turn = true;
  s->out.turn_speaker.reset();
  for (const MentionRef& r : s->refs)
    if (r.first == 0 && r.last == colon - 1 && r.m->actor &&
        r.m->actor->kind == core::ActorKind::kPerson)
      s->out.turn_speaker = *r.m->actor;
  s->speaker = s->out.turn_speaker;
}

}  // namespace geotl::ingest::code
