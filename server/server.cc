#include "server/server.h"

#include <httplib.h>
#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <utility>

#include "server/api.h"
#include "server/static_files.h"
#include "server/total_cache.h"
#include "server/world_map.h"

namespace geotl::server {
namespace {

// cpp-httplib is built with a listen backlog of 5, too short for a burst of
// dashboard or benchmark connections; listen() again on the bound socket
// raises it (Linux allows that on a listening socket).
class HttpServer : public httplib::Server {
 public:
  void RaiseBacklog(int backlog) {
    const auto sock = svr_sock_.load();
    if (sock != INVALID_SOCKET) ::listen(sock, backlog);
  }
};

std::string_view ReasonFor(int status) {
  switch (status) {
    case 400:
      return "bad request";
    case 401:
      return "unauthorized";
    case 403:
      return "forbidden";
    case 404:
      return "not found";
    case 405:
      return "method not allowed";
    case 408:
      return "request timeout";
    case 413:
      return "request body too large";
    case 414:
      return "request URI too long";
    case 415:
      return "unsupported media type";
    case 416:
      return "range not satisfiable";
    case 431:
      return "too many request headers";
    default:
      return status >= 500 ? "internal error" : "error";
  }
}

void Send(const ApiResponse& out, httplib::Response& res) {
  res.status = out.status;
  res.set_content(out.body, out.content_type.c_str());
}

// Parameters come from the query string only: httplib also merges a
// form-encoded body into req.params, but a POST body is articles, whatever
// its Content-Type.
ApiRequest ToApiRequest(const httplib::Request& req, std::string_view body) {
  ApiRequest ar;
  const size_t q = req.target.find('?');
  if (q != std::string::npos) {
    httplib::Params params;
    httplib::detail::parse_query_text(req.target.substr(q + 1), params);
    // std::multimap keeps equal keys in insertion order: repeated parameters
    // stay in the order the client sent them.
    for (const auto& [k, v] : params) ar.params[k].push_back(v);
  }
  for (size_t i = 1; i < req.matches.size(); ++i)
    ar.path_args.push_back(req.matches[i].str());
  ar.body = body;
  ar.authorization = req.get_header_value("Authorization");
  return ar;
}

}  // namespace

struct Server::Impl {
  ServerOptions options;
  std::mutex write_mu;
  TotalCache totals;
  ApiContext ctx;
  StaticFiles statics;
  HttpServer http;
  int port = 0;

  std::mutex stop_mu;
  std::condition_variable stop_cv;
  bool stop_requested = false;
  bool run_finished = false;

  void Configure();
  void ServeStatic(const httplib::Request& req, httplib::Response& res) const;
};

void Server::Impl::Configure() {
  const int threads = options.threads > 0 ? options.threads : 1;
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http.set_payload_max_length(options.max_body_bytes);
  http.set_read_timeout(options.read_timeout_s, 0);
  http.set_write_timeout(options.write_timeout_s, 0);
  http.set_keep_alive_timeout(options.keep_alive_timeout_s);
  http.set_keep_alive_max_count(options.keep_alive_max_requests);
  http.set_tcp_nodelay(true);

  httplib::Headers defaults = {{"X-Content-Type-Options", "nosniff"}};
  if (!options.cors_origin.empty()) {
    defaults.emplace("Access-Control-Allow-Origin", options.cors_origin);
    defaults.emplace("Vary", "Origin");
  }
  http.set_default_headers(std::move(defaults));

  const size_t max_headers = options.max_headers;
  http.set_pre_routing_handler(
      [max_headers](const httplib::Request& req, httplib::Response& res) {
        if (req.headers.size() > max_headers) {
          Send(ErrorResponse(431, "more than " + std::to_string(max_headers) +
                                      " request headers"),
               res);
          return httplib::Server::HandlerResponse::Handled;
        }
        return httplib::Server::HandlerResponse::Unhandled;
      });

  // Every error without a body of its own (404 from routing, 413 from the
  // size limit, …) gets the API's JSON error shape.
  http.set_error_handler(httplib::Server::HandlerWithResponse(
      [](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty())
          return httplib::Server::HandlerResponse::Unhandled;
        std::string msg(ReasonFor(res.status));
        if (res.status == 404) msg += ": " + req.path;
        Send(ErrorResponse(res.status, msg), res);
        return httplib::Server::HandlerResponse::Handled;
      }));
  http.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        Send(ErrorResponse(500, "internal error"), res);
      });

  if (options.request_log) {
    http.set_logger([log = options.request_log](const httplib::Request& req,
                                                const httplib::Response& res) {
      log(req.method + ' ' + req.path + ' ' + std::to_string(res.status));
    });
  }

  http.Get("/healthz", [this](const httplib::Request&, httplib::Response& res) {
    core::Json j = {{"status", "ok"}, {"sequence", ctx.store->Sequence()}};
    Send(JsonResponse(200, j), res);
  });

  for (Route& r : ApiRoutes()) {
    if (options.read_only && r.method != Method::kGet) {
      // A read-only copy (geotl serve --read-only): writes go to the primary.
      r.handler = [](const ApiContext&, const ApiRequest&) {
        return ErrorResponse(405,
                             "this server serves a read-only copy of the "
                             "store: send writes to the primary");
      };
    }
    auto h = [this, fn = r.handler](const httplib::Request& req,
                                    httplib::Response& res) {
      Send(fn(ctx, ToApiRequest(req, req.body)), res);
    };
    // POST reads its body through a content reader, so httplib neither parses
    // a form-encoded body nor caps it at its 8 KiB form limit; the size limit
    // is still payload_max_length (413).
    auto post = [this, fn = r.handler](const httplib::Request& req,
                                       httplib::Response& res,
                                       const httplib::ContentReader& reader) {
      // Refuse an announced oversize body before reading any of it.
      const size_t announced = req.get_header_value<uint64_t>("Content-Length");
      if (announced > options.max_body_bytes) {
        Send(ErrorResponse(413, "request body larger than " +
                                    std::to_string(options.max_body_bytes) +
                                    " bytes"),
             res);
        return;
      }
      std::string body;
      const bool complete = reader([&body](const char* data, size_t len) {
        body.append(data, len);
        return true;
      });
      if (!complete) {
        const bool too_large =
            res.status == 413 || body.size() >= options.max_body_bytes;
        Send(too_large ? ErrorResponse(413, "request body too large")
                       : ErrorResponse(400, "incomplete request body", "body"),
             res);
        return;
      }
      Send(fn(ctx, ToApiRequest(req, body)), res);
    };
    switch (r.method) {
      case Method::kGet:
        http.Get(r.pattern, std::move(h));
        break;
      case Method::kPost:
        http.Post(r.pattern, std::move(post));
        break;
      case Method::kDelete:
        http.Delete(r.pattern, std::move(h));
        break;
    }
  }

  if (!options.cors_origin.empty()) {
    http.Options(".*", [](const httplib::Request&, httplib::Response& res) {
      res.status = 204;
      res.set_header("Access-Control-Allow-Methods",
                     "GET, HEAD, POST, DELETE, OPTIONS");
      res.set_header("Access-Control-Allow-Headers",
                     "Authorization, Content-Type");
      res.set_header("Access-Control-Max-Age", "600");
    });
  }

  // Last: everything else under GET is a dashboard file or a JSON 404.
  http.Get(".*", [this](const httplib::Request& req, httplib::Response& res) {
    ServeStatic(req, res);
  });
}

void Server::Impl::ServeStatic(const httplib::Request& req,
                               httplib::Response& res) const {
  const StaticFile* f = nullptr;
  if (req.path.rfind("/v1/", 0) != 0) f = statics.Find(req.path);
  if (f == nullptr) {
    Send(ErrorResponse(404, "not found: " + req.path), res);
    return;
  }
  res.status = 200;
  res.set_header("Cache-Control", "no-cache");
  // The dashboard loads nothing from other origins (works offline, no CDN).
  res.set_header("Content-Security-Policy",
                 "default-src 'self'; img-src 'self' data:; "
                 "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'");
  res.set_content(f->body, f->mime.c_str());
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() { Stop(); }

core::Result<std::unique_ptr<Server>> Server::Create(
    store::Store* store, std::shared_ptr<const ingest::Coder> coder,
    ServerOptions options) {
  if (store == nullptr) return core::Status::Invalid("serve: no store");
  auto impl = std::make_unique<Impl>();
  impl->options = std::move(options);
  const std::string dir = impl->options.static_dir.empty()
                              ? DefaultStaticDir()
                              : impl->options.static_dir;
  ASSIGN_OR_RETURN(impl->statics, StaticFiles::Load(dir));
  // The map's country shapes, built in (a build without them has no map).
  if (!WorldMapTopoJson().empty())
    impl->statics.AddDefault(
        std::string(kWorldMapPath),
        {std::string(WorldMapTopoJson()), std::string(MimeFor(".json"))});
  impl->ctx.store = store;
  impl->ctx.coder = std::move(coder);
  impl->ctx.token = impl->options.token;
  impl->ctx.write_mu = &impl->write_mu;
  impl->ctx.totals = &impl->totals;
  impl->Configure();

  const std::string& host = impl->options.bind;
  if (impl->options.port == 0) {
    impl->port = impl->http.bind_to_any_port(host);
    if (impl->port <= 0)
      return core::Status::IOError("cannot bind " + host + " to a free port");
  } else {
    if (!impl->http.bind_to_port(host, impl->options.port))
      return core::Status::IOError("cannot bind " + host + ":" +
                                   std::to_string(impl->options.port) +
                                   " (address in use or not local)");
    impl->port = impl->options.port;
  }
  impl->http.RaiseBacklog(1024);
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

int Server::port() const { return impl_->port; }

core::Status Server::Run() {
  Impl& s = *impl_;
  {
    std::lock_guard<std::mutex> lock(s.stop_mu);
    if (s.stop_requested) return core::Status::Ok();
  }
  // httplib's stop() only acts once the accept loop runs; this watcher
  // retries until it does, so a Stop() racing with start-up is not lost.
  std::thread watcher([&s] {
    std::unique_lock<std::mutex> lock(s.stop_mu);
    s.stop_cv.wait(lock, [&s] { return s.stop_requested || s.run_finished; });
    bool stopped = false;
    while (!s.run_finished) {
      lock.unlock();
      if (!stopped && s.http.is_running()) {
        s.http.stop();
        stopped = true;
      }
      lock.lock();
      s.stop_cv.wait_for(lock, std::chrono::milliseconds(10),
                         [&s] { return s.run_finished; });
    }
  });
  // Returns after the worker pool has drained: every accepted request has
  // been answered (and every acknowledged write committed).
  const bool ok = s.http.listen_after_bind();
  {
    std::lock_guard<std::mutex> lock(s.stop_mu);
    s.run_finished = true;
  }
  s.stop_cv.notify_all();
  watcher.join();
  bool stopped;
  {
    std::lock_guard<std::mutex> lock(s.stop_mu);
    stopped = s.stop_requested;
  }
  if (!ok && !stopped)
    return core::Status::IOError("serve: accept loop failed");
  return core::Status::Ok();
}

void Server::Stop() {
  {
    std::lock_guard<std::mutex> lock(impl_->stop_mu);
    impl_->stop_requested = true;
  }
  impl_->stop_cv.notify_all();
}

}  // namespace geotl::server
