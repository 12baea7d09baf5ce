// GET /v1/changes: parameters since (default 0) and limit, parsed by the
// same functions as the CLI; the body is ChangesBody.
#include "server/api_changes.h"

#include "store/changes.h"

namespace geotl::server {

ApiResponse GetChanges(const ApiContext& ctx, const ApiRequest& req) {
  std::string since_text = "0", limit_text;
  for (const auto& [name, values] : req.params) {
    if (name != "since" && name != "limit")
      return ErrorResponse(
          400, "unknown parameter '" + name + "' (changes takes since, limit)",
          name);
    if (values.size() != 1)
      return ErrorResponse(400, name + ": given more than once", name);
    (name == "since" ? since_text : limit_text) = values[0];
  }
  auto since = ParseChangeSince(since_text);
  if (!since.ok()) return StatusResponse(since.status(), "since");
  auto limit = ParseChangeLimit(limit_text);
  if (!limit.ok()) return StatusResponse(limit.status(), "limit");
  auto page = ctx.store->ReadChanges(*since, *limit);
  if (!page.ok()) return StatusResponse(page.status());
  ApiResponse r;
  r.body = ChangesBody(*since, *page);
  return r;
}

}  // namespace geotl::server
