#include "ingest/code/interview_turn.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "ingest/code/tokens.h"

namespace geotl::ingest::code {

int TurnColon(const std::vector<Token>& toks) {
  for (int i = 0; i < static_cast<int>(toks.size()) && i < 4; ++i) {
    const Token& t = toks[i];
    if (t.lower == ":")
      return i >= 1 && i + 1 < static_cast<int>(toks.size()) ? i : -1;
    if (t.punct || !t.capitalized) return -1;
  }
  return -1;
}

bool InterviewerSie(const SentenceState& s, const Predicate& p) {
  if (!s.de || !s.question_turn || !s.ctx.interviewee || p.passive ||
      s.toks[p.h.head].capitalized)
    return false;
  const Clause& cl = s.clauses[p.ci];
  if (cl.subordinate) return false;
  const int verb = p.h.first < p.h.head ? p.h.first : p.h.head;
  int first = 0;
  while (first < s.n && s.toks[first].punct) ++first;
  if (const int colon = TurnColon(s.toks); colon >= 0) first = colon + 1;
  for (int k : {first, verb + 1})
    if (k >= cl.first && k <= cl.last && s.toks[k].lower == "sie" &&
        s.toks[k].capitalized)
      // "kritisierte Sie der Kanzler": a nominative after it is the
      // subject (read as its genitive by the groups).
      return k + 1 >= s.n || s.toks[k + 1].lower != "der";
  return false;
}

std::optional<core::Actor> FindInterviewee(
    std::string_view text, const std::vector<Sentence>& sentences,
    const std::vector<std::vector<Mention>>& mentions) {
  std::vector<Token> toks;
  // By code and name: turns answered, first sentence, the person.
  std::map<std::string, std::tuple<int, size_t, core::Actor>> answers;
  for (size_t si = 0; si < sentences.size() && si < mentions.size(); ++si) {
    // A turn's colon comes within its first few words.
    const std::string_view head = text.substr(
        sentences[si].start,
        std::min<size_t>(sentences[si].end - sentences[si].start, 80));
    if (head.find(':') == std::string_view::npos) continue;
    toks.clear();
    Tokenize(text, sentences[si].start, sentences[si].end, &toks);
    const int colon = TurnColon(toks);
    if (colon < 0) continue;
    for (const Mention& m : mentions[si])
      if (m.start == toks[0].start && m.end == toks[colon - 1].end && m.actor &&
          m.actor->kind == core::ActorKind::kPerson) {
        auto& [n, at, actor] = answers[m.actor->code + "|" + m.actor->text];
        if (n++ == 0) {
          at = si;
          actor = *m.actor;
        }
      }
  }
  // The most turns; of equals, the one who answers first.
  const std::tuple<int, size_t, core::Actor>* best = nullptr;
  for (const auto& [key, entry] : answers)
    if (!best || std::get<0>(entry) > std::get<0>(*best) ||
        (std::get<0>(entry) == std::get<0>(*best) &&
         std::get<1>(entry) < std::get<1>(*best)))
      best = &entry;
  if (!best) return std::nullopt;
  return std::get<2>(*best);
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
