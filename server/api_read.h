// Handlers of the read endpoints. Each parses its parameters with the same
// timeline functions as the CLI (timeline::ParseQuery / ParseCountsQuery) and
// builds the same bodies (EventsBody, CountsBody, CountsRows), so CLI and API
// cannot disagree. Thread-safe: reads run concurrently with the one writer.
#pragma once

#include "server/api.h"

namespace geotl::server {

ApiResponse GetEvents(const ApiContext& ctx, const ApiRequest& req);
// shape=rows returns the bare array of {time,key,count} (Grafana Infinity).
ApiResponse GetCounts(const ApiContext& ctx, const ApiRequest& req);
ApiResponse GetStats(const ApiContext& ctx, const ApiRequest& req);
// lang=en|de|… for the names (default en).
ApiResponse GetRegions(const ApiContext& ctx, const ApiRequest& req);
// ?q=NAME: the actor codes a name or code resolves to.
ApiResponse FindActors(const ApiContext& ctx, const ApiRequest& req);
// /v1/actors/{code}: the profile of `geotl actor CODE --format json`.
ApiResponse GetActor(const ApiContext& ctx, const ApiRequest& req);
// The briefing of `geotl brief`: format=md|html|txt, out-lang=en|de.
ApiResponse GetBriefing(const ApiContext& ctx, const ApiRequest& req);

}  // namespace geotl::server
