// Fuzz target: the HTTP request handlers (server/api.h) on a small store.
// Input: first line "METHOD path", then "name=value" lines, then a blank line
// and the body. Handlers must answer every request with a status code.
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <regex>
#include <string>

#include "server/api.h"

namespace {

struct World {
  std::unique_ptr<geotl::Store> store;
  std::shared_ptr<const geotl::Coder> coder;
  std::mutex mu;
  std::vector<geotl::server::Route> routes;
  std::vector<std::regex> patterns;
};

World* MakeWorld() {
  auto* w = new World;
  std::string dir = "/tmp/geotl-fuzz-http-" + std::to_string(getpid());
  std::filesystem::remove_all(dir);
  auto store = geotl::Store::Open(dir, geotl::StoreOptions{});
  auto coder = geotl::Coder::Load(geotl::CoderOptions{});
  if (!store.ok() || !coder.ok()) std::abort();
  w->store = std::move(store).value();
  w->coder = *coder;
  w->routes = geotl::server::ApiRoutes();
  for (const auto& r : w->routes) w->patterns.emplace_back(r.pattern);
  return w;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static World* w = MakeWorld();
  std::string in(reinterpret_cast<const char*>(data), size);
  size_t nl = in.find('\n');
  std::string first = in.substr(0, nl);
  std::string rest = nl == std::string::npos ? "" : in.substr(nl + 1);
  size_t sp = first.find(' ');
  if (sp == std::string::npos) return 0;
  std::string method = first.substr(0, sp), path = first.substr(sp + 1);
  geotl::server::Method m = method == "POST" ? geotl::server::Method::kPost
                            : method == "DELETE"
                                ? geotl::server::Method::kDelete
                                : geotl::server::Method::kGet;
  geotl::server::ApiRequest req;
  size_t body_at = rest.find("\n\n");
  std::string head = rest.substr(0, body_at);
  std::string body =
      body_at == std::string::npos ? "" : rest.substr(body_at + 2);
  size_t pos = 0;
  while (pos < head.size()) {
    size_t e = head.find('\n', pos);
    std::string line =
        head.substr(pos, e == std::string::npos ? std::string::npos : e - pos);
    pos = e == std::string::npos ? head.size() : e + 1;
    size_t eq = line.find('=');
    if (eq != std::string::npos)
      req.params[line.substr(0, eq)].push_back(line.substr(eq + 1));
  }
  req.body = body;
  req.authorization = "Bearer fuzz-token";
  geotl::server::ApiContext ctx;
  ctx.store = w->store.get();
  ctx.coder = w->coder;
  ctx.token = std::string("fuzz-token");
  ctx.write_mu = &w->mu;
  for (size_t i = 0; i < w->routes.size(); ++i) {
    std::smatch match;
    if (w->routes[i].method != m ||
        !std::regex_match(path, match, w->patterns[i]))
      continue;
    for (size_t k = 1; k < match.size(); ++k) req.path_args.push_back(match[k]);
    auto resp = w->routes[i].handler(ctx, req);
    if (resp.status < 100 || resp.status > 599) std::abort();
    break;
  }
  return 0;
}
