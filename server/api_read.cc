// Transport only: parameters in, the body of timeline/api.h out. The events
// endpoint also keeps the total of a query per store sequence (TotalCache).
#include "server/api_read.h"

#include "server/total_cache.h"
#include "timeline/api.h"

namespace geotl::server {
namespace {

timeline::Params Named(const Params& params) {
  timeline::Params p;
  for (const auto& [k, vs] : params)
    for (const auto& v : vs) p.emplace(k, v);
  return p;
}

ApiResponse Error(const core::Status& st) {
  return StatusResponse(st, timeline::ErrorParameter(st));
}

// Parses the request with `parse`, reads with `read`: the body or the error.
template <typename Parsed, typename ReadFn>
ApiResponse Answer(const core::Result<Parsed>& parsed, ReadFn read) {
  if (!parsed.ok()) return Error(parsed.status());
  auto r = read(*parsed);
  if (!r.ok()) return Error(r.status());
  ApiResponse resp;
  resp.body = std::move(r->body);
  return resp;
}

}  // namespace

ApiResponse GetEvents(const ApiContext& ctx, const ApiRequest& req) {
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
  return Answer(timeline::ParseEventsParams(Named(req.params)),
                [&](const timeline::EventsParams& p) {
                  auto r = timeline::ReadEvents(*ctx.store, p, run);
                  if (r.ok() && !cached && r->value.total && ctx.totals)
                    ctx.totals->Put(key, r->as_of.sequence, *r->value.total);
                  return r;
                });
}

ApiResponse GetEvent(const ApiContext& ctx, const ApiRequest& req) {
  return Answer(
      timeline::ParseEventParams(req.path_args.at(0), Named(req.params)),
      [&](const auto& p) { return timeline::ReadEvent(*ctx.store, p); });
}

ApiResponse GetCounts(const ApiContext& ctx, const ApiRequest& req) {
  return Answer(
      timeline::ParseCountsParams(Named(req.params)),
      [&](const auto& p) { return timeline::ReadCounts(*ctx.store, p); });
}

ApiResponse GetStats(const ApiContext& ctx, const ApiRequest& req) {
  return Answer(
      timeline::ParseStatsParams(Named(req.params)),
      [&](const auto& p) { return timeline::ReadStats(*ctx.store, p); });
}

ApiResponse GetRegions(const ApiContext& ctx, const ApiRequest& req) {
  return Answer(
      timeline::ParseRegionsParams(Named(req.params)),
      [&](const auto& p) { return timeline::ReadRegions(*ctx.store, p); });
}

ApiResponse FindActors(const ApiContext& ctx, const ApiRequest& req) {
  return Answer(
      timeline::ParseActorSearchParams(Named(req.params)),
      [&](const auto& p) { return timeline::ReadActorSearch(*ctx.store, p); });
}

ApiResponse GetActor(const ApiContext& ctx, const ApiRequest& req) {
  return Answer(
      timeline::ParseActorParams(req.path_args.at(0), Named(req.params)),
      [&](const auto& p) { return timeline::ReadActor(*ctx.store, p); });
}

ApiResponse GetBriefing(const ApiContext& ctx, const ApiRequest& req) {
  return Answer(
      timeline::ParseBriefingParams(Named(req.params)),
      [&](const auto& p) { return timeline::ReadBriefing(*ctx.store, p); });
}

ApiResponse GetChanges(const ApiContext& ctx, const ApiRequest& req) {
  return Answer(
      timeline::ParseChangesParams(Named(req.params)),
      [&](const auto& p) { return timeline::ReadChanges(*ctx.store, p); });
}

}  // namespace geotl::server
