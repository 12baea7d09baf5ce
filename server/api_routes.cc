// The route table of the HTTP API (docs/api.md).
#include "server/api.h"
#include "server/api_read.h"
#include "server/api_write.h"

namespace geotl::server {

std::vector<Route> ApiRoutes() {
  return {
      {Method::kGet, "/v1/events", GetEvents},
      {Method::kGet, R"(/v1/events/([^/]+))", GetEvent},
      {Method::kGet, "/v1/counts", GetCounts},
      {Method::kGet, "/v1/stats", GetStats},
      {Method::kGet, "/v1/regions", GetRegions},
      {Method::kGet, "/v1/actors", FindActors},
      {Method::kGet, R"(/v1/actors/([^/]+))", GetActor},
      {Method::kGet, "/v1/briefing", GetBriefing},
      {Method::kGet, "/v1/changes", GetChanges},
      {Method::kPost, "/v1/articles", PostArticles},
      {Method::kDelete, R"(/v1/articles/([^/]+))", DeleteArticle},
  };
}

}  // namespace geotl::server
