// GET /v1/changes?since=SEQ[&limit=N]: the store's change feed after write
// SEQ (store/changes.h), the same body as `geotl events --changed-since SEQ
// --format json`. Thread-safe: reads run concurrently with the one writer.
#pragma once

#include "server/api.h"

namespace geotl::server {

ApiResponse GetChanges(const ApiContext& ctx, const ApiRequest& req);

}  // namespace geotl::server
