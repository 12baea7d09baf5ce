#include "ingest/code/implicit_agent.h"

#include "geo/country.h"
#include "ingest/code/opening_place.h"

namespace geotl::ingest::code {
namespace {

// A deportation's or extradition's country named after a goal preposition
// is where the people are sent ("nach Afghanistan abgeschoben", "deported
// to Afghanistan"), not the state that sends them; "von dort aus
// abgeschoben" in Greece and "extradition from Britain" keep their place.
bool SentTo(const SentenceState& s, const Predicate& p,
            const std::string& country) {
  if (p.e.mode != "deport") return false;
  for (const MentionRef& r : s.refs) {
    if (r.first == 0 || s.clause_of[r.first] != p.ci) continue;
    if (MentionCountry(*r.m) == country &&
        s.cues.goal_preps.Has(s.toks[r.first - 1].lower))
      return true;
  }
  return false;
}

// The event's place was not named but taken from its parties' country, and
// the only party is the one acted on: "Zwei französische Journalisten sind
// verhaftet worden" in a story from Cairo is an arrest by Egypt's police,
// not France's (the nationality of those arrested is no place). A bare
// country among the recipients is a place stand-in ("extradition from
// Britain") and keeps its place.
bool PlaceFromRecipients(const CandidateEvent& ev) {
  if (!ev.location || !ev.location->text.empty()) return false;
  for (const core::Actor& r : ev.recipients)
    if (r.country == ev.location->country && !BareCountry(r)) return true;
  return false;
}

}  // namespace

void AddImplicitAgent(const SentenceState& s, Predicate* p) {
  CandidateEvent& ev = p->ev;
  const std::string& sector = p->e.implicit_agent;
  if (sector.empty() || !ev.actors.empty()) return;
  std::string country;
  std::string why;
  if (ev.location && !ev.location->country.empty() &&
      !SentTo(s, *p, ev.location->country) && !PlaceFromRecipients(ev)) {
    country = ev.location->country;
    why = "the place's";
  } else if (!s.ctx.last_place_country.empty()) {
    country = s.ctx.last_place_country;
    why = "the story's place's";
  } else if (!s.ctx.home.empty()) {
    country = s.ctx.home;
    why = "the home country's";
  } else {
    return;
  }
  core::Actor a;
  a.name = geo::CountryName(country, "en");
  a.country = country;
  a.code = country + sector;
  a.sector = sector;
  a.kind = core::ActorKind::kGroup;
  ev.actors.push_back(std::move(a));
  // The recipients may not hold the agent's own country as a bare place
  // stand-in ("in Belgien festgenommen" is no act against Belgium).
  std::erase_if(ev.recipients, [&](const core::Actor& r) {
    return BareCountry(r) && r.country == country;
  });
  ev.actor_fallback = true;
  ev.rule += "; implicit agent = " + why + " " + sector;
}

}  // namespace geotl::ingest::code
