// Dedup through the real CLI on tests/data/dedup (docs/dedup.md): articles
// about the same (hypothetical) events ingested in any order give the
// identical store; each gold event is one stored event with all its sources
// and the right counts; deleting an article takes out only its evidence; the
// change feed (`geotl events --changed-since`) reports it all in order.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <set>

#include "tests/fixtures.h"

using namespace geotl;
using namespace geotl::testing;
using namespace geotl::core;

namespace {

namespace fs = std::filesystem;

std::string Geotl(const std::string& args) {
  return std::string(GEOTL_BINARY) + " " + args;
}

std::string MustRun(const std::string& args) {
  std::string out;
  int rc = Run(Geotl(args), &out);
  INFO("geotl " << args << "\n" << out);
  REQUIRE(rc == 0);
  return out;
}

std::vector<std::string> ArticleFiles() {
  std::vector<std::string> files;
  for (const auto& f : fs::directory_iterator(DataPath("dedup/articles")))
    if (f.path().extension() == ".txt") files.push_back(f.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

struct Db {
  std::string path;
  explicit Db(const std::string& name) : path(TempPath(name)) {
    fs::remove_all(path);
  }
  ~Db() { fs::remove_all(path); }
  void Ingest(const std::vector<std::string>& files) {
    for (const auto& f : files) MustRun("ingest --db " + path + " " + f);
  }
  // Everything a reader sees: stats and every event.
  std::string Digest() const {
    return MustRun("stats --format json --db " + path) +
           MustRun("export --format ndjson --db " + path);
  }
  std::vector<Json> Events() const {
    std::vector<Json> out;
    std::string nd = MustRun("export --format ndjson --db " + path);
    size_t at = 0;
    while (at < nd.size()) {
      size_t nl = nd.find('\n', at);
      if (nl == std::string::npos) nl = nd.size();
      if (nl > at) out.push_back(Json::parse(nd.substr(at, nl - at)));
      at = nl + 1;
    }
    return out;
  }
};

std::set<std::string> Articles(const Json& e) {
  std::set<std::string> s;
  for (const auto& src : e["sources"]) s.insert(src["article"]);
  return s;
}

}  // namespace

TEST_CASE("dedup via the CLI: any ingest order gives the identical store",
          "[knowledge][dedup][cli]") {
  auto files = ArticleFiles();
  REQUIRE(files.size() == 12);
  Db a("order_a"), b("order_b"), c("order_c");
  MustRun("ingest --db " + a.path + " " + DataPath("dedup/articles"));
  std::vector<std::string> rev(files.rbegin(), files.rend());
  b.Ingest(rev);
  std::vector<std::string> mixed;  // odd positions first, then even
  for (size_t i = 1; i < files.size(); i += 2) mixed.push_back(files[i]);
  for (size_t i = 0; i < files.size(); i += 2) mixed.push_back(files[i]);
  c.Ingest(mixed);
  std::string da = a.Digest();
  CHECK(b.Digest() == da);
  CHECK(c.Digest() == da);
  MustRun("check --db " + a.path);
  MustRun("check --db " + b.path);

  // Each gold event is one stored event with every report of it.
  Json gold = Json::parse(ReadFile(DataPath("dedup/gold.json")));
  auto events = a.Events();
  for (const auto& g : gold["events"]) {
    std::set<std::string> want;
    for (const auto& x : g["articles"]) want.insert(x);
    const Json* hit = nullptr;
    for (const auto& e : events) {
      auto have = Articles(e);
      if (e["type"] == g["type"] &&
          std::includes(have.begin(), have.end(), want.begin(), want.end()))
        hit = &e;
    }
    INFO(g["event"]);
    REQUIRE(hit);
    CHECK((*hit)["n_sources"] == want.size());
    CHECK((*hit)["n_publishers"] == g["n_publishers"]);
    std::string first = "9999";
    for (const auto& s : (*hit)["sources"])
      first = std::min(first, s["published"].get<std::string>());
    CHECK((*hit)["first_reported"] == first);
    for (const auto& s : (*hit)["sources"]) CHECK(!s["quote"].empty());
  }
}

TEST_CASE("dedup via the CLI: deleting an article takes out only its evidence",
          "[knowledge][dedup][cli]") {
  auto files = ArticleFiles();
  Db a("del_a"), ref("del_ref");
  a.Ingest(files);
  std::vector<std::string> without;
  for (const auto& f : files)
    if (f.find("hypo-e1-agence") == std::string::npos) without.push_back(f);
  REQUIRE(without.size() == 11);
  ref.Ingest(without);
  uint64_t seq_before =
      Json::parse(MustRun("events --changed-since 0 --format json --limit 1 "
                          "--db " +
                          a.path))["meta"]["as_of"]["sequence"];
  MustRun("delete hypo-e1-agence --db " + a.path);
  CHECK(a.Digest() == ref.Digest());
  MustRun("check --db " + a.path);
  const Json* e1 = nullptr;
  auto events = a.Events();
  for (const auto& e : events)
    if (Articles(e).count("hypo-e1-rheinpost") && e["type"] == "CONSULT")
      e1 = &e;
  REQUIRE(e1);
  CHECK((*e1)["n_sources"] == 3);
  // Without the agency story its wire copy is independent again.
  CHECK((*e1)["n_publishers"] == 3);
  for (const auto& e : events) CHECK(Articles(e).count("hypo-e1-agence") == 0);

  // The feed of the delete: one write, after everything before it.
  std::string nd = MustRun("events --changed-since " +
                           std::to_string(seq_before) + " --db " + a.path);
  std::vector<Json> changes;
  size_t at = 0;
  while (at < nd.size()) {
    size_t nl = nd.find('\n', at);
    changes.push_back(Json::parse(nd.substr(at, nl - at)));
    at = nl + 1;
  }
  REQUIRE(!changes.empty());
  bool upsert_e1 = false;
  for (const auto& c : changes) {
    CHECK(c["seq"] == seq_before + 1);
    if (c.contains("event") && c["id"] == (*e1)["id"]) upsert_e1 = true;
  }
  CHECK(upsert_e1);
  // The whole feed: sequences never go down, and replaying it gives the
  // visible events.
  std::string all = MustRun("events --changed-since 0 --db " + a.path);
  std::map<std::string, Json> replay;
  uint64_t last = 0;
  at = 0;
  while (at < all.size()) {
    size_t nl = all.find('\n', at);
    Json c = Json::parse(all.substr(at, nl - at));
    at = nl + 1;
    CHECK(c["seq"].get<uint64_t>() >= last);
    last = c["seq"];
    if (c.contains("event"))
      replay[c["id"]] = c["event"];
    else
      replay.erase(c["id"].get<std::string>());
  }
  std::map<std::string, Json> visible;
  for (const auto& e : events) visible[e["id"]] = e;
  CHECK(replay == visible);
  // --format json is the body of GET /v1/changes.
  std::string body =
      MustRun("events --changed-since 0 --format json --db " + a.path);
  WriteFile(TempPath("changes.json"), body);
  std::string out;
  int rc =
      Run("/usr/bin/python3 " + std::string(GEOTL_SOURCE_DIR) +
              "/tests/server/validate_api.py " + std::string(GEOTL_SOURCE_DIR) +
              "/schemas api-changes.schema.json " + TempPath("changes.json"),
          &out);
  INFO(out);
  CHECK(rc == 0);
  std::remove(TempPath("changes.json").c_str());
}
