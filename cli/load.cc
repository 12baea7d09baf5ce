// `geotl load --events FILE|-`: bulk-loads events NDJSON (as printed by
// `geotl extract`) through SST files. Events are grouped into articles by
// sources[0].article; an article already in the store is replaced. A bad
// line is reported as `file:line: reason` and skipped; exit 3 if any was.
// On a terminal a progress line shows the reading and the loading.
#include <fstream>
#include <iostream>
#include <map>
#include <set>

#include "cli/command.h"
#include "cli/progress.h"
#include "core/event_json.h"
#include "store/store.h"

namespace geotl::cli {
namespace {

struct Group {
  Article article;
  std::vector<Event> events;
};

int Run(const std::string& db, const std::string& file) {
  std::ifstream in;
  std::istream* is = &std::cin;
  if (file != "-") {
    in.open(file, std::ios::binary);
    if (!in) {
      PrintError("cannot read " + file);
      return kExitError;
    }
    is = &in;
  }
  const std::string name = file == "-" ? "<stdin>" : file;
  std::vector<std::string> order;
  std::map<std::string, Group> groups;
  std::set<std::string> ids;
  size_t rejected = 0, lineno = 0;
  std::string line;
  Progress progress;
  auto reject = [&](const std::string& why) {
    ++rejected;
    progress.Clear();
    std::cerr << name << ":" << lineno << ": " << why << "\n";
  };
  auto show = [&](const char* fmt, size_t a, size_t b) {
    char buf[160];
    std::snprintf(buf, sizeof buf, fmt, a, b);
    progress.Show(buf);
  };
  while (std::getline(*is, line)) {
    ++lineno;
    if (progress.Due())
      show("load: read %zu lines, %zu events", lineno, ids.size());
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    auto e = EventFromJsonText(line);
    if (!e.ok()) {
      reject(e.status().message());
      continue;
    }
    if (e->sources.empty() || e->sources[0].article.empty()) {
      reject("event without sources[0].article");
      continue;
    }
    if (!ids.insert(e->id).second) {
      reject("duplicate event id " + e->id);
      continue;
    }
    const Source& s = e->sources[0];
    auto [it, fresh] = groups.try_emplace(s.article);
    if (fresh) {
      order.push_back(s.article);
      Article& a = it->second.article;
      a.id = s.article;
      a.url = s.url;
      a.source = s.publisher;
      if (auto d = ParsePublished(s.published); d.ok()) a.published = *d;
      a.origin = name + ":" + std::to_string(lineno);
    }
    it->second.events.push_back(std::move(e).value());
  }
  auto store = Store::Open(db, StoreOptions::ForBulkIngest());
  if (!store.ok()) {
    progress.Clear();
    PrintError(store.status().message());
    return kExitError;
  }
  auto loader = NewBulkLoader(store->get());
  if (!loader.ok()) {
    progress.Clear();
    PrintError(loader.status().message());
    return kExitError;
  }
  size_t events = 0, articles = 0;
  for (const auto& id : order) {
    Group& g = groups[id];
    if (progress.Due())
      show("load: %zu of %zu articles", articles, order.size());
    auto r = (*loader)->Add(g.article, g.events);
    if (!r.ok()) {
      progress.Clear();
      ++rejected;
      std::cerr << g.article.origin << ": article " << id << ": "
                << r.status().message() << "\n";
      continue;
    }
    ++articles;
    events += r->events;
  }
  show("load: %zu of %zu articles, writing the last files", articles,
       order.size());
  Status st = (*loader)->Finish();
  progress.Clear();
  if (!st.ok()) {
    PrintError(st.message());
    return kExitError;
  }
  std::cerr << "loaded " << events << " events of " << articles << " articles";
  if (rejected) std::cerr << "; " << rejected << " rejected";
  std::cerr << "\n";
  return rejected ? kExitRejected : kExitOk;
}

const bool kRegistered = RegisterCommand(
    {"load", "bulk-load events NDJSON (from geotl extract) via SST files",
     [](CLI::App* app) -> std::function<int()> {
       std::string* db = AddDbOption(app);
       auto file = std::make_shared<std::string>();
       app->add_option("--events", *file, "events NDJSON file, or - for stdin")
           ->required();
       return [=] { return Run(*db, *file); };
     }});

}  // namespace
}  // namespace geotl::cli
