// Recognition throughput on real news text, one core: German = raw TEXT of
// KRAUTS (Dolomiten-42) and WikiWarsDE, English = TBAQ-cleaned (TimeBank +
// AQUAINT), TEXT element only, inline tags removed. Prints JSON: sentences,
// mentions, seconds and sentences/s for Recognizer::Find alone and for
// PrepareText + Find, per language.
//   geotl_bench_recognize [--shared DIR] [--min-seconds S]
#include <algorithm>
#include <chrono>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "core/event_json.h"
#include "ingest/recognizer.h"
#include "ingest/text.h"

namespace fs = std::filesystem;
using geotl::core::Json;

namespace {

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The TEXT element with tags removed and the five XML entities decoded.
std::string TextElement(const std::string& doc) {
  size_t b = doc.find("<TEXT>");
  size_t e = doc.find("</TEXT>");
  if (b == std::string::npos || e == std::string::npos || e < b) return "";
  std::string in = doc.substr(b + 6, e - b - 6), out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '<') {
      size_t close = in.find('>', i);
      if (close == std::string::npos) break;
      i = close;
      continue;
    }
    if (in[i] == '&') {
      static const std::pair<const char*, char> kEnt[] = {{"&amp;", '&'},
                                                          {"&lt;", '<'},
                                                          {"&gt;", '>'},
                                                          {"&quot;", '"'},
                                                          {"&apos;", '\''}};
      bool done = false;
      for (auto& [name, c] : kEnt) {
        if (in.compare(i, std::strlen(name), name) == 0) {
          out.push_back(c);
          i += std::strlen(name) - 1;
          done = true;
          break;
        }
      }
      if (done) continue;
    }
    out.push_back(in[i]);
  }
  return out;
}

std::vector<std::string> Corpus(const std::vector<fs::path>& dirs) {
  std::vector<fs::path> files;
  for (const fs::path& d : dirs) {
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(d, ec);
         it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_regular_file()) files.push_back(it->path());
    }
  }
  std::sort(files.begin(), files.end());
  std::vector<std::string> docs;
  for (const fs::path& f : files) {
    std::string t = TextElement(ReadFile(f));
    if (!t.empty()) docs.push_back(std::move(t));
  }
  return docs;
}

Json Run(const geotl::ingest::Recognizer& rec,
         const std::vector<std::string>& docs, const std::string& lang,
         double min_seconds) {
  using Clock = std::chrono::steady_clock;
  std::vector<geotl::ingest::PreparedText> prepared;
  size_t sentences = 0;
  auto t0 = Clock::now();
  for (const std::string& d : docs) {
    prepared.push_back(geotl::ingest::PrepareText(d, lang));
    sentences += prepared.back().sentences.size();
  }
  double prep_s = std::chrono::duration<double>(Clock::now() - t0).count();
  geotl::core::Date as_of(2013, 11, 4);
  size_t mentions = 0, passes = 0;
  auto t1 = Clock::now();
  std::clock_t c1 = std::clock();
  double find_s = 0;
  do {
    for (size_t i = 0; i < docs.size(); ++i) {
      for (const geotl::ingest::Sentence& s : prepared[i].sentences)
        mentions += rec.Find(docs[i], s, lang, as_of).size();
    }
    ++passes;
    find_s = std::chrono::duration<double>(Clock::now() - t1).count();
  } while (find_s < min_seconds);
  double per_pass = find_s / static_cast<double>(passes);
  double cpu_per_pass = static_cast<double>(std::clock() - c1) /
                        CLOCKS_PER_SEC / static_cast<double>(passes);
  Json j;
  j["language"] = lang;
  j["documents"] = docs.size();
  j["sentences"] = sentences;
  j["mentions_per_pass"] = mentions / passes;
  j["passes"] = passes;
  j["find_seconds_per_pass"] = per_pass;
  j["find_sentences_per_second"] = static_cast<double>(sentences) / per_pass;
  // CPU time of this (single) thread: robust when other jobs share the
  // machine and wall time stretches.
  j["find_cpu_seconds_per_pass"] = cpu_per_pass;
  j["find_sentences_per_cpu_second"] =
      static_cast<double>(sentences) / cpu_per_pass;
  j["prepare_seconds"] = prep_s;
  j["prepare_and_find_sentences_per_second"] =
      static_cast<double>(sentences) / (per_pass + prep_s);
  return j;
}

}  // namespace

int main(int argc, char** argv) {
  fs::path shared = GEOTL_SHARED_DIR;
  double min_seconds = 2.0;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--shared") shared = argv[i + 1];
    if (a == "--min-seconds") min_seconds = std::stod(argv[i + 1]);
  }
  fs::path t = shared / "devsets" / "temporal";
  auto load_start = std::chrono::steady_clock::now();
  auto rec = geotl::ingest::Recognizer::Load({});
  if (!rec.ok()) {
    std::cerr << rec.status().ToString() << "\n";
    return 1;
  }
  double load_s = std::chrono::duration<double>(
                      std::chrono::steady_clock::now() - load_start)
                      .count();
  std::vector<std::string> de =
      Corpus({t / "krauts-dolomiten42" / "KRAUTS_Dolomiten-42_raw-text",
              t / "wikiwarsde" / "WikiWarsDE_20110412" / "in"});
  std::vector<std::string> en =
      Corpus({t / "tbaq-cleaned" / "TimeBank", t / "tbaq-cleaned" / "AQUAINT"});
  Json out;
  out["benchmark"] = "recognize";
  out["threads"] = 1;
  out["load_seconds"] = load_s;
  out["de"] = Run(**rec, de, "de", min_seconds);
  out["en"] = Run(**rec, en, "en", min_seconds);
  std::cout << out.dump(2) << "\n";
  return 0;
}
