#include "ingest/code/governors.h"

#include <algorithm>

#include "ingest/code/status.h"

namespace geotl::ingest::code {

bool HitIsNoun(const SentenceState& s, const TriggerHit& h) {
  if (s.lex.entry(h.entry).pos == TriggerPos::kNoun || h.compound) return true;
  if (s.de) {
    if (!s.toks[h.head].capitalized || h.head == 0) return false;
    // A participle right after a dateline's dash or a colon opens its
    // sentence ("Luxemburg – Angeklagt sind zwei Ex-Mitarbeiter").
    return !(s.cues.opening_marks.Has(s.toks[h.head - 1].lower) &&
             IsParticiple(s.cues, s.toks[h.head].lower));
  }
  // English: a verb's form after a determiner or a possessive is its noun
  // ("the bombings", "its invasion", "Iraq's refusal").
  const int q = h.first - 1;
  return q >= 0 && ((s.cw[q] & kDeterminers) || s.toks[q].lower == "'s" ||
                    s.toks[q].lower.ends_with("'s"));
}

namespace {

// English: a word inside an act's noun phrase before its head: a name, a
// number, an abbreviation's dot, a listed modifier or an adjective by its
// suffix ("Nairobi", "Aug", ".", "7", "car", "terrorist").
bool IsNounModifier(const SentenceState& s, int i) {
  const Token& t = s.toks[i];
  if (t.lower == ".") return i > 0 && !s.toks[i - 1].punct;
  // An analyst's bracket around a name in the phrase: "a [al Shabaab] raid".
  if (t.lower == "[" || t.lower == "]") return true;
  if (t.punct || (s.cw[i] & kDeterminers)) return false;
  if (t.capitalized) return i > 0;
  if (StartsWithDigit(t)) return true;
  if (s.cues.noun_modifiers.Has(t.lower)) return true;
  for (const std::string& suffix : s.cues.adjective_suffixes.words())
    if (t.lower.size() > suffix.size() + 2 && t.lower.ends_with(suffix))
      return true;
  return false;
}

}  // namespace

bool EnglishNounUse(const SentenceState& s, const TriggerHit& h) {
  // A past form is the verb of a subject before it ("the Israeli army
  // forced out …").
  if (s.de || s.toks[h.first].lower.ends_with("ed")) return false;
  int q = h.first - 1;
  bool named = false;  // a name stood between ("the Nairobi bombing")
  for (; q >= 0 && IsNounModifier(s, q); --q) named |= s.toks[q].capitalized;
  if (q < 0) return false;
  if ((s.cw[q] & kDeterminers) || s.toks[q].lower.ends_with("'s")) return true;
  // After a preposition, a name is the place of a clause's subject
  // ("residents in Zliten blew up …").
  if (named) return false;
  constexpr uint64_t kPreps = kAgentPreps | kRecipientPreps | kLocativePreps |
                              kBetweenPreps | kOtherPreps | kBackgroundPreps;
  if (!(s.cw[q] & kPreps)) return false;
  // A preposition right before the form: a plural noun ("in attacks"), not
  // a gerund ("by attacking").
  const std::string& w = s.toks[h.first].lower;
  return q + 1 < h.first || (w.ends_with("s") && !w.ends_with("ss"));
}

bool ModifiesNoun(const SentenceState& s, const TriggerHit& h, bool noun) {
  const int next = h.last + 1;
  if (next >= s.n || s.toks[next].capitalized) return false;
  const std::string& w = s.toks[next].lower;
  if (noun) return s.cues.compound_heads.Has(w);
  return s.toks[h.last].lower.ends_with("ing") && s.cues.gerund_heads.Has(w);
}

bool Commemorated(const SentenceState& s, const TriggerHit& h, bool noun) {
  if (!noun) return false;
  for (int q = h.first - 1; q >= 0 && q >= h.first - 6; --q) {
    const Token& t = s.toks[q];
    if (t.punct && t.lower != ".") return false;
    if (s.cues.commemorations.Has(t.lower)) return true;
  }
  return false;
}

namespace {

constexpr uint64_t kNounPhrasePreps =
    kAgentPreps | kRecipientPreps | kLocativePreps | kBetweenPreps |
    kOtherPreps | kBackgroundPreps | kPurposePreps;

// The word before a noun's phrase: before its determiner when there is one
// ("möchten | die militärische Zusammenarbeit"), else before the lower-case
// modifiers if a preposition precedes them ("mit | militärischer
// Zusammenarbeit"), else the word right before the noun. -1 at the start.
int WordBeforeNounPhrase(const SentenceState& s, const TriggerHit& h) {
  int q = h.first - 1;
  for (int k = h.first - 1; k >= 0 && k >= h.first - 4; --k) {
    const Token& t = s.toks[k];
    if (s.cw[k] & kDeterminers) {
      q = k - 1;
      break;
    }
    if (t.punct || t.capitalized || (s.cw[k] & kNounPhrasePreps)) {
      if (s.cw[k] & kNounPhrasePreps) q = k;
      break;
    }
  }
  return q;
}

}  // namespace

bool NounIsObject(const SentenceState& s, const TriggerHit& h) {
  const int q = WordBeforeNounPhrase(s, h);
  if (q < 0 || s.toks[q].punct) return false;    // opens the clause
  if (s.cw[q] & kNounPhrasePreps) return false;  // a prepositional phrase
  // A genitive attribute ("die Kritik der Opposition") follows a noun with
  // a genitive determiner; after "eine", "den", "die" the noun is an
  // object wherever the clause puts it ("hat am Montag eine Einigung
  // erzielt").
  if (s.de && s.toks[q].capitalized) {
    const int det = q + 1;
    // A word capitalised as the clause's first ("Auch die …") opens the
    // clause: the noun phrase is its subject.
    if (det >= h.first || !(s.cw[det] & kDeterminers) ||
        (s.cw[det] & kGenitiveMarkers) || q == 0 || s.toks[q - 1].punct ||
        q == s.clauses[s.clause_of[q]].first)
      return false;
  }
  if (!s.de && (s.toks[q].lower == "of" || s.toks[q].capitalized)) return false;
  return true;
}

NounPreposition PrepositionBeforeNoun(const SentenceState& s,
                                      const TriggerHit& h) {
  const int q = WordBeforeNounPhrase(s, h);
  const uint64_t bits = q >= 0 ? (s.cw[q] & kNounPhrasePreps) : 0;
  return bits ? NounPreposition{q, bits} : NounPreposition{};
}

TriggerRole HitRole(const SentenceState& s, const TriggerHit& h) {
  TriggerRole r = s.lex.entry(h.entry).role;
  if (r == TriggerRole::kGovernor && HitIsNoun(s, h)) r = TriggerRole::kContent;
  return r;
}

// "to allow", "zu erlauben", "zuzulassen": the hit is an infinitive.
bool GovernedInfinitive(const SentenceState& s, const TriggerHit& h) {
  if (h.first > 0 && (s.cw[h.first - 1] & kGovernedInfinitive)) return true;
  // "sich von … zu distanzieren": "zu" before the verb of a reflexive form.
  if (h.head > h.first && (s.cw[h.head - 1] & kGovernedInfinitive)) return true;
  const std::string& word = s.toks[h.head].lower;
  if (word.size() > 6)
    for (const std::string& prefix : s.cues.zu_infinitive_prefixes.words())
      if (word.starts_with(prefix)) return true;
  return false;
}

namespace {

// A noun trigger after a temporal or concessive preposition, over
// determiners and lower-case words ("nach der Kapitulation", "after talks").
bool InTemporalPhrase(const SentenceState& s, const TriggerHit& h) {
  for (int q = h.head - 1, st = 0; q >= 0 && st < 3; --q, ++st) {
    if (s.cw[q] & kBackgroundPreps) return true;
    if (!(s.cw[q] & kDeterminers) && (s.toks[q].capitalized || s.toks[q].punct))
      break;
  }
  return false;
}

// An English verb in the past tense, active or passive, that no perfect or
// infinitive holds ("staged", "was beaten", "took", not "had killed", "to
// be released", "having beaten"): a finite verb of its own, which ends the
// governor's object: "A group demanding housing staged a protest", "A man
// accused of stealing goats was beaten to death".
bool FinitePastVerb(const SentenceState& s, const TriggerHit& h) {
  if (s.de || HitIsNoun(s, h) || GovernedInfinitive(s, h)) return false;
  const std::string& w = s.toks[h.first].lower;
  if (!w.ends_with("ed") && !s.cues.irregular_participles.Has(w) &&
      !s.cues.irregular_pasts.Has(w))
    return false;
  const int q = h.first - 1;
  return q < 0 || !s.cues.nonfinite_aux.Has(s.toks[q].lower);
}

// English: hit `o` is the verb of a content clause without "that" after
// governor `g` ("alleging Gonzalez abused his wife", "denied he ordered
// the raid"): the governor is one of content_clause_verbs and between the
// two stand at most three words, none of them punctuation, a preposition,
// a conjunction or a verb's particle: the clause's subject.
bool ThatlessContent(const SentenceState& s, const TriggerHit& g,
                     const TriggerHit& o) {
  if (s.de || !s.cues.content_clause_verbs.Has(s.toks[g.head].lower))
    return false;
  const int from = g.last + 1, to = o.first;
  if (to - from < 1 || to - from > 3) return false;
  constexpr uint64_t kBreaks = kAnyPrep | kCoordination | kSubordinators |
                               kGovernedInfinitive | kRelatives;
  for (int i = from; i < to; ++i)
    if (s.toks[i].punct || (s.cw[i] & kBreaks)) return false;
  return true;
}

// Marks the hits governor `hi` takes over; the first becomes its content.
void Govern(SentenceState* s, size_t hi) {
  const auto& hits = s->hits;
  const int ci = s->clause_of[hits[hi].head];
  const int limit_clause =
      std::min<int>(ci + 2, static_cast<int>(s->clauses.size()) - 1);
  auto take = [&](size_t hj) {
    if (s->absorbed[hj] == kNotAbsorbed && s->governs[hi] < 0)
      s->governs[hi] = static_cast<int>(hj);
    if (s->absorbed[hj] == kNotAbsorbed) s->absorbed[hj] = static_cast<int>(hi);
  };
  for (size_t hj = hi + 1; hj < hits.size(); ++hj) {
    const TriggerHit& o = hits[hj];
    if (s->clause_of[o.head] > limit_clause || s->attributed[o.head]) break;
    TriggerRole orole = HitRole(*s, o);
    if (orole == TriggerRole::kReport) continue;
    // A governor of another clause ends the object, unless it is an
    // infinitive with "zu" ("forderte … auf, sich … zu distanzieren"): the
    // demanded act.
    if (orole == TriggerRole::kGovernor && s->clause_of[o.head] != ci &&
        !GovernedInfinitive(*s, o))
      break;
    // A finite past verb ends the object, unless a subordinate clause ("denied
    // that troops attacked") makes it what the governor says.
    if (!s->clauses[s->clause_of[o.head]].subordinate &&
        FinitePastVerb(*s, o) && !ThatlessContent(*s, hits[hi], o))
      break;
    // A governor in the infinitive is what this one says: "refused to
    // allow inspections" is one refusal, not also a concession; "agreed
    // to reject" one agreement. A finite one is an act of its own
    // ("rejected the plan and called for talks").
    if (orole == TriggerRole::kGovernor && !GovernedInfinitive(*s, o)) continue;
    take(hj);
  }
  if (!s->de) return;
  // German noun objects before a clause-final governor; not across a
  // coordination ("gingen auf die Straßen und forderten Reformen": the
  // protest is no demand's object).
  for (size_t hj = 0; hj < hi; ++hj) {
    const TriggerHit& o = hits[hj];
    if (s->clause_of[o.head] != ci || HitRole(*s, o) != TriggerRole::kContent ||
        !HitIsNoun(*s, o))
      continue;
    bool coordinated = false;
    for (int i = o.last + 1; i < hits[hi].first; ++i)
      coordinated = coordinated || (s->cw[i] & kCoordination);
    if (!coordinated) take(hj);
  }
}

// An English past participle of one word between a determiner, a number or
// a preposition and a lower-case word that is no function word: "26 alleged
// members", "the detained activists", "over alleged misconduct", not "the
// government alleged that".
bool EnglishAttributive(const SentenceState& s, const TriggerHit& h) {
  const int i = h.head;
  if (h.first != h.last || i == 0 || i + 1 >= s.n) return false;
  const std::string& w = s.toks[i].lower;
  if (!w.ends_with("ed") && !s.cues.irregular_participles.Has(w)) return false;
  if (!(s.cw[i - 1] & (kDeterminers | kNounPhrasePreps)) &&
      !StartsWithDigit(s.toks[i - 1]))
    return false;
  const Token& next = s.toks[i + 1];
  // A number after the participle is its object ("on Aug. 7 killed 259
  // people"), never the noun it describes.
  if (next.punct || next.capitalized || s.mention_at[i + 1] >= 0 ||
      StartsWithDigit(next))
    return false;
  constexpr uint64_t kFunction = kDeterminers | kPronouns | kNounPhrasePreps |
                                 kGovernedInfinitive | kSubordinators |
                                 kCoordination | kRelatives;
  return !(s.cw[i + 1] & kFunction) && !(s.cs[i + 1] & kSubordinators);
}

// "Das kritisierte Niessl": a neuter demonstrative opening the clause,
// then the verb, then a person (persons are never neuter): verb second.
bool DemonstrativeObject(const SentenceState& s, int head) {
  const int det = head - 1;
  if (!s.cues.neuter_demonstratives.Has(s.toks[det].lower)) return false;
  const int first = s.clauses[s.clause_of[det]].first;
  int i = first;
  while (i < det && s.toks[i].punct) ++i;
  if (i != det) return false;
  const int at = s.mention_at[head + 1];
  if (at < 0) return false;
  const Mention& m = *s.refs[at].m;
  return m.kind == MentionKind::kPerson ||
         (m.kind == MentionKind::kRole && m.actor &&
          m.actor->kind == core::ActorKind::kPerson);
}

}  // namespace

void ReadGovernors(SentenceState* s) {
  const auto& hits = s->hits;
  s->absorbed.assign(hits.size(), kNotAbsorbed);
  s->governs.assign(hits.size(), -1);
  s->background.assign(hits.size(), 0);
  for (size_t hi = 0; hi < hits.size(); ++hi) {
    const TriggerHit& h = hits[hi];
    const bool noun = HitIsNoun(*s, h);
    // German attributive participles ("das eroberte Gebiet") are not events.
    if (s->de && !noun && h.head > 0 && h.head + 1 < s->n &&
        (s->cw[h.head - 1] & kDeterminers) && s->toks[h.head + 1].capitalized &&
        !DemonstrativeObject(*s, h.head))
      s->absorbed[hi] = kAttributive;
    // Nor English ones: "26 alleged members", "the detained activists".
    if (!s->de && EnglishAttributive(*s, h)) s->absorbed[hi] = kAttributive;
    // Nouns in temporal phrases are background, not the sentence's event.
    if (noun && InTemporalPhrase(*s, h)) s->background[hi] = 1;
  }
  for (size_t hi = 0; hi < hits.size(); ++hi)
    if (s->absorbed[hi] == kNotAbsorbed &&
        HitRole(*s, hits[hi]) == TriggerRole::kGovernor)
      Govern(s, hi);
}

}  // namespace geotl::ingest::code
