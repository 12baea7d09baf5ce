// `geotl serve`: the HTTP API and dashboard (server/server.h) over one store.
// With --read-only it serves a copy (`geotl checkpoint`) without the write
// lock and answers writes with 405. Otherwise, while it runs it is the
// store's only writer; SIGTERM/SIGINT stop it after
// the requests in flight are answered, so no acknowledged write is lost.
#include <pthread.h>
#include <signal.h>

#include <string>
#include <thread>

#include "cli/command.h"
#include "cli/environment.h"
#include "cli/reporter.h"
#include "ingest/coder.h"
#include "server/auth.h"
#include "server/server.h"
#include "store/store.h"

namespace geotl::cli {
namespace {

struct ServeFlags {
  std::string* db = nullptr;
  std::string bind = "127.0.0.1";
  int port = 8080;
  std::string token_file;
  std::string static_dir;
  std::string cors;
  int threads = 64;
  size_t max_body_mb = 16;
  bool log = false;
  bool read_only = false;
};

bool IsLoopback(const std::string& host) {
  return host == "127.0.0.1" || host == "::1" || host == "localhost" ||
         host.rfind("127.", 0) == 0;
}

int RunServe(const ServeFlags& f) {
  server::ServerOptions opt;
  opt.bind = f.bind;
  opt.port = f.port;
  opt.static_dir = f.static_dir.empty() ? Env().static_dir : f.static_dir;
  opt.cors_origin = f.cors;
  opt.threads = f.threads;
  opt.max_body_bytes = f.max_body_mb << 20;
  if (f.log)  // workers log at once: the reporter writes each line whole
    opt.request_log = [](const std::string& line) { Report().Info(line); };
  opt.read_only = f.read_only;
  if (f.read_only && !f.token_file.empty()) {
    PrintError(
        "--read-only takes no --token-file: a read-only copy takes no writes");
    return kExitUsage;
  }
  if (!f.token_file.empty()) {
    auto token = server::ReadTokenFile(f.token_file);
    if (!token.ok()) {
      PrintError(token.status().message());
      return kExitError;
    }
    opt.token = *token;
  }
  if (!IsLoopback(f.bind))
    PrintError("warning: serving on " + f.bind +
               ", not loopback: anyone who reaches it can read the store");

  // Block the stop signals before any thread starts, so only the watcher
  // below receives them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  // --read-only: no write lock, nothing created; any number of servers may
  // share one copy (a checkpoint, `geotl checkpoint`).
  auto store =
      store::Store::Open(*f.db, f.read_only ? store::StoreOptions::ForRead()
                                            : store::StoreOptions{});
  if (!store.ok()) {
    PrintError(store.status().message());
    return kExitError;
  }
  // The coder for POSTed articles: the same one `geotl ingest` loads.
  auto coder = ingest::Coder::Load(CoderOptionsFor(""));
  if (!coder.ok()) {
    PrintError("loading the lexicons: " + coder.status().message());
    return kExitError;
  }
  auto srv = server::Server::Create(store->get(), *coder, opt);
  if (!srv.ok()) {
    PrintError(srv.status().message());
    return kExitError;
  }
  server::Server* s = srv->get();
  std::thread watcher([s, stop_signals] {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    s->Stop();
  });
  Report().Info("geotl: serving " + *f.db + " on http://" + f.bind + ':' +
                std::to_string(s->port()) + "/ (writes " +
                (f.read_only ? "disabled: read-only"
                 : opt.token ? "need the bearer token"
                             : "disabled: no --token-file") +
                ")");
  core::Status st = s->Run();
  // Wake the watcher if Run() ended for another reason than a signal.
  pthread_kill(watcher.native_handle(), SIGTERM);
  watcher.join();
  srv->reset();
  store->reset();  // closes the store: every acknowledged write is durable
  if (!st.ok()) {
    PrintError(st.message());
    return kExitError;
  }
  Report().Info("geotl: stopped");
  return kExitOk;
}

const bool kRegistered = RegisterCommand(
    {"serve", "serve the HTTP API and the dashboard",
     [](CLI::App* app) -> std::function<int()> {
       auto f = std::make_shared<ServeFlags>();
       f->db = AddDbOption(app);
       app->add_option("--bind", f->bind,
                       "address to listen on (default 127.0.0.1)");
       app->add_option("--port", f->port,
                       "port (default 8080; 0 = any free port)")
           ->check(CLI::Range(0, 65535));
       app->add_option("--token-file", f->token_file,
                       "file holding the bearer token for POST/DELETE "
                       "(without it, writes answer 403)");
       app->add_option(
           "--static", f->static_dir,
           "dashboard folder (default $GEOTL_STATIC, else the installed "
           "one)");
       app->add_option(
           "--cors", f->cors,
           "allow this origin (or *) to call the API from a browser");
       app->add_option("--threads", f->threads,
                       "worker threads = concurrent connections (default 64)")
           ->check(CLI::Range(1, 1024));
       app->add_option("--max-body-mb", f->max_body_mb,
                       "largest request body in MiB (default 16)")
           ->check(CLI::Range(1, 1024));
       app->add_flag("--log", f->log, "log one line per request to stderr");
       app->add_flag("--read-only", f->read_only,
                     "serve a copy (geotl checkpoint) read-only: no write "
                     "lock, writes answer 405");
       return [f] { return RunServe(*f); };
     }});

}  // namespace
}  // namespace geotl::cli
