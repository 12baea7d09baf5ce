#include "timeline/actor_profile.h"

#include <algorithm>
#include <map>
#include <set>

#include "geo/country.h"
#include "geo/fold.h"
#include "timeline/brief_phrases.h"

namespace geotl::timeline {
namespace {

bool AllUpperAlnum(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  });
}

template <typename K>
std::vector<std::pair<K, int>> ByCountDesc(const std::map<K, int>& m) {
  std::vector<std::pair<K, int>> v(m.begin(), m.end());
  std::stable_sort(v.begin(), v.end(),
                   [](auto& a, auto& b) { return a.second > b.second; });
  return v;
}

std::string MostCommon(const std::map<std::string, int>& m) {
  auto v = ByCountDesc(m);
  return v.empty() ? "" : v.front().first;
}

}  // namespace

ActorSubject ResolveActorSubject(std::string_view query) {
  ActorSubject s;
  s.query = std::string(query);
  s.folded = geo::Fold(query);
  if (auto c = geo::CountryCodeForName(query)) {
    s.country = true;
    s.code = *c;
  } else if (AllUpperAlnum(query)) {
    s.code = std::string(query);
  }
  return s;
}

bool ActorMatches(const core::Actor& a, const ActorSubject& s) {
  if (s.country) return a.country == s.code;
  if (!s.code.empty() && a.code.rfind(s.code, 0) == 0) return true;
  if (s.folded.empty()) return false;
  return geo::Fold(a.name) == s.folded || geo::Fold(a.text) == s.folded;
}

bool EventInvolves(const core::Event& e, const ActorSubject& s) {
  for (const auto& a : e.actors)
    if (ActorMatches(a, s)) return true;
  for (const auto& a : e.recipients)
    if (ActorMatches(a, s)) return true;
  return false;
}

ActorProfile BuildActorProfile(const ActorSubject& subject,
                               const std::vector<core::Event>& events,
                               const ActorProfileOptions& opt) {
  ActorProfile p;
  p.query = subject.query;
  std::map<std::string, int> names, kinds, sectors, countries;
  std::map<std::string, std::map<std::string, int>>
      alias_count;  // lang -> text
  std::map<std::string, ActorRole> roles;
  std::map<std::string, int> types;
  std::map<int, int> years;
  std::map<std::string, ActorProfile::Counterpart> cps;
  std::vector<const core::Event*> mine;
  for (const auto& e : events) {
    if (e.status == core::EventStatus::kNegated || !e.merged_into.empty())
      continue;
    bool in_a = false, in_r = false;
    auto visit = [&](const core::Actor& a, bool* flag) {
      if (!ActorMatches(a, subject)) return;
      *flag = true;
      // A state's own aliases are the country words, not its ministers' names.
      bool own = !subject.country || a.kind == core::ActorKind::kCountry;
      if (own) {
        ++names[a.name];
        ++kinds[std::string(ToString(a.kind))];
        if (!a.sector.empty()) ++sectors[a.sector];
        if (!a.text.empty())
          ++alias_count[e.language.empty() ? "?" : e.language][a.text];
      }
      ++countries[a.country];
      std::string key = a.code + '|' + std::string(ToString(a.kind));
      ActorRole& r = roles[key];
      std::string d0 = core::FormatDate(e.date.start),
                  d1 = core::FormatDate(e.date.end);
      if (r.events == 0) {
        r = {a.code, a.country, a.sector, std::string(ToString(a.kind)),
             d0,     d1,        0};
      }
      r.first = std::min(r.first, d0);
      r.last = std::max(r.last, d1);
      ++r.events;
    };
    for (const auto& a : e.actors) visit(a, &in_a);
    for (const auto& a : e.recipients) visit(a, &in_r);
    if (!in_a && !in_r) continue;
    mine.push_back(&e);
    p.as_actor += in_a;
    p.as_recipient += in_r;
    ++types[e.type];
    ++years[e.date.start.year()];
    std::set<std::string> seen;
    auto other = [&](const core::Actor& a) {
      if (ActorMatches(a, subject)) return;
      std::string key =
          a.kind == core::ActorKind::kCountry && !a.country.empty()
              ? a.country
              : (a.name.empty() ? a.text : a.name);
      if (!seen.insert(key).second) return;
      auto& c = cps[key];
      c.key = key;
      if (c.name.empty()) c.name = ActorText(a, "en");
      ++c.events;
    };
    for (const auto& a : e.actors) other(a);
    for (const auto& a : e.recipients) other(a);
  }
  p.events = static_cast<int>(mine.size());
  if (subject.country) {
    p.kind = "country";
    p.code = p.country = subject.code;
    p.name = geo::CountryName(subject.code, "en");
    for (const char* l : {"en", "de"}) {
      std::string n = geo::CountryName(subject.code, l);
      if (!n.empty()) ++alias_count[l][n];
    }
  } else {
    p.name = MostCommon(names);
    p.kind = MostCommon(kinds);
    p.country = MostCommon(countries);
    p.sector = MostCommon(sectors);
    std::map<std::string, int> codes;
    for (const auto& [k, r] : roles) codes[r.code] += r.events;
    p.code = MostCommon(codes);
    if (p.name.empty()) p.name = subject.query;
  }
  for (const auto& [lang, texts] : alias_count) {
    std::vector<std::string> v;
    for (const auto& [t, n] : ByCountDesc(texts)) v.push_back(t);
    p.aliases.emplace_back(lang, std::move(v));
  }
  for (const auto& [k, r] : roles) p.roles.push_back(r);
  std::sort(p.roles.begin(), p.roles.end(),
            [](const ActorRole& a, const ActorRole& b) {
              return std::tie(a.first, a.code, a.kind) <
                     std::tie(b.first, b.code, b.kind);
            });
  p.by_type = ByCountDesc(types);
  p.by_year.assign(years.begin(), years.end());
  for (const auto& [k, c] : cps) p.counterparts.push_back(c);
  std::stable_sort(p.counterparts.begin(), p.counterparts.end(),
                   [](auto& a, auto& b) { return a.events > b.events; });
  if (p.counterparts.size() > opt.top_counterparts)
    p.counterparts.resize(opt.top_counterparts);
  for (const core::Event* e : mine) {
    std::string s = core::FormatDate(e->date.start),
                t = core::FormatDate(e->date.end);
    if (p.first_seen.empty() || s < p.first_seen) p.first_seen = s;
    if (p.last_seen.empty() || t > p.last_seen) p.last_seen = t;
  }
  std::sort(mine.begin(), mine.end(),
            [](const core::Event* a, const core::Event* b) {
              return std::tie(b->date.start, b->date.end, b->id) <
                     std::tie(a->date.start, a->date.end, a->id);
            });
  for (size_t i = 0; i < mine.size() && i < opt.latest_events; ++i)
    p.latest.push_back(*mine[i]);
  return p;
}

}  // namespace geotl::timeline
