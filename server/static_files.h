// StaticFiles: the dashboard's files, read into memory once at start-up.
// Requests are answered from this table only, so no request path can reach a
// file outside the static folder (no "..", no symlinks, no later additions).
// Immutable after Load; safe to share across threads.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "core/status.h"

namespace geotl::server {

struct StaticFile {
  std::string body;
  std::string mime;
};

class StaticFiles {
 public:
  // Loads every regular file under `dir` (recursively; symlinks and hidden
  // files skipped; at most `max_total_bytes` in all). kNotFound if `dir` is
  // not a directory.
  static core::Result<StaticFiles> Load(const std::string& dir,
                                        size_t max_total_bytes = 64u << 20);

  // `url_path` as requested ("/", "/app.js"); "/" and directory paths map to
  // their index.html. nullptr when there is no such file.
  const StaticFile* Find(std::string_view url_path) const;
  // Adds a built-in file at `url_path` ("/countries-110m.json") unless the
  // folder brought its own; before the table is shared.
  void AddDefault(std::string url_path, StaticFile file);
  size_t size() const { return files_.size(); }

 private:
  std::map<std::string, StaticFile, std::less<>> files_;  // "/app.js" -> file
};

// <exe>/../share/geotl/static, else the source tree's server/static.
std::string DefaultStaticDir();

// MIME type from a file name's extension ("application/octet-stream" if
// unknown).
std::string_view MimeFor(std::string_view path);

}  // namespace geotl::server
