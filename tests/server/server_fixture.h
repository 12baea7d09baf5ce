// Helpers for the HTTP API tests: a temporary store filled by `geotl ingest`,
// a `geotl serve` subprocess on a free loopback port (stopped with SIGTERM),
// a minimal HTTP/1.1 client over a plain socket (one request per connection,
// so the tests see exactly the bytes the server sends), and schema validation
// with tests/server/validate_api.py. Test-only; not thread-safe.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "core/event_json.h"

namespace geotl::testing {

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void WriteFile(const std::string& path, const std::string& s) {
  std::ofstream(path, std::ios::binary) << s;
}

class ScratchDir {
 public:
  ScratchDir() {
    std::string tmpl =
        (std::filesystem::temp_directory_path() / "geotl-server-XXXXXX")
            .string();
    if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
    path_ = tmpl;
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string operator/(const std::string& name) const {
    return path_ + "/" + name;
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

struct HttpResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  core::Json json() const { return core::Json::parse(body, nullptr, false); }
};

// Sends one request (Connection: close) and reads the whole response.
inline HttpResponse Http(int port, const std::string& method,
                         const std::string& target,
                         const std::string& body = "",
                         const std::vector<std::string>& extra_headers = {}) {
  HttpResponse r;
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0) {
    ::close(fd);
    return r;
  }
  std::string req = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
                    "Connection: close\r\n";
  for (const auto& h : extra_headers) req += h + "\r\n";
  if (!body.empty() || method == "POST")
    req += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  req += "\r\n" + body;
  size_t sent = 0;
  while (sent < req.size()) {
    ssize_t n = ::send(fd, req.data() + sent, req.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<size_t>(n);
  }
  std::string raw;
  char buf[65536];
  for (;;) {
    ssize_t n = ::recv(fd, buf, sizeof(buf), 0);
    if (n <= 0) break;
    raw.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  const size_t head_end = raw.find("\r\n\r\n");
  if (head_end == std::string::npos || raw.size() < 12) return r;
  r.status = std::atoi(raw.c_str() + 9);
  std::istringstream head(raw.substr(0, head_end));
  std::string line;
  std::getline(head, line);
  while (std::getline(head, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string name = line.substr(0, colon);
    for (char& c : name) c = static_cast<char>(std::tolower(c));
    size_t v = colon + 1;
    while (v < line.size() && line[v] == ' ') ++v;
    r.headers[name] = line.substr(v);
  }
  r.body = raw.substr(head_end + 4);
  return r;
}

inline HttpResponse Get(int port, const std::string& target) {
  return Http(port, "GET", target);
}

// `geotl serve` as a subprocess on a free port of 127.0.0.1.
class ServeProcess {
 public:
  ServeProcess(const std::string& db, const std::string& log,
               const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args = {GEOTL_BINARY, "serve",  "--db",
                                     db,           "--port", "0"};
    args.insert(args.end(), extra.begin(), extra.end());
    pid_ = ::fork();
    if (pid_ == 0) {
      FILE* f = std::freopen(log.c_str(), "w", stderr);
      (void)f;
      std::vector<char*> argv;
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      ::execv(argv[0], argv.data());
      std::_Exit(127);
    }
    // The port is in the start-up line: "… on http://127.0.0.1:PORT/ …".
    for (int i = 0; i < 600 && port_ == 0; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      const std::string s = ReadFile(log);
      const size_t at = s.find("127.0.0.1:");
      if (at != std::string::npos) port_ = std::atoi(s.c_str() + at + 10);
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        pid_ = -1;
        break;
      }
    }
  }
  ~ServeProcess() { Stop(); }

  int port() const { return port_; }
  // SIGTERM, then the exit code (-1 if killed by a signal).
  int Stop() {
    if (pid_ > 0) {
      ::kill(pid_, SIGTERM);
      int status = 0;
      ::waitpid(pid_, &status, 0);
      exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      pid_ = -1;
    }
    return exit_code_;
  }

 private:
  pid_t pid_ = -1;
  int port_ = 0;
  int exit_code_ = -1;
};

inline int RunCommand(const std::string& cmd) {
  int st = std::system(cmd.c_str());
  return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

// Empty string when `body` is valid against schemas/<schema>, else the error.
inline std::string SchemaError(const ScratchDir& dir, const std::string& schema,
                               const std::string& body) {
  WriteFile(dir / "body.json", body);
  const std::string src = GEOTL_SOURCE_DIR;
  const std::string cmd = "/usr/bin/python3 " + src +
                          "/tests/server/validate_api.py " + src + "/schemas " +
                          schema + " " + (dir / "body.json") + " 2> " +
                          (dir / "schema.err");
  if (RunCommand(cmd) == 0) return "";
  std::string err = ReadFile(dir / "schema.err");
  return err.empty() ? "validator failed" : err;
}

}  // namespace geotl::testing
