// Handlers of the read endpoints: each turns the request's parameters into
// the typed parameters of one read of timeline/api.h and answers its body,
// the bytes `geotl … --format json` prints for the same query. Errors: 400
// naming the parameter, 404 for an unknown actor or event. Thread-safe:
// reads run concurrently with the one writer.
#pragma once

#include "server/api.h"

namespace geotl::server {

ApiResponse GetEvents(const ApiContext& ctx, const ApiRequest& req);
// /v1/events/{id}: one record with its sources (`geotl event ID`).
ApiResponse GetEvent(const ApiContext& ctx, const ApiRequest& req);
// shape=rows returns the bare array of {time,key,count} (Grafana Infinity).
ApiResponse GetCounts(const ApiContext& ctx, const ApiRequest& req);
ApiResponse GetStats(const ApiContext& ctx, const ApiRequest& req);
// lang=en|de|… for the names (default en).
ApiResponse GetRegions(const ApiContext& ctx, const ApiRequest& req);
// ?q=NAME: the actor codes a name or code resolves to.
ApiResponse FindActors(const ApiContext& ctx, const ApiRequest& req);
// /v1/actors/{code}: the profile of `geotl actor CODE --format json`.
ApiResponse GetActor(const ApiContext& ctx, const ApiRequest& req);
// The briefing of `geotl brief`: format=md|html|txt, out-lang=en|de,
// changes=true.
ApiResponse GetBriefing(const ApiContext& ctx, const ApiRequest& req);
// /v1/changes?since=SEQ&limit=N: the change feed after write SEQ.
ApiResponse GetChanges(const ApiContext& ctx, const ApiRequest& req);

}  // namespace geotl::server
