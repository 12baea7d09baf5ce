// Helpers for end-to-end tests through the real `geotl` binary (GEOTL_BINARY):
// run it in a shell with stdin/stdout/stderr captured in files of a temporary
// directory, and validate JSON with tools/validate_json.py
// (python3-jsonschema).
#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "tests/reader/reader_fixture.h"

namespace geotl::testing {

struct RunResult {
  int code = -1;
  std::string out, err;
};

inline std::string Quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

inline std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Runs `prefix args…` (prefix is a shell word list, e.g. the binary) in `dir`
// with `input` on stdin.
inline RunResult RunShell(const TempDir& dir, const std::string& prefix,
                          const std::vector<std::string>& args,
                          const std::string& input = "") {
  dir.Write("run.stdin", input);
  std::string cmd = "cd " + Quote(dir.path()) + " && env -u GEOTL_DB " + prefix;
  for (const auto& a : args) cmd += " " + Quote(a);
  cmd += " < run.stdin > run.stdout 2> run.stderr";
  int st = std::system(cmd.c_str());
  RunResult r;
  r.code = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  r.out = Slurp(dir / "run.stdout");
  r.err = Slurp(dir / "run.stderr");
  return r;
}

inline RunResult Geotl(const TempDir& dir, const std::vector<std::string>& args,
                       const std::string& input = "") {
  return RunShell(dir, Quote(GEOTL_BINARY), args, input);
}

// Validates every record of `file` (NDJSON if it ends in .ndjson) against
// schemas/<schema>.schema.json.
inline RunResult ValidateJson(const TempDir& dir, const std::string& schema,
                              const std::string& file) {
  return RunShell(
      dir,
      "/usr/bin/python3 " +
          Quote(std::string(GEOTL_SOURCE_DIR) + "/tools/validate_json.py"),
      {"--schema",
       std::string(GEOTL_SOURCE_DIR) + "/schemas/" + schema + ".schema.json",
       file});
}

inline size_t CountLines(const std::string& s) {
  size_t n = 0;
  for (char c : s) n += c == '\n';
  return n;
}

}  // namespace geotl::testing
