#include "server/static_files.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

namespace geotl::server {
namespace fs = std::filesystem;

namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.substr(s.size() - suffix.size()) == suffix;
}

bool IsDir(const fs::path& p) {
  std::error_code ec;
  return fs::is_directory(p, ec);
}

}  // namespace

std::string_view MimeFor(std::string_view path) {
  struct Entry {
    std::string_view ext, mime;
  };
  static constexpr Entry kTable[] = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".txt", "text/plain; charset=utf-8"},
      {".woff2", "font/woff2"},
  };
  for (const auto& e : kTable)
    if (EndsWith(path, e.ext)) return e.mime;
  return "application/octet-stream";
}

core::Result<StaticFiles> StaticFiles::Load(const std::string& dir,
                                            size_t max_total_bytes) {
  const fs::path root(dir);
  if (!IsDir(root))
    return core::Status::NotFound("static folder " + dir + " not found");
  StaticFiles out;
  size_t total = 0;
  std::error_code ec;
  // No follow_directory_symlink: a symlinked folder is never entered.
  fs::recursive_directory_iterator it(root, fs::directory_options::none, ec);
  if (ec)
    return core::Status::IOError("cannot list " + dir + ": " + ec.message());
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec)
      return core::Status::IOError("cannot list " + dir + ": " + ec.message());
    const fs::path& p = it->path();
    const std::string name = p.filename().string();
    if (!name.empty() && name[0] == '.') {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (it->is_symlink(ec) || !it->is_regular_file(ec)) continue;
    std::ifstream in(p, std::ios::binary);
    if (!in) return core::Status::IOError("cannot read " + p.string());
    std::ostringstream buf;
    buf << in.rdbuf();
    StaticFile f{buf.str(), std::string(MimeFor(name))};
    total += f.body.size();
    if (total > max_total_bytes)
      return core::Status::Invalid("static folder " + dir + " is larger than " +
                                   std::to_string(max_total_bytes) + " bytes");
    std::string key = "/" + fs::relative(p, root, ec).generic_string();
    if (ec) return core::Status::IOError("cannot resolve " + p.string());
    out.files_.emplace(std::move(key), std::move(f));
  }
  return out;
}

const StaticFile* StaticFiles::Find(std::string_view url_path) const {
  std::string key(url_path);
  if (key.empty() || key.back() == '/') key += "index.html";
  auto it = files_.find(key);
  if (it != files_.end()) return &it->second;
  // "/docs" for a folder "docs/" with an index.html.
  it = files_.find(key + "/index.html");
  return it != files_.end() ? &it->second : nullptr;
}

void StaticFiles::AddDefault(std::string url_path, StaticFile file) {
  files_.try_emplace(std::move(url_path), std::move(file));
}

std::string DefaultStaticDir() {
  char buf[4096];
  ssize_t n = ::readlink("/proc/self/exe", buf, sizeof(buf) - 1);
  if (n > 0) {
    buf[n] = '\0';
    fs::path installed =
        fs::path(buf).parent_path().parent_path() / "share/geotl/static";
    if (IsDir(installed)) return installed.string();
  }
#ifdef GEOTL_STATIC_DIR
  return GEOTL_STATIC_DIR;
#else
  return "server/static";
#endif
}

}  // namespace geotl::server
