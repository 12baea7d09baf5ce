// Governors and background: a governor ("forderte", "refused", "lehnte …
// ab") takes over the content triggers after it in its clause and the next
// two ("drohte, … anzugreifen"), in German also noun objects before it ("um
// Unterstützung gebeten"). German attributive participles ("das eroberte
// Gebiet") are no events; nouns in temporal phrases are background.
#pragma once

#include "ingest/code/sentence_state.h"

namespace geotl::ingest::code {

// The trigger is (used as) a noun: a noun entry, a compound's head, or a
// capitalised German word that does not open the sentence.
bool HitIsNoun(const SentenceState& s, const TriggerHit& h);
// English: a verb form used as a noun behind a determiner, a possessive or
// a preposition, past names, dates and modifiers ("the Nairobi bombing",
// "after the Aug. 7 bombings", "victims of terrorist attacks").
bool EnglishNounUse(const SentenceState& s, const TriggerHit& h);

// The act's noun modifies the noun after it ("the protest leaders", cues'
// compound_heads; an "-ing" form: "with bombing victims", gerund_heads):
// the phrase names people or things, not the act. `noun`: the hit is read
// as a noun.
bool ModifiesNoun(const SentenceState& s, const TriggerHit& h, bool noun);
// The act's noun follows an anniversary or commemoration within six words
// ("zum 75. Jahrestag der Luftschlacht", "the anniversary of the Aug. 7
// bombings"): an act long past that the day remembers, not a new one.
bool Commemorated(const SentenceState& s, const TriggerHit& h, bool noun);
// The hit is an infinitive: "to allow", "zu erlauben", "zuzulassen".
bool GovernedInfinitive(const SentenceState& s, const TriggerHit& h);
// The noun trigger is the object of a verb of its clause ("beschließen
// militärische Zusammenarbeit", "signed a new accord"): not after a
// preposition ("im Rahmen einer Kooperation"), not a genitive attribute
// ("Ende der Partnerschaft") and not the clause's opening subject ("Die
// Zusammenarbeit würde funktionieren").
bool NounIsObject(const SentenceState& s, const TriggerHit& h);

// The preposition that governs a noun trigger's phrase ("nach dem
// Anschlag", "after the bombing", "mit dem Treffen"): its token and its
// preposition cue bits; {-1, 0} if none.
struct NounPreposition {
  int at = -1;
  uint64_t bits = 0;
};
NounPreposition PrepositionBeforeNoun(const SentenceState& s,
                                      const TriggerHit& h);
// The entry's role, but a governor used as a noun is content.
TriggerRole HitRole(const SentenceState& s, const TriggerHit& h);

// Fills s->absorbed, s->governs and s->background. Needs clauses, hits and
// attribution.
void ReadGovernors(SentenceState* s);

}  // namespace geotl::ingest::code
