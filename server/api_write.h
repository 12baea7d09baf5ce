// Handlers of the write endpoints (bearer token required; 401 for a missing
// or wrong token, 403 when the server has none). Thread-safe: writes are
// serialised on ApiContext::write_mu; coding runs outside the lock.
#pragma once

#include "server/api.h"

namespace geotl::server {

// POST /v1/articles: a JSON object, a JSON array or NDJSON of articles
// (whatever the Content-Type); ?published=&lang=&source= override their
// fields like the CLI's ingest flags. 201 {data:{articles:[ids], events:N}};
// 400 naming "body" (or the parameter) when any article is rejected, in which
// case nothing is written.
ApiResponse PostArticles(const ApiContext& ctx, const ApiRequest& req);

// DELETE /v1/articles/{id}: 200 {data:{article, deleted:true}}, 404 if absent.
ApiResponse DeleteArticle(const ApiContext& ctx, const ApiRequest& req);

}  // namespace geotl::server
