// The read API: one function per read of the store, shared by the CLI
// (`geotl events|event|counts|stats|actor|brief`) and the HTTP server
// (GET /v1/...), so the two front ends cannot disagree. Each read takes one
// typed *Params, which Parse*Params builds from named parameters (the CLI
// long flags without dashes, the HTTP query parameters), and returns a Read:
// the typed value the CLI's tables print, the store position it was read at,
// and the response body {data, meta} that `geotl … --format json` and the GET
// print byte for byte. Errors: kInvalidArgument with a message
// "<parameter>: <reason>" (ErrorParameter names it), kNotFound for an unknown
// actor or event id. docs/api.md holds the bodies. Thread-safe for
// concurrent calls on a shared Store.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/event_json.h"
#include "store/store.h"
#include "timeline/actor_profile.h"
#include "timeline/aggregate.h"
#include "timeline/brief.h"
#include "timeline/events.h"
#include "timeline/query.h"

namespace geotl::timeline {

// meta.as_of: the store's last committed write a read reflects.
struct AsOf {
  uint64_t sequence = 0;
  uint64_t millis = 0;  // wall-clock time of that write; 0: none yet
};
AsOf LatestAsOf(const store::Store& store);
// {"sequence":N,"time":"YYYY-MM-DDTHH:MM:SS.mmmZ"|null}
core::Json AsOfJson(const AsOf& as_of);
// Compact JSON, invalid UTF-8 replaced: how every body is printed.
std::string DumpBody(const core::Json& j);

template <typename T>
struct Read {
  T value;
  AsOf as_of;
  std::string body;
};

// GET /v1/events, `geotl events`: one page (timeline/events.h).
struct EventsParams {
  Query query;
};
core::Result<EventsParams> ParseEventsParams(const Params& p);
core::Result<Read<EventPage>> ReadEvents(const store::Store& store,
                                         const EventsParams& p,
                                         const RunOptions& run = {});

// GET /v1/events/{id}, `geotl event ID`: one stored record with its sources
// (the coder does not store why it coded an event: `geotl explain` re-codes
// the article's text for that). An id merged into another event answers its
// own coded record with `merged_into` set (meta.merged_into too).
struct EventParams {
  std::string id;
};
core::Result<EventParams> ParseEventParams(std::string id, const Params& p);
core::Result<Read<core::Event>> ReadEvent(const store::Store& store,
                                          const EventParams& p);

// GET /v1/counts, `geotl counts`. shape=rows: the body is the bare array of
// rows (Grafana Infinity).
struct CountsParams {
  CountsQuery query;
  bool rows = false;
};
core::Result<CountsParams> ParseCountsParams(const Params& p);
core::Result<Read<CountsResult>> ReadCounts(const store::Store& store,
                                            const CountsParams& p);

// GET /v1/stats, `geotl stats`: data is StatsData, the object `geotl stats
// --format json` prints alone (no clock values); meta adds as_of and the
// defaults clients show by (min_confidence). Takes no parameters.
struct StatsParams {};
core::Result<StatsParams> ParseStatsParams(const Params& p);
core::Result<Read<store::StoreStats>> ReadStats(const store::Store& store,
                                                const StatsParams& p);
core::Json StatsData(const store::StoreStats& s);

// GET /v1/actors/{name}, `geotl actor NAME`: the profile of an actor
// (timeline/actor_profile.h); kNotFound when nothing involves a name that is
// not a country. Takes no parameters besides the name.
struct ActorParams {
  std::string name;
};
core::Result<ActorParams> ParseActorParams(std::string name, const Params& p);
core::Result<Read<ActorProfile>> ReadActor(const store::Store& store,
                                           const ActorParams& p);

// GET /v1/actors?q=NAME: the code a name resolves to (as --actor does).
struct ActorSearchParams {
  std::string q;
};
core::Result<ActorSearchParams> ParseActorSearchParams(const Params& p);
core::Result<Read<ActorSubject>> ReadActorSearch(const store::Store& store,
                                                 const ActorSearchParams& p);

// GET /v1/briefing, `geotl brief`: the filters of events plus format
// (md|html|txt), out-lang (en|de) and changes (true: add the change against
// the previous period of the same length: from/to, else the 7 days ending at
// the latest event). The value is the rendered text, data.text of the body.
struct BriefingParams {
  Query query;  // min_confidence as ApplyBriefConfidence set it
  BriefOptions options;
  std::string format = "md";
  bool changes = false;
};
core::Result<BriefingParams> ParseBriefingParams(const Params& p);
core::Result<Read<std::string>> ReadBriefing(const store::Store& store,
                                             const BriefingParams& p);

// GET /v1/changes, `geotl events --changed-since SEQ --format json`: the
// change feed after write `since` (store/changes.h), one page of whole
// writes of at least `limit` changes; meta.next is the next page's since.
constexpr size_t kDefaultChangeLimit = 1000;
constexpr size_t kMaxChangeLimit = 10000;
struct ChangesParams {
  uint64_t since = 0;
  size_t limit = kDefaultChangeLimit;
};
core::Result<ChangesParams> ParseChangesParams(const Params& p);
core::Result<Read<store::ChangePage>> ReadChanges(const store::Store& store,
                                                  const ChangesParams& p);

// GET /v1/regions?lang=: the M49 regions (code, name in `lang`), World left
// out as events' regions leave it out.
struct RegionsParams {
  std::string lang = "en";
};
core::Result<RegionsParams> ParseRegionsParams(const Params& p);
using RegionList = std::vector<std::pair<std::string, std::string>>;
core::Result<Read<RegionList>> ReadRegions(const store::Store& store,
                                           const RegionsParams& p);

}  // namespace geotl::timeline
