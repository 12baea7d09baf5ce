// `geotl extract [FILE|DIR|- …] [--articles FILE] [--published DATE]
// [--lang auto|de|en] [--source NAME] [--strict] [--min-confidence C]
// [--lexicons DIR]`: the ingest stages as a pure filter, no store. Reads
// articles with the same reader as `geotl ingest` (files, directories with
// sidecars; default `-`: articles NDJSON on stdin) and prints their events
// as NDJSON on stdout, each event with exactly one source (its input
// article) and the coder version; events below C are not printed.
// --articles FILE also writes one article record per article read
// (core/article_json.h, also for articles that coded no event), so that
// `geotl load --events … --articles …` stores exactly what `geotl ingest`
// stores. A rejected article (bad input, text over 4 MiB as in ingest) is
// reported as `file:line: reason` (cli/reporter.h) and skipped (exit 0); with
// --strict the first one ends the run with exit 1. A named path that cannot
// be read, or output that cannot be written, is an error (exit 1). Runs
// unchanged under any engine that pipes records through a program (Spark
// RDD.pipe, Hadoop Streaming, Dask: tools/geotl_dask.py).
#include <cstdio>

#include "cli/command.h"
#include "cli/environment.h"
#include "cli/reader_flags.h"
#include "cli/reporter.h"
#include "core/article_json.h"
#include "core/event_json.h"
#include "ingest/coder.h"
#include "ingest/reader.h"

namespace geotl::cli {
namespace {

struct ExtractFlags {
  std::vector<std::string> inputs;
  std::string articles;  // "" = no article records
  std::string published;
  std::string lang = "auto";
  std::string source;
  bool strict = false;
  double min_confidence = core::kDefaultMinConfidence;
  std::string lexicons;
};

bool WriteAll(std::FILE* f, const std::string& s) {
  return s.empty() || std::fwrite(s.data(), 1, s.size(), f) == s.size();
}

int Run(const ExtractFlags& f) {
  auto flags = ReaderOptionsFromFlags(f.published, f.lang, f.source);
  if (!flags.ok()) {
    PrintError(flags.status().message());
    return kExitUsage;
  }
  ingest::ReaderOptions ro = *flags;
  ro.stdin_format = ingest::ReaderOptions::StdinFormat::kNdjson;
  auto coder = ingest::Coder::Load(CoderOptionsFor(f.lexicons));
  if (!coder.ok()) {
    PrintError("cannot load the coder: " + coder.status().message());
    return kExitError;
  }
  std::FILE* articles = nullptr;
  if (!f.articles.empty()) {
    articles = std::fopen(f.articles.c_str(), "wb");
    if (!articles) {
      PrintError("cannot write " + f.articles);
      return kExitError;
    }
  }
  auto finish = [&](int rc) {
    if (articles && std::fclose(articles) != 0 && rc == kExitOk) {
      PrintError("cannot write " + f.articles);
      rc = kExitError;
    }
    return rc;
  };
  int rc = kExitOk;
  ingest::ArticleReader reader(
      f.inputs.empty() ? std::vector<std::string>{"-"} : f.inputs, ro);
  std::string out, record;
  while (auto item = reader.Next()) {
    if (item->ok() && item->value().text.size() > ingest::kMaxCodedTextBytes) {
      const core::Article& a = item->value();
      *item = core::Status::Invalid(a.origin + ": text is " +
                                    std::to_string(a.text.size()) +
                                    " bytes, more than the " +
                                    std::to_string(ingest::kMaxCodedTextBytes) +
                                    " geotl codes (split the article)");
    }
    if (!item->ok()) {
      Report().Problem(item->status().message());
      if (item->status().code() != core::Code::kInvalidArgument)
        rc = kExitError;
      if (f.strict) {
        std::fflush(stdout);
        return finish(kExitError);
      }
      continue;
    }
    core::Article& a = item->value();
    std::vector<core::Event> events =
        CodeForStore(**coder, &a, f.min_confidence);
    out.clear();
    for (const core::Event& e : events) {
      out += ToJsonLine(e);
      out += '\n';
    }
    if (!WriteAll(stdout, out)) {
      PrintError("cannot write to stdout");
      return finish(kExitError);
    }
    if (articles) {
      record = ArticleToJsonLine(a);
      record += '\n';
      if (!WriteAll(articles, record)) {
        PrintError("cannot write " + f.articles);
        return finish(kExitError);
      }
    }
  }
  if (std::fflush(stdout) != 0) {
    PrintError("cannot write to stdout");
    return finish(kExitError);
  }
  return finish(rc);
}

const bool kRegistered = RegisterCommand(
    {"extract",
     "articles (files, directories or NDJSON on stdin) -> events NDJSON on "
     "stdout (no store)",
     [](CLI::App* app) -> std::function<int()> {
       auto f = std::make_shared<ExtractFlags>();
       app->add_option("inputs", f->inputs,
                       "files (.txt with .json sidecar, .json, .ndjson, "
                       ".jsonl), directories, or - for stdin (default)");
       app->add_option("--articles", f->articles,
                       "also write one article record per article (NDJSON) "
                       "to this file, for geotl load --articles");
       app->add_option(
           "--published", f->published,
           "publication date (YYYY-MM-DD or date-time) for every article");
       app->add_option("--lang", f->lang, "language: auto|de|en")
           ->check(CLI::IsMember({"auto", "de", "en"}));
       app->add_option("--source", f->source,
                       "publisher name for every article");
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
