// `geotl extract [--lang auto|de|en] [--strict] [--min-confidence C]
// [--lexicons DIR]`: the ingest stages as a pure filter, no store. Articles
// NDJSON on stdin -> events NDJSON on stdout, each event with exactly one
// source (its input article) and the coder version; events below C are not
// printed. A rejected line is
// reported on stderr as `<stdin>:line: reason` and skipped (exit 0); with
// --strict the first rejected line ends the run with exit 1. Runs unchanged
// under any engine that pipes records through a program (Spark RDD.pipe,
// Hadoop Streaming).
#include <cstdio>
#include <iostream>

#include "cli/command.h"
#include "core/event_json.h"
#include "ingest/coder.h"
#include "ingest/reader.h"

namespace geotl::cli {
namespace {

struct ExtractFlags {
  std::string lang = "auto";
  bool strict = false;
  double min_confidence = kDefaultMinConfidence;
  std::string lexicons;
};

int Run(const ExtractFlags& f) {
  CoderOptions co;
  co.recognizer.lexicon_dir = f.lexicons;
  auto coder = Coder::Load(co);
  if (!coder.ok()) {
    PrintError("cannot load the coder: " + coder.status().message());
    return kExitError;
  }
  ReaderOptions ro;
  ro.stdin_format = ReaderOptions::StdinFormat::kNdjson;
  ro.overrides.language = f.lang == "auto" ? "" : f.lang;
  ArticleReader reader({"-"}, ro);
  std::string out;
  while (auto item = reader.Next()) {
    if (!item->ok()) {
      std::cerr << item->status().message() << "\n";
      if (f.strict) {
        std::fflush(stdout);
        return kExitError;
      }
      continue;
    }
    out.clear();
    std::vector<Event> events = (*coder)->Code(item->value());
    DropBelowConfidence(&events, f.min_confidence);
    for (const Event& e : events) {
      out += ToJsonLine(e);
      out += '\n';
    }
    if (!out.empty() &&
        std::fwrite(out.data(), 1, out.size(), stdout) != out.size()) {
      PrintError("cannot write to stdout");
      return kExitError;
    }
  }
  if (std::fflush(stdout) != 0) {
    PrintError("cannot write to stdout");
    return kExitError;
  }
  return kExitOk;
}

const bool kRegistered = RegisterCommand(
    {"extract",
     "articles NDJSON on stdin -> events NDJSON on stdout (no store)",
     [](CLI::App* app) -> std::function<int()> {
       auto f = std::make_shared<ExtractFlags>();
       app->add_option("--lang", f->lang, "language: auto|de|en")
           ->check(CLI::IsMember({"auto", "de", "en"}));
       app->add_flag("--strict", f->strict,
                     "stop with exit 1 at the first rejected line");
       app->add_option("--min-confidence", f->min_confidence,
                       "print only events of confidence >= C (0..1)")
           ->check(CLI::Range(0.0, 1.0))
           ->capture_default_str();
       app->add_option("--lexicons", f->lexicons,
                       "lexicon root (default: the installed lexicons)");
       return [=] { return Run(*f); };
     }});

}  // namespace
}  // namespace geotl::cli
