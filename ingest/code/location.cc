#include "ingest/code/location.h"

#include <algorithm>
#include <cstdlib>
#include <set>
#include <unordered_map>

#include "geo/country.h"
#include "ingest/code/bare_groups.h"
#include "ingest/code/gazetteer_place.h"
#include "ingest/code/tokens.h"

namespace geotl::ingest::code {

std::optional<core::Place> CountryPlace(const std::string& alpha3,
                                        const std::string& text) {
  // Per-thread cache: country and region lookups go through ICU tables.
  thread_local std::unordered_map<std::string, std::optional<core::Place>>
      cache;
  auto it = cache.find(alpha3);
  if (it == cache.end()) {
    std::optional<core::Place> p;
    auto c = geo::CountryByCode(alpha3);
    if (c && alpha3.size() == 3) {
      p.emplace();
      p->name = c->name;
      p->country = c->alpha3;
      p->precision = core::PlacePrecision::kCountry;
      p->regions = geo::RegionsOf(c->alpha3);
    }
    it = cache.emplace(alpha3, std::move(p)).first;
  }
  if (!it->second) return std::nullopt;
  core::Place p = *it->second;
  p.text = text;
  return p;
}

namespace {

std::string MentionText(const SentenceState& s, const Mention& m) {
  return std::string(s.text.substr(m.start, m.end - m.start));
}

// A place mention's place, with the words that name it.
core::Place PlaceOf(const SentenceState& s, const Mention& m) {
  core::Place place = *m.place;
  if (place.text.empty()) place.text = MentionText(s, m);
  return place;
}

// A mention right after a locative preposition, over up to four words that
// are no finite verb and no other non-country mention. A division may
// follow the place it holds after a comma or bracket: "in Khaydaro,
// southern Mudug", "in Handwara (Kupwara, …)": an unknown village takes
// its district.
bool AfterLocative(const SentenceState& s, const MentionRef& r) {
  const bool division =
      r.m->kind == MentionKind::kPlace && r.m->place &&
      (r.m->place->precision == core::PlacePrecision::kAdmin1 ||
       r.m->place->precision == core::PlacePrecision::kAdmin2);
  int limit = 4;
  for (int k = r.first - 1, steps = 0; k >= 0 && steps < limit; --k, ++steps) {
    if (s.toks[k].punct && division && limit == 4 &&
        (s.toks[k].lower == "," || s.toks[k].lower == "(") && k > 0 &&
        s.toks[k - 1].capitalized) {
      limit = steps + 5;
      continue;
    }
    if (s.toks[k].punct) break;
    // German "ein in Belgien gesuchter Algerier": a preposition right
    // after a determiner opens an attribute of the noun that follows, not
    // the act's place.
    // ", bei dem ein französischer Techniker getötet wurde": a
    // preposition after a comma before a relative pronoun opens a relative
    // clause, no place.
    if (s.cw[k] & kLocativePreps)
      return !(s.de && k > 0 && (s.cw[k - 1] & kDeterminers)) &&
             !(k > 0 && s.toks[k - 1].lower == "," && k + 1 < r.first &&
               (s.cw[k + 1] & kRelatives));
    if (s.cw[k] & (kPassiveAux | kLocativeBreaks)) break;
    const int at = s.mention_at[k];
    if (at >= 0 && s.refs[at].m != r.m &&
        s.refs[at].m->kind != MentionKind::kCountry)
      break;
  }
  return false;
}

// The mention that names the event's place, or nullptr.
const Mention* LocativePlace(const SentenceState& s, const Predicate& p,
                             const core::EventTypeInfo& type) {
  const Mention* best = nullptr;
  int best_dist = 1 << 20;
  for (const auto& r : s.refs) {
    if (s.attributed[r.first] || r.border) continue;
    const Mention& m = *r.m;
    bool is_place = m.kind == MentionKind::kPlace && m.place;
    if (is_place && m.place->precision == core::PlacePrecision::kRegion &&
        !type.regional)
      continue;
    // Genitives are owners, not places ("Raketenabwehrschild der USA").
    if (s.de && r.first >= 2 && (s.cw[r.first - 1] & kGenitiveMarkers) &&
        s.toks[r.first - 2].capitalized && !s.toks[r.first - 2].punct)
      continue;
    // The event's place follows a locative preposition ("in Tokio",
    // "in der japanischen Provinz Kyoto"); a verb in between breaks it.
    if (!AfterLocative(s, r)) continue;
    // "ein in Belgien gesuchter Algerier": a people is no place.
    bool country_loc =
        !is_place && m.actor && m.kind == MentionKind::kCountry && !m.demonym;
    if (!is_place && !country_loc) continue;
    int dist =
        std::abs(r.first - p.h.head) + (s.clause_of[r.first] == p.ci ? 0 : 50);
    if (is_place && m.place->precision != core::PlacePrecision::kCountry)
      dist -= 5;
    if (dist < best_dist) {
      best_dist = dist;
      best = &m;
    }
  }
  return best;
}

// A visit's place is its object ("visited Nairobi", "besuchte Paris"): the
// first place after the trigger in its clause.
void VisitPlace(const SentenceState& s, Predicate* p) {
  for (const auto& r : s.refs) {
    if (s.attributed[r.first] || r.border || r.first <= p->h.head ||
        s.clause_of[r.first] != p->ci)
      continue;
    const Mention& m = *r.m;
    if (m.kind != MentionKind::kPlace || !m.place ||
        m.place->precision == core::PlacePrecision::kRegion)
      continue;
    p->ev.location = PlaceOf(s, m);
    p->ev.rule += "; place = object of the visit";
    // The place visited is not the visitor ("Gestern besuchte Kairo eine
    // Delegation", a capital read as its government): with no other
    // subject, the visit has no named actor.
    if (p->actor_group >= 0) {
      const Group& g = s.groups[p->actor_group];
      if (r.first >= g.first && r.last <= g.last) {
        p->ev.actors.clear();
        p->actor_group = -1;
        p->ev.rule += " (not its actor)";
      }
    }
    return;
  }
}

// An actor or recipient of the place's country.
core::Actor PlaceActor(const core::Place& place) {
  core::Actor a;
  a.text = place.text;
  a.name = geo::CountryName(place.country, "en");
  a.country = place.country;
  return a;
}

// The gazetteer's reading: a recognised town re-read with the sentence's
// context (admin names, countries), or a place the recogniser does not know
// when the location is missing or only a country or admin1 that holds it.
void GazetteerRefine(const SentenceState& s, Predicate* p) {
  if (!s.ctx.gazetteer) return;
  CandidateEvent& ev = p->ev;
  std::vector<std::string> parties;
  for (const core::Actor& a : ev.actors) parties.push_back(a.country);
  for (const core::Actor& a : ev.recipients) parties.push_back(a.country);
  if (ev.location && ev.location->precision == core::PlacePrecision::kCity) {
    if (auto r = ResolveMention(s, *ev.location, ev.location->text, parties)) {
      ev.location = std::move(*r);
      ev.rule += "; place = gazetteer reading of " + ev.location->text;
    }
    return;
  }
  // German capitalises every noun ("am Montag", "im Zentrum", "an
  // Schulen" all read as GeoNames places): the gazetteer reads German names
  // only after "in", "aus", "nach", "bei" (gazetteer_preps), never the
  // nouns of gazetteer_stop, and only where the text supports the reading
  // (gazetteer_place.cc).
  auto hit = GazetteerPlace(s, *p, parties);
  if (!hit) return;
  const core::Place& g = hit->place;
  bool take = !ev.location;
  if (ev.location && g.precision != core::PlacePrecision::kCountry) {
    const core::Place& l = *ev.location;
    if (l.precision == core::PlacePrecision::kRegion) take = true;
    if (l.precision == core::PlacePrecision::kCountry && l.country == g.country)
      take = true;
    if (l.precision == core::PlacePrecision::kAdmin1 &&
        l.country == g.country && g.precision != core::PlacePrecision::kAdmin1)
      take = true;
  }
  if (!take) return;
  ev.location = g;
  ev.rule += hit->unknown ? "; place = " + g.text +
                                ", a name the gazetteer does not know, in the "
                                "story's country"
                          : "; place = gazetteer " + g.text;
}

// The actor was named in the sentence by a people's adjective or name
// ("Cuban exiles", "ethnic Albanians"), not as a state.
bool PeopleNamed(const SentenceState& s, const core::Actor& a) {
  if (!BareCountry(a)) return false;
  for (const MentionRef& r : s.refs)
    if (r.m->actor && r.m->actor->code == a.code &&
        (r.m->adjective || r.m->demonym))
      return true;
  return false;
}

// The first city of country `c` the sentence names ("Moscow police",
// "Accra residents"), or null.
const Mention* CityNamed(const SentenceState& s, const std::string& c) {
  for (const MentionRef& r : s.refs)
    if (r.m->kind == MentionKind::kPlace && r.m->place &&
        r.m->place->country == c &&
        r.m->place->precision == core::PlacePrecision::kCity)
      return r.m;
  return nullptr;
}

}  // namespace

void PlaceEvent(const SentenceState& s, Predicate* p) {
  CandidateEvent& ev = p->ev;
  const core::EventTypeInfo type = TypeOf(ev.type);
  const Mention* best = LocativePlace(s, *p, type);
  if (best) {
    if (best->place) {
      ev.location = PlaceOf(s, *best);
    } else if (best->actor) {
      ev.location = CountryPlace(best->actor->country, MentionText(s, *best));
    }
  }
  if (!best && ev.mode == "visit") VisitPlace(s, p);
  GazetteerRefine(s, p);
  // No place named: the country the sentence makes clear, i.e. every
  // party is of one country and the event stays inside it (a domestic
  // target, or a crowd's act). An actor alone does not place its own
  // outward act (aid, sanctions, an attack) at home.
  if (!ev.location) {
    std::set<std::string> countries;
    for (const core::Actor& a : ev.actors) countries.insert(a.country);
    for (const core::Actor& a : ev.recipients) countries.insert(a.country);
    bool inside = !ev.recipients.empty() || type.crowd;
    // A people named by its adjective or name ("300 Congolese nationals
    // marched to Parliament") in a story placed in another country acts
    // there: the story's place below, not the people's country.
    bool people_abroad = s.ctx.home_is_place && s.ctx.home.size() == 3 &&
                         countries.size() == 1 &&
                         *countries.begin() != s.ctx.home &&
                         !ev.actors.empty() && ev.recipients.empty();
    for (const core::Actor& a : ev.actors)
      people_abroad = people_abroad && PeopleNamed(s, a);
    if (countries.size() == 1 && !countries.begin()->empty() && type.material &&
        inside && !people_abroad) {
      // In the country the story happens in: at the story's place.
      const std::string& c = *countries.begin();
      if (s.ctx.home_is_place && s.ctx.home == c && s.ctx.home_place &&
          s.ctx.home_place->country == c) {
        ev.location = *s.ctx.home_place;
        ev.rule += "; place = the story's place";
      } else if (const Mention* city = CityNamed(s, c)) {
        // "Hundreds of Accra residents protested": the city named.
        ev.location = PlaceOf(s, *city);
        ev.rule += "; place = the city of its parties' country named";
      } else {
        ev.location = CountryPlace(c, "");
      }
    }
  }
  // A foreign state's police or court acting with no place named acts at
  // home, not at the story's place: "Wien – Die Behörden in Ägypten haben
  // … Journalisten festgenommen" happened in Egypt.
  if (!ev.location && type.material && !s.ctx.home.empty() &&
      !ev.actors.empty()) {
    const std::string& c = ev.actors.front().country;
    bool domestic = c.size() == 3 && c != s.ctx.home;
    for (const core::Actor& a : ev.actors)
      domestic = domestic && a.country == c &&
                 (a.sector == "COP" || a.sector == "JUD");
    // A city of that country the sentence names ("Moscow police") is the
    // place; else the country.
    const Mention* city = domestic ? CityNamed(s, c) : nullptr;
    if (city) {
      ev.location = PlaceOf(s, *city);
      ev.rule += "; place = the acting police's or court's city";
    } else if (domestic) {
      ev.location = CountryPlace(c, "");
      ev.rule += "; country = the acting police's or court's";
    }
  }
  // Still no place: the story's place (its dateline, a note's first
  // place), unless the act is done abroad: on another country's ground.
  if (!ev.location && s.ctx.home_is_place && !s.ctx.home.empty()) {
    bool abroad = false;
    if (type.at_target)
      for (const core::Actor& a : ev.recipients)
        if (!a.country.empty() && a.country != s.ctx.home &&
            a.kind != core::ActorKind::kGroup)
          abroad = true;
    if (!abroad && s.ctx.home_place &&
        s.ctx.home_place->country == s.ctx.home) {
      ev.location = *s.ctx.home_place;
      ev.rule += "; place = the story's place";
    } else if (!abroad) {
      ev.location = CountryPlace(s.ctx.home, "");
      ev.rule += "; country = the story's place";
    }
  }
  // A bare group is a party only of force or a crowd's act (a gunmen's
  // attack, students' protest): elsewhere "people", "citizens" or
  // "students" are what an article is about, not who acts.
  if (!type.force && !type.crowd) {
    const bool had_actors = !ev.actors.empty();
    for (auto* v : {&ev.actors, &ev.recipients})
      v->erase(std::remove_if(v->begin(), v->end(),
                              [&](const core::Actor& a) {
                                return BareGroup(a) && !ProtestGroup(s, a);
                              }),
               v->end());
    if (had_actors && ev.actors.empty()) {
      ev.nonpolitical_actor = true;
      ev.rule += "; actor a bare group: no political act";
    }
  }
  // Non-state groups named without a country ("militants", "gunmen",
  // "protesters") are of the country of their place.
  if (ev.location && ev.location->country.size() == 3) {
    const std::string& c = ev.location->country;
    for (auto* v : {&ev.actors, &ev.recipients})
      for (core::Actor& a : *v)
        if (a.country.empty() && a.kind != core::ActorKind::kCountry) {
          a.country = c;
          a.code = c + a.code;
          if (a.name.empty()) a.name = geo::CountryName(c, "en");
        }
  }
  // The police named without a country ("die Polizei", "security forces")
  // took the article's home country; acting in a named place of another
  // country, they are that country's ("In Italien wurde ein Mann von der
  // Polizei festgenommen").
  if (ev.location && !ev.location->text.empty() &&
      ev.location->country.size() == 3 && p->actor_group >= 0 &&
      ev.location->country != s.ctx.home) {
    const std::string& c = ev.location->country;
    bool moved = false;
    for (const Mention* m : s.groups[p->actor_group].members) {
      if (!m->home || !m->actor || m->actor->sector != "COP") continue;
      for (core::Actor& a : ev.actors)
        if (a.code == m->actor->code && a.text == m->actor->text &&
            a.country == s.ctx.home) {
          a.country = c;
          a.code = c + a.sector;
          a.name = geo::CountryName(c, "en");
          moved = true;
        }
    }
    if (moved) ev.rule += "; police of the place";
  }
  // A bare group with no place: of the article's home country (a dateline,
  // the note's first place); with none its country stays unknown.
  if (!s.ctx.home.empty())
    for (auto* v : {&ev.actors, &ev.recipients})
      for (core::Actor& a : *v)
        if (BareGroup(a)) {
          a.country = s.ctx.home;
          a.code = s.ctx.home + a.code;
          a.name = geo::CountryName(s.ctx.home, "en");
        }
  // A people protesting in a named town abroad are people of that place
  // ("Cuban exiles protesting in Miami", "ethnic Albanians marched in
  // Istanbul"): protesters take the country they live in
  // (docs/annotation.md), not a state's act against that country.
  if (type.crowd && ev.location && !ev.location->text.empty() &&
      !ev.location->country.empty() &&
      ev.location->precision != core::PlacePrecision::kCountry &&
      ev.location->precision != core::PlacePrecision::kRegion) {
    bool moved = false;
    for (core::Actor& a : ev.actors)
      if (a.country != ev.location->country && PeopleNamed(s, a)) {
        a.country = ev.location->country;
        a.code = a.country + "CVL";
        a.sector = "CVL";
        a.kind = core::ActorKind::kGroup;
        a.name = geo::CountryName(a.country, "en");
        moved = true;
      }
    if (moved) ev.rule += "; a people abroad = people of the place";
  }
  if (ev.actors.empty() && type.crowd && ev.location &&
      !ev.location->country.empty()) {
    core::Actor a = PlaceActor(*ev.location);
    a.code = a.country + "CVL";
    a.sector = "CVL";
    a.kind = core::ActorKind::kGroup;
    ev.actors.push_back(a);
    ev.rule += "; protesters = people of the place";
  }
  // Material action in another country: that country is its target.
  if (ev.recipients.empty() && ev.location && !ev.location->country.empty() &&
      type.at_target) {
    bool own = false;
    for (const core::Actor& a : ev.actors)
      if (a.country == ev.location->country) own = true;
    if (!own && !ev.actors.empty()) {
      core::Actor t = PlaceActor(*ev.location);
      t.code = ev.location->country;
      t.kind = core::ActorKind::kCountry;
      ev.recipients.push_back(t);
      ev.rule += "; recipient = country of the location";
    }
  }
}

}  // namespace geotl::ingest::code
