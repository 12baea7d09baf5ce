// The route table of the HTTP API (ARCHITECTURE.md "HTTP API").
#include "server/api.h"
#include "server/api_write.h"

namespace geotl::server {

std::vector<Route> ApiRoutes() {
  return {
      {Method::kPost, "/v1/articles", PostArticles},
      {Method::kDelete, R"(/v1/articles/([^/]+))", DeleteArticle},
  };
}

}  // namespace geotl::server
