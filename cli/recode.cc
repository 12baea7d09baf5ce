// `geotl recode [--before VERSION] [--min-confidence C] [--lexicons DIR]`:
// re-codes the stored articles with the current coder (Coder::Version()).
// Which articles: every article whose events were made by another coder
// version than the current one (also an unknown one); with --before
// VERSION only the articles coded by VERSION. Articles at the current
// version are skipped. Each one is coded again from the text and metadata
// the store kept (Store::GetArticle) and written with Store::PutArticle,
// which replaces its evidence exactly as `geotl delete` + `geotl ingest`
// of the same article would, in one write: dedup re-applied, change-feed
// records for the removed, changed and new events. Articles the store has
// no text for (stored by a geotl that kept none, or loaded with `geotl
// load`) cannot be re-coded: they are counted and named in an error line.
// A progress line on a terminal only, the summary on stdout. Exit 0; 3 when
// some selected articles had no stored text; 1 on an error.
#include <cstdio>

#include "cli/command.h"
#include "cli/environment.h"
#include "cli/reporter.h"
#include "ingest/coder.h"
#include "store/store.h"

namespace geotl::cli {
namespace {

struct RecodeFlags {
  std::string before;  // "" = every version but the current one
  double min_confidence = core::kDefaultMinConfidence;
  std::string lexicons;
};

// The articles to re-code, from one snapshot of the store.
struct Selection {
  std::vector<std::string> todo;     // selected, with a stored text
  std::vector<std::string> no_text;  // selected, no stored text
  size_t current = 0;                // already at the current version
  size_t other = 0;                  // another version than --before
};

core::Result<Selection> Select(const store::Store& store,
                               const std::string& version,
                               const std::string& before) {
  Selection s;
  RETURN_IF_ERROR(store.ForEachArticle([&](const store::StoredArticle& a) {
    const std::string& coder = a.article.coder;
    if (coder == version)
      ++s.current;
    else if (!before.empty() && coder != before)
      ++s.other;
    else
      (a.has_text ? s.todo : s.no_text).push_back(a.article.id);
    return core::Status::Ok();
  }));
  return s;
}

std::string OneLine(const std::string& s) { return s.substr(0, s.find('\n')); }

std::string Plural(size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

int Run(const std::string& db, const RecodeFlags& f) {
  store::StoreOptions so;
  so.create_if_missing = false;
  auto store = store::Store::Open(db, so);
  if (!store.ok()) {
    PrintError(OneLine(store.status().message()));
    return kExitError;
  }
  auto coder = ingest::Coder::Load(CoderOptionsFor(f.lexicons));
  if (!coder.ok()) {
    PrintError("cannot load the coder: " + OneLine(coder.status().message()));
    return kExitError;
  }
  const std::string version = (*coder)->Version();
  if (f.before == version) {
    PrintError("--before " + f.before +
               " is the current coder version: its articles are up to date");
    return kExitUsage;
  }
  auto stats = (*store)->Stats();
  if (!stats.ok()) {
    PrintError(OneLine(stats.status().message()));
    return kExitError;
  }
  const uint64_t store_before = stats->events;
  auto sel = Select(**store, version, f.before);
  if (!sel.ok()) {
    PrintError(OneLine(sel.status().message()));
    return kExitError;
  }

  size_t done = 0, events_before = 0, events_after = 0;
  Reporter& report = Report();
  report.StartProgress();
  for (const std::string& id : sel->todo) {
    auto got = (*store)->GetArticle(id);
    if (!got.ok()) {
      PrintError("cannot read article " + id + ": " +
                 OneLine(got.status().message()));
      return kExitError;
    }
    if (!*got) continue;  // not while we hold the store's write lock
    core::Article a = std::move((*got)->article);
    a.origin = "article " + id;
    events_before += (*got)->event_ids.size();
    std::vector<core::Event> ev = CodeForStore(**coder, &a, f.min_confidence);
    auto put = (*store)->PutArticle(a, ev);
    if (!put.ok()) {
      PrintError("cannot store article " + id + ": " +
                 OneLine(put.status().message()) + " (" +
                 Plural(done, "article") + " re-coded before it)");
      return kExitError;
    }
    events_after += ev.size();
    ++done;
    if (report.ProgressDue()) {
      char line[160];
      std::snprintf(line, sizeof line,
                    "recode: %zu/%zu articles, %zu -> %zu events (%.0f/s)",
                    done, sel->todo.size(), events_before, events_after,
                    report.ProgressRate(done));
      report.ShowProgress(line);
    }
  }
  report.ClearProgress();
  stats = (*store)->Stats();
  if (!stats.ok()) {
    PrintError(OneLine(stats.status().message()));
    return kExitError;
  }

  if (!sel->no_text.empty()) {
    std::string ids;
    for (size_t i = 0; i < sel->no_text.size() && i < 10; ++i)
      ids += (i ? ", " : "") + sel->no_text[i];
    if (sel->no_text.size() > 10) ids += ", …";
    PrintError(Plural(sel->no_text.size(), "article") +
               " without a stored text (stored by a geotl that kept no "
               "texts, or loaded with geotl load) could not be re-coded: " +
               ids + "; ingest their files again to store and code them");
  }
  std::printf(
      "recoded %s with coder %s: their events %zu -> %zu; store events %llu "
      "-> %llu; %zu already at this version",
      Plural(done, "article").c_str(), version.c_str(), events_before,
      events_after, static_cast<unsigned long long>(store_before),
      static_cast<unsigned long long>(stats->events), sel->current);
  if (!f.before.empty())
    std::printf(", %zu of other versions left alone", sel->other);
  if (!sel->no_text.empty())
    std::printf(", %zu without a stored text", sel->no_text.size());
  std::printf("\n");
  return sel->no_text.empty() ? kExitOk : kExitRejected;
}

const bool kRegistered = RegisterCommand(
    {"recode",
     "re-code stored articles made by another coder version (from their "
     "stored texts)",
     [](CLI::App* app) -> std::function<int()> {
       std::string* db = AddDbOption(app);
       auto f = std::make_shared<RecodeFlags>();
       app->add_option("--before", f->before,
                       "only the articles coded by this coder version (see "
                       "`geotl version`, events' `coder`)");
       app->add_option("--min-confidence", f->min_confidence,
                       "store only events of confidence >= C (0..1), as "
                       "ingest does")
           ->check(CLI::Range(0.0, 1.0))
           ->capture_default_str();
       app->add_option("--lexicons", f->lexicons,
                       "lexicon root (default: the installed lexicons)");
       return [=] { return Run(*db, *f); };
     }});

}  // namespace
}  // namespace geotl::cli
