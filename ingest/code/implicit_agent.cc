#include "ingest/code/implicit_agent.h"

#include "geo/country.h"

namespace geotl::ingest::code {

void AddImplicitAgent(const SentenceState& s, Predicate* p) {
  CandidateEvent& ev = p->ev;
  const std::string& sector = p->e.implicit_agent;
  if (sector.empty() || !ev.actors.empty()) return;
  std::string country;
  std::string why;
  if (ev.location && !ev.location->country.empty()) {
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
    return r.kind == core::ActorKind::kCountry && r.country == country &&
           r.sector.empty();
  });
  ev.actor_fallback = true;
  ev.rule += "; implicit agent = " + why + " " + sector;
}

}  // namespace geotl::ingest::code
