// Extraction benchmark: codes real news text (TBAQ-cleaned English, and the
// German devset texts: WikiWarsDE + KRAUTS) with the full coder (text
// preparation, recognisers, time normaliser, triggers, roles) on one thread
// and prints JSON: sentences/s and MB/s per language.
//   geotl_bench_extract [--repeat N] [--shared DIR]
// With --ndjson it is instead a filter (articles NDJSON on stdin -> events
// NDJSON on stdout), used by tools/score_events.py when `geotl extract` is
// not built.
#include <chrono>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "core/event_json.h"
#include "ingest/coder.h"
#include "ingest/reader.h"
#include "ingest/recognizer.h"
#include "ingest/text.h"
#include "ingest/time/timex.h"

namespace fs = std::filesystem;
using namespace geotl;
using namespace geotl::core;
using namespace geotl::ingest;
using namespace geotl::ingest::time;

namespace {

// CPU seconds of this thread: "one core" even when the machine is shared.
double ThreadCpu() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The text between <TEXT> and </TEXT> with markup removed.
std::string TextOf(const std::string& doc) {
  size_t a = doc.find("<TEXT>");
  size_t b = doc.rfind("</TEXT>");
  if (a == std::string::npos || b == std::string::npos || b < a) return "";
  std::string body = doc.substr(a + 6, b - a - 6);
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

std::vector<Article> Corpus(const fs::path& root, const std::string& lang,
                            const std::vector<std::string>& dirs) {
  std::vector<Article> out;
  for (const auto& d : dirs) {
    std::vector<fs::path> files;
    if (!fs::exists(root / d)) continue;
    for (const auto& f : fs::recursive_directory_iterator(root / d))
      if (f.is_regular_file()) files.push_back(f.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      std::string doc = ReadFile(f);
      Article a;
      a.text = TextOf(doc);
      if (a.text.empty()) continue;
      a.id = f.filename().string();
      a.language = lang;
      std::smatch m;
      static const std::regex kDate("(\\d{4})-?(\\d{2})-?(\\d{2})");
      std::string head = doc.substr(0, 1000);
      auto dct = doc.find("DCT");
      if (dct == std::string::npos) dct = doc.find("DATETIME");
      if (dct != std::string::npos) head = doc.substr(dct, 400);
      if (std::regex_search(head, m, kDate)) {
        auto d2 = ParseIsoDay(m[1].str() + "-" + m[2].str() + "-" + m[3].str());
        if (d2.ok()) a.published = *d2;
      }
      if (a.published.is_not_a_date()) a.published = Date(2013, 11, 4);
      out.push_back(std::move(a));
    }
  }
  return out;
}

// --mentions: what the recogniser sees per sentence (debugging aid).
void DumpMentions(const Article& a) {
  auto rec = Recognizer::Load(RecognizerOptions{});
  if (!rec.ok()) return;
  PreparedText p = PrepareText(a.text, a.language);
  if (auto tn = TimeNormalizer::Load(""); tn.ok())
    for (const Timex& t : (*tn)->Find(a.text, a.published, p.language))
      std::cerr << "  timex '" << t.text << "' " << t.type << " " << t.value
                << (t.range ? " " + FormatDate(t.range->start) + ".." +
                                  FormatDate(t.range->end) + " " +
                                  std::string(ToString(t.range->precision))
                            : "")
                << "\n";
  for (size_t i = 0; i < p.sentences.size(); ++i) {
    const Sentence& s = p.sentences[i];
    std::cerr << "[" << i << "] " << a.text.substr(s.start, s.end - s.start)
              << "\n";
    for (const Mention& m : (*rec)->Find(a.text, s, p.language, a.published)) {
      std::cerr << "    " << static_cast<int>(m.kind) << " '"
                << a.text.substr(m.start, m.end - m.start) << "'";
      if (m.actor)
        std::cerr << " actor=" << m.actor->code << "/" << m.actor->country
                  << " " << ToString(m.actor->kind);
      if (m.place)
        std::cerr << " place=" << m.place->name << "/" << m.place->country;
      std::cerr << " (" << m.rule << ")\n";
    }
  }
}

int Filter(const Coder& coder, bool debug) {
  std::stringstream ss;
  ss << std::cin.rdbuf();
  ReaderOptions ro;
  ro.stdin_format = ReaderOptions::StdinFormat::kNdjson;
  for (auto& r : ReadArticlesFromBuffer(ss.str(), "stdin", ro)) {
    if (!r.ok()) {
      std::cerr << r.status().message() << "\n";
      continue;
    }
    std::vector<EventTrace> traces;
    if (debug) DumpMentions(r.value());
    auto events = coder.Code(r.value(), &traces);
    for (size_t i = 0; i < events.size(); ++i) {
      std::cout << ToJsonLine(events[i]) << "\n";
      if (debug)
        std::cerr << "  => " << events[i].type << " " << traces[i].trigger
                  << ": " << traces[i].rule << "\n";
    }
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  int repeat = 3;
  bool ndjson = false, debug = false;
  std::string shared = GEOTL_SHARED_DIR;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--repeat") && i + 1 < argc)
      repeat = std::atoi(argv[++i]);
    else if (!std::strcmp(argv[i], "--shared") && i + 1 < argc)
      shared = argv[++i];
    else if (!std::strcmp(argv[i], "--ndjson"))
      ndjson = true;
    else if (!std::strcmp(argv[i], "--debug"))
      ndjson = debug = true;
  }
  auto t0 = std::chrono::steady_clock::now();
  auto coder = Coder::Load(CoderOptions{});
  if (!coder.ok()) {
    std::cerr << "geotl_bench_extract: " << coder.status().ToString() << "\n";
    return 1;
  }
  double load_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0)
          .count();
  if (ndjson) return Filter(**coder, debug);

  fs::path root = fs::path(shared) / "devsets" / "temporal";
  struct Set {
    std::string lang;
    std::vector<Article> docs;
  } sets[] = {
      {"en",
       Corpus(root, "en", {"tbaq-cleaned/TimeBank", "tbaq-cleaned/AQUAINT"})},
      {"de", Corpus(root, "de",
                    {"wikiwarsde/WikiWarsDE_20110412/in",
                     "krauts-dolomiten42/KRAUTS_Dolomiten-42_raw-text"})},
  };
  std::cout << "{\"benchmark\":\"extract\",\"threads\":1,\"load_seconds\":"
            << load_s << ",\"results\":[";
  bool first = true;
  for (auto& set : sets) {
    size_t bytes = 0, sentences = 0, events = 0;
    for (const auto& a : set.docs) {
      bytes += a.text.size();
      sentences += PrepareText(a.text, set.lang).sentences.size();
    }
    // Warm-up, then timed repeats.
    for (const auto& a : set.docs) events += (*coder)->Code(a).size();
    auto s = std::chrono::steady_clock::now();
    double c0 = ThreadCpu();
    for (int r = 0; r < repeat; ++r)
      for (const auto& a : set.docs) (*coder)->Code(a);
    double cpu = (ThreadCpu() - c0) / std::max(1, repeat);
    double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - s)
            .count() /
        std::max(1, repeat);
    double per = cpu;
    // Stage costs (same documents, one pass each): what the coder itself
    // adds on top of text preparation, time expressions and recognisers.
    auto stage = [&](auto fn) {
      double t = ThreadCpu();
      for (int r = 0; r < repeat; ++r)
        for (const auto& a : set.docs) fn(a);
      return (ThreadCpu() - t) / std::max(1, repeat);
    };
    static auto rec = Recognizer::Load(RecognizerOptions{});
    static auto tn = TimeNormalizer::Load("");
    double t_text =
        stage([&](const Article& a) { PrepareText(a.text, set.lang); });
    double t_time = tn.ok() ? stage([&](const Article& a) {
      (*tn)->Find(a.text, a.published, set.lang);
    })
                            : 0;
    double t_rec = rec.ok()
                       ? stage([&](const Article& a) {
                           PreparedText p = PrepareText(a.text, set.lang);
                           for (const Sentence& s2 : p.sentences)
                             (*rec)->Find(a.text, s2, set.lang, a.published);
                         }) - t_text
                       : 0;
    if (!first) std::cout << ",";
    first = false;
    std::cout << "{\"language\":\"" << set.lang
              << "\",\"documents\":" << set.docs.size()
              << ",\"bytes\":" << bytes << ",\"sentences\":" << sentences
              << ",\"events\":" << events << ",\"cpu_seconds\":" << per
              << ",\"wall_seconds\":" << wall
              << ",\"sentences_per_second\":" << (per > 0 ? sentences / per : 0)
              << ",\"mb_per_second\":" << (per > 0 ? bytes / per / 1e6 : 0)
              << ",\"stage_seconds\":{\"text\":" << t_text
              << ",\"time\":" << t_time << ",\"recognizer\":" << t_rec
              << ",\"coder_rest\":" << (per - t_text - t_time - t_rec) << "}}";
  }
  std::cout << "]}\n";
  return 0;
}
