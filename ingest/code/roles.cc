#include "ingest/code/roles.h"

#include <algorithm>
#include <optional>
#include <vector>

#include "ingest/code/clauses.h"
#include "ingest/code/governors.h"
#include "ingest/code/groups.h"
#include "ingest/code/interview_turn.h"
#include "ingest/code/owners.h"

namespace geotl::ingest::code {
namespace {

bool Covers(const Group& g, int token) {
  return g.first <= token && g.last >= token;
}

bool IsPronounSubject(const SentenceState& s, int clause) {
  const Clause& cl = s.clauses[clause];
  for (int i = cl.first; i <= cl.last && i < cl.first + 3; ++i)
    if (s.cw[i] & kPronouns) return true;
  return false;
}

// A clause opening with a third-person subject pronoun ("They said …",
// "Sie forderten …"), after punctuation and a conjunction ("But they").
// Not "es", "man", "it", "we" or a pronoun inside the clause: on the dev
// articles those carried the previous actors wrongly in 24 of 26 events.
bool OpensWithSubjectPronoun(const SentenceState& s, int clause) {
  const Clause& cl = s.clauses[clause];
  int i = cl.first;
  while (i <= cl.last && (s.toks[i].punct || (s.cw[i] & kCoordination))) ++i;
  return i <= cl.last && (s.cw[i] & kSubjectPronouns);
}

bool OnlyPlaces(const Group& g) {
  if (g.members.empty()) return false;
  for (const Mention* m : g.members)
    if (m->kind != MentionKind::kPlace) return false;
  return true;
}

// "des Besuchs von Papst Franziskus", "der Anschläge von Brüssel": an
// agent phrase right after another event noun is that noun's, not the
// passive verb's.
bool AgentOfOtherNoun(const SentenceState& s, const Predicate& p,
                      const Group& g) {
  int k = g.first;
  if (!(s.cw[k] & kAgentPreps)) {
    k = g.first - 1;
    while (k >= 0 && (s.cw[k] & kDeterminers)) --k;
  }
  if (k < 1 || !(s.cw[k] & kAgentPreps)) return false;
  for (const TriggerHit& h : s.hits)
    if (h.head == k - 1 && h.head != p.h.head && HitIsNoun(s, h)) return true;
  // German: so does an act's noun in an umlauted plural ("den
  // Verantwortlichen der Terroranschläge von Brüssel und Paris").
  return s.de && k - 1 != p.h.head && s.lex.UmlautPluralOfHead(s.toks[k - 1]);
}

// The agent of a passive or of a noun: "von Russland", "by Russia".
int AgentGroup(const SentenceState& s, const Predicate& p) {
  const int head = p.h.head;
  int place_agent = -1;
  for (size_t gi = 0; gi < s.groups.size(); ++gi) {
    const Group& g = s.groups[gi];
    if (g.attribution || g.clause != p.ci) continue;
    if (p.passive && AgentOfOtherNoun(s, p, g)) continue;
    // "der Terroranschlag von Paris": a place after a noun is where, not
    // who; a passive's agent is such a place only when no other follows
    // ("Der Anschlag von Paris wurde von Russland verurteilt").
    if ((g.prep_cues & kAgentPreps) &&
        (p.passive ||
         (p.noun && g.first > head && (!s.de || g.first - head <= 3)))) {
      if (!OnlyPlaces(g)) return static_cast<int>(gi);
      if (p.passive && place_agent < 0) place_agent = static_cast<int>(gi);
    }
    // "Artilleriebeschuss aus Syrien", "rocket fire from Gaza": where an
    // act of force named by a noun came from is who did it.
    if ((g.prep_cues & kSourcePreps) && p.noun && TypeOf(p.ev.type).force &&
        g.first > head && g.first - head <= 3)
      return static_cast<int>(gi);
  }
  return place_agent;
}

// English: group g modifies the noun at `head` inside one noun phrase ("in
// a Russian air strike", "during a Boko Haram raid"): it ends at most two
// words before it, with only lower-case words between.
bool PremodifiesNoun(const SentenceState& s, const Group& g, int head) {
  if (s.de || g.last >= head) return false;
  int last = g.last;  // an analyst's bracket around it: "a [al Shabaab] raid"
  if (last + 1 < head && s.toks[last + 1].lower == "]") ++last;
  if (head - last > 2) return false;
  for (int i = last + 1; i < head; ++i)
    if (s.toks[i].punct || s.toks[i].capitalized) return false;
  return true;
}

// Every member of the group is a country named by its adjective or a named
// armed group ("a Russian attack", "a Boko Haram raid").
bool AdjectivesOrGroups(const Group& g) {
  for (const Mention* m : g.members)
    if (!m->adjective && m->kind != MentionKind::kGroup) return false;
  return !g.members.empty();
}

// Mentions inside the trigger token or just before a noun trigger
// ("US-Angriff", "israelischer Luftangriff", "Japans Kritik"); German also
// a genitive after the noun ("Angriff der USA"), unless the clause has its
// own subject before the noun ("X sind Befürworter des Y").
int NounOwnerGroup(const SentenceState& s, const Predicate& p) {
  const int head = p.h.head;
  bool subject_before = false;
  for (const Group& q : s.groups)
    if (q.clause == p.ci && !q.attribution && q.prep.empty() && !q.genitive &&
        q.last < head)
      subject_before = true;
  for (size_t gi = 0; gi < s.groups.size(); ++gi) {
    const Group& g = s.groups[gi];
    if (g.attribution) continue;
    const bool bare = g.prep.empty();
    // A preposition before the group governs the whole noun phrase.
    if (g.last == head ||
        (!s.de && (bare || !(g.prep_cues & kRecipientPreps)) &&
         PremodifiesNoun(s, g, head)) ||
        (s.de && g.last < head && head - g.last <= 1 && bare))
      return static_cast<int>(gi);
    if (s.de && p.noun && !subject_before && g.first > head &&
        g.first - head <= 2 && bare)
      return static_cast<int>(gi);
    // English: the visitor after a visit's noun ("the slated visit of U.S.
    // Commerce Secretary William Daley"); after an act of force the
    // of-phrase is its target ("the bombing of the embassy").
    if (!s.de && p.ev.mode == "visit" && g.genitive && g.first > head &&
        g.first - head <= 3 && !OnlyPlaces(g))
      return static_cast<int>(gi);
  }
  return -1;
}

// A German plural finite verb: "-en" ("kritisierten", "fordern") or a
// listed form ("sind").
bool PluralVerb(const SentenceState& s, int i) {
  const Token& t = s.toks[i];
  return !t.punct && !t.capitalized &&
         (t.lower.ends_with("en") || (s.cw[i] & kPluralVerbs));
}

// Adverbs by their ending (vorfeld_adverb_endings): participles
// ("Abschließend"), "-lich" ("Schließlich"), "-weise", "-mals", "-ig"
// ("Künftig").
bool AdverbShaped(const Cues& cues, const std::string& w) {
  for (const std::string& end : cues.vorfeld_adverb_endings.words())
    if (w.ends_with(end)) return true;
  return false;
}

// German main clause opening with a subject: a nominative pronoun ("Er
// kritisierte die Regierung", "Wir haben …") or a noun phrase of
// determiner, adjectives and noun, with at most one genitive ("Die Firma
// kritisierte …", "Der Chef der ÖVP hat …"), right before the finite verb.
// Returns the verb's token, -1 when the clause does not open so (an
// adverbial, a prepositional phrase, an object: "Am Montag kritisierte die
// Regierung …", "Den Plan …"). A bare group after that verb is its object,
// whether or not the recogniser knows the subject.
int VorfeldVerb(const SentenceState& s, const Predicate& p) {
  if (!s.de || p.passive) return -1;
  const Clause& cl = s.clauses[p.ci];
  if (cl.subordinate || cl.attribution) return -1;
  int i = cl.first;
  while (i <= cl.last && (s.toks[i].punct || (s.cw[i] & kCoordination))) ++i;
  if (i > cl.last) return -1;
  auto hit_at = [&](int k) {
    for (const TriggerHit& h : s.hits)
      if (h.head == k) return true;
    return false;
  };
  // Determiner, lower-case adjectives, a capitalised noun: the noun's token.
  auto noun_phrase = [&](int k) {
    if (!s.cues.vorfeld_determiners.Has(s.toks[k].lower) &&
        !(s.cw[k] & kGenitiveMarkers))
      return -1;
    for (int j = k + 1; j <= cl.last && j <= k + 3; ++j) {
      const Token& t = s.toks[j];
      if (t.punct || hit_at(j)) return -1;
      if (t.capitalized) return j;
    }
    return -1;
  };
  int verb = -1;
  if (s.cues.vorfeld_pronouns.Has(s.toks[i].lower)) {
    verb = i + 1;
  } else if (s.cues.vorfeld_determiners.Has(s.toks[i].lower)) {
    int noun = noun_phrase(i);
    if (noun < 0) return -1;
    verb = noun + 1;
    // One genitive: "Der Chef der Firma", "der Sprecher des Ministeriums".
    if (verb <= cl.last && (s.cw[verb] & kGenitiveMarkers)) {
      int g = noun_phrase(verb);
      if (g < 0) return -1;
      verb = g + 1;
    }
  } else if (s.toks[i].capitalized && !s.toks[i].punct && i + 1 == p.h.head &&
             !p.noun && !s.cues.vorfeld_adverbs.Has(s.toks[i].lower) &&
             !(s.cw[i] & (kDeterminers | kPronouns | kSubordinators |
                          kRelatives | kNotClauseOpeners)) &&
             !(s.cs[i] & kHabitual) && PluralVerb(s, i + 1) &&
             !AdverbShaped(s.cues, s.toks[i].lower)) {
    // A bare noun right before the act's plural verb fills the Vorfeld:
    // the subject ("Umweltschützer kritisierten die Regierung",
    // "Hunderttausende forderten den Rücktritt des Präsidenten"), unless
    // it is an adverb ("Gestern kritisierten die Grünen", "Abschließend
    // forderte sie"). A singular verb after a bare capitalised word is
    // left alone: that word is as often an adverb ("Konkret schlägt Van
    // der Bellen … vor").
    verb = i + 1;
  } else {
    return -1;
  }
  if (verb > cl.last || verb > p.h.head) return -1;
  const Token& v = s.toks[verb];
  if (v.punct || v.capitalized ||
      (s.cw[verb] & (kDeterminers | kAgentPreps | kRecipientPreps |
                     kLocativePreps | kOtherPreps | kCoordination)))
    return -1;
  return verb;
}

// A place before an event noun of the sentence ("decided at the Madrid
// summit to invite …", "the Nairobi bombing") names where, and is no
// subject of any act.
bool ModifiesEventNoun(const SentenceState& s, const Group& g) {
  if (!OnlyPlaces(g)) return false;
  for (const TriggerHit& h : s.hits)
    if (HitIsNoun(s, h) &&
        (g.last == h.head || (!s.de && g.last + 1 == h.first)))
      return true;
  return false;
}

// Subject: English the nearest bare group before the trigger in its
// clause; German the first bare group anywhere in the clause (V2).
int SubjectGroup(const SentenceState& s, const Predicate& p) {
  const int head = p.h.head;
  const int vorfeld_verb = VorfeldVerb(s, p);
  int best = -1;
  for (size_t gi = 0; gi < s.groups.size(); ++gi) {
    const Group& g = s.groups[gi];
    if (g.attribution || g.clause != p.ci || !g.prep.empty()) continue;
    if (ModifiesEventNoun(s, g)) continue;
    // "Der Chef der ÖVP kritisierte …": the subject's genitive names it.
    if (g.genitive && !(vorfeld_verb >= 0 && g.last < vorfeld_verb)) continue;
    if (Covers(g, head)) continue;
    if (vorfeld_verb >= 0 && g.first > vorfeld_verb) continue;
    // "den Argentinier", "dem Minister": never the subject.
    if (s.de && g.first > 0 &&
        s.cues.oblique_determiners.Has(s.toks[g.first - 1].lower))
      continue;
    if (s.de) {
      if (best < 0) best = static_cast<int>(gi);
    } else if (g.last < head) {
      best = static_cast<int>(gi);
    }
  }
  return best;
}

// A sentence opening with "Er", "He" or "She" (after opening quotes)
// whose verb has no bare group before it in its clause, or a German main
// clause with "er" right after its verb ("In Kairo traf er …"): the
// pronoun is the subject and names the latest person the article named
// ("She met with President Moi": Albright met Moi, not Moi someone).
// False when the person is unknown.
// German "Sie" followed by a singular verb ("Sie fordert", "Sie habe") is
// she, not they: a verb ending in -n or a plural form ("sind") is plural.
bool SingularPronoun(const SentenceState& s, int i) {
  if (!(s.cw[i] & kNumberPronouns) || i + 1 >= s.n) return false;
  const Token& verb = s.toks[i + 1];
  return !verb.punct && !verb.capitalized && !verb.lower.ends_with("n") &&
         !(s.cw[i + 1] & kPluralVerbs);
}

// A visit noun compounded with or modified by a country or place
// ("China-Besuch", "Kuba-Reise", "his Moscow trip") names where the visit
// went, not who went.
bool NamesDestination(const SentenceState& s, const Predicate& p,
                      const Group& g) {
  if (p.ev.mode != "visit" || g.members.empty()) return false;
  for (const Mention* m : g.members)
    if (m->kind != MentionKind::kCountry && m->kind != MentionKind::kPlace)
      return false;
  return g.last == p.h.head || (!s.de && g.last + 1 == p.h.first);
}

// A city or other place compounded with or modifying a noun trigger
// ("Madrid summit", "the Nairobi bombing", "Paris-Gipfel") names where the
// act happened, not who did it.
bool PlaceModifier(const SentenceState& s, const Predicate& p, const Group& g) {
  return OnlyPlaces(g) &&
         (g.last == p.h.head || (!s.de && g.last + 1 == p.h.first));
}

// The pronoun names the latest person the article named: that person acts.
void TakeLatestPerson(const SentenceState& s, const char* where, Predicate* p) {
  p->ev.actors = {s.ctx.last_persons.front()};
  p->ev.inherited_actors = true;
  p->ev.rule += std::string(where) + " = latest named person";
}

bool PronounPersonSubject(const SentenceState& s, Predicate* p) {
  if (NounReading(s, *p) || p->passive || s.ctx.last_persons.empty())
    return false;
  const Clause& cl = s.clauses[p->ci];
  const int head = p->h.head;
  // German verb second: "In Kairo traf er mit … zusammen"; of a phrase,
  // its finite verb ("Davon hält er nichts", "Das wies sie zurück").
  const int verb = s.de && p->h.first < head ? p->h.first : head;
  if (s.de && !cl.subordinate && verb + 1 <= cl.last &&
      (s.cw[verb + 1] & kPersonPronouns) && verb > cl.first) {
    TakeLatestPerson(s, "; pronoun subject after the verb", p);
    return true;
  }
  // Or after the finite auxiliary of a verb that closes the clause ("In
  // Havanna hatte er zuvor … Fidel Castro getroffen", "Gestern wollte sie
  // … treffen"): the auxiliary stands second.
  if (s.de && !cl.subordinate && verb == head)
    for (int a = cl.first + 1; a + 1 < head && a + 1 <= cl.last; ++a) {
      const bool aux = s.cues.perfect_aux.Has(s.toks[a].lower) ||
                       (s.cs[a] & (kHypothetical | kIntent | kFutureAux));
      if (!aux) continue;
      if (!(s.cw[a + 1] & kPersonPronouns)) break;
      TakeLatestPerson(s, "; pronoun subject after the auxiliary", p);
      return true;
    }
  int first = 0;
  while (first < s.n && s.toks[first].punct) ++first;
  if (first >= s.n || first >= head) return false;
  if (!(s.cw[first] & kPersonPronouns) && !SingularPronoun(s, first))
    return false;
  if (cl.subordinate && (s.cw[cl.first] & kRelatives)) return false;
  for (const Group& g : s.groups)
    if (g.clause == p->ci && !g.attribution && g.prep.empty() && !g.genitive &&
        g.last < head && g.first > first)
      return false;
  TakeLatestPerson(s, "; pronoun subject", p);
  return true;
}

// English: a verb's -ing form right after a comma or a conjunction
// continues the main clause as a participle ("…, killing 12", "suspending
// the constitution and arresting opponents"); its doer is the subject.
bool ContinuesMainClause(const SentenceState& s, int head) {
  if (s.de || head == 0 || !s.toks[head].lower.ends_with("ing")) return false;
  return s.toks[head - 1].lower == "," || (s.cw[head - 1] & kCoordination);
}

// Takes group gi as the actors.
void TakeActors(const SentenceState& s, int gi, Predicate* p) {
  p->actor_group = gi;
  p->ev.actors = GroupActors(s, s.groups[gi]);
  if (s.groups[gi].group_ref) p->ev.inherited_actors = true;
}

// Fallbacks when neither agent, noun owner nor subject named the actors.
void FallbackActors(const SentenceState& s, Predicate* p) {
  const Clause& cl = s.clauses[p->ci];
  const int head = p->h.head;
  CandidateEvent& ev = p->ev;
  // "…, welche … ein Ultimatum stellten": the antecedent is the subject.
  // Not of a relative that is no subject ("whose", "where", "dem"), of a
  // passive ("attacks that were targeted at …": the antecedent suffered
  // it) or of a noun in a prepositional phrase ("which gives the tally of
  // inspections"): on the dev articles no such antecedent was right.
  // In English only a restrictive one ("workers who took to the streets"):
  // a relative clause after a comma ("…, who refused to identify himself",
  // "which supported the statute") describes its antecedent in passing; on
  // the dev articles none of 6 such events was right.
  const bool restrictive =
      s.de || (cl.first > 0 && !s.toks[cl.first - 1].punct);
  if (ev.actors.empty() && restrictive && cl.subordinate &&
      (s.cw[cl.first] & kRelatives) && (s.cw[cl.first] & kSubjectRelatives) &&
      !p->passive && !p->prep_before) {
    for (int gi = static_cast<int>(s.groups.size()) - 1; gi >= 0; --gi) {
      const Group& g = s.groups[gi];
      if (g.attribution || g.last >= cl.first) continue;
      p->actor_group = gi;
      ev.actors = GroupActors(s, g);
      ev.rule += "; actor = antecedent of relative clause";
      ev.actor_fallback = true;
      break;
    }
  }
  if (ev.actors.empty()) {
    // A genitive that completes the subject ("die Truppen der
    // Nordkoreanischen Volksarmee") stands for it.
    for (size_t gi = 0; gi < s.groups.size(); ++gi) {
      const Group& g = s.groups[gi];
      if (g.attribution || g.clause != p->ci || !g.genitive || g.head_in_pp)
        continue;
      if (Covers(g, head)) continue;
      // English "the bombing of the U.S. Embassies", "its invasion of
      // Kuwait": the of-phrase right after a hostile act's noun is its
      // target, not its doer.
      if (!s.de && p->noun && TypeOf(ev.type).hostile && g.first > head &&
          g.first - head <= 3)
        continue;
      // English: only a genitive before the trigger completes its subject
      // ("the governments of Britain and Ireland agreed"); one after it
      // belongs to another noun ("decision … by the governments of …").
      if (!s.de && g.first > head) continue;
      p->actor_group = static_cast<int>(gi);
      ev.actors = GroupActors(s, g);
      ev.rule += "; actor from a genitive subject";
      break;
    }
  }
  if (ev.actors.empty()) {
    // Subject of the sentence's main clause (the first bare group that is
    // not in an attribution), e.g. "X said it will …", "X, a …, refused".
    // Not for an act of force named by a noun: who speaks of an attack is
    // not its doer ("U.S. Ambassador … talks interrupted by the car
    // bombing"); on the dev articles that guess was right in 3 of 22
    // hostile events. An English participle after a comma continues the
    // main clause ("…, killing 12").
    // Nor for the verb of an English relative clause (above).
    const bool force_noun =
        (TypeOf(ev.type).force && !ContinuesMainClause(s, head)) ||
        (!s.de && cl.subordinate && (s.cw[cl.first] & kRelatives));
    const int vorfeld_verb = VorfeldVerb(s, *p);
    for (size_t gi = 0; !force_noun && gi < s.groups.size(); ++gi) {
      const Group& g = s.groups[gi];
      if (g.attribution || !g.prep.empty() || g.genitive || g.admin_names)
        continue;
      if (ModifiesEventNoun(s, g)) continue;
      if (s.clauses[g.clause].subordinate && g.clause != p->ci) continue;
      // The object of a clause whose subject opens it ("Er kritisierte
      // die Regierung").
      if (g.clause == p->ci && vorfeld_verb >= 0 && g.first > vorfeld_verb)
        continue;
      if (s.de && g.first > 0 &&
          s.cues.oblique_determiners.Has(s.toks[g.first - 1].lower))
        continue;
      // English subjects stand before their verb: a group after the
      // trigger is its object ("when visiting Kenya").
      if ((g.clause > p->ci || g.first > head) && !s.de) continue;
      if (p->noun && g.clause != p->ci && !ContinuesMainClause(s, head))
        continue;
      if (Covers(g, head) || static_cast<int>(gi) == p->place_group) continue;
      TakeActors(s, static_cast<int>(gi), p);
      ev.rule += "; actor from main clause";
      ev.actor_fallback = true;
      break;
    }
  }
  if (ev.actors.empty()) {
    // Quotes, pronouns and a speaker's "ich"/"wir" ("Ich halte das für
    // problematisch, so Niessl"): the speaker / the topic of the story.
    bool quote = cl.quote || IsPronounSubject(s, p->ci) ||
                 HasFirstPersonSubject(s, p->ci);
    std::vector<core::Actor> speaker;
    for (const Group& g : s.groups)
      if (g.attribution) {
        auto a = GroupActors(s, g);
        if (!a.empty()) speaker = {a.back()};
      }
    if (quote && !speaker.empty()) {
      // A bare demonym ("den Russen") names the person of the previous
      // sentence when that person has the same country.
      if (speaker[0].kind != core::ActorKind::kPerson) {
        for (const core::Actor& person : s.ctx.last_persons)
          if (person.country == speaker[0].country) {
            speaker = {person};
            break;
          }
      }
      ev.actors = speaker;
      ev.rule += "; actor = quoted speaker";
      ev.actor_fallback = true;
    }
    // A quote without a speaker is not given the previous sentence's
    // person: on the dev articles that guess was never right.
    // An interview's answer: "wir", "ich" are the person answering.
    if (ev.actors.empty() && s.speaker && HasFirstPersonSubject(s, p->ci)) {
      ev.actors = {*s.speaker};
      ev.rule += "; actor = the interview's answerer";
      ev.actor_fallback = true;
    }
  }
  // German only: an English "He", "They" without a person to name gave
  // the previous actors to none of 4 right events on the dev articles.
  if (s.de && ev.actors.empty() && OpensWithSubjectPronoun(s, p->ci) &&
      !s.ctx.last_actors.empty() && !cl.quote) {
    ev.actors = s.ctx.last_actors;
    ev.inherited_actors = true;
    ev.rule += "; pronoun subject = previous actors";
    ev.actor_fallback = true;
  }
}

// Carry the previous actors (and recipients: both sides of a joint act)
// only where the story continues: a sentence opening with an anaphoric word
// ("Dazu", "Es", "Then", "They"); never for a crowd's act. (A symmetric
// type alone, the meeting after the agreement, carried wrong actors far
// more often than right ones.)
void CarryOverActors(const SentenceState& s, Predicate* p) {
  CandidateEvent& ev = p->ev;
  if (!ev.actors.empty() || s.ctx.last_actors.empty()) return;
  for (const Group& g : s.groups)
    if (!g.attribution && !g.group_ref) return;  // an actor is named
  const core::EventTypeInfo type = TypeOf(ev.type);
  const bool continues =
      !type.crowd && ((s.cs[0] & kAnaphora) ||
                      (s.n > 1 && s.toks[0].punct && (s.cs[1] & kAnaphora)));
  if (!continues) return;
  // Only a joint act (a symmetric type, or "gemeinsam" in its clause) in
  // the sentence's first clause, not named in a
  // prepositional or temporal phrase: "Dazu fand ein Treffen statt", "Es
  // sollen gemeinsame Übungen durchgeführt werden". On the dev articles
  // other acts carried wrong actors seven times in eight ("Dazu sei man
  // aufgrund einer Vereinbarung verpflichtet", "Zudem wünscht sie sich
  // Sanktionen").
  const Clause& cl = s.clauses[p->ci];
  bool joint = false;
  for (int i = cl.first; i <= cl.last; ++i) joint = joint || (s.cs[i] & kJoint);
  if (!(type.symmetric || joint) || p->ci != 0 || s.background[p->hit] ||
      p->prep_before)
    return;
  ev.actors = s.ctx.last_actors;
  for (const core::Actor& r : s.ctx.last_recipients) ev.actors.push_back(r);
  ev.inherited_actors = true;
  ev.rule += "; actors carried over from the previous event";
}

// One actor: the same mention, or one country named twice. Two organs of
// one state are two ("Die Opposition kritisiert die Regierung": both are
// Italy's, one OPP, one GOV).
bool SameActor(const core::Actor& x, const core::Actor& a) {
  return (x.code == a.code && x.text == a.text) ||
         (x.kind == core::ActorKind::kCountry &&
          a.kind == core::ActorKind::kCountry && x.country == a.country &&
          (x.sector == a.sector || x.sector.empty() || a.sector.empty()));
}

// "the U.S. embassies in Kenya and Tanzania", "die US-Botschaft in
// Nairobi": a place after a mission's noun says where the mission is; it is
// no party to what is done to the mission.
bool LocatesMission(const SentenceState& s, const Group& g) {
  if (!(g.prep_cues & kLocativePreps)) return false;
  for (int k = g.first - 1; k >= 1 && k >= g.first - 3; --k) {
    if (!(s.cw[k] & kLocativePreps)) continue;
    const std::string& noun = s.toks[k - 1].lower;
    for (const std::string& m : s.cues.mission_nouns.words())
      if (noun == m || (s.de && noun.ends_with(m))) return true;
    return false;
  }
  return false;
}

// May group g be a recipient of p? In scope (its clause, or a later one
// up to the governed action), not the actors, after the trigger in English
// (unless the bare subject of a passive), and governed by a preposition
// that can mark a target.
bool RecipientCandidate(const SentenceState& s, const Predicate& p, int gi,
                        const core::EventTypeInfo& type) {
  const Group& g = s.groups[gi];
  const int head = p.h.head;
  if (gi == p.actor_group || gi == p.bystander_group || gi == p.victim_group ||
      gi == p.destination_group || g.attribution || (p.agent && &g == p.agent))
    return false;
  if (g.group_ref || g.bracketed || g.admin_names || LocatesMission(s, g))
    return false;
  const bool in_scope =
      g.clause == p.ci || (g.clause > p.ci && g.last <= p.scope_last);
  if (!in_scope) return false;
  const uint64_t prep = g.prep_cues;
  if (!s.de && g.last < head && !(p.passive && g.prep.empty())) return false;
  if (s.de && g.last < head && !g.prep.empty() && !(prep & kRecipientPreps) &&
      !(prep & kBetweenPreps) && !(type.material && (prep & kLocativePreps)))
    return false;
  if (prep & kOtherPreps) return false;
  // English: a group in a phrase whose head is another event noun is that
  // act's owner ("killed in a Russian air strike").
  if (!s.de && !g.prep.empty() && !(prep & kRecipientPreps))
    for (const TriggerHit& o : s.hits)
      if (&o != &p.h && o.head > g.last && HitIsNoun(s, o) &&
          PremodifiesNoun(s, g, o.head))
        return false;
  // A group after "in" is a target only where the type allows it.
  const bool locative = (prep & kLocativePreps) && !(prep & kRecipientPreps);
  if (locative && !type.locative_target) return false;
  return true;
}

// A noun trigger followed by its "between" phrase ("clashes between
// soldiers and rebels"): the sides are its actors, whoever the clause's
// subject is ("Eight people died in clashes between …").
bool BetweenFollowsNoun(const SentenceState& s, const Predicate& p) {
  for (const Group& g : s.groups)
    if (g.clause == p.ci && !g.attribution && (g.prep_cues & kBetweenPreps) &&
        g.first > p.h.head && g.first - p.h.head <= (p.noun ? 3 : 2))
      return true;
  return false;
}

// "Zwischen Indien und Pakistan kam es zu Gefechten": both sides act.
void BetweenActors(const SentenceState& s, Predicate* p) {
  CandidateEvent& ev = p->ev;
  for (const Group& g : s.groups) {
    if (g.clause != p->ci || g.attribution || !(g.prep_cues & kBetweenPreps))
      continue;
    ev.actors = GroupActors(s, g);
    std::vector<core::Actor> rest;
    for (const core::Actor& r : ev.recipients) {
      bool in = false;
      for (const core::Actor& a : ev.actors)
        in = in || (a.code == r.code && a.text == r.text);
      if (!in) rest.push_back(r);
    }
    ev.recipients = rest;
    ev.rule += "; actors = both sides of 'between'";
    return;
  }
}

// No recipient named: the owner of a noun named earlier ("der Schirm" ->
// USA), after the trigger (up to a subordinate clause that follows) or, in
// German, before it.
void OwnerRecipient(const SentenceState& s, Predicate* p) {
  CandidateEvent& ev = p->ev;
  const Clause& cl = s.clauses[p->ci];
  const int head = p->h.head;
  int owner_last = p->scope_last;
  if (p->ci + 1 < static_cast<int>(s.clauses.size()) &&
      s.clauses[p->ci + 1].subordinate && !s.clauses[p->ci + 1].attribution)
    owner_last = std::max(owner_last, s.clauses[p->ci + 1].last);
  std::optional<core::Actor> o = OwnerIn(s, head + 1, owner_last, ev.actors);
  if (!o && s.de) o = OwnerIn(s, cl.first, head - 1, ev.actors);
  if (o) {
    ev.recipients.push_back(*o);
    ev.rule += "; recipient = owner of a noun named earlier";
  }
}

// No recipient named: what the actors stand against, named with them
// ("anti-Castro demonstrators marched" -> Castro, "Anti-Erdogan-
// Demonstranten").
void OpposedRecipient(const SentenceState& s, Predicate* p) {
  if (p->actor_group < 0) return;
  const Group& g = s.groups[p->actor_group];
  CandidateEvent& ev = p->ev;
  for (const MentionRef& r : s.refs) {
    if (!r.opposed || r.first < g.first - 1 || r.first > g.last) continue;
    bool dup = false;
    for (const core::Actor& a : ev.actors)
      dup = dup || SameActor(a, *r.m->actor);
    if (dup) continue;
    ev.recipients.push_back(*r.m->actor);
    ev.rule += "; recipient = what the actors stand against (anti-)";
    return;
  }
}

// A stance on a definite object ("stellen sich gegen die Pläne") refers
// back to the previous event's recipients.
void DefiniteObjectRecipients(const SentenceState& s, Predicate* p) {
  CandidateEvent& ev = p->ev;
  bool definite_object = false;
  for (int i = p->h.head + 1; i <= p->scope_last && i < s.n; ++i)
    if (s.cw[i] & kDefiniteDeterminers) definite_object = true;
  if (!definite_object) return;
  for (const core::Actor& r : s.ctx.last_recipients) {
    bool dup = false;
    for (const core::Actor& a : ev.actors)
      if (a.country == r.country) dup = true;
    if (!dup) ev.recipients.push_back(r);
  }
  if (!ev.recipients.empty())
    ev.rule += "; recipient carried over (definite object)";
}

// The speaker an attribution names before token `before` ("…, so
// Faymann", "…, sagte Kurz"): the last actor of the last such group, or
// none.
std::vector<core::Actor> AttributedSpeaker(const SentenceState& s, int before) {
  std::vector<core::Actor> speaker;
  for (const Group& g : s.groups)
    if (g.attribution && g.last < before) {
      auto a = GroupActors(s, g);
      if (!a.empty()) speaker = {a.back()};
    }
  return speaker;
}

// A judgement ("absurd", "inakzeptabel") without a judging verb in its
// clause: the actors found are what is judged, and the judge is the
// speaker the sentence names ("…, so Faymann", "…, sagte Kurz") or the
// interview's answerer. With no speaker, or nothing judged, the writer
// judges: commentary, no actor.
void JudgeAndJudged(const SentenceState& s, Predicate* p) {
  if (!p->e.judgement || HasFirstPersonSubject(s, p->ci)) return;
  CandidateEvent& ev = p->ev;
  const Clause& cl = s.clauses[p->ci];
  for (int i = cl.first; i <= cl.last; ++i)
    if (s.cues.judging_verbs.Has(s.toks[i].lower)) {
      // "Faymann nannte die Position der FPÖ absurd": the verb's subject
      // judges, the rest is judged. English: the bare group before the
      // verb ("Britain called the Russian plan unacceptable").
      int sg = s.de ? SubjectGroup(s, *p) : -1;
      for (size_t gi = 0; !s.de && gi < s.groups.size(); ++gi) {
        const Group& g = s.groups[gi];
        if (g.clause == p->ci && g.last < i && g.prep.empty() &&
            !g.attribution && !g.genitive)
          sg = static_cast<int>(gi);
      }
      if (sg < 0) return;
      std::vector<core::Actor> judge = GroupActors(s, s.groups[sg]);
      if (judge.empty() || judge == ev.actors) return;
      p->judged = ev.actors;
      ev.actors = judge;
      ev.rule += "; actor = the judging verb's subject";
      return;
    }
  std::vector<core::Actor> judge = AttributedSpeaker(s, s.n);
  if (judge.empty() && s.speaker) judge = {*s.speaker};
  p->judged = ev.actors;
  if (judge.empty() || p->judged.empty()) {
    ev.actors.clear();
    ev.rule += "; a judgement with no speaker or nothing judged: commentary";
    return;
  }
  ev.actors = judge;
  ev.inherited_actors = false;
  ev.rule += "; actor = the speaker who judges, recipient = what is judged";
}

// English: a demand made by an obligation ("Straw said the Sudanese
// government must reach an agreement"): the speaker the sentence names
// demands; whoever must act is addressed (obligation_modals). With no
// speaker the subject stays.
void ObligedAddressee(const SentenceState& s, Predicate* p) {
  if (s.de || !s.cues.obligation_modals.Has(s.toks[p->h.head].lower)) return;
  std::vector<core::Actor> speaker = AttributedSpeaker(s, p->h.head);
  // Or the subject of a verb of saying before it ("Straw said … that").
  for (const TriggerHit& h : s.hits) {
    if (!speaker.empty() || h.head >= p->h.head ||
        HitRole(s, h) != TriggerRole::kReport)
      continue;
    const int ci = s.clause_of[h.head];
    for (const Group& g : s.groups)
      if (g.clause == ci && g.last < h.first && g.prep.empty() && !g.genitive) {
        auto a = GroupActors(s, g);
        if (!a.empty()) speaker = {a.back()};
      }
  }
  if (speaker.empty() || speaker == p->ev.actors) return;
  p->judged = p->ev.actors;
  p->ev.actors = speaker;
  p->ev.inherited_actors = false;
  p->ev.rule += "; actor = the speaker, recipient = who must act";
}

// An act of force named by a noun in a prepositional phrase, with a verb
// of dying between the subject and it: "27 soldiers and a civilian died in
// the bombing", "Zwölf Soldaten kamen bei dem Anschlag ums Leben".
bool DiedInAct(const SentenceState& s, const Predicate& p, const Group& g) {
  if (!p.noun || p.prep_at < 0 || !TypeOf(p.ev.type).force) return false;
  const Clause& cl = s.clauses[p.ci];
  for (int i = std::max(g.last + 1, cl.first); i <= cl.last && i < s.n; ++i)
    if (i != p.h.head && s.cues.victim_verbs.Has(s.toks[i].lower)) return true;
  return false;
}

}  // namespace

void FindActors(const SentenceState& s, Predicate* p) {
  if (InterviewerSie(s, *p)) {
    p->ev.actors = {*s.ctx.interviewee};
    p->ev.inherited_actors = true;  // named in another sentence
    p->ev.rule += "; the interviewer's \"Sie\" = the interviewee";
    return;
  }
  int gi = AgentGroup(s, *p);
  if (gi >= 0) p->agent = &s.groups[gi];
  // An English verb form used as a noun has an owner too, when a country's
  // adjective names it ("a Russian attack on Kharkiv", "a Russian missile
  // strike"); a name before it may be its target ("the U.S. Embassy
  // bombings", "the Bin Laden investigation").
  if (gi < 0 && !p->noun && p->e.pos != TriggerPos::kAdjective && !s.de &&
      EnglishNounUse(s, p->h)) {
    gi = NounOwnerGroup(s, *p);
    // Before the noun only adjectives and groups own it; a visit's
    // of-phrase after it names the visitor.
    if (gi >= 0 && !AdjectivesOrGroups(s.groups[gi]) &&
        s.groups[gi].first < p->h.head)
      gi = -1;
  }
  // (A German verb form of an entry that holds nouns, "getroffen" of
  // "Treffen", is lower case: a verb, whose subject may be a pronoun.)
  const bool german_verb_form =
      s.de && p->noun && !s.toks[p->h.head].capitalized && !p->h.compound;
  if (german_verb_form && PronounPersonSubject(s, p)) return;
  if (gi < 0 && (p->noun || p->e.pos == TriggerPos::kAdjective)) {
    gi = NounOwnerGroup(s, *p);
    if (gi >= 0 && NamesDestination(s, *p, s.groups[gi])) {
      p->destination_group = gi;
      gi = -1;
    } else if (gi >= 0 && PlaceModifier(s, *p, s.groups[gi])) {
      p->place_group = gi;
      gi = -1;
    }
  }
  if (gi < 0 && PronounPersonSubject(s, p)) return;
  // An act of force named in a time adjunct is not done by the clause's
  // subject ("Nach den Bombenexplosionen in Brüssel fahnden die
  // Sicherheitsbehörden …", "after the Nairobi bombing, rescuers …").
  // Nor one a bystander preposition names ("paid tribute to the bombing
  // victims", "wegen des Anschlags"); nouns only: an English verb form after
  // "to" or "in" ("tried to hack", "engaged in ethnic cleansing") is the
  // subject's own act.
  const bool bystander =
      p->prep_at >= 0 && s.cues.bystander_preps.Has(s.toks[p->prep_at].lower);
  // English: an act of force named as a noun ("victims of terrorist
  // attacks on …", "charged in the 1995 shooting") is not done by the
  // clause's subject either; in a clash the subject is a side ("troops
  // were killed in clashes with …").
  const bool english_noun_force = !s.de && TypeOf(p->ev.type).force &&
                                  !p->noun && p->ev.mode != "clash" &&
                                  EnglishNounUse(s, p->h);
  const bool adjunct_attack =
      (p->noun && TypeOf(p->ev.type).force &&
       ((p->prep_before & kBackgroundPreps) || bystander)) ||
      english_noun_force;
  if (gi < 0 && !p->passive && adjunct_attack)
    p->bystander_group = SubjectGroup(s, *p);
  if (gi < 0 && !p->passive && !adjunct_attack) gi = SubjectGroup(s, *p);
  if (gi >= 0 && DiedInAct(s, *p, s.groups[gi])) {
    p->victim_group = gi;
    p->ev.rule += "; the subject died in the act: its victim";
    gi = -1;
  }
  if (gi >= 0 && (gi == p->destination_group || gi == p->place_group)) gi = -1;
  p->actor_group = gi;
  if (gi >= 0) TakeActors(s, gi, p);
  if (!p->passive) FallbackActors(s, p);
  CarryOverActors(s, p);
  JudgeAndJudged(s, p);
  ObligedAddressee(s, p);
}

void FindRecipients(const SentenceState& s, Predicate* p) {
  CandidateEvent& ev = p->ev;
  const core::EventTypeInfo type = TypeOf(ev.type);
  int taken = 0;
  if (!p->judged.empty()) {
    ev.recipients = p->judged;
    ++taken;
  }
  if (p->victim_group >= 0) {
    ev.recipients = GroupActors(s, s.groups[p->victim_group]);
    ++taken;
  }
  if (p->destination_group >= 0) {
    ev.recipients = GroupActors(s, s.groups[p->destination_group]);
    ev.rule += "; recipient = the place the visit names";
    ++taken;
  }
  for (size_t gi = 0; gi < s.groups.size() && taken < 2; ++gi) {
    // A group opening the trigger phrase ("protesters gathered") is its
    // subject, never its recipient.
    if (s.groups[gi].first == p->h.first && s.groups[gi].last < p->h.last)
      continue;
    if (!RecipientCandidate(s, *p, static_cast<int>(gi), type)) continue;
    for (const core::Actor& a : GroupActors(s, s.groups[gi])) {
      bool dup = false;
      for (const core::Actor& x : ev.actors)
        if (SameActor(x, a)) dup = true;
      for (const core::Actor& x : ev.recipients)
        if (SameActor(x, a)) dup = true;
      if (!dup) ev.recipients.push_back(a);
    }
    ++taken;
  }
  if (ev.actors.empty() || BetweenFollowsNoun(s, *p)) BetweenActors(s, p);
  // Symmetric events between a coordinated pair: both are actors. Not the
  // subject of a passive ("Poland and Hungary have been accepted as
  // members"): it is what the act was done to. Nor where a visit went
  // ("when visiting Kenya"): a visit is not symmetric.
  if (type.symmetric && ev.actors.empty() && !ev.recipients.empty() &&
      !p->passive && ev.mode != "visit") {
    ev.actors = ev.recipients;
    ev.recipients.clear();
  }
  if (ev.recipients.empty() && !type.symmetric) OpposedRecipient(s, p);
  if (ev.recipients.empty() && !type.symmetric) OwnerRecipient(s, p);
  if (ev.recipients.empty() && !type.symmetric &&
      !s.ctx.last_recipients.empty() && type.stance)
    DefiniteObjectRecipients(s, p);
}

}  // namespace geotl::ingest::code
