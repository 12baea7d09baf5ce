#include "ingest/code/rule_score.h"

namespace geotl::ingest::code {
namespace {

// The first clause that is not an attribution carries the main event.
int FirstMainClause(const SentenceState& s) {
  int c = 0;
  while (c + 1 < static_cast<int>(s.clauses.size()) &&
         (s.clauses[c].attribution || s.attributed[s.clauses[c].first]))
    ++c;
  return c;
}

}  // namespace

double RuleScore(const SentenceState& s, const Predicate& p) {
  const CandidateEvent& ev = p.ev;
  const TriggerEntry& e = p.e;
  // The order of the terms is kept: the score is compared and rounded.
  double c = 0.35;
  c += (e.pos == TriggerPos::kVerb) ? 0.15 : 0.08;
  if (p.role == TriggerRole::kGovernor) c += 0.05;
  if (!ev.actors.empty()) c += ev.inherited_actors ? 0.05 : 0.15;
  if (!ev.recipients.empty() ||
      (TypeOf(ev.type).symmetric && ev.actors.size() >= 2))
    c += 0.1;
  if (!s.clauses[p.ci].subordinate) c += 0.1;
  if (p.ci == FirstMainClause(s)) c += 0.05;
  c -= 0.25 * (1.0 - e.weight);
  if (ev.status == core::EventStatus::kHypothetical ||
      ev.status == core::EventStatus::kNegated)
    c -= 0.2;
  if (p.role == TriggerRole::kReport) c -= 0.25;
  if (s.background[p.hit]) c -= 0.3;
  // A noun in a prepositional phrase ("beim Besuch", "after talks") is
  // rarely its sentence's main event.
  if (ev.in_phrase) c -= 0.1;
  return c;
}

}  // namespace geotl::ingest::code
