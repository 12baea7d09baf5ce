// Actor profile: what the store knows about one actor — who it is (name,
// country, sector, aliases per language, roles over time), event counts by
// type and year, top counterparts, first and last seen, latest events — for
// `geotl actor NAME|CODE` and /v1/actors/{code}. Built from the events that
// involve the actor (the caller queries the store with --actor); the words
// the articles used are its aliases, the codes it carried its roles. Pure
// functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/event.h"
#include "core/event_json.h"
#include "core/status.h"

namespace geotl::timeline {

struct ActorSubject {
  std::string query;     // as typed
  bool country = false;  // a state: matches its persons and organs too
  std::string code;    // alpha-3 for a country, else the code typed (may be "")
  std::string folded;  // geo::Fold(query), for name matching
};

// "Russland", "RUS", "ru" -> country RUS; anything else is a name or code.
ActorSubject ResolveActorSubject(std::string_view query);
bool ActorMatches(const core::Actor& a, const ActorSubject& s);
bool EventInvolves(const core::Event& e, const ActorSubject& s);

struct ActorRole {
  std::string code, country, sector, kind;
  std::string first, last;  // YYYY-MM-DD of the events carrying it
  int events = 0;
};

struct ActorProfile {
  std::string query, name, kind, code, country, sector;
  // (language, aliases by frequency) — words articles used for the actor,
  // plus the ICU country names for states.
  std::vector<std::pair<std::string, std::vector<std::string>>> aliases;
  std::vector<ActorRole> roles;  // by first date
  int events = 0, as_actor = 0, as_recipient = 0;
  std::vector<std::pair<std::string, int>> by_type;  // by count desc, type
  std::vector<std::pair<int, int>> by_year;          // year asc
  struct Counterpart {
    std::string key, name;
    int events = 0;
  };
  std::vector<Counterpart> counterparts;  // top N by events desc, key
  std::string first_seen, last_seen;      // over date.start / date.end
  std::vector<core::Event> latest;        // newest first
};

struct ActorProfileOptions {
  size_t top_counterparts = 10;
  size_t latest_events = 5;
};

// `events` may contain events not involving the subject; they are ignored.
// Negated events are not counted.
ActorProfile BuildActorProfile(const ActorSubject& subject,
                               const std::vector<core::Event>& events,
                               const ActorProfileOptions& options = {});

core::Json ToJson(const ActorProfile& p);
std::string RenderActorTable(const ActorProfile& p);

}  // namespace geotl::timeline
