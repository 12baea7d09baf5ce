// `geotl extract [--lang auto|de|en] [--strict]`: the ingest stages as a pure
// filter, no store. Articles NDJSON on stdin -> events NDJSON on stdout, each
// event with exactly one source (its input article). A rejected line is
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

int Run(const std::string& lang, bool strict) {
  auto coder = Coder::Load(CoderOptions{});
  if (!coder.ok()) {
    PrintError("cannot load the coder: " + coder.status().message());
    return kExitError;
  }
  ReaderOptions ro;
  ro.stdin_format = ReaderOptions::StdinFormat::kNdjson;
  ro.overrides.language = lang == "auto" ? "" : lang;
  ArticleReader reader({"-"}, ro);
  std::string out;
  while (auto item = reader.Next()) {
    if (!item->ok()) {
      std::cerr << item->status().message() << "\n";
      if (strict) {
        std::fflush(stdout);
        return kExitError;
      }
      continue;
    }
    out.clear();
    for (const Event& e : (*coder)->Code(item->value())) {
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
       auto lang = std::make_shared<std::string>("auto");
       auto strict = std::make_shared<bool>(false);
       app->add_option("--lang", *lang, "language: auto|de|en")
           ->check(CLI::IsMember({"auto", "de", "en"}));
       app->add_flag("--strict", *strict,
                     "stop with exit 1 at the first rejected line");
       return [=] { return Run(*lang, *strict); };
     }});

}  // namespace
}  // namespace geotl::cli
