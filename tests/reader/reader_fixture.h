// Test helpers for the reader tests: a temporary directory removed at scope
// exit, file writing, and reading every item of an ArticleReader.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "ingest/reader.h"

namespace geotl::testing {

class TempDir {
 public:
  TempDir() {
    std::string tmpl =
        (std::filesystem::temp_directory_path() / "geotl-test-XXXXXX").string();
    path_ = mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }
  std::string operator/(const std::string& rel) const {
    return path_ + "/" + rel;
  }
  // Writes `bytes` to path()/rel, creating folders; returns the full path.
  std::string Write(const std::string& rel, const std::string& bytes) const {
    std::filesystem::path p = std::filesystem::path(path_) / rel;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }

 private:
  std::string path_;
};

inline std::vector<core::Result<core::Article>> ReadAll(
    std::vector<std::string> inputs, ingest::ReaderOptions options = {}) {
  ingest::ArticleReader reader(std::move(inputs), std::move(options));
  std::vector<core::Result<core::Article>> out;
  while (auto item = reader.Next()) out.push_back(std::move(*item));
  return out;
}

}  // namespace geotl::testing
