// Test helpers shared by the timeline, store and CLI tests: fixtures, golden
// files, running python.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "core/event_json.h"

namespace geotl::testing {

inline std::string DataPath(const std::string& rel) {
  return std::string(GEOTL_TEST_DATA) + "/" + rel;
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

inline std::vector<core::Event> ReadEvents(const std::string& path) {
  std::vector<core::Event> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    auto e = core::EventFromJsonText(line);
    INFO(path << ": " << e.status().message());
    REQUIRE(e.ok());
    out.push_back(*e);
  }
  return out;
}

// Compares `actual` with the golden file; GEOTL_UPDATE_GOLDEN=1 rewrites it.
inline void CheckGolden(const std::string& rel, const std::string& actual) {
  std::string path = DataPath(rel);
  if (std::getenv("GEOTL_UPDATE_GOLDEN")) WriteFile(path, actual);
  std::string expected = ReadFile(path);
  INFO("golden " << rel << " (GEOTL_UPDATE_GOLDEN=1 rewrites it)");
  REQUIRE(!expected.empty());
  REQUIRE(actual == expected);
}

// Runs `cmd`, returns exit status and captures combined output.
inline int Run(const std::string& cmd, std::string* output) {
  std::string full = cmd + " 2>&1";
  FILE* p = popen(full.c_str(), "r");
  if (!p) return -1;
  char buf[4096];
  size_t n;
  output->clear();
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) output->append(buf, n);
  int rc = pclose(p);
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

inline std::string TempPath(const std::string& name) {
  const char* t = std::getenv("TMPDIR");
  return std::string(t ? t : "/tmp") + "/geotl_test_" +
         std::to_string(::getpid()) + "_" + name;
}

// Calls check(row) for every non-blank line of the JSONL case table at
// `path` (each line one JSON object); returns the number of rows, so a
// runner can require that its table was read at all.
template <typename Check>
size_t ForEachCase(const std::string& path, Check check) {
  std::ifstream in(path);
  REQUIRE(in);
  std::string line;
  size_t rows = 0;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    check(nlohmann::json::parse(line));
    ++rows;
  }
  return rows;
}

}  // namespace geotl::testing
