// Benchmark: temporal normaliser throughput (MB/s, one core) over the
// temporal devset texts (TEXT elements of TBAQ-cleaned, KRAUTS and
// WikiWarsDE, tags stripped). Prints one JSON object.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "core/event_json.h"
#include "ingest/time/timex.h"

namespace fs = std::filesystem;

namespace {

struct Doc {
  std::string text, lang;
};

std::string TextElement(const std::string& raw) {
  size_t a = raw.find("<TEXT>"), b = raw.rfind("</TEXT>");
  std::string body = (a == std::string::npos || b == std::string::npos || b < a)
                         ? raw
                         : raw.substr(a + 6, b - a - 6);
  std::string out;
  bool tag = false;
  for (char c : body) {
    if (c == '<')
      tag = true;
    else if (c == '>')
      tag = false;
    else if (!tag)
      out.push_back(c);
  }
  return out;
}

void Collect(const fs::path& dir, const std::string& lang,
             std::vector<Doc>* docs) {
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    std::string ext = it->path().extension().string();
    if (ext != ".tml" && ext != ".xml") continue;
    if (it->path().string().find("/keyinline/") == std::string::npos &&
        ext == ".xml")
      continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    docs->push_back({TextElement(ss.str()), lang});
  }
}

}  // namespace

int main(int argc, char** argv) {
  fs::path root = fs::path(GEOTL_SHARED_DIR) / "devsets" / "temporal";
  if (argc > 1) root = argv[1];
  std::vector<Doc> docs;
  Collect(root / "tbaq-cleaned", "en", &docs);
  Collect(root / "krauts-dolomiten42", "de", &docs);
  Collect(root / "wikiwarsde", "de", &docs);
  size_t bytes = 0;
  for (const auto& d : docs) bytes += d.text.size();
  auto norm = geotl::ingest::time::TimeNormalizer::Load("");
  if (!norm.ok() || docs.empty()) {
    std::cerr << "bench dates: "
              << (norm.ok() ? "no documents under " + root.string()
                            : norm.status().ToString())
              << "\n";
    return 1;
  }
  geotl::core::Date dct(2013, 11, 4);
  size_t rounds = 0, found = 0;
  auto t0 = std::chrono::steady_clock::now();
  double secs = 0;
  do {
    for (const auto& d : docs)
      found += (*norm)->Find(d.text, dct, d.lang).size();
    ++rounds;
    secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0)
               .count();
  } while (secs < 2.0);
  geotl::core::Json j;
  j["benchmark"] = "dates";
  j["documents"] = docs.size();
  j["bytes_per_round"] = bytes;
  j["rounds"] = rounds;
  j["seconds"] = secs;
  j["expressions_per_round"] = found / rounds;
  j["mb_per_s"] = bytes * rounds / secs / 1e6;
  j["threads"] = 1;
  std::cout << j.dump(1) << "\n";
  return 0;
}
