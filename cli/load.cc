// `geotl load --events FILE|- … [--articles FILE …]`: stores events NDJSON
// (as printed by `geotl extract`, e.g. the shards of tools/geotl_dask.py)
// exactly as `geotl ingest` would have stored their articles: events are
// grouped into articles by sources[0].article and the articles go, in input
// order, through the store's batched dedup write (store.h ArticleLoader:
// PutArticle's write, many articles per atomic WriteBatch), so reports of
// one real event from different articles (and shards) are merged by the
// store's one dedup rule (docs/dedup.md) with change-feed records, and an
// article already stored is replaced (an unchanged one is skipped). A load
// killed mid-way leaves the store as of its last committed batch; loading
// the same input again completes it.
// --articles gives the article records (`geotl extract --articles`): text,
// title, coder version, and articles that coded no event; without a record
// an article is made from its events' source (no text, so not re-codable).
// Article ids must be unique across the input (as in one `geotl ingest`).
// Returns once the store is flushed and compacted (queryable at full
// speed). --raw keeps the SST bulk path for generated data that must not
// merge (benchmarks): events stored as they are. A bad line is reported as
// `file:line: reason` and skipped; exit 3 if any was. On a terminal a progress
// line shows the reading and loading.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <set>

#include "cli/command.h"
#include "cli/environment.h"
#include "cli/reporter.h"
#include "core/article_json.h"
#include "core/event_json.h"
#include "store/store.h"

namespace geotl::cli {
namespace {

struct Group {
  core::Article article;
  bool has_record = false;
  std::vector<core::Event> events;
};

struct LoadInput {
  std::vector<std::string> order;  // article ids, first seen first
  std::map<std::string, Group> groups;
  std::set<std::string> event_ids;
  size_t rejected = 0;
};

// Calls fn(line, origin) for every non-blank line of `file` ("-" = stdin).
template <typename Fn>
core::Status ForEachLine(const std::string& file, Fn fn) {
  std::ifstream in;
  std::istream* is = &std::cin;
  if (file != "-") {
    in.open(file, std::ios::binary);
    if (!in) return core::Status::IOError("cannot read " + file);
    is = &in;
  }
  const std::string name = file == "-" ? "<stdin>" : file;
  size_t lineno = 0;
  std::string line;
  while (std::getline(*is, line)) {
    ++lineno;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    fn(line, name + ":" + std::to_string(lineno));
  }
  if (is->bad()) return core::Status::IOError("cannot read " + name);
  return core::Status::Ok();
}

core::Status ReadArticles(const std::string& file, LoadInput* in) {
  return ForEachLine(file,
                     [&](const std::string& line, const std::string& origin) {
                       auto a = core::ArticleFromJsonText(line);
                       if (!a.ok()) {
                         ++in->rejected;
                         Report().Problem(origin, a.status().message());
                         return;
                       }
                       auto [it, fresh] = in->groups.try_emplace(a->id);
                       if (fresh) in->order.push_back(a->id);
                       it->second.article = std::move(a).value();
                       it->second.article.origin = origin;
                       it->second.has_record = true;
                     });
}

core::Status ReadEvents(const std::string& file, LoadInput* in) {
  return ForEachLine(file,
                     [&](const std::string& line, const std::string& origin) {
                       auto reject = [&](const std::string& why) {
                         ++in->rejected;
                         Report().Problem(origin, why);
                       };
                       auto e = core::EventFromJsonText(line);
                       if (!e.ok()) return reject(e.status().message());
                       if (e->sources.empty() || e->sources[0].article.empty())
                         return reject("event without sources[0].article");
                       if (!in->event_ids.insert(e->id).second)
                         return reject("duplicate event id " + e->id);
                       const core::Source& s = e->sources[0];
                       auto [it, fresh] = in->groups.try_emplace(s.article);
                       if (fresh) {
                         in->order.push_back(s.article);
                         core::Article& a = it->second.article;
                         a.id = s.article;
                         a.url = s.url;
                         a.source = s.publisher;
                         if (auto d = core::ParsePublished(s.published); d.ok())
                           a.published = *d;
                         a.origin = origin;
                       }
                       it->second.events.push_back(std::move(e).value());
                     });
}

// --raw: the SST bulk loader (store.h BulkLoader): events stored as they
// are, new articles without dedup, evidence or change-feed records.
int LoadRaw(store::Store* store, LoadInput* in) {
  Reporter& report = Report();
  store::BulkTrace trace;
  if (Env().bulk_trace)
    trace = [&report](const std::string& line) { report.Info(line); };
  auto loader =
      NewBulkLoader(store, store::kDefaultBulkChunkEvents, std::move(trace));
  if (!loader.ok()) {
    PrintError(loader.status().message());
    return kExitError;
  }
  size_t events = 0, articles = 0;
  for (const auto& id : in->order) {
    Group& g = in->groups[id];
    auto r = (*loader)->Add(g.article, g.events);
    if (!r.ok()) {
      ++in->rejected;
      report.Problem(g.article.origin,
                     "article " + id + ": " + r.status().message());
      continue;
    }
    ++articles;
    events += r->events;
  }
  report.ShowProgress("load: writing the last files");
  core::Status st = (*loader)->Finish();
  report.ClearProgress();
  if (!st.ok()) {
    PrintError(st.message());
    return kExitError;
  }
  std::string summary = "loaded " + std::to_string(events) + " events of " +
                        std::to_string(articles) + " articles (raw)";
  if (in->rejected)
    summary += "; " + std::to_string(in->rejected) + " rejected";
  report.Info(summary);
  return in->rejected ? kExitRejected : kExitOk;
}

// Seconds since `t0`, for GEOTL_BULK_TRACE.
double Since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0)
      .count();
}

int Run(const std::string& db, const std::vector<std::string>& event_files,
        const std::vector<std::string>& article_files, bool raw,
        size_t batch_articles) {
  const auto t0 = std::chrono::steady_clock::now();
  Reporter& report = Report();
  report.StartProgress();
  LoadInput in;
  for (const auto& f : article_files) {
    if (core::Status st = ReadArticles(f, &in); !st.ok()) {
      PrintError(st.message());
      return kExitError;
    }
  }
  for (const auto& f : event_files) {
    if (core::Status st = ReadEvents(f, &in); !st.ok()) {
      PrintError(st.message());
      return kExitError;
    }
  }
  auto store = store::Store::Open(db, store::StoreOptions::ForBulkIngest());
  if (!store.ok()) {
    PrintError(store.status().message());
    return kExitError;
  }
  if (raw) return LoadRaw(store->get(), &in);
  const double t_read = Since(t0);
  auto loader = NewArticleLoader(store->get(), batch_articles);
  if (!loader.ok()) {
    PrintError(loader.status().message());
    return kExitError;
  }
  size_t events = 0, articles = 0, unchanged = 0;
  for (const auto& id : in.order) {
    Group& g = in.groups[id];
    if (report.ProgressDue()) {
      char buf[160];
      std::snprintf(buf, sizeof buf, "load: %zu of %zu articles (%.0f/s)",
                    articles + unchanged, in.order.size(),
                    report.ProgressRate(articles + unchanged));
      report.ShowProgress(buf);
    }
    auto r = (*loader)->Add(g.article, g.events);
    if (!r.ok()) {
      PrintError(g.article.origin + ": cannot store article " + id + ": " +
                 r.status().message());
      // The articles before it are stored, as one write each would have
      // stored them (a failing store may refuse this too).
      if (core::Status st = (*loader)->Commit(); !st.ok())
        PrintError(st.message());
      return kExitError;  // a failing store (disk full, I/O) ends the run
    }
    if (r->changed) {
      ++articles;
      events += r->events;
    } else {
      ++unchanged;
    }
    g = Group{};  // the text is stored: free it
  }
  report.ShowProgress("load: compacting");
  core::Status st = (*loader)->Commit();
  const double t_stored = Since(t0);
  if (st.ok()) st = (*loader)->Finish();
  report.ClearProgress();
  if (Env().bulk_trace) {
    char buf[160];
    std::snprintf(buf, sizeof buf,
                  "load: read and opened %.2f s, stored %.2f s, compacted "
                  "%.2f s",
                  t_read, t_stored - t_read, Since(t0) - t_stored);
    report.Info(buf);
  }
  if (!st.ok()) {
    PrintError(st.message());
    return kExitError;
  }
  std::string summary = "loaded " + std::to_string(events) + " events of " +
                        std::to_string(articles) + " articles";
  if (unchanged) summary += "; " + std::to_string(unchanged) + " unchanged";
  if (in.rejected) summary += "; " + std::to_string(in.rejected) + " rejected";
  report.Info(summary);
  return in.rejected ? kExitRejected : kExitOk;
}

const bool kRegistered = RegisterCommand(
    {"load",
     "store events NDJSON (from geotl extract) as ingest would, deduplicated",
     [](CLI::App* app) -> std::function<int()> {
       std::string* db = AddDbOption(app);
       auto events = std::make_shared<std::vector<std::string>>();
       auto articles = std::make_shared<std::vector<std::string>>();
       app->add_option("--events", *events,
                       "events NDJSON files (repeatable), or - for stdin")
           ->required();
       app->add_option("--articles", *articles,
                       "article records NDJSON (geotl extract --articles; "
                       "repeatable)");
       auto raw = std::make_shared<bool>(false);
       app->add_flag("--raw", *raw,
                     "write the events as they are through SST files: no "
                     "merging, no change feed (generated benchmark data)");
       auto batch = std::make_shared<size_t>(store::kDefaultLoadBatchArticles);
       app->add_option("--batch", *batch,
                       "articles per atomic write (default " +
                           std::to_string(store::kDefaultLoadBatchArticles) +
                           ")")
           ->check(CLI::PositiveNumber);
       return [=] { return Run(*db, *events, *articles, *raw, *batch); };
     }});

}  // namespace
}  // namespace geotl::cli
