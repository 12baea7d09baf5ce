#include "ingest/code/sentence_coder.h"

#include <algorithm>

#include "ingest/code/assertion.h"
#include "ingest/code/attribution.h"
#include "ingest/code/clauses.h"
#include "ingest/code/gazetteer_place.h"
#include "ingest/code/governors.h"
#include "ingest/code/groups.h"
#include "ingest/code/implicit_agent.h"
#include "ingest/code/interview_turn.h"
#include "ingest/code/location.h"
#include "ingest/code/mentions.h"
#include "ingest/code/numbers.h"
#include "ingest/code/owners.h"
#include "ingest/code/retype.h"
#include "ingest/code/roles.h"
#include "ingest/code/rule_score.h"
#include "ingest/code/selection.h"
#include "ingest/code/sentence_state.h"
#include "ingest/code/status.h"

namespace geotl::ingest::code {
namespace {

const char* PosName(TriggerPos pos) {
  return pos == TriggerPos::kNoun        ? "noun"
         : pos == TriggerPos::kAdjective ? "adj"
                                         : "verb";
}

// The candidate as the trigger alone makes it: type, span, clause, and the
// action it governs (whose clause widens the scope for objects).
Predicate StartPredicate(const SentenceState& s, int hi) {
  const TriggerHit& h = s.hits[hi];
  Predicate p{.h = h, .e = s.lex.entry(h.entry)};
  const TriggerEntry& e = p.e;
  p.hit = hi;
  p.role = HitRole(s, h);
  p.ci = s.clause_of[h.head];
  p.noun = HitIsNoun(s, h);
  const Clause& cl = s.clauses[p.ci];
  p.scope_last = cl.last;
  CandidateEvent& ev = p.ev;
  ev.entry = h.entry;
  ev.type = e.type;
  ev.mode = e.mode;
  ev.cameo = e.cameo;
  ev.label = e.label;
  ev.compound = h.compound;
  ev.noun = p.noun;
  if (p.noun) {
    const NounPreposition prep = PrepositionBeforeNoun(s, h);
    p.prep_at = prep.at;
    p.prep_before = prep.bits;
  }
  ev.in_phrase = p.prep_before != 0;
  ev.participle = !s.de && !p.noun && s.toks[h.first].lower.ends_with("ing") &&
                  (h.first == 0 ||
                   !(s.cw[h.first - 1] & (kPassiveAux | kGovernedInfinitive)) &&
                       !s.cues.nonfinite_aux.Has(s.toks[h.first - 1].lower));
  ev.purpose = !s.de && !p.noun && GovernedInfinitive(s, h);
  ev.attribute = s.de && !p.noun && InflectedGeParticiple(s, h.head);
  ev.trigger_start = s.toks[h.head].start;
  ev.trigger_end = s.toks[h.head].end;
  ev.clause_start = s.toks[cl.first].start;
  ev.clause_end = s.toks[cl.last].end;
  ev.rule = "trigger " + e.id + " (" + PosName(e.pos) + ")";
  if (const int g = s.governs[hi]; g >= 0) {
    ev.content_entry = s.hits[g].entry;
    ev.rule += "; governs " + s.lex.entry(ev.content_entry).id;
    p.scope_last =
        std::max(p.scope_last, s.clauses[s.clause_of[s.hits[g].head]].last);
  }
  if (s.background[hi]) ev.rule += "; background (temporal phrase)";
  return p;
}

// A trigger inside a quotation of at least kQuoteMinWords words, in a
// clause with no first-person subject: what the speaker says ("``These
// bombings will not cause America to back down,'' she declared", "the
// clearest demonstration of the fact that …"), not an act the article
// reports; the speaker's own act ("we demand", "ziehen wir Protestaktionen
// in Erwägung") stays. Short quoted words are a label ("``worldwide
// caution''", "wenig erfreut"). Of 11 English dev events inside quotes,
// none was right.
bool QuotedWords(const SentenceState& s, const TriggerHit& h) {
  constexpr int kQuoteMinWords = 4;
  const int ci = s.clause_of[h.head];
  const Clause& cl = s.clauses[ci];
  return cl.quote && cl.quote_words >= kQuoteMinWords &&
         !HasFirstPersonSubject(s, ci);
}

}  // namespace

SentenceResult SentenceCoder::Code(std::string_view text, size_t start,
                                   size_t end,
                                   const std::vector<Mention>& mentions,
                                   const SentenceContext& ctx) const {
  thread_local std::vector<Token> toks;
  thread_local std::vector<uint64_t> cw, cs;  // cue masks per token
  Tokenize(text, start, end, &toks);
  if (toks.empty()) return SentenceResult();
  cues_.Annotate(toks, &cw, &cs);
  SentenceState s{.text = text,
                  .start = start,
                  .end = end,
                  .ctx = ctx,
                  .lex = lex_,
                  .cues = cues_,
                  .de = lex_.language() == "de",
                  .toks = toks,
                  .cw = cw,
                  .cs = cs,
                  .n = static_cast<int>(toks.size())};
  MapMentions(mentions, &s);
  ReadInterviewTurn(&s);
  SplitClauses(&s);
  lex_.Match(toks, &s.hits);
  DropActorNames(&s);
  MarkAttribution(&s);
  FindGroups(&s);
  CollectOwners(&s);
  ReadGovernors(&s);

  std::vector<CandidateEvent> cands;
  // A question codes no events; its persons and owners still serve the
  // sentences after it.
  const bool question = AssertsNothing(s);
  for (int hi = 0; hi < static_cast<int>(s.hits.size()); ++hi) {
    // Tells explain why the trigger made no event; builds nothing without.
    const auto skip = [&](std::string_view why) {
      if (!ctx.want_dropped) return;
      const TriggerHit& h = s.hits[hi];
      const TriggerEntry& e = s.lex.entry(h.entry);
      s.out.dropped.push_back(DroppedReading{
          s.toks[h.head].start, s.toks[h.head].end,
          "no event: " + e.type + " / " + e.label + ", " + std::string(why)});
    };
    if (question) {
      skip("a question asserts nothing");
      continue;
    }
    if (const int g = s.absorbed[hi]; g != kNotAbsorbed) {
      if (ctx.want_dropped && g == kAttributive) {
        skip("an attributive participle describes a noun");
      } else if (ctx.want_dropped) {
        const Token& gt = s.toks[s.hits[g].head];
        skip("what \"" +
             std::string(s.text.substr(gt.start, gt.end - gt.start)) +
             "\" says or intends (one event with it)");
      }
      continue;
    }
    if (InIndirectQuestion(s, s.hits[hi])) {
      skip("an indirect question asserts nothing");
      continue;
    }
    if (s.attributed[s.hits[hi].head]) {
      skip("names who is quoted (attribution)");
      continue;
    }
    if (QuotedWords(s, s.hits[hi])) {
      skip("the words of a quotation, not an act it reports");
      continue;
    }
    Predicate p = StartPredicate(s, hi);
    // A light verb ("eine Entscheidung treffen") or an interview.
    if (TakenAsNoEvent(s, p)) {
      skip(
          "a word beside it says it is no act (not_with: a light verb, an "
          "interview, \"declined to comment\")");
      continue;
    }
    if (LacksNeededWord(s, p)) {
      skip(
          "none of the words it needs beside it (needs_with: a bomb, an "
          "attacker)");
      continue;
    }
    if (StanceNounNotPredicate(s, p)) {
      skip("names people by their stance, not as a predicate (no copula)");
      continue;
    }
    if (SettingOfAct(s, p)) {
      skip("the setting of another act (at the summit)");
      continue;
    }
    if (StrivingNotFighting(s, p)) {
      skip("a struggle, not a fight (fighting to keep, zu kämpfen haben)");
      continue;
    }
    if (HelpsBareVerb(s, p)) {
      skip("help before a bare verb: the act helped is the event");
      continue;
    }
    if (OtherVerbsParticle(s, p)) {
      skip("another verb: a separable particle closes its clause");
      continue;
    }
    if (KnownAct(s, p)) {
      skip("an act already told");
      continue;
    }
    if (Commemorated(s, p.h, p.noun || EnglishNounUse(s, p.h))) {
      skip("an act long past that an anniversary remembers");
      continue;
    }
    if (ModifiesNoun(s, p.h, p.noun)) {
      skip("a noun modifying the noun after it");
      continue;
    }
    // A thing no verb acts on ("im Rahmen einer Kooperation").
    if (p.noun && p.e.needs_verb && !NounIsObject(s, p.h)) {
      skip("a noun no verb acts on");
      continue;
    }
    if (HabitualAct(s, p)) {
      skip("a habit: its clause says it is done again and again");
      continue;
    }
    ReadModality(s, &p);
    FindActors(s, &p);
    FindRecipients(s, &p);
    if (SpeakersOwnView(s, p)) {
      skip("the speaker's own view");
      continue;
    }
    if (CommentatorsView(s, p)) {
      skip("a commentator's view: no political act");
      continue;
    }
    if (MishapHarm(s, p)) {
      skip("harm by nature or accident: no act");
      continue;
    }
    ApplyJoint(s, &p);
    ApplyCrowd(&p);
    ApplyVerbal(s, &p);
    ApplyMaterial(s, &p);
    ApplyProtestDemand(s, &p);
    p.ev.status = DecideStatus(p);
    ApplyRefusal(&p);
    PlaceEvent(s, &p);
    AddImplicitAgent(s, &p);
    CountNumbers(s, &p.ev);
    p.ev.confidence = RuleScore(s, p);
    if (auto stated = IntentEvent(p))
      cands.push_back(std::move(*stated));
    else
      cands.push_back(std::move(p.ev));
  }
  s.out.events = SelectEvents(lex_, std::move(cands), text,
                              ctx.want_dropped ? &s.out.dropped : nullptr);
  if (ctx.want_places) s.out.places = PlaceReadings(s);
  return std::move(s.out);
}

}  // namespace geotl::ingest::code
