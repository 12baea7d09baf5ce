// The reads of timeline/api.h but the actor profile and the briefing
// (api_profile.cc): parameters, bodies, as_of.
#include "timeline/api.h"

#include <algorithm>

#include "geo/country.h"
#include "timeline/api_params.h"

namespace geotl::timeline {

AsOf LatestAsOf(const store::Store& store) {
  return {store.Sequence(), store.LastWriteMillis()};
}

core::Json AsOfJson(const AsOf& as_of) {
  const std::string t = core::FormatMillis(as_of.millis);
  return {{"sequence", as_of.sequence},
          {"time", t.empty() ? core::Json(nullptr) : core::Json(t)}};
}

std::string DumpBody(const core::Json& j) {
  return j.dump(-1, ' ', false, core::Json::error_handler_t::replace);
}

core::Result<EventsParams> ParseEventsParams(const Params& p) {
  ASSIGN_OR_RETURN(Query q, ParseQuery(p));
  return EventsParams{std::move(q)};
}

core::Result<Read<EventPage>> ReadEvents(const store::Store& store,
                                         const EventsParams& p,
                                         const RunOptions& run) {
  ASSIGN_OR_RETURN(EventPage page, RunEvents(store, p.query, run));
  Read<EventPage> r;
  r.as_of = {page.as_of_sequence, page.as_of_millis};
  r.body = EventsBody(page);
  r.value = std::move(page);
  return r;
}

core::Result<EventParams> ParseEventParams(std::string id, const Params& p) {
  RETURN_IF_ERROR(NoneLeft(p, "events/{id} takes none"));
  if (id.empty()) return core::Status::Invalid("id: give an event id");
  return EventParams{std::move(id)};
}

core::Result<Read<core::Event>> ReadEvent(const store::Store& store,
                                          const EventParams& p) {
  Read<core::Event> r;
  r.as_of = LatestAsOf(store);
  ASSIGN_OR_RETURN(std::optional<core::Event> e, store.GetEvent(p.id));
  if (!e) return core::Status::NotFound("no event '" + p.id + "'");
  r.value = std::move(*e);
  core::Json meta = {{"as_of", AsOfJson(r.as_of)}};
  if (!r.value.merged_into.empty()) meta["merged_into"] = r.value.merged_into;
  // The record exactly as the events pages print it, then the meta.
  r.body =
      "{\"data\":" + ToJsonLine(r.value) + ",\"meta\":" + DumpBody(meta) + "}";
  return r;
}

core::Result<CountsParams> ParseCountsParams(const Params& p) {
  Params rest = p;
  CountsParams out;
  ASSIGN_OR_RETURN(std::string shape,
                   TakeOne(&rest, "shape", "body", {"body", "rows"}));
  out.rows = shape == "rows";
  ASSIGN_OR_RETURN(out.query, ParseCountsQuery(rest));
  return out;
}

core::Result<Read<CountsResult>> ReadCounts(const store::Store& store,
                                            const CountsParams& p) {
  ASSIGN_OR_RETURN(CountsResult c, RunCounts(store, p.query));
  Read<CountsResult> r;
  r.as_of = {c.as_of_sequence, c.as_of_millis};
  r.body = p.rows ? CountsRows(c) : CountsBody(c);
  r.value = std::move(c);
  return r;
}

core::Result<StatsParams> ParseStatsParams(const Params& p) {
  RETURN_IF_ERROR(NoneLeft(p, "stats takes none"));
  return StatsParams{};
}

core::Json StatsData(const store::StoreStats& s) {
  core::Json d;
  d["articles"] = s.articles;
  d["events"] = s.events;
  core::Json bt = core::Json::object();
  for (const auto& [t, n] : s.by_type) bt[t] = n;
  d["by_type"] = bt;
  d["first_date"] = s.first_date ? core::Json(core::FormatDate(*s.first_date))
                                 : core::Json(nullptr);
  d["last_date"] = s.last_date ? core::Json(core::FormatDate(*s.last_date))
                               : core::Json(nullptr);
  return d;
}

core::Result<Read<store::StoreStats>> ReadStats(const store::Store& store,
                                                const StatsParams&) {
  ASSIGN_OR_RETURN(store::StoreStats s, store.Stats());
  Read<store::StoreStats> r;
  // The sequence of the stats' own read view: the figures are exactly the
  // store at that sequence (read before them, a write in between would make
  // the figures newer than the sequence they carry).
  r.as_of = {s.as_of_sequence, store.LastWriteMillis()};
  // The defaults a client of the API shows by (the dashboard reads its
  // confidence threshold here: kDefaultMinConfidence, as `geotl brief`).
  core::Json defaults = {{"min_confidence", core::kDefaultMinConfidence}};
  r.body = DumpBody(
      {{"data", StatsData(s)},
       {"meta", {{"as_of", AsOfJson(r.as_of)}, {"defaults", defaults}}}});
  r.value = std::move(s);
  return r;
}

core::Result<ActorSearchParams> ParseActorSearchParams(const Params& p) {
  Params rest = p;
  ASSIGN_OR_RETURN(std::string q, TakeOne(&rest, "q", "", {}));
  RETURN_IF_ERROR(NoneLeft(rest, "actors takes q"));
  if (q.empty()) return core::Status::Invalid("q: give a name or code");
  return ActorSearchParams{std::move(q)};
}

core::Result<Read<ActorSubject>> ReadActorSearch(const store::Store& store,
                                                 const ActorSearchParams& p) {
  Read<ActorSubject> r;
  r.as_of = LatestAsOf(store);
  // The resolution `geotl actor` and --actor use: names in any language or
  // codes.
  r.value = ResolveActorSubject(p.q);
  const ActorSubject& s = r.value;
  core::Json data = core::Json::array();
  if (!s.code.empty())
    data.push_back(
        {{"code", s.code},
         {"kind", s.country ? "country" : "code"},
         {"name", s.country ? core::Json(geo::CountryName(s.code, "en"))
                            : core::Json(nullptr)}});
  const size_t n = data.size();
  r.body = DumpBody({{"data", std::move(data)},
                     {"meta", {{"total", n}, {"as_of", AsOfJson(r.as_of)}}}});
  return r;
}

core::Result<ChangesParams> ParseChangesParams(const Params& p) {
  Params rest = p;
  ChangesParams out;
  ASSIGN_OR_RETURN(std::string since, TakeOne(&rest, "since", "0", {}));
  ASSIGN_OR_RETURN(std::string limit, TakeOne(&rest, "limit", "", {}));
  RETURN_IF_ERROR(NoneLeft(rest, "changes takes since, limit"));
  ASSIGN_OR_RETURN(out.since, ParseUnsigned("since", since));
  if (!limit.empty()) {
    ASSIGN_OR_RETURN(uint64_t n, ParseUnsigned("limit", limit));
    if (n < 1 || n > kMaxChangeLimit)
      return core::Status::Invalid("limit: must be 1.." +
                                   std::to_string(kMaxChangeLimit) + ", got " +
                                   limit);
    out.limit = static_cast<size_t>(n);
  }
  return out;
}

core::Result<Read<store::ChangePage>> ReadChanges(const store::Store& store,
                                                  const ChangesParams& p) {
  ASSIGN_OR_RETURN(store::ChangePage page, store.ReadChanges(p.since, p.limit));
  Read<store::ChangePage> r;
  r.as_of = {page.as_of_sequence, page.as_of_millis};
  // {"data":[change…],"meta":{"since":S,"next":N|null,"as_of":{…}}}; the
  // changes are stored as compact JSON and copied, not re-rendered.
  std::string out = "{\"data\":[";
  for (size_t i = 0; i < page.changes.size(); ++i) {
    if (i) out += ',';
    out += page.changes[i];
  }
  out += "],\"meta\":{\"since\":" + std::to_string(p.since) + ",\"next\":";
  out += page.more ? std::to_string(page.next_since) : "null";
  out += ",\"as_of\":" + DumpBody(AsOfJson(r.as_of)) + "}}";
  r.body = std::move(out);
  r.value = std::move(page);
  return r;
}

core::Result<RegionsParams> ParseRegionsParams(const Params& p) {
  Params rest = p;
  RegionsParams out;
  ASSIGN_OR_RETURN(out.lang, TakeOne(&rest, "lang", "en", {}));
  RETURN_IF_ERROR(NoneLeft(rest, "regions takes lang"));
  return out;
}

core::Result<Read<RegionList>> ReadRegions(const store::Store& store,
                                           const RegionsParams& p) {
  Read<RegionList> r;
  r.as_of = LatestAsOf(store);
  core::Json data = core::Json::array();
  for (const std::string& code : geo::RegionCodes()) {
    if (code == "001") continue;  // World: events' regions leave it out
    r.value.emplace_back(code, geo::RegionName(code, p.lang));
    data.push_back({{"code", code}, {"name", r.value.back().second}});
  }
  const size_t n = data.size();
  r.body = DumpBody({{"data", std::move(data)},
                     {"meta", {{"total", n}, {"as_of", AsOfJson(r.as_of)}}}});
  return r;
}

}  // namespace geotl::timeline
