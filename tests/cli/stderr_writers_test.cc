// Who may print, read from the source tree (GEOTL_SOURCE_DIR): in cli/ only
// the reporter (cli/reporter.{h,cc}) writes to stderr, and the libraries
// print nothing at all (docs/architecture.md). Comments and string literals
// are blanked first, so a comment or a help text that names stderr is no
// writer. The build tools' main()s (*_main.cc) may print.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace geotl::testing {
namespace {

namespace fs = std::filesystem;

bool IsIdent(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '_';
}

// `src` with comments and the contents of string and character literals
// blanked; newlines are kept, so lines keep their numbers.
std::string CodeOnly(const std::string& src) {
  std::string out = src;
  const size_t n = src.size();
  auto blank = [&](size_t from, size_t to) {
    for (size_t k = from; k < to && k < n; ++k)
      if (out[k] != '\n') out[k] = ' ';
  };
  size_t i = 0;
  while (i < n) {
    const char c = src[i];
    const char next = i + 1 < n ? src[i + 1] : '\0';
    const char prev = i > 0 ? src[i - 1] : '\0';
    if (c == '/' && next == '/') {
      size_t end = src.find('\n', i);
      if (end == std::string::npos) end = n;
      blank(i, end);
      i = end;
    } else if (c == '/' && next == '*') {
      size_t end = src.find("*/", i + 2);
      end = end == std::string::npos ? n : end + 2;
      blank(i, end);
      i = end;
    } else if (c == 'R' && next == '"' &&
               (!IsIdent(prev) || prev == '8' || prev == 'u' || prev == 'U' ||
                prev == 'L')) {
      // R"delim( … )delim"
      size_t open = src.find('(', i + 2);
      if (open == std::string::npos) return out;
      const std::string close = ")" + src.substr(i + 2, open - i - 2) + "\"";
      size_t end = src.find(close, open + 1);
      end = end == std::string::npos ? n : end + close.size();
      blank(i + 1, end);
      i = end;
    } else if (c == '"' || (c == '\'' && !IsIdent(prev))) {
      // A '…' after a digit or a letter is a digit separator (1'000).
      size_t k = i + 1;
      while (k < n && src[k] != c && src[k] != '\n')
        k += src[k] == '\\' ? 2 : 1;
      blank(i + 1, k);
      i = k + 1;
    } else {
      ++i;
    }
  }
  return out;
}

// "file:line: text" for every line of the C++ sources under `dir` (relative
// to the source tree) whose code matches `writer`, but for `allowed` files.
std::vector<std::string> Writers(const std::string& dir,
                                 const std::regex& writer,
                                 const std::set<std::string>& allowed) {
  const fs::path root = GEOTL_SOURCE_DIR;
  std::vector<std::string> found;
  for (const auto& e : fs::recursive_directory_iterator(root / dir)) {
    const fs::path& p = e.path();
    if (!e.is_regular_file() ||
        (p.extension() != ".cc" && p.extension() != ".h"))
      continue;
    const std::string rel = p.lexically_relative(root).generic_string();
    if (allowed.count(rel) || p.filename().string().ends_with("_main.cc"))
      continue;
    std::ifstream in(p, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    std::istringstream source(text.str()), code(CodeOnly(text.str()));
    std::string line, code_line;
    for (size_t no = 1;
         std::getline(source, line) && std::getline(code, code_line); ++no)
      if (std::regex_search(code_line, writer))
        found.push_back(rel + ":" + std::to_string(no) + ": " + line);
  }
  return found;
}

// What writes to stderr.
const std::regex kStderr(R"(\b(cerr|clog|stderr|STDERR_FILENO|perror)\b)");
// What prints: stderr, stdout and the stdio printers.
const std::regex kPrint(
    R"(\b(cerr|clog|cout|stderr|stdout|STDERR_FILENO|STDOUT_FILENO|perror|printf|fprintf|vprintf|vfprintf|puts|fputs|putchar)\b)");

TEST_CASE("source: comments and literals are no code", "[cli][source]") {
  const std::string src =
      "// std::cerr in a comment\n"
      "/* stderr\n   */ int a = 1'000; char q = '\"';\n"
      "auto s = \"to stderr\"; auto r = R\"x(std::cerr)x\";\n"
      "std::cerr << s;\n";
  const std::string code = CodeOnly(src);
  CHECK(code.size() == src.size());
  std::istringstream lines(code);
  std::vector<bool> hits;
  for (std::string line; std::getline(lines, line);)
    hits.push_back(std::regex_search(line, kStderr));
  CHECK(hits == std::vector<bool>{false, false, false, false, true});
}

TEST_CASE("source: in cli/ only the reporter writes to stderr",
          "[cli][source]") {
  auto found = Writers("cli", kStderr, {"cli/reporter.h", "cli/reporter.cc"});
  INFO("write through Report() (cli/reporter.h) instead");
  CHECK(found == std::vector<std::string>{});
}

TEST_CASE("source: the libraries print nothing", "[cli][source]") {
  std::vector<std::string> found;
  for (const char* dir :
       {"core", "geo", "ingest", "store", "timeline", "server"})
    for (auto& f : Writers(dir, kPrint, {})) found.push_back(f);
  INFO("return values or take a callback; the CLI reports (cli/reporter.h)");
  CHECK(found == std::vector<std::string>{});
}

}  // namespace
}  // namespace geotl::testing
