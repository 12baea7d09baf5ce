#include "ingest/code/retype.h"

#include <algorithm>
#include <set>
#include <string>

#include "ingest/code/bare_groups.h"

namespace geotl::ingest::code {
namespace {

constexpr std::string_view kAgree = "AGREE";
constexpr std::string_view kThreaten = "THREATEN";
constexpr std::string_view kReject = "REJECT";
constexpr std::string_view kCooperate = "COOPERATE";
constexpr std::string_view kRequest = "REQUEST";
constexpr std::string_view kProtest = "PROTEST";

// A crowd: civilians, students, workers, refugees, journalists, medics, or
// a bare group of activists or party supporters, not an armed group.
bool Crowd(const core::Actor& a) {
  static const std::set<std::string> kCrowd = {"CVL", "EDU", "LAB",
                                               "REF", "JRN", "MED"};
  if (kCrowd.count(a.sector)) return true;
  return a.kind == core::ActorKind::kGroup &&
         (a.sector == "OPP" || a.sector == "PTY");
}

bool Police(const core::Actor& a) {
  return a.sector == "COP" || a.sector == "GOV";
}

bool Supporters(const core::Actor& a) {
  return a.kind == core::ActorKind::kGroup &&
         (a.sector == "OPP" || a.sector == "PTY");
}

// The event takes the alternative type, its CAMEO code and label (the
// type's own when the entry gives none).
void TakeType(const AltType& alt, CandidateEvent* ev) {
  auto t = core::FindEventType(alt.type);
  ev->type = alt.type;
  ev->cameo = alt.cameo.empty() ? std::string(t->cameo) : alt.cameo;
  ev->label = alt.label.empty() ? std::string(t->label) : alt.label;
}

// A politician, a party, or (as a target) a government or parliament.
bool Political(const core::Actor& a, bool target) {
  static const std::set<std::string> kPeople = {"PTY", "OPP", "LEG", "GOV",
                                                "JUD"};
  static const std::set<std::string> kBodies = {"GOV", "LEG", "OPP"};
  switch (a.kind) {
    case core::ActorKind::kPerson:
      return kPeople.count(a.sector) > 0;
    case core::ActorKind::kGroup:
      return a.sector == "PTY" || a.sector == "OPP";
    default:
      return target && kBodies.count(a.sector) > 0;
  }
}

}  // namespace

bool Armed(const core::Actor& a) {
  return a.sector == "REB" || a.sector == "UAF" || a.sector == "MIL";
}

void ApplyVerbal(const SentenceState& s, Predicate* p) {
  CandidateEvent& ev = p->ev;
  if (p->e.verbal.type.empty() || ev.actors.empty() || ev.recipients.empty())
    return;
  for (const core::Actor& a : ev.actors)
    if (!Political(a, false)) return;
  for (const core::Actor& a : ev.recipients)
    if (!Political(a, true)) return;
  // Deaths, fighters, a crowd, injuries or weapons make it a real attack
  // ("Anhänger der Partei griffen … an", "supporters … attacked", "PF
  // cadres attacked", "the mayor, who was hospitalized").
  for (int i = 0; i < s.n; ++i)
    if ((s.cs[i] & (kDeathWords | kCrowdWords)) ||
        s.cues.bodily_cues.Has(s.toks[i].lower))
      return;
  TakeType(p->e.verbal, &ev);
  ev.mode.clear();
  ev.rule += "; politicians' attack -> " + ev.type + " (with words)";
}

void ApplyMaterial(const SentenceState& s, Predicate* p) {
  if (p->e.material.type.empty()) return;
  // The goods follow "with", "mit" closely ("mit 50 Milliarden Dollar an
  // Krediten"; not "against criticism of their arms industries").
  const Clause& cl = s.clauses[p->ci];
  for (int i = cl.first; i <= cl.last; ++i) {
    if (!s.cues.partner_preps.Has(s.toks[i].lower)) continue;
    for (int k = i + 1; k <= cl.last && k <= i + 6; ++k)
      if (s.cues.material_goods.Has(s.toks[k].lower)) {
        TakeType(p->e.material, &p->ev);
        p->ev.mode.clear();
        p->ev.rule += "; support with goods -> " + p->ev.type;
        return;
      }
  }
}

void ApplyCrowd(Predicate* p) {
  CandidateEvent& ev = p->ev;
  if (ev.type != "ASSAULT" || (ev.mode != "clash" && ev.mode != "arson"))
    return;
  bool crowd = false, armed = false, police = false, supporters = true;
  for (const auto* v : {&ev.actors, &ev.recipients})
    for (const core::Actor& a : *v) {
      crowd = crowd || Crowd(a);
      armed = armed || Armed(a);
      police = police || Police(a);
      supporters = supporters && Supporters(a);
    }
  // Arson by a crowd; a crowd clashing with police, or party supporters
  // with each other. Herders against farmers, or anyone against soldiers
  // or an armed group, is a fight, not a riot.
  const bool riot =
      ev.mode == "arson"
          ? !ev.actors.empty() &&
                std::all_of(ev.actors.begin(), ev.actors.end(), Crowd)
          : crowd && !armed && (police || supporters);
  if (!riot) return;
  ev.type = "PROTEST";
  ev.mode = "riot";
  ev.cameo = "145";
  ev.label = "riot";
  ev.rule += "; a crowd's violence -> riot";
}

void ApplyJoint(const SentenceState& s, Predicate* p) {
  CandidateEvent& ev = p->ev;
  const Clause& cl = s.clauses[p->ci];
  bool joint = false;
  for (int i = cl.first; i <= cl.last; ++i)
    if (s.cs[i] & kJoint) joint = true;
  std::set<std::string> actor_countries;
  for (const core::Actor& a : ev.actors) actor_countries.insert(a.country);
  const bool together = joint || actor_countries.size() >= 2;
  const TriggerEntry& e = p->e;
  if (!e.joint.type.empty() && together) {
    TakeType(e.joint, &ev);
    ev.rule += "; joint -> " + ev.type;
  }
  // An agreement on a joint act takes the act's joint label.
  if (ev.content_entry >= 0) {
    const TriggerEntry& ce = s.lex.entry(ev.content_entry);
    if (!ce.joint.type.empty() && together && ev.type == kAgree)
      ev.label = ce.joint.label;
  }
  // Two or more states doing a hostile act together, with no state as its
  // target ("gemeinsam … Piraten bekämpfen"), act jointly: no clash
  // between them.
  if (TypeOf(ev.type).force && actor_countries.size() >= 2 &&
      ev.recipients.empty() && (joint || ev.inherited_actors)) {
    ev.type = kCooperate;
    ev.cameo = TypeOf(kCooperate).cameo;
    ev.mode.clear();
    ev.label = "joint operation";
    ev.rule += "; joint hostile act -> COOPERATE";
  }
}

std::optional<CandidateEvent> IntentEvent(const Predicate& p) {
  const CandidateEvent& ev = p.ev;
  const core::EventTypeInfo type = TypeOf(ev.type);
  if (!p.intent || p.role != TriggerRole::kContent ||
      !(type.cooperative || type.hostile) || ev.type == kAgree)
    return std::nullopt;
  CandidateEvent derived = ev;
  const bool coop = type.cooperative;
  derived.type = coop ? kAgree : kThreaten;
  derived.cameo = TypeOf(derived.type).cameo;
  derived.mode = "";
  derived.label = coop ? "intent: " + ev.label : "threat: " + ev.label;
  derived.status =
      p.negated ? core::EventStatus::kNegated : core::EventStatus::kOccurred;
  derived.confidence = ev.confidence + 0.12;
  derived.rule += "; intent -> " + derived.type;
  derived.fatalities.reset();
  if (derived.location &&
      derived.location->precision == core::PlacePrecision::kRegion)
    derived.location.reset();
  derived.size.reset();
  return derived;
}

void ApplyProtestDemand(const SentenceState& s, Predicate* p) {
  CandidateEvent& ev = p->ev;
  if (ev.type != kRequest || ev.actors.empty()) return;
  // Only a participle after a comma: the demand goes with what the crowd
  // did ("thronged the street, demanding"); "Protesters demanded …" is a
  // demand.
  const int head = p->h.head;
  if (s.de || head < 1 || s.toks[head - 1].lower != "," ||
      !s.toks[head].lower.ends_with("ing"))
    return;
  for (const core::Actor& a : ev.actors)
    if (!ProtestGroup(s, a)) return;
  for (const TriggerHit& h : s.hits)
    if (s.lex.entry(h.entry).type == kProtest) return;
  ev.type = kProtest;
  ev.cameo = "141";
  ev.mode = "demo";
  ev.label = "protest";
  ev.rule += "; protesters' demand -> protest";
}

void ApplyRefusal(Predicate* p) {
  CandidateEvent& ev = p->ev;
  if (!p->negated || p->conditional ||
      !(p->intent || p->planned || p->hypothetical) ||
      !TypeOf(ev.type).cooperative)
    return;
  ev.type = kReject;
  ev.cameo = TypeOf(ev.type).cameo;
  ev.mode = "";
  ev.label = "refusal: " + ev.label;
  ev.status = core::EventStatus::kOccurred;
  ev.rule += "; refused -> REJECT";
}

}  // namespace geotl::ingest::code
