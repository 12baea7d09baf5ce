// The HTTP API as a table of routes over plain request/response values, so
// handlers never see cpp-httplib (server.cc adapts it) and can call the same
// library functions as the CLI. Handlers are thread-safe: reads run
// concurrently; writes are serialised on ApiContext::write_mu, which makes
// the server the store's one writer thread.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/event_json.h"
#include "ingest/coder.h"
#include "store/store.h"

namespace geotl::server {

// Query parameters: name -> values in the order given (repeated = OR).
using Params = std::map<std::string, std::vector<std::string>>;

struct ApiRequest {
  Params params;
  std::vector<std::string> path_args;  // regex captures, e.g. {code}
  std::string_view body;               // valid during the handler call
  std::string authorization;           // the Authorization header, may be empty
};

struct ApiResponse {
  int status = 200;
  std::string body;
  std::string content_type = "application/json";
};

class TotalCache;

struct ApiContext {
  store::Store* store = nullptr;  // opened for writing by the caller
  std::shared_ptr<const ingest::Coder> coder;  // codes POSTed articles
  std::optional<std::string> token;            // unset: writes answer 403
  std::mutex* write_mu = nullptr;  // serialises PutArticle/DeleteArticle
  TotalCache* totals = nullptr;    // may be null: no caching
};

enum class Method { kGet, kPost, kDelete };

struct Route {
  Method method;
  std::string pattern;  // ECMAScript regex over the whole path
  std::function<ApiResponse(const ApiContext&, const ApiRequest&)> handler;
};

// Every API route (not "/" and static files, not /healthz).
std::vector<Route> ApiRoutes();

// meta.as_of of the writes: {"sequence":N,"time":"…Z"|null}, the store's
// last write (timeline::AsOfJson).
core::Json AsOf(const store::Store& store);

// Response helpers. Bodies are compact JSON; invalid UTF-8 is replaced.
std::string DumpJson(const core::Json& j);
ApiResponse JsonResponse(int status, const core::Json& body);
// {"error":{"status":400,"message":"…","parameter":"from"}}; `parameter` is
// left out when empty.
ApiResponse ErrorResponse(int status, const std::string& message,
                          const std::string& parameter = "");
// Maps a library Status to an HTTP error (kInvalidArgument -> 400,
// kNotFound -> 404, others -> 500).
ApiResponse StatusResponse(const core::Status& st,
                           const std::string& parameter = "");

}  // namespace geotl::server
