// Server: `geotl serve` — the HTTP JSON API of docs/api.md and the static
// dashboard, on cpp-httplib (kept out of this header). Loopback by default;
// bounded request size, header count and read/write times; writes need the
// bearer token. The caller owns the Store (opened for writing: while the
// server runs it is the store's only writer) and keeps it alive until Run()
// has returned. Thread-safety: Stop() may be called from any thread (e.g. a
// signal watcher); everything else from the owning thread.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "core/status.h"
#include "ingest/coder.h"
#include "store/store.h"

namespace geotl::server {

struct ServerOptions {
  std::string bind = "127.0.0.1";     // loopback unless asked otherwise
  int port = 8080;                    // 0 = any free port, see Server::port()
  std::optional<std::string> token;   // unset: POST/DELETE answer 403
  std::string static_dir;             // empty = DefaultStaticDir()
  std::string cors_origin;            // empty = no CORS headers
  size_t max_body_bytes = 16u << 20;  // larger requests get 413
  size_t max_headers = 64;            // more headers get 431
  int read_timeout_s = 5;             // per read of a request
  int write_timeout_s = 5;            // per write of a response
  int keep_alive_timeout_s = 5;
  size_t keep_alive_max_requests = 100000;
  // Worker threads; one serves one connection at a time, so this bounds the
  // number of keep-alive clients served concurrently.
  int threads = 64;
  // Called with "METHOD /path STATUS" (no newline) for every request
  // answered, from the worker threads, possibly at once; empty = no log.
  std::function<void(const std::string& line)> request_log;
  // A read-only copy (`geotl serve --read-only`): writes answer 405.
  bool read_only = false;
};

class Server {
 public:
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Loads the static files and binds the socket (port() is then known).
  // Errors: kNotFound (static folder), kIOError (address in use, bad bind).
  static core::Result<std::unique_ptr<Server>> Create(
      store::Store* store, std::shared_ptr<const ingest::Coder> coder,
      ServerOptions options);

  int port() const;
  // Serves until Stop(). Returns after every in-flight request has been
  // answered, so an acknowledged write is never lost.
  core::Status Run();
  // Stops accepting connections and makes Run() return. Idempotent.
  void Stop();

 private:
  struct Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace geotl::server
