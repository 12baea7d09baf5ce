// The JSON and table forms of an actor profile.
#include <sstream>

#include "timeline/actor_profile.h"
#include "timeline/brief_phrases.h"

namespace geotl::timeline {

core::Json ToJson(const ActorProfile& p) {
  core::Json j;
  j["query"] = p.query;
  j["name"] = p.name;
  j["kind"] = p.kind;
  j["code"] = p.code;
  j["country"] = p.country;
  j["sector"] = p.sector;
  core::Json aliases = core::Json::object();
  for (const auto& [lang, v] : p.aliases) aliases[lang] = v;
  j["aliases"] = aliases;
  core::Json roles = core::Json::array();
  for (const auto& r : p.roles)
    roles.push_back({{"code", r.code},
                     {"country", r.country},
                     {"sector", r.sector},
                     {"kind", r.kind},
                     {"first", r.first},
                     {"last", r.last},
                     {"events", r.events}});
  j["roles"] = roles;
  j["events"] = p.events;
  j["as_actor"] = p.as_actor;
  j["as_recipient"] = p.as_recipient;
  core::Json bt = core::Json::object();
  for (const auto& [t, n] : p.by_type) bt[t] = n;
  j["by_type"] = bt;
  core::Json by = core::Json::object();
  for (const auto& [y, n] : p.by_year) by[std::to_string(y)] = n;
  j["by_year"] = by;
  core::Json cps = core::Json::array();
  for (const auto& c : p.counterparts)
    cps.push_back({{"key", c.key}, {"name", c.name}, {"events", c.events}});
  j["counterparts"] = cps;
  j["first_seen"] =
      p.first_seen.empty() ? core::Json(nullptr) : core::Json(p.first_seen);
  j["last_seen"] =
      p.last_seen.empty() ? core::Json(nullptr) : core::Json(p.last_seen);
  core::Json latest = core::Json::array();
  for (const auto& e : p.latest) latest.push_back(ToJson(e));
  j["latest"] = latest;
  return j;
}

std::string RenderActorTable(const ActorProfile& p) {
  std::ostringstream o;
  o << p.name << (p.code.empty() ? "" : "  [" + p.code + "]") << "\n";
  o << "  kind:        " << (p.kind.empty() ? "-" : p.kind) << "\n";
  o << "  country:     " << (p.country.empty() ? "-" : p.country) << "\n";
  if (!p.sector.empty()) o << "  sector:      " << p.sector << "\n";
  for (const auto& [lang, v] : p.aliases) {
    o << "  aliases " << lang << ":  ";
    for (size_t i = 0; i < v.size(); ++i) o << (i ? ", " : "") << v[i];
    o << "\n";
  }
  o << "  events:      " << p.events << " (as actor " << p.as_actor
    << ", as recipient " << p.as_recipient << ")\n";
  o << "  first seen:  " << (p.first_seen.empty() ? "-" : p.first_seen) << "\n";
  o << "  last seen:   " << (p.last_seen.empty() ? "-" : p.last_seen) << "\n";
  if (!p.roles.empty()) {
    o << "\nroles\n";
    for (const auto& r : p.roles)
      o << "  " << r.first << " .. " << r.last << "  " << r.code << " ("
        << r.kind << (r.sector.empty() ? "" : ", " + r.sector) << ")  "
        << r.events << " events\n";
  }
  if (!p.by_type.empty()) {
    o << "\nevents by type\n";
    for (const auto& [t, n] : p.by_type) o << "  " << t << "  " << n << "\n";
  }
  if (!p.by_year.empty()) {
    o << "\nevents by year\n";
    for (const auto& [y, n] : p.by_year) o << "  " << y << "  " << n << "\n";
  }
  if (!p.counterparts.empty()) {
    o << "\ntop counterparts\n";
    for (const auto& c : p.counterparts)
      o << "  " << c.name << " [" << c.key << "]  " << c.events << "\n";
  }
  if (!p.latest.empty()) {
    o << "\nlatest events\n";
    for (const auto& e : p.latest)
      o << "  " << DateText(e.date, e.first_reported, "en") << "  "
        << EventLine(e, "en") << "  (" << e.id << ")\n";
  }
  return o.str();
}

}  // namespace geotl::timeline
