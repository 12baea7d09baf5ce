// What a sentence or a trigger does not assert: a question, a light verb
// or an interview. Their triggers code no
// events (docs/annotation.md: questions and interviews are not events).
#pragma once

#include "ingest/code/sentence_state.h"

namespace geotl::ingest::code {

// A question ("…?", also inside closing quotes): the sentence asserts no
// act. (An interviewer's turn that states a fact, "STANDARD: Fischer hat
// … verweigert", does.)
bool AssertsNothing(const SentenceState& s);

// The trigger stands in an indirect question ("ob sich die Zahl … verringert
// hat", "comment on whether two suspects remained in detention"): "ob",
// "whether" before it in its clause, no punctuation between.
bool InIndirectQuestion(const SentenceState& s, const TriggerHit& h);

// The trigger's entry lists a word (not_with) that its own word holds
// (a compound's first part or a hyphenated part), that a verb's clause
// holds (also as a compound's last part, for words of six letters or
// more), or that stands just before a noun or within four
// words after it:
// "Entscheidung" for "treffen", "STANDARD" for "Gespräch".
bool TakenAsNoEvent(const SentenceState& s, const Predicate& p);

// The trigger's entry lists words one of which the story so far (its
// sentence and those before it) must hold (needs_with), and it holds
// none: "Explosionen in der Hafenstadt Tianjin" is no attack,
// "Bombenexplosion", "the explosion of a roadside bomb" and an explosion
// in a story of bombings are.
bool LacksNeededWord(const SentenceState& s, const Predicate& p);

// A meeting noun after a preposition of setting ("decided at last year's
// Madrid summit to invite") with no partner after it ("at a meeting with
// Putin" is one), in a sentence that tells another act: where that act
// happened, not an act of its own.
bool SettingOfAct(const SentenceState& s, const Predicate& p);

// A noun that names people by their stance or office (stance_person_nouns,
// also as a compound's last part: "Eheöffnungsbefürworter") whose clause
// has no copula (copulas) before it: the phrase names people ("Taschner,
// Befürworter des Projekts, sagte"), it states no act; "Japan und Südkorea
// sind die einzigen Befürworter" does.
bool StanceNounNotPredicate(const SentenceState& s, const Predicate& p);

// English "helped hang a poster", "help eliminate threats": help before a
// bare verb is no aid; the act helped is the event.
bool HelpsBareVerb(const SentenceState& s, const Predicate& p);

// A hostile act's noun after the lead, with a definite determiner just
// before it or one word before and no preposition after it ("the
// bombings", "the Nairobi bombing", "nach dem Anschlag"): the act the story
// already told, not a new one.
// A fight that is a struggle, no clash: English "is fighting to keep the
// boy" (striving_markers, then a bare verb); German "hatten mit
// Minusgraden zu kämpfen" ("zu" and one of struggle_auxiliaries in the
// clause) and "für unsere Produktion zu kämpfen" (striving_markers with no
// actor or place in the three words after it).
bool StrivingNotFighting(const SentenceState& s, const Predicate& p);

// German: a one-word verb trigger in a main clause that a separable
// particle closes is another verb ("Die Polizei räumt ein, dass …" is no
// "räumt"; "stellte das Buch vor" no "stellte").
bool OtherVerbsParticle(const SentenceState& s, const Predicate& p);

bool KnownAct(const SentenceState& s, const Predicate& p);

// The speaker's own view: the trigger's clause has a first-person subject
// ("ich war skeptisch", "we want to help"), the act names no recipient
// and the sentence attributes it to no speaker ("…, so der ASGB").
// In interviews and quotes only positions aimed at another actor are
// events (docs/annotation.md, rule 9); call after FindRecipients.
bool SpeakersOwnView(const SentenceState& s, const Predicate& p);

// A commentator's view or act: every actor the clause names is a person
// introduced as a commentator (Mention::commentator: "der Mathematiker
// Rudolf Taschner … plädiert für …"); no political act (docs/annotation.md,
// "Not events"). Call after FindActors.
bool CommentatorsView(const SentenceState& s, const Predicate& p);

// A death or injury by nature or accident: an act of force with no actor
// in a sentence that names a disaster or mishap (cue list mishap_nouns,
// matched by a word's ending: "An earthquake killed ten people",
// "Bei einem Busunglück kamen … ums Leben"). No political act. Call after
// FindActors.
bool MishapHarm(const SentenceState& s, const Predicate& p);

}  // namespace geotl::ingest::code
