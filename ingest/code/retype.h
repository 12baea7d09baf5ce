// Retyping once the roles are known: an act of two or more states, or near
// a "joint" cue, takes the trigger's joint type (exercises: MOBILIZE ->
// COOPERATE); states using force together with no state as target
// cooperate ("gemeinsam … Piraten bekämpfen"); stated intent on a
// cooperative act is an AGREE, on a hostile one a THREATEN.
#pragma once

#include <optional>

#include "ingest/code/sentence_state.h"

namespace geotl::ingest::code {

// Soldiers, rebels, militias or unidentified armed men (sectors MIL, REB,
// UAF).
bool Armed(const core::Actor& a);

// The joint rules; may change p->ev's type, cameo, mode and label.
void ApplyJoint(const SentenceState& s, Predicate* p);

// A crowd's violence is a riot (PROTEST): civilians, students, workers or
// supporters clashing with police ("police clashed with protesters"), party
// supporters clashing with each other, arson by such a crowd ("students
// set ablaze the school"). Not with soldiers or an armed group.
void ApplyCrowd(Predicate* p);

// An act with a "verbal" alternative done by politicians or parties to
// politicians, parties, a government or parliament, with no deaths,
// fighters or crowd in the sentence, is done with words: "Strache griff
// Faymann scharf an", "Republicans attacked the Democrats' plan" (ACCUSE).
void ApplyVerbal(const SentenceState& s, Predicate* p);

// Support given with goods is aid: an act with a "material" alternative
// whose clause names money, loans or weapons (cue list material_goods)
// shortly after "with", "mit" (partner_preps): "hat den Irak mit 50
// Milliarden Dollar an Krediten unterstützt", "supported the rebels with
// weapons" (AID).
void ApplyMaterial(const SentenceState& s, Predicate* p);

// What protesters demand in a participle after a comma, in a sentence with
// no protest word of its own, is their protest: "Anti-Castro demonstrators
// thronged the street …, demanding that Elian be allowed to stay" (PROTEST,
// not REQUEST). "Protesters demanded …" stays a demand.
void ApplyProtestDemand(const SentenceState& s, Predicate* p);

// Refusing a cooperative act is a rejection, and it happened: a negated
// intent, plan or modal act of agreeing, meeting, supporting or lifting
// ("will keinen Kandidaten unterstützen", "will not lift the sanctions",
// "dass er ihn nicht unterstützen würde") becomes REJECT, occurred; not
// under a condition ("wenn …"). Run after DecideStatus.
void ApplyRefusal(Predicate* p);

// One predicate, one event: the stated intent ("wollen … kooperieren")
// replaces the intended act (PLOVER codes the expressed intent); nullopt
// when p states no such intent. Needs p->ev's status and confidence.
std::optional<CandidateEvent> IntentEvent(const Predicate& p);

}  // namespace geotl::ingest::code
