#include "ingest/code/retype.h"

#include <set>
#include <string>

namespace geotl::code {
namespace {

constexpr std::string_view kAgree = "AGREE";
constexpr std::string_view kThreaten = "THREATEN";
constexpr std::string_view kCooperate = "COOPERATE";

}  // namespace

void ApplyJoint(const SentenceState& s, Predicate* p) {
  CandidateEvent& ev = p->ev;
  const Clause& cl = s.clauses[p->ci];
  bool joint = false;
  for (int i = cl.first; i <= cl.last; ++i)
    if (s.cs[i] & kJoint) joint = true;
  std::set<std::string> actor_countries;
  for (const Actor& a : ev.actors) actor_countries.insert(a.country);
  const bool together = joint || actor_countries.size() >= 2;
  const TriggerEntry& e = p->e;
  if (!e.joint_type.empty() && together) {
    auto jt = FindEventType(e.joint_type);
    ev.type = e.joint_type;
    ev.cameo = e.joint_cameo.empty() ? std::string(jt->cameo) : e.joint_cameo;
    ev.label = e.joint_label.empty() ? std::string(jt->label) : e.joint_label;
    ev.rule += "; joint -> " + ev.type;
  }
  // An agreement on a joint act takes the act's joint label.
  if (ev.content_entry >= 0) {
    const TriggerEntry& ce = s.lex.entry(ev.content_entry);
    if (!ce.joint_type.empty() && together && ev.type == kAgree)
      ev.label = ce.joint_label;
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
  const EventTypeInfo type = TypeOf(ev.type);
  if (!p.intent || p.role != TriggerRole::kContent ||
      !(type.cooperative || type.hostile) || ev.type == kAgree)
    return std::nullopt;
  CandidateEvent derived = ev;
  const bool coop = type.cooperative;
  derived.type = coop ? kAgree : kThreaten;
  derived.cameo = TypeOf(derived.type).cameo;
  derived.mode = "";
  derived.label = coop ? "intent: " + ev.label : "threat: " + ev.label;
  derived.status = p.negated ? EventStatus::kNegated : EventStatus::kOccurred;
  derived.confidence = ev.confidence + 0.12;
  derived.rule += "; intent -> " + derived.type;
  derived.fatalities.reset();
  if (derived.location &&
      derived.location->precision == PlacePrecision::kRegion)
    derived.location.reset();
  derived.size.reset();
  return derived;
}

}  // namespace geotl::code
