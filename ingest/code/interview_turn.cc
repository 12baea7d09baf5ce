#include "ingest/code/interview_turn.h"

#include <map>

#include "ingest/code/tokens.h"

namespace geotl::ingest::code {
namespace {

// The colon after one to three capitalised words that open the sentence,
// or -1.
int TurnColon(const std::vector<Token>& toks) {
  for (int i = 0; i < static_cast<int>(toks.size()) && i < 4; ++i) {
    const Token& t = toks[i];
    if (t.lower == ":")
      return i >= 1 && i + 1 < static_cast<int>(toks.size()) ? i : -1;
    if (t.punct || !t.capitalized) return -1;
  }
  return -1;
}

}  // namespace

std::optional<core::Actor> FindInterviewee(
    std::string_view text, const std::vector<Sentence>& sentences,
    const std::vector<std::vector<Mention>>& mentions) {
  std::vector<Token> toks;
  std::map<std::string, std::pair<int, core::Actor>> answers;  // by code+name
  for (size_t si = 0; si < sentences.size() && si < mentions.size(); ++si) {
    toks.clear();
    Tokenize(text, sentences[si].start, sentences[si].end, &toks);
    const int colon = TurnColon(toks);
    if (colon < 0) continue;
    for (const Mention& m : mentions[si])
      if (m.start == toks[0].start && m.end == toks[colon - 1].end && m.actor &&
          m.actor->kind == core::ActorKind::kPerson) {
        auto& [n, actor] = answers[m.actor->code + "|" + m.actor->text];
        if (n++ == 0) actor = *m.actor;
      }
  }
  std::optional<core::Actor> best;
  int most = 0;
  for (const auto& [key, entry] : answers)
    if (entry.first > most) {
      most = entry.first;
      best = entry.second;
    }
  return best;
}

void ReadInterviewTurn(SentenceState* s) {
  s->speaker = s->ctx.turn_speaker;
  s->question_turn = s->ctx.question_turn;
  const int colon = TurnColon(s->toks);
  if (colon < 0) return;
  s->out.opens_turn = true;
  s->out.turn_speaker.reset();
  for (const MentionRef& r : s->refs)
    if (r.first == 0 && r.last == colon - 1 && r.m->actor &&
        r.m->actor->kind == core::ActorKind::kPerson)
      s->out.turn_speaker = *r.m->actor;
  s->speaker = s->out.turn_speaker;
  s->question_turn = !s->out.turn_speaker.has_value();
}

}  // namespace geotl::ingest::code
