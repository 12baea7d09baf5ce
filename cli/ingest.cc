// `geotl ingest FILE|DIR|- … [--published DATE] [--lang auto|de|en]
// [--source NAME] [--min-confidence C] [--lexicons DIR] [--bulk]`: reads
// articles (ingest/reader.h), codes their events (ingest/coder.h; events
// below C are left out) and stores each article, with its text and coder
// version, and its events in one write (Store::PutArticle). Bad input is
// reported as `file:line: reason` (cli/reporter.h) and skipped, and so is an
// article text over 4 MiB (coding time). A progress line is drawn only on a
// terminal; the summary goes to stdout. Exit 0 ok, 1 error, 3 done but some
// input was rejected.

#include <cstdio>
#include <string>

#include "cli/command.h"
#include "cli/environment.h"
#include "cli/reader_flags.h"
#include "cli/reporter.h"
#include "ingest/coder.h"
#include "ingest/reader.h"
#include "store/store.h"

namespace geotl::cli {
namespace {

struct IngestFlags {
  std::vector<std::string> inputs;
  std::string published;
  std::string lang = "auto";
  std::string source;
  std::string lexicons;  // "" = the installed lexicons
  double min_confidence = core::kDefaultMinConfidence;
  bool bulk = false;
  bool ack = false;  // print "stored\t<id>" after each committed write
};

// First line only: a store error must stay one line.
std::string OneLine(const std::string& s) { return s.substr(0, s.find('\n')); }

int Run(const std::string& db, const IngestFlags& f) {
  auto flags = ReaderOptionsFromFlags(f.published, f.lang, f.source);
  if (!flags.ok()) {
    PrintError(flags.status().message());
    return kExitUsage;
  }
  const ingest::ReaderOptions& ro = *flags;

  auto store =
      store::Store::Open(db, f.bulk ? store::StoreOptions::ForBulkIngest()
                                    : store::StoreOptions{});
  if (!store.ok()) {
    PrintError(OneLine(store.status().message()));
    return kExitError;
  }
  auto coder = ingest::Coder::Load(CoderOptionsFor(f.lexicons));
  if (!coder.ok()) {
    PrintError("cannot load the coder: " + OneLine(coder.status().message()));
    return kExitError;
  }

  size_t stored = 0, unchanged = 0, rejected = 0, events = 0, errors = 0;
  Reporter& report = Report();
  report.StartProgress();
  ingest::ArticleReader reader(f.inputs, ro);
  while (auto item = reader.Next()) {
    if (!item->ok()) {
      const core::Status& st = item->status();
      if (st.code() == core::Code::kInvalidArgument) {
        ++rejected;
        report.Problem(st.message());
      } else {
        ++errors;
        PrintError(st.message());
      }
      continue;
    }
    core::Article& a = item->value();
    if (a.text.size() > ingest::kMaxCodedTextBytes) {
      // Coding costs ~10 s per MB: one scraped 50 MB page would stall the
      // batch for minutes. Rejected like bad input, the rest goes on.
      ++rejected;
      report.Problem(a.origin, "text is " + std::to_string(a.text.size()) +
                                   " bytes, more than the " +
                                   std::to_string(ingest::kMaxCodedTextBytes) +
                                   " geotl ingest codes (split the article)");
      continue;
    }
    std::vector<core::Event> ev = CodeForStore(**coder, &a, f.min_confidence);
    auto put = (*store)->PutArticle(a, ev);
    if (!put.ok()) {
      PrintError(a.origin + ": cannot store article " + a.id + ": " +
                 OneLine(put.status().message()));
      return kExitError;  // a failing store (disk full, I/O) ends the run
    }
    if (f.ack) {
      std::printf("stored\t%s\n", a.id.c_str());
      std::fflush(stdout);
    }
    if (put->changed) {
      ++stored;
      events += put->events;
    } else {
      ++unchanged;
    }
    if (report.ProgressDue()) {
      const size_t read = stored + unchanged + rejected;
      char line[160];
      std::snprintf(line, sizeof line,
                    "ingest: %zu articles, %zu events, %zu rejected (%.0f/s)",
                    read, events, rejected, report.ProgressRate(read));
      report.ShowProgress(line);
    }
  }
  report.ClearProgress();
  std::printf(
      "ingested %zu article%s: %zu stored, %zu unchanged, %zu rejected; %zu "
      "events\n",
      stored + unchanged, stored + unchanged == 1 ? "" : "s", stored, unchanged,
      rejected, events);
  if (errors > 0) return kExitError;
  return rejected > 0 ? kExitRejected : kExitOk;
}

const bool kRegistered = RegisterCommand(
    {"ingest", "read articles, code their events and store them",
     [](CLI::App* app) -> std::function<int()> {
       std::string* db = AddDbOption(app);
       auto f = std::make_shared<IngestFlags>();
       app->add_option(
              "inputs", f->inputs,
              "files (.txt with .json sidecar, .json, .ndjson, .jsonl), "
              "directories, or - for stdin")
           ->required();
       app->add_option(
           "--published", f->published,
           "publication date (YYYY-MM-DD or date-time) for every article");
       app->add_option("--lang", f->lang, "language: auto|de|en")
           ->check(CLI::IsMember({"auto", "de", "en"}));
       app->add_option("--source", f->source,
                       "publisher name for every article");
       app->add_option("--min-confidence", f->min_confidence,
                       "store only events of confidence >= C (0..1)")
           ->check(CLI::Range(0.0, 1.0))
           ->capture_default_str();
       app->add_option("--lexicons", f->lexicons,
                       "lexicon root (default: the installed lexicons)");
       app->add_flag("--bulk", f->bulk, "tune the store for a large load");
       app->add_flag(
           "--ack", f->ack,
           "print 'stored<TAB>ID' on stdout after each article is committed");
       return [=] { return Run(*db, *f); };
     }});

}  // namespace
}  // namespace geotl::cli
