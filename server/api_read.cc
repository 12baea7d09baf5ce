#include "server/api_read.h"

#include "geo/country.h"
#include "server/total_cache.h"
#include "timeline/actor_profile.h"
#include "timeline/aggregate.h"
#include "timeline/brief.h"
#include "timeline/events.h"
#include "timeline/query.h"

namespace geotl::server {
namespace {

ApiResponse QueryError(const Status& st) {
  return StatusResponse(st, timeline::ErrorParameter(st));
}

ApiResponse Body(std::string body) {
  ApiResponse r;
  r.body = std::move(body);
  return r;
}

// Takes parameter `name` out of `params` (at most one value; `allowed`
// non-empty: one of them). Errors name the parameter.
Result<std::string> TakeOne(Params& params, const std::string& name,
                            std::string fallback,
                            std::initializer_list<std::string_view> allowed) {
  auto it = params.find(name);
  if (it == params.end()) return fallback;
  std::vector<std::string> v = std::move(it->second);
  params.erase(it);
  if (v.size() != 1) return Status::Invalid(name + ": give it once");
  if (allowed.size() != 0) {
    bool ok = false;
    std::string list;
    for (auto a : allowed) {
      ok = ok || a == v[0];
      list += (list.empty() ? "" : "|") + std::string(a);
    }
    if (!ok)
      return Status::Invalid(name + ": '" + v[0] + "' is not one of " + list);
  }
  return v[0];
}

ApiResponse TakeError(const Status& st) {
  const std::string& m = st.message();
  return ErrorResponse(400, m, m.substr(0, m.find(':')));
}

}  // namespace

ApiResponse GetEvents(const ApiContext& ctx, const ApiRequest& req) {
  auto q = timeline::ParseQuery(req.params);
  if (!q.ok()) return QueryError(q.status());
  // The total of a query is the same on every page and until the next
  // write: count the matches once per store sequence (the sequence of the
  // page's own read view, so a cached total always belongs to its data).
  const std::string key = TotalCache::Key(req.params);
  timeline::RunOptions run;
  bool cached = false;
  if (ctx.totals)
    run.known_total = [&](uint64_t seq) {
      auto t = ctx.totals->Find(key, seq);
      cached = t.has_value();
      return t;
    };
  auto page = timeline::RunEvents(*ctx.store, *q, run);
  if (!page.ok()) return QueryError(page.status());
  if (!cached && page->total && ctx.totals)
    ctx.totals->Put(key, page->as_of_sequence, *page->total);
  return Body(timeline::EventsBody(*page));
}

ApiResponse GetCounts(const ApiContext& ctx, const ApiRequest& req) {
  Params params = req.params;
  auto shape = TakeOne(params, "shape", "body", {"body", "rows"});
  if (!shape.ok()) return TakeError(shape.status());
  auto q = timeline::ParseCountsQuery(params);
  if (!q.ok()) return QueryError(q.status());
  auto r = timeline::RunCounts(*ctx.store, *q);
  if (!r.ok()) return QueryError(r.status());
  return Body(*shape == "rows" ? timeline::CountsRows(*r)
                               : timeline::CountsBody(*r));
}

ApiResponse GetStats(const ApiContext& ctx, const ApiRequest& req) {
  if (!req.params.empty())
    return ErrorResponse(400,
                         "unknown parameter '" + req.params.begin()->first +
                             "' (stats takes none)",
                         req.params.begin()->first);
  // The sequence of the stats' own read view: the figures are exactly the
  // store at that sequence (read before them, a write in between made the
  // figures newer than the sequence they carried).
  auto s = ctx.store->Stats();
  if (!s.ok()) return StatusResponse(s.status());
  Json as_of = AsOf(*ctx.store, s->as_of_sequence);
  // The object of `geotl stats --format json`.
  Json d;
  d["articles"] = s->articles;
  d["events"] = s->events;
  Json bt = Json::object();
  for (const auto& [t, n] : s->by_type) bt[t] = n;
  d["by_type"] = bt;
  d["first_date"] =
      s->first_date ? Json(FormatDate(*s->first_date)) : Json(nullptr);
  d["last_date"] =
      s->last_date ? Json(FormatDate(*s->last_date)) : Json(nullptr);
  // The defaults a client of the API shows by (the dashboard reads its
  // confidence threshold here: kDefaultMinConfidence, as `geotl brief`).
  Json defaults = {{"min_confidence", kDefaultMinConfidence}};
  return JsonResponse(
      200,
      Json{{"data", d}, {"meta", {{"as_of", as_of}, {"defaults", defaults}}}});
}

ApiResponse GetRegions(const ApiContext& ctx, const ApiRequest& req) {
  Params params = req.params;
  auto lang = TakeOne(params, "lang", "en", {});
  if (!lang.ok()) return TakeError(lang.status());
  if (!params.empty())
    return ErrorResponse(400,
                         "unknown parameter '" + params.begin()->first +
                             "' (regions takes lang)",
                         params.begin()->first);
  Json data = Json::array();
  for (const std::string& code : geo::RegionCodes()) {
    if (code == "001") continue;  // World: events' regions leave it out
    data.push_back({{"code", code}, {"name", geo::RegionName(code, *lang)}});
  }
  const size_t n = data.size();
  return JsonResponse(
      200, Json{{"data", std::move(data)},
                {"meta", {{"total", n}, {"as_of", AsOf(*ctx.store)}}}});
}

ApiResponse FindActors(const ApiContext& ctx, const ApiRequest& req) {
  Params params = req.params;
  auto q = TakeOne(params, "q", "", {});
  if (!q.ok()) return TakeError(q.status());
  if (!params.empty())
    return ErrorResponse(
        400,
        "unknown parameter '" + params.begin()->first + "' (actors takes q)",
        params.begin()->first);
  if (q->empty()) return ErrorResponse(400, "q: give a name or code", "q");
  // The resolution `geotl actor` and --actor use: names in any language or
  // codes.
  ActorSubject s = ResolveActorSubject(*q);
  Json data = Json::array();
  if (!s.code.empty()) {
    Json a = {{"code", s.code},
              {"kind", s.country ? "country" : "code"},
              {"name", s.country ? Json(geo::CountryName(s.code, "en"))
                                 : Json(nullptr)}};
    data.push_back(std::move(a));
  }
  const size_t n = data.size();
  return JsonResponse(
      200, Json{{"data", std::move(data)},
                {"meta", {{"total", n}, {"as_of", AsOf(*ctx.store)}}}});
}

ApiResponse GetActor(const ApiContext& ctx, const ApiRequest& req) {
  if (!req.params.empty())
    return ErrorResponse(400,
                         "unknown parameter '" + req.params.begin()->first +
                             "' (actors/{code} takes none)",
                         req.params.begin()->first);
  const std::string& name = req.path_args.at(0);
  // As `geotl actor NAME --format json` (cli/actor.cc).
  ActorSubject subject = ResolveActorSubject(name);
  timeline::Params p;
  if (subject.country || !subject.code.empty())
    p.emplace("actor", subject.code);
  for (const char* st : {"occurred", "planned", "hypothetical"})
    p.emplace("status", st);
  auto q = timeline::ParseQuery(p);
  if (!q.ok()) return QueryError(q.status());
  Json as_of = AsOf(*ctx.store);
  std::vector<Event> events;
  Status st = timeline::ForEachEvent(
      *ctx.store, *q, [&](std::string_view line) -> Status {
        ASSIGN_OR_RETURN(Event e, EventFromJsonText(line));
        if (EventInvolves(e, subject)) events.push_back(std::move(e));
        return Status::Ok();
      });
  if (!st.ok()) return QueryError(st);
  ActorProfile profile = BuildActorProfile(subject, events);
  if (profile.events == 0 && !subject.country)
    return ErrorResponse(404, "no events involve '" + name + "'");
  return JsonResponse(
      200, Json{{"data", ToJson(profile)},
                {"meta", {{"total", profile.events}, {"as_of", as_of}}}});
}

ApiResponse GetBriefing(const ApiContext& ctx, const ApiRequest& req) {
  Params params = req.params;
  auto format = TakeOne(params, "format", "md", {"md", "html", "txt"});
  if (!format.ok()) return TakeError(format.status());
  auto lang = TakeOne(params, "out-lang", "en", {"en", "de"});
  if (!lang.ok()) return TakeError(lang.status());
  auto q = timeline::ParseQuery(params);
  if (!q.ok()) return QueryError(q.status());
  BriefOptions o;
  o.format = *ParseBriefFormat(*format);
  o.lang = *lang;
  for (const auto& [name, values] : params) {
    if (name == "min_confidence") continue;  // named below, as the CLI does
    std::string joined;
    for (const auto& v : values) joined += (joined.empty() ? "" : " / ") + v;
    o.filter.emplace_back(name, joined);
  }
  std::string threshold = ApplyBriefConfidence(&*q);
  if (!threshold.empty()) o.filter.emplace_back("min_confidence", threshold);
  Json as_of = AsOf(*ctx.store);
  std::vector<Event> events;
  Status st = timeline::ForEachEvent(
      *ctx.store, *q, [&](std::string_view line) -> Status {
        ASSIGN_OR_RETURN(Event e, EventFromJsonText(line));
        events.push_back(std::move(e));
        return Status::Ok();
      });
  if (!st.ok()) return QueryError(st);
  const size_t n = events.size();
  Json data = {{"title", BriefTitle(o)},
               {"format", *format},
               {"lang", *lang},
               {"text", RenderBrief(events, o)}};
  return JsonResponse(200, Json{{"data", std::move(data)},
                                {"meta", {{"total", n}, {"as_of", as_of}}}});
}

}  // namespace geotl::server
