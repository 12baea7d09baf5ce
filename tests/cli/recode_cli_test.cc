// End-to-end tests of `geotl recode` and the coder version through the real
// binary: articles ingested with a coder whose lexicons lack one trigger are
// re-coded with the shipped lexicons and then equal a fresh ingest (events,
// change feed, check); articles at the current version are skipped; --before
// selects one version; a store written before geotl kept article texts
// (tests/data/stores, made by an earlier build) is handled.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <regex>
#include <set>

#include "core/event_json.h"
#include "tests/cli/cli_fixture.h"

using namespace geotl;
using namespace geotl::testing;
using namespace geotl::core;

namespace {

namespace fs = std::filesystem;

const std::string kExamples = std::string(GEOTL_SOURCE_DIR) + "/examples";
const std::string kLexicons = std::string(GEOTL_SOURCE_DIR) + "/lexicons";

// A copy of lexicons/ under dir/`name` without the first German trigger
// (the "treffen" meeting entry).
std::string LexiconsWithoutATrigger(const TempDir& dir,
                                    const std::string& name) {
  const std::string root = dir / name;
  fs::copy(kLexicons, root, fs::copy_options::recursive);
  Json j = Json::parse(Slurp(root + "/de/triggers.json"));
  REQUIRE(j["triggers"].size() > 1);
  // The meeting verbs ("trafen sich", "traf"): the examples hold meetings,
  // so their events change and some get new ids.
  auto& t = j["triggers"];
  auto it = std::find_if(t.begin(), t.end(), [](const Json& e) {
    return e.value("type", "") == "CONSULT" &&
           e.value("label", "") == "meeting";
  });
  REQUIRE(it != t.end());
  t.erase(it);
  dir.Write(name + "/de/triggers.json", j.dump(1));
  return root;
}

std::string CoderVersionOf(const TempDir& dir, const std::string& lexicons) {
  std::vector<std::string> args{"version"};
  if (!lexicons.empty()) args.insert(args.end(), {"--lexicons", lexicons});
  auto r = Geotl(dir, args);
  INFO(r.err);
  REQUIRE(r.code == 0);
  std::smatch m;
  REQUIRE(std::regex_search(r.out, m, std::regex("coder ([0-9a-f]{12})\n")));
  return m[1];
}

// Every visible event of a store, by id (all statuses).
std::map<std::string, Json> Events(const TempDir& dir, const std::string& db) {
  auto r = Geotl(dir, {"events", "--db", db, "--format", "ndjson", "--limit",
                       "1000", "--status", "occurred", "--status", "planned",
                       "--status", "hypothetical", "--status", "negated"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  std::map<std::string, Json> out;
  std::istringstream in(r.out);
  for (std::string line; std::getline(in, line);) {
    Json e = Json::parse(line);
    out[e["id"].get<std::string>()] = e;
  }
  return out;
}

uint64_t Sequence(const TempDir& dir, const std::string& db) {
  auto r =
      Geotl(dir, {"events", "--db", db, "--format", "json", "--limit", "1"});
  REQUIRE(r.code == 0);
  return Json::parse(r.out)["meta"]["as_of"]["sequence"].get<uint64_t>();
}

std::vector<Json> Changes(const TempDir& dir, const std::string& db,
                          uint64_t since) {
  auto r = Geotl(dir, {"events", "--db", db, "--changed-since",
                       std::to_string(since), "--format", "ndjson"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  std::vector<Json> out;
  std::istringstream in(r.out);
  for (std::string line; std::getline(in, line);)
    out.push_back(Json::parse(line));
  return out;
}

RunResult Recode(const TempDir& dir, std::vector<std::string> args) {
  args.insert(args.begin(), "recode");
  return Geotl(dir, args);
}

}  // namespace

TEST_CASE("version: prints the coder version, a hash of lexicons and rules",
          "[cli][recode]") {
  TempDir dir;
  const std::string v = CoderVersionOf(dir, "");
  CHECK(CoderVersionOf(dir, kLexicons) == v);
  // A copy elsewhere is the same coder; one trigger less is another.
  fs::copy(kLexicons, dir / "copy", fs::copy_options::recursive);
  CHECK(CoderVersionOf(dir, dir / "copy") == v);
  CHECK(CoderVersionOf(dir, LexiconsWithoutATrigger(dir, "lex")) != v);
  // extract stamps every event with it.
  auto ex = Geotl(dir, {"extract"}, Slurp(kExamples + "/more-articles.ndjson"));
  REQUIRE(ex.code == 0);
  REQUIRE(CountLines(ex.out) > 0);
  std::istringstream in(ex.out);
  for (std::string line; std::getline(in, line);)
    CHECK(Json::parse(line)["coder"] == v);
}

TEST_CASE(
    "recode: articles of another coder version are re-coded and then equal a "
    "fresh ingest",
    "[cli][recode]") {
  TempDir dir;
  const std::string lex = LexiconsWithoutATrigger(dir, "lex");
  const std::string old_version = CoderVersionOf(dir, lex);
  const std::string version = CoderVersionOf(dir, "");
  REQUIRE(old_version != version);

  auto a = Geotl(dir, {"ingest", "--db", "a", "--lexicons", lex, kExamples});
  INFO(a.err);
  REQUIRE(a.code == 0);
  REQUIRE(Geotl(dir, {"ingest", "--db", "fresh", kExamples}).code == 0);
  const auto fresh = Events(dir, "fresh");
  const auto before = Events(dir, "a");
  REQUIRE(before != fresh);  // the trigger mattered
  for (const auto& [id, e] : before) CHECK(e["coder"] == old_version);
  const uint64_t seq = Sequence(dir, "a");
  // Store events as `geotl stats` counts them (negated ones left out).
  auto stat_events = [&](const std::string& db) {
    auto st = Geotl(dir, {"stats", "--db", db, "--format", "json"});
    REQUIRE(st.code == 0);
    return Json::parse(st.out)["events"].get<uint64_t>();
  };
  const uint64_t stored_before = stat_events("a");

  auto r = Recode(dir, {"--db", "a"});
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  CHECK(r.err.empty());  // no progress line: stderr is not a terminal
  CHECK(r.out.find("recoded 7 articles with coder " + version) == 0);
  CHECK(r.out.find("0 already at this version") != std::string::npos);

  const auto after = Events(dir, "a");
  CHECK(after == fresh);
  CHECK(r.out.find("store events " + std::to_string(stored_before) + " -> " +
                   std::to_string(stat_events("fresh"))) != std::string::npos);
  CHECK(Geotl(dir, {"check", "--db", "a"}).code == 0);

  // The change feed after the recode's first write turns the events before
  // into the events after: one write per article, every removed event
  // deleted (or merged), every new or changed one upserted.
  const auto changes = Changes(dir, "a", seq);
  REQUIRE(!changes.empty());
  std::set<uint64_t> writes;
  auto replay = before;
  for (const Json& c : changes) {
    writes.insert(c["seq"].get<uint64_t>());
    const std::string id = c["id"];
    if (c.contains("event"))
      replay[id] = c["event"];
    else
      replay.erase(id);  // deleted, or merged into another event
  }
  CHECK(replay == after);
  CHECK(*writes.begin() > seq);
  CHECK(*writes.rbegin() <= seq + 7);  // one write per article
  size_t new_ids = 0;
  for (const auto& [id, e] : after) new_ids += before.count(id) == 0;
  CHECK(new_ids > 0);

  // Everything is at the current version now: nothing to do, nothing
  // written.
  auto again = Recode(dir, {"--db", "a"});
  INFO(again.out << again.err);
  REQUIRE(again.code == 0);
  CHECK(again.out.find("recoded 0 articles") == 0);
  CHECK(again.out.find("7 already at this version") != std::string::npos);
  CHECK(Sequence(dir, "a") == seq + 7);
  CHECK(Events(dir, "a") == fresh);
}

TEST_CASE("recode --before VERSION: only the articles of that version",
          "[cli][recode]") {
  TempDir dir;
  const std::string lex = LexiconsWithoutATrigger(dir, "lex");
  const std::string old_version = CoderVersionOf(dir, lex);
  const std::string version = CoderVersionOf(dir, "");
  // Two articles coded with the short lexicons (replacing their first
  // version), the others with the shipped ones.
  REQUIRE(Geotl(dir, {"ingest", "--db", "db", kExamples}).code == 0);
  REQUIRE(Geotl(dir, {"ingest", "--db", "db", "--lexicons", lex,
                      kExamples + "/berlin-warschau-treffen.de.txt",
                      kExamples + "/ostsee-manoever.de.txt"})
              .code == 0);
  const uint64_t seq = Sequence(dir, "db");

  auto none = Recode(dir, {"--db", "db", "--before", "0123456789ab"});
  INFO(none.out << none.err);
  REQUIRE(none.code == 0);
  CHECK(none.out.find("recoded 0 articles") == 0);
  CHECK(none.out.find("5 already at this version, 2 of other versions left "
                      "alone") != std::string::npos);
  CHECK(Sequence(dir, "db") == seq);

  auto current = Recode(dir, {"--db", "db", "--before", version});
  CHECK(current.code == 2);
  CHECK(current.err.find("current coder version") != std::string::npos);

  auto r = Recode(dir, {"--db", "db", "--before", old_version});
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("recoded 2 articles") == 0);
  REQUIRE(Geotl(dir, {"ingest", "--db", "fresh", kExamples}).code == 0);
  CHECK(Events(dir, "db") == Events(dir, "fresh"));
}

TEST_CASE("recode on a store ingested before geotl kept texts and versions",
          "[cli][recode]") {
  // tests/data/stores/README.md: `geotl ingest examples/` by the build
  // before this change (schema 3, no texts, events without `coder`).
  TempDir dir;
  auto x = RunShell(
      dir, "tar",
      {"-xf",
       std::string(GEOTL_TEST_DATA) + "/stores/pre-recode-examples.tar.gz",
       "-C", dir.path()});
  REQUIRE(x.code == 0);
  const std::string db = "pre-recode-examples.db";
  const auto old_events = Events(dir, db);
  REQUIRE(old_events.size() > 7);
  for (const auto& [id, e] : old_events) CHECK(!e.contains("coder"));

  // Nothing to re-code from: said so, exit 3, the store unchanged.
  const uint64_t seq = Sequence(dir, db);
  auto r = Recode(dir, {"--db", db});
  INFO(r.out << r.err);
  CHECK(r.code == 3);
  CHECK(r.out.find("recoded 0 articles") == 0);
  CHECK(r.out.find("7 without a stored text") != std::string::npos);
  CHECK(r.err.find("ingest their files again") != std::string::npos);
  CHECK(Sequence(dir, db) == seq);
  CHECK(Events(dir, db) == old_events);
  CHECK(Geotl(dir, {"check", "--db", db}).code == 0);

  // Ingesting the files again stores texts and versions (same article ids,
  // so replaced, not added); then the store equals a fresh one and recode
  // finds everything current.
  auto in = Geotl(dir, {"ingest", "--db", db, kExamples});
  INFO(in.out << in.err);
  REQUIRE(in.code == 0);
  CHECK(in.out.find("7 stored") != std::string::npos);
  REQUIRE(Geotl(dir, {"ingest", "--db", "fresh", kExamples}).code == 0);
  CHECK(Events(dir, db) == Events(dir, "fresh"));
  auto again = Recode(dir, {"--db", db});
  INFO(again.out << again.err);
  CHECK(again.code == 0);
  CHECK(again.out.find("7 already at this version") != std::string::npos);
  CHECK(Geotl(dir, {"check", "--db", db}).code == 0);
}
