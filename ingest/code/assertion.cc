#include "ingest/code/assertion.h"

#include <algorithm>
#include <string_view>

#include "ingest/code/clauses.h"
#include "ingest/code/governors.h"
#include "ingest/code/retype.h"
#include "ingest/code/tokens.h"

namespace geotl::ingest::code {
namespace {

bool ClosingMark(std::string_view w) {
  return w == "\"" || w == "“" || w == "”" || w == "«" || w == "»" ||
         w == "'" || w == "’" || w == ")" || w == "''";
}

// "standard-gespräch" holds "standard"; "pressegespräch" starts with
// "presse" (a word of five letters or more as a compound's first part).
bool WordHolds(std::string_view word, const std::string& w) {
  if (word == w) return true;
  if (w.size() >= 5 && word.size() > w.size() && word.starts_with(w))
    return true;
  for (std::string_view part : WordParts(word, "-"))
    if (part == w) return true;
  return false;
}

// A word of the clause, or a compound ending in it when the word has six
// letters or more ("Wahlabschlussveranstaltung", "Sicherheitsprobleme").
bool ObjectHolds(std::string_view word, const std::string& w) {
  return word == w ||
         (w.size() >= 6 && word.size() > w.size() && word.ends_with(w));
}

}  // namespace

bool AssertsNothing(const SentenceState& s) {
  int last = s.n - 1;
  while (last >= 0 && s.toks[last].punct && ClosingMark(s.toks[last].lower))
    --last;
  return last >= 0 && s.toks[last].lower == "?";
}

bool InIndirectQuestion(const SentenceState& s, const TriggerHit& h) {
  const int first = s.clauses[s.clause_of[h.head]].first;
  for (int i = h.first - 1; i >= first && i >= h.first - 10; --i) {
    if (s.toks[i].punct) return false;
    if (s.cues.indirect_questions.Has(s.toks[i].lower)) return true;
  }
  return false;
}

bool TakenAsNoEvent(const SentenceState& s, const Predicate& p) {
  if (p.e.not_with.empty()) return false;
  const Clause& cl = s.clauses[p.ci];
  const int head = p.h.head;
  // A verb's object may stand anywhere in its clause; a noun's partner
  // follows it closely ("Gespräch mit dem STANDARD") or modifies it ("a
  // news release").
  // An English verb's object follows it closely ("demonstrated its
  // resolve", "rallied support", "was met with outrage"; not "protested
  // against the government's lack of support").
  const bool english_verb = !s.de && !p.noun;
  const int first = p.noun ? std::max(cl.first, head - 1) : cl.first;
  const int last =
      p.noun || english_verb ? std::min(cl.last, head + 4) : cl.last;
  // A word that only modifies an actor's name is not that word's sense:
  // "met the opposition leader" is a meeting, "met with opposition" none.
  const auto modifier = [&](int i) {
    const int at = s.mention_at[i];
    return at >= 0 && s.refs[at].last != i;
  };
  for (const std::string& w : p.e.not_with) {
    if (WordHolds(s.toks[head].lower, w)) return true;
    for (int i = first; i <= last; ++i)
      if (i != head && !modifier(i) && ObjectHolds(s.toks[i].lower, w))
        return true;
  }
  return false;
}

bool LacksNeededWord(const SentenceState& s, const Predicate& p) {
  if (p.e.needs_with.empty()) return false;
  // The story so far: the sentence and the ones before it. A word of
  // five letters or more counts inside a compound too.
  const std::string told = FoldCase(s.text.substr(0, s.end));
  for (const std::string& w : p.e.needs_with)
    if (w.size() >= 5
            ? told.find(w) != std::string::npos
            : HoldsWholeWord(told, w) || HoldsWholeWord(told, w + "s"))
      return false;
  return true;
}

namespace {

// The predicate is a noun that is one of `nouns` or a compound ending in one
// ("G8-Gipfel", "Eheöffnungsbefürworter").
bool NounEndsWithOneOf(const SentenceState& s, const Predicate& p,
                       const CueList& nouns) {
  if (!p.noun) return false;
  const std::string& noun = s.toks[p.h.head].lower;
  for (const std::string& w : nouns.words())
    if (noun.ends_with(w)) return true;
  return false;
}

}  // namespace

bool StanceNounNotPredicate(const SentenceState& s, const Predicate& p) {
  if (!NounEndsWithOneOf(s, p, s.cues.stance_person_nouns)) return false;
  const Clause& cl = s.clauses[p.ci];
  for (int i = cl.first; i < p.h.head; ++i)
    if (s.cues.copulas.Has(s.toks[i].lower)) return false;
  return true;
}

bool SettingOfAct(const SentenceState& s, const Predicate& p) {
  // The noun or a compound ending in it ("G8-Gipfel", "Gipfeltreffen").
  if (!NounEndsWithOneOf(s, p, s.cues.setting_nouns)) return false;
  // The partner's preposition right after the noun or in its phrase
  // ("meeting with").
  for (int i = p.h.head + 1; i <= p.h.last + 1 && i < s.n; ++i)
    if (s.cues.partner_preps.Has(s.toks[i].lower)) return false;
  // Another act the sentence tells ("NATO decided at … summit to invite").
  bool other_act = false;
  for (size_t j = 0; j < s.hits.size(); ++j)
    other_act = other_act || (static_cast<int>(j) != p.hit &&
                              s.absorbed[j] == kNotAbsorbed &&
                              !s.attributed[s.hits[j].head]);
  if (!other_act) return false;
  // Back over determiners, modifiers and names to the preposition.
  for (int i = p.h.first - 1; i >= 0 && i >= p.h.first - 7; --i) {
    const Token& t = s.toks[i];
    if (s.cues.setting_preps.Has(t.lower)) return true;
    if (t.punct && t.lower != "'") return false;
    if (s.cw[i] & (kAgentPreps | kRecipientPreps | kLocativePreps |
                   kBetweenPreps | kOtherPreps | kBackgroundPreps))
      return false;
  }
  return false;
}

bool HelpsBareVerb(const SentenceState& s, const Predicate& p) {
  if (s.de || p.noun || !s.cues.bare_verb_helpers.Has(s.toks[p.h.head].lower))
    return false;
  const int next = p.h.head + 1;
  if (next >= s.n || p.h.last != p.h.head) return false;
  const Token& t = s.toks[next];
  // Not an object: a determiner, pronoun, name, number, people noun or a
  // plural ("helped refugees").
  if (t.punct || t.capitalized || s.mention_at[next] >= 0 ||
      (s.cw[next] &
       (kDeterminers | kPronouns | kPeopleWords | kGovernedInfinitive)) ||
      t.lower.ends_with("s") || StartsWithDigit(t))
    return false;
  return true;
}

bool StrivingNotFighting(const SentenceState& s, const Predicate& p) {
  if (p.noun || p.e.mode != "clash") return false;
  const Clause& cl = s.clauses[p.ci];
  const int next = p.h.last + 1;
  // Soldiers or rebels "fighting to take control" do fight.
  for (int i = cl.first; i <= cl.last; ++i)
    if (const int at = s.mention_at[i];
        at >= 0 && s.refs[at].m->actor && Armed(*s.refs[at].m->actor))
      return false;
  // "is fighting to keep the boy": a marker and a bare verb after it.
  if (!s.de && next + 1 <= cl.last &&
      s.cues.striving_markers.Has(s.toks[next].lower)) {
    const Token& t = s.toks[next + 1];
    return !t.punct && !t.capitalized && s.mention_at[next + 1] < 0 &&
           !(s.cw[next + 1] & (kDeterminers | kPronouns)) &&
           !StartsWithDigit(t);
  }
  if (!s.de) return false;
  // "hatten mit Minusgraden zu kämpfen": "zu" before the verb and an
  // auxiliary of struggling in its clause.
  if (p.h.first > cl.first && s.toks[p.h.first - 1].lower == "zu")
    for (int i = cl.first; i <= cl.last; ++i)
      if (s.cues.struggle_auxiliaries.Has(s.toks[i].lower)) return true;
  // "für unsere Produktion zu kämpfen": a marker with no actor or place in
  // the three words after it ("die für den IS kämpfen" is a fight).
  bool marker = false;
  for (int i = cl.first; i <= cl.last; ++i) {
    if (!s.cues.striving_markers.Has(s.toks[i].lower)) continue;
    bool named = false;
    for (int j = i + 1; j <= i + 3 && j <= cl.last; ++j)
      named = named || s.mention_at[j] >= 0;
    if (named) return false;
    marker = true;
  }
  return marker;
}

bool OtherVerbsParticle(const SentenceState& s, const Predicate& p) {
  if (!s.de || p.noun || p.h.first != p.h.last) return false;
  const Clause& cl = s.clauses[p.ci];
  if (cl.subordinate) return false;
  // The word before the next punctuation mark (or the clause's end).
  int last = p.h.head + 1;
  while (last <= cl.last && !s.toks[last].punct) ++last;
  --last;
  return last > p.h.head && s.lex.ParticleClosesClause(s.toks, last);
}

// "the embassy blast that killed 10 people": the verb of a relative clause
// whose antecedent is a hostile act's noun the story already knows.
bool KnownActsRelative(const SentenceState& s, const Predicate& p) {
  const Clause& cl = s.clauses[p.ci];
  if (p.noun || !cl.subordinate || cl.first < 1 ||
      !(s.cs[cl.first] & kSubordinators))
    return false;
  int ante = cl.first - 1;
  if (s.toks[ante].lower == "," && ante > 0) --ante;
  // The antecedent: a hostile event noun, or a word for an incident
  // (cue list incident_nouns: "blast", "explosion").
  int first = -1;
  if (s.cues.incident_nouns.Has(s.toks[ante].lower)) first = ante;
  for (const TriggerHit& h : s.hits)
    if (h.head == ante && HitIsNoun(s, h) &&
        TypeOf(s.lex.entry(h.entry).type).hostile)
      first = h.first;
  if (first < 0) return false;
  // The story knows it: a definite determiner before it ("the embassy
  // blast").
  for (int i = std::max(0, first - 3); i < first; ++i)
    if (s.cw[i] & kKnownDeterminers) return true;
  return false;
}

bool KnownAct(const SentenceState& s, const Predicate& p) {
  if (s.ctx.sentence >= 1 && TypeOf(p.e.type).hostile &&
      KnownActsRelative(s, p))
    return true;
  if (s.ctx.sentence < 1 || !p.noun || !TypeOf(p.e.type).hostile) return false;
  const int head = p.h.head;
  const Clause& cl = s.clauses[p.ci];
  // "the bombings of the U.S. Embassies", "der Anschlag auf …": the act
  // told in full, which the story may be reporting anew.
  constexpr uint64_t kPreps = kAgentPreps | kRecipientPreps | kLocativePreps |
                              kBetweenPreps | kOtherPreps | kGenitiveMarkers;
  if (head + 1 < s.n && (s.cw[head + 1] & kPreps)) return false;
  for (int i = std::max(cl.first, head - 2); i < head; ++i)
    if (s.cw[i] & kKnownDeterminers) return true;
  return false;
}

bool SpeakersOwnView(const SentenceState& s, const Predicate& p) {
  if (!p.ev.recipients.empty()) return false;
  // A quote the article attributes ("…, so der ASGB") reports the
  // speaker's act; an interview answer has no such attribution.
  for (int i = 0; i < s.n; ++i)
    if (s.attributed[i]) return false;
  return HasFirstPersonSubject(s, p.ci);
}

bool CommentatorsView(const SentenceState& s, const Predicate& p) {
  if (p.actor_group < 0) return false;
  const Group& g = s.groups[p.actor_group];
  return !g.members.empty() &&
         std::all_of(g.members.begin(), g.members.end(),
                     [](const Mention* m) { return m->commentator; });
}

bool MishapHarm(const SentenceState& s, const Predicate& p) {
  if (!p.ev.actors.empty() || !TypeOf(p.ev.type).force) return false;
  for (int i = 0; i < s.n; ++i) {
    const std::string& w = s.toks[i].lower;
    for (const std::string& m : s.cues.mishap_nouns.words())
      if (w.size() >= m.size() && w.ends_with(m)) return true;
  }
  return false;
}

}  // namespace geotl::ingest::code
