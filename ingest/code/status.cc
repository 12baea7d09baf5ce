#include "ingest/code/status.h"

#include <string_view>

#include "core/ontology.h"

namespace geotl::ingest::code {
namespace {

// "ge…" or a particle verb's "fest-ge…", "an-ge…": the prefix of a
// participle with "ge".
bool GePrefixed(const Cues& cues, std::string_view w) {
  for (const std::string& ge : cues.participle_prefixes.words()) {
    if (w.starts_with(ge)) return true;
    for (const std::string& particle : cues.participle_particles.words())
      if (w.starts_with(particle) && w.substr(particle.size()).starts_with(ge))
        return true;
  }
  return false;
}

}  // namespace

bool IsParticiple(const Cues& cues, const std::string& w) {
  if (cues.irregular_participles.Has(w)) return true;
  if (GePrefixed(cues, w)) return true;
  for (const std::string& x : cues.participle_suffixes.words())
    if (w.ends_with(x)) return true;
  // inseparable prefixes take no "ge": "verhaftet", "zerstört", "besetzt"
  for (const std::string& p : cues.inseparable_prefixes.words())
    if (w.size() > p.size() + 3 && w.starts_with(p) && w.ends_with("t"))
      return true;
  return false;
}

// "den … am Freitag festgenommenen Rabah N.", "die geforderte Aufnahme":
// a ge-participle with an adjective's ending (-e, -en, -er, -es, -em)
// before a noun is an attribute wherever its determiner stands; it has no
// finite reading.
bool InflectedGeParticiple(const SentenceState& s, int head) {
  if (head + 1 >= s.n || !s.toks[head + 1].capitalized ||
      s.toks[head + 1].punct)
    return false;
  const std::string& w = s.toks[head].lower;
  for (const std::string_view ending : {"e", "en", "er", "es", "em"}) {
    if (w.size() < ending.size() + 6 || !w.ends_with(ending)) continue;
    const std::string_view base =
        std::string_view(w).substr(0, w.size() - ending.size());
    if ((base.ends_with("en") || base.ends_with("t")) &&
        GePrefixed(s.cues, base))
      return true;
  }
  return false;
}

namespace {

// A token of the clause carries `cue` in `marks` (SentenceState::cw for
// single words, cs for lists with phrases).
bool ClauseMarks(const std::vector<uint64_t>& marks, const Clause& cl,
                 uint64_t cue) {
  for (int i = cl.first; i <= cl.last; ++i)
    if (marks[i] & cue) return true;
  return false;
}

bool ClauseHas(const SentenceState& s, const Clause& cl, uint64_t cue) {
  return ClauseMarks(s.cw, cl, cue);
}

// German: future, "zu" + infinitive, hearsay and the passive's agent.
void ReadGermanModality(const SentenceState& s, Predicate* p) {
  const Clause& cl = s.clauses[p->ci];
  const int head = p->h.head;
  const std::string& word = s.toks[head].lower;
  // A passive auxiliary and a "von"-agent in the clause.
  if (!p->passive && ClauseHas(s, cl, kPassiveAux))
    for (const Group& g : s.groups)
      if (g.clause == p->ci && !g.attribution && (g.prep_cues & kAgentPreps))
        p->passive = true;
  // "werden" + infinitive (not a passive participle) = future;
  // "zu" + infinitive after "bekanntgegeben" = announced plan.
  const bool verb = !NounReading(s, *p);
  if (ClauseHas(s, cl, kFutureAux) && !IsParticiple(s.cues, word) && verb)
    p->planned = true;
  if (head > 0 && (s.cw[head - 1] & kInfinitiveMarkers) && verb)
    p->planned = true;
  if (word.size() > 6)
    for (const std::string& prefix : s.cues.zu_infinitive_prefixes.words())
      if (word.starts_with(prefix)) p->planned = true;
  // Hearsay "soll … getötet worden sein" is reported, not planned.
  for (int i = cl.first; i <= cl.last; ++i)
    if (s.cs[i] & kReported) p->planned = false;
  if (p->passive && ClauseHas(s, cl, kPastPassiveAux)) p->planned = false;
  // The state passive of an act done to someone by a typical doer
  // ("Angeklagt sind zwei Ex-Mitarbeiter", "ist festgenommen"): "sein"
  // with the participle; the people named are those acted on.
  if (!p->passive && !p->noun && !p->e.implicit_agent.empty() &&
      IsParticiple(s.cues, word))
    for (int i = cl.first; i <= cl.last; ++i)
      if (i != head && s.cues.copulas.Has(s.toks[i].lower)) p->passive = true;
}

bool SentenceHas(const SentenceState& s, uint64_t cue) {
  for (uint64_t c : s.cs)
    if (c & cue) return true;
  return false;
}

// An English infinitive's "to" ("cause America to back down or retreat"),
// within four words before the verb of the clause `ci`, or -1.
int InfinitiveMark(const SentenceState& s, const Predicate& p) {
  if (s.de || p.noun) return -1;
  const int first = s.clauses[p.ci].first;
  // Only verbs and a coordinator between ("to back down or retreat"): a
  // determiner makes "to" a preposition ("marched to the square and …").
  for (int i = p.h.first - 1; i >= first && i >= p.h.first - 4; --i) {
    if (s.cw[i] & kGovernedInfinitive) return i;
    if ((s.cw[i] & kDeterminers) || s.toks[i].punct || s.mention_at[i] >= 0)
      return -1;
  }
  return -1;
}

// Words from i to j (exclusive both) that are neither determiners nor
// part of an actor's name: "not cause the Russian army to" is one apart.
int WordsBetween(const SentenceState& s, int i, int j) {
  int n = 0;
  for (int k = i + 1; k < j; ++k)
    if (!(s.cw[k] & kDeterminers) && s.mention_at[k] < 0) ++n;
  return n;
}

// `word` is a word of `list`, or in German one of them with an ending of up
// to three letters ("möglichen", "geplanten").
bool InflectedFrom(const SentenceState& s, const std::string& word,
                   const CueList& list) {
  if (list.Has(word)) return true;
  if (!s.de) return false;
  for (const std::string& w : list.words())
    if (word.starts_with(w) && word.size() <= w.size() + 3) return true;
  return false;
}

// A noun in a temporal phrase of a preposition that presupposes its act
// ("nach der Festnahme", "after the attack", "trotz der Sanktionen"): the
// act has happened whatever the clause says of what comes next ("sollen
// weitere Verdächtige auf der Flucht sein"). Not "vor", "before": that
// act may still be to come.
// Not when the phrase itself plans it ("nach dem geplanten Treffen", "after
// the meeting next week").
bool PresupposedNoun(const SentenceState& s, const Predicate& p) {
  if (!p.noun || !s.background[p.hit]) return false;
  int prep = -1;
  for (int q = p.h.head - 1, st = 0; q >= 0 && st < 3 && prep < 0; --q, ++st)
    if (s.cw[q] & kBackgroundPreps) prep = q;
  if (prep < 0 || s.cues.anterior_preps.Has(s.toks[prep].lower)) return false;
  constexpr uint64_t kToCome = kPlan | kFuture | kIntent | kHypothetical;
  // German: the phrase's own words only, a verb may follow right after it
  // ("Nach der Festnahme … sollen"); English up to its comma.
  const int last = s.de ? p.h.first - 1 : p.h.last + 8;
  for (int i = prep + 1; i < s.n && i <= last; ++i) {
    if (i > p.h.last && s.toks[i].punct) break;
    // A plan word, in German also inflected ("geplanten").
    if ((s.cs[i] & kToCome) || InflectedFrom(s, s.toks[i].lower, s.cues.plan))
      return false;
  }
  return true;
}

// An adjective of possibility or a free-choice determiner in the noun's
// phrase ("a possible attack", "potential sanctions", "eine mögliche
// Untersuchungshaft", "any request", "jeder Angriff"): the act is weighed,
// not done. German adjectives are matched by their stem and an
// ending of up to three letters ("möglichen", "befürchteten"). Also a verb
// form read as a noun there ("for a possible attack").
bool PossibleNoun(const SentenceState& s, const Predicate& p) {
  for (int q = p.h.first - 1, st = 0; q >= 0 && st < 3; --q, ++st) {
    const Token& t = s.toks[q];
    if (t.punct) return false;
    if (InflectedFrom(s, t.lower, s.cues.possibility_modifiers)) return true;
    if (s.cw[q] & kDeterminers) return false;
  }
  return false;
}

// A noun or a verb of warning that weighs the act named after it, over its
// determiner and modifiers and a linking word: "the possibility of a ground
// assault", "the prospect of new sanctions", "warned of an attack", "die
// Gefahr eines Krieges", "warnte vor einem Angriff" (German words by their
// stem, as InflectedFrom). In English after "of" a verb form is a noun too
// ("the risk of attacking"); "risked attacking" is an act.
bool WeighedNoun(const SentenceState& s, const Predicate& p) {
  if (!p.noun && s.de) return false;
  // A German genitive links without a word; a verb may stand a few words
  // before its linking word ("warnte am Montag vor einem Angriff").
  bool linked = s.de;
  int link_at = -1;
  for (int q = p.h.first - 1; q >= 0 && q >= p.h.first - 8; --q) {
    const Token& t = s.toks[q];
    if (t.punct || q < (link_at < 0 ? p.h.first : link_at) - 4) return false;
    if (link_at < 0 && s.cues.possibility_links.Has(t.lower)) {
      linked = true;
      link_at = q;
      continue;
    }
    if (linked && InflectedFrom(s, t.lower, s.cues.possibility_nouns))
      return true;
    if (link_at < 0 && (s.cw[q] & kAnyPrep)) return false;
  }
  return false;
}

// An act its clause says is put off ("wurde … erneut verschoben", "the
// summit was postponed"), or a relative clause right after its noun ("der
// geplante Abzug, der nun … verschoben wird"): it has not happened.
// Not a governor's own act ("rejected a call to postpone the elections").
bool PutOff(const SentenceState& s, const Predicate& p) {
  if (p.role == TriggerRole::kGovernor) return false;
  if (ClauseMarks(s.cs, s.clauses[p.ci], kPutOff)) return true;
  if (!p.noun || p.ci + 1 >= static_cast<int>(s.clauses.size())) return false;
  const Clause& next = s.clauses[p.ci + 1];
  return next.subordinate && (s.cw[next.first] & kRelatives) &&
         next.first - p.h.head <= 6 && ClauseMarks(s.cs, next, kPutOff);
}

// A subjectless verb phrase in a list after a modal ("She could name the
// problems, raise them, demand sanctions and urge reforms"; "Sie könne die
// Dinge beim Namen nennen, Probleme ansprechen, Diskussionen fordern"): the
// modal of the list's first phrase governs every phrase of it. A phrase of
// the list opens with its verb in English (after "and", "or") and closes
// with its infinitive in German; the walk back stops at a clause of any
// other shape. Returns the modal's cues (kHypothetical, kIntent, kPlan,
// kFuture), 0 if none.
uint64_t ListModal(const SentenceState& s, const Predicate& p) {
  constexpr uint64_t kModal = kHypothetical | kIntent | kPlan | kFuture;
  auto opens_with_verb = [&](const Clause& cl, int verb) {
    int first = cl.first;
    while (first < cl.last &&
           ((s.cw[first] & kCoordination) || s.toks[first].punct))
      ++first;
    return first == verb;
  };
  auto infinitive = [&](int i) {
    const std::string& w = s.toks[i].lower;
    return !s.toks[i].punct && !s.toks[i].capitalized &&
           (w.ends_with("en") || w.ends_with("ern") || w.ends_with("eln"));
  };
  // An English phrase of the list opens with its verb: not with a noun, a
  // name or a determiner.
  auto bare_opening = [&](const Clause& cl) {
    int i = cl.first;
    while (i < cl.last && s.toks[i].punct) ++i;
    const Token& t = s.toks[i];
    return !t.punct && !t.capitalized && !(s.cw[i] & kDeterminers);
  };
  // The last word of a clause, punctuation aside.
  auto last_word = [&](const Clause& cl) {
    int i = cl.last;
    while (i > cl.first && s.toks[i].punct) --i;
    return i;
  };
  const Clause& own = s.clauses[p.ci];
  if (p.noun || p.ci == 0 || own.subordinate || own.quote) return 0;
  // A phrase with a modal or a subject of its own is a clause of its own
  // ("…, Innenminister Alfano sollte zurücktreten").
  for (int i = own.first; i <= own.last; ++i)
    if (s.cs[i] & kModal) return 0;
  // (An English phrase opens with its verb: a name in it is an object.)
  for (const Group& g : s.groups)
    if (s.de && g.clause == p.ci && g.prep.empty() && !g.genitive &&
        g.first < p.h.first)
      return 0;
  if (s.de) {
    // The infinitive closes the phrase or a coordinated one follows.
    const int end = last_word(own);
    if (!infinitive(p.h.head)) return 0;
    if (p.h.last != end && !(s.cw[p.h.last + 1] & kCoordination)) return 0;
  } else {
    // The phrase opens with the verb, or the verb follows "and" in a
    // phrase that opens with one ("…, demand sanctions and urge reforms").
    const std::string& w = s.toks[p.h.first].lower;
    if (w.ends_with("ed") || w.ends_with("ing")) return 0;
    const bool after_and =
        p.h.first > own.first && (s.cw[p.h.first - 1] & kCoordination);
    if (!opens_with_verb(own, p.h.first) && !(after_and && bare_opening(own)))
      return 0;
  }
  for (int k = p.ci - 1; k >= 0; --k) {
    const Clause& cl = s.clauses[k];
    if (cl.subordinate || cl.quote || cl.attribution) return 0;
    const int end = last_word(cl);
    uint64_t modal = 0;
    for (int i = cl.first; i < end; ++i) modal |= s.cs[i] & kModal;
    // German: the phrase must close with an infinitive too.
    if (s.de && !infinitive(end)) return 0;
    if (modal) return modal;
    if (!s.de && !bare_opening(cl)) return 0;
  }
  return 0;
}

// English: a participle of a verb that always takes an object, with none
// after it, is a passive whose auxiliary is left out: "more than 1,000
// others wounded in the blasts", "Three killed in Kabul blast", "rebels
// killed in a clash with the army". Its subject is who suffered the act.
bool ReducedPassive(const SentenceState& s, const Predicate& p) {
  if (p.noun || p.h.first != p.h.last) return false;
  if (!s.cues.object_participles.Has(s.toks[p.h.head].lower)) return false;
  const int next = p.h.last + 1;
  if (next >= s.n) return true;
  if (s.toks[next].punct) return s.toks[next].lower != "\"";
  // "arrested over 200", "killed at least 75": a preposition of quantity
  // opens the object.
  for (int k = next + 1; k < s.n && k <= next + 2; ++k)
    if (StartsWithDigit(s.toks[k]) ||
        s.cues.number_values.count(s.toks[k].lower))
      return false;
  return (s.cw[next] & (kAnyPrep | kCoordination)) != 0;
}

// English: a noun trigger whose own predicate is a plan: "Talks between
// Russia and Ukraine are scheduled for Monday", "a summit set for April",
// "A meeting of NATO ministers is planned". Up to a copula within six words
// of the noun (its of- or between-phrase may stand between), or right after
// the noun; no other trigger, comma or clause between.
bool PlannedNoun(const SentenceState& s, const Predicate& p) {
  if (!p.noun) return false;
  const Clause& cl = s.clauses[p.ci];
  const int head = p.h.last;
  if (head + 1 <= cl.last && head + 1 < s.n &&
      s.cues.noun_plan_cues.MatchAt(s.toks, head + 1) > 0)
    return true;
  for (int i = head + 1; i <= cl.last && i <= head + 6; ++i) {
    if (s.toks[i].punct) return false;
    for (const TriggerHit& h : s.hits)
      if (h.head == i) return false;
    if (!s.cues.copulas.Has(s.toks[i].lower)) continue;
    int j = i + 1;
    if (j <= cl.last && s.cues.inserted_adverbs.Has(s.toks[j].lower)) ++j;
    return j <= cl.last && s.cues.noun_plan_cues.MatchAt(s.toks, j) > 0;
  }
  return false;
}

}  // namespace

void ReadModality(const SentenceState& s, Predicate* p) {
  const Clause& cl = s.clauses[p->ci];
  const int head = p->h.head;
  const bool de = s.de;
  // An infinitive takes the modality of the verb it depends on: markers
  // count from its "to" ("will not cause America to … retreat").
  const int mark = InfinitiveMark(s, *p);
  for (int i = cl.first; i <= cl.last; ++i) {
    if (i == head) continue;
    const uint64_t c = s.cs[i];
    const bool before = i < head;
    const int dist =
        mark >= 0 && i < mark ? WordsBetween(s, i, mark) + 1 : head - i;
    // A negation negates a noun trigger only just before it ("keine neuen
    // Sanktionen", "no talks"); a German verb anywhere in its clause
    // ("verhängte die EU nicht").
    const bool near = before && dist <= (p->noun ? 3 : 4);
    if ((c & kNegation) && !(c & kNotNegation) && ((de && !p->noun) || near))
      p->negated = true;
    if ((c & kHypothetical) && (de || before)) p->hypothetical = true;
    if (c & kConditionals) p->conditional = true;
    // German past subjunctive ("hätte … angegriffen", "wäre … gereist")
    // is a counterfactual after a condition and reported speech otherwise.
    if ((c & kPastSubjunctive) && de && SentenceHas(s, kConditionals))
      p->hypothetical = true;
    if ((c & kIntent) && (before || de)) p->intent = true;
    if ((c & kPlan) && (before || de)) p->planned = true;
    // English future ("will visit", "is going to"); German "werden" +
    // infinitive is decided below.
    // An infinitive of purpose counts from its "to" ("will travel to Paris
    // on Monday to meet").
    if ((c & kFuture) && before && !de &&
        (dist <= 4 || (mark >= 0 && dist <= 8)))
      p->planned = true;
    // A phrase's participle may close it ("wird … verantwortlich gemacht",
    // "infrage gestellt").
    if ((c & kPassiveAux) && (de || (before && head - i <= 3)))
      p->passive = p->passive || IsParticiple(s.cues, s.toks[head].lower) ||
                   (p->h.last != head && i != p->h.last &&
                    IsParticiple(s.cues, s.toks[p->h.last].lower));
    // After "wurde", "worden" an -en form with an inseparable prefix is a
    // participle ("wurde … empfangen", "wurden erschossen"); after
    // "werden" it may be an infinitive (future).
    if (de && (c & kPastPassiveAux) && !p->noun &&
        s.toks[head].lower.ends_with("en"))
      for (const std::string& pre : s.cues.inseparable_prefixes.words())
        if (s.toks[head].lower.starts_with(pre)) p->passive = true;
  }
  // Intent expressed in the governing clause ("is willing to", "sagte zu").
  if (!p->intent && p->ci > 0 && !cl.subordinate) {
    const Clause& prev = s.clauses[p->ci - 1];
    for (int i = prev.first; i <= prev.last; ++i)
      if (s.cs[i] & kIntent) p->intent = true;
  }
  // "ending a campaign to seize the capital": the aim of a noun.
  if (mark > 0 && s.cues.purpose_nouns.Has(s.toks[mark - 1].lower))
    p->hypothetical = true;
  // "will remain until Iraq complies": the until-clause of a future,
  // negated or hypothetical act is its condition.
  if (cl.subordinate && p->ci > 0 &&
      s.cues.condition_openers.Has(s.toks[cl.first].lower) &&
      ClauseMarks(s.cs, s.clauses[p->ci - 1],
                  kFuture | kNegation | kHypothetical))
    p->conditional = true;
  // A verb phrase of a list takes the list's modal.
  if (const uint64_t modal = ListModal(s, *p)) {
    if (modal & kHypothetical) p->hypothetical = true;
    if (modal & kIntent) p->intent = true;
    if (modal & (kPlan | kFuture)) p->planned = true;
  }
  if (de) ReadGermanModality(s, p);
  if (!de && PlannedNoun(s, *p)) p->planned = true;
  if (!de && ReducedPassive(s, *p)) p->passive = true;
  if (PossibleNoun(s, *p) || WeighedNoun(s, *p)) p->hypothetical = true;
  if (PutOff(s, *p)) p->negated = true;
  if (PresupposedNoun(s, *p))
    p->planned = p->intent = p->hypothetical = p->conditional = false;
  // Purpose nouns ("für einen Angriff", "for an attack") are not events.
  if (p->e.pos == TriggerPos::kNoun && head >= 2 &&
      (s.cw[head - 2] & kPurposePreps))
    p->hypothetical = true;
  // German: the aim of a plan noun ("ihr Plan zur Entsendung von
  // Truppen", "der Vorschlag für eine Sondersitzung") is not done.
  // Also a noun inside that aim ("zur Entsendung von Friedenstruppen").
  if (de && p->noun && s.toks[head].capitalized)
    for (int q = head - 1; q >= 1 && q >= head - 5; --q) {
      const Token& t = s.toks[q];
      if (s.cues.aim_preps.Has(t.lower)) {
        if (s.cues.purpose_nouns.Has(s.toks[q - 1].lower))
          p->hypothetical = true;
        break;
      }
      if (t.punct || (!t.capitalized && !(s.cw[q] & kDeterminers) &&
                      !(s.cw[q] & kAgentPreps)))
        break;
    }
}

bool HabitualAct(const SentenceState& s, const Predicate& p) {
  const Clause& cl = s.clauses[p.ci];
  if (ClauseMarks(s.cs, cl, kHabitual)) return true;
  // "has been arrested more than a dozen times": a perfect that counts
  // many times ("was shot several times" is one act).
  bool perfect = false;
  for (int i = cl.first; i < p.h.first; ++i)
    perfect = perfect || s.cues.perfect_aux.Has(s.toks[i].lower);
  if (!perfect) return false;
  for (int i = cl.first + 1; i <= cl.last; ++i)
    if (s.cues.repetition_counts.Has(s.toks[i - 1].lower) &&
        s.cues.repetition_nouns.Has(s.toks[i].lower))
      return true;
  return false;
}

core::EventStatus DecideStatus(const Predicate& p) {
  if (p.role == TriggerRole::kGovernor) {
    // The governing act itself happened ("forderte", "refused"); an
    // agreement a party wants to reach is still to come ("will sich bis
    // Februar einigen": docs/annotation.md, rule 32).
    if (p.hypothetical && !p.intent) return core::EventStatus::kHypothetical;
    if (p.negated) return core::EventStatus::kNegated;
    if (p.intent && p.ev.type == "AGREE" && p.e.label == "agreement")
      return core::EventStatus::kPlanned;
    // The governing act itself intended ("said it would investigate",
    // "will demand") is planned; a stance one wants to take ("will der
    // Abschaffung entgegentreten") is held now. An investigation is an act,
    // not a stance.
    if (p.intent) {
      const auto info = core::FindEventType(p.ev.type);
      if (!(info && info->stance) || p.e.mode == "investigate")
        return core::EventStatus::kPlanned;
    }
    return core::EventStatus::kOccurred;
  }
  // "Wenn es keine Waffenruhe gegeben hätte": a condition, not a denial.
  if (p.conditional) return core::EventStatus::kHypothetical;
  if (p.negated || p.e.called_off) return core::EventStatus::kNegated;
  if (p.hypothetical && !p.intent) return core::EventStatus::kHypothetical;
  if (p.planned || p.intent) return core::EventStatus::kPlanned;
  return core::EventStatus::kOccurred;
}

}  // namespace geotl::ingest::code
