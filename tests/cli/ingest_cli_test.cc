// End-to-end tests of `geotl ingest`, `extract` and `delete` through the real
// binary: examples in, schema-valid events out, exit codes 0/1/2/3,
// idempotent re-ingest, the lock error, and the sample article.
#include <catch2/catch.hpp>
#include <filesystem>
#include <set>

#include "core/event_json.h"
#include "store/store.h"
#include "tests/cli/cli_fixture.h"

using namespace geotl;
using namespace geotl::testing;
using namespace geotl::core;

namespace {

const std::string kExamples = std::string(GEOTL_SOURCE_DIR) + "/examples";
const std::string kGood =
    R"({"id": "good-1", "text": "Germany and France held talks in Paris on Monday.", "published": "2020-03-04", "language": "en"})";

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t nl = s.find('\n', pos);
    if (nl == std::string::npos) nl = s.size();
    out.push_back(s.substr(pos, nl - pos));
    pos = nl + 1;
  }
  return out;
}

Json StatsJson(const TempDir& dir) {
  auto r = Geotl(dir, {"stats", "--db", "db", "--format", "json"});
  REQUIRE(r.code == 0);
  return Json::parse(r.out);
}

}  // namespace

TEST_CASE(
    "ingest examples/: events are schema-valid, re-ingest changes nothing",
    "[cli]") {
  TempDir dir;
  auto r = Geotl(dir, {"ingest", "--db", "db", kExamples});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.err.empty());  // no progress line: stderr is not a terminal
  CHECK(r.out.find("ingested 7 articles: 7 stored, 0 unchanged, 0 rejected") ==
        0);

  auto ev = Geotl(
      dir, {"events", "--db", "db", "--format", "ndjson", "--limit", "1000"});
  REQUIRE(ev.code == 0);
  CHECK(CountLines(ev.out) >= 7);
  dir.Write("events.ndjson", ev.out);
  auto v = ValidateJson(dir, "event", "events.ndjson");
  INFO(v.out << v.err);
  CHECK(v.code == 0);

  auto stats1 = Geotl(dir, {"stats", "--db", "db", "--format", "json"});
  REQUIRE(stats1.code == 0);
  dir.Write("stats.json", stats1.out);
  CHECK(ValidateJson(dir, "stats", "stats.json").code == 0);
  CHECK(StatsJson(dir)["articles"] == 7);

  auto again = Geotl(dir, {"ingest", "--db", "db", kExamples});
  REQUIRE(again.code == 0);
  CHECK(again.out.find(
            "7 articles: 0 stored, 7 unchanged, 0 rejected; 0 events") !=
        std::string::npos);
  auto stats2 = Geotl(dir, {"stats", "--db", "db", "--format", "json"});
  CHECK(stats2.out == stats1.out);  // same store, same bytes
  CHECK(Geotl(dir, {"check", "--db", "db"}).code == 0);
}

TEST_CASE("ingest exit codes: 0 ok, 1 error, 2 usage, 3 some input rejected",
          "[cli]") {
  struct Case {
    const char* name;
    std::vector<std::string> args;
    int code;
  };
  TempDir dir;
  dir.Write("good.ndjson", kGood + "\n");
  dir.Write("mixed/a.ndjson", kGood + "\n{\"text\": \"ohne Datum\"}\n");
  dir.Write("mixed/b.txt", "Bin\xff\xfe\n");
  dir.Write("mixed/c.json",
            R"({"text": "Russia and Japan met.", "published": "2013-11-04"})");
  const std::vector<Case> cases = {
      {"good file", {"ingest", "--db", "db0", "good.ndjson"}, 0},
      {"missing file", {"ingest", "--db", "db1", "missing.txt"}, 1},
      {"missing file beside a good one",
       {"ingest", "--db", "db1b", "missing.txt", "good.ndjson"},
       1},
      {"unknown language",
       {"ingest", "--db", "db2", "--lang", "fr", "good.ndjson"},
       2},
      {"bad --published",
       {"ingest", "--db", "db2", "--published", "04.11.2013", "good.ndjson"},
       2},
      {"no input", {"ingest", "--db", "db2"}, 2},
      {"unknown flag",
       {"ingest", "--db", "db2", "--frobnicate", "good.ndjson"},
       2},
      {"unknown subcommand", {"ingestion"}, 2},
      {"some input rejected", {"ingest", "--db", "db3", "mixed"}, 3},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    auto r = Geotl(dir, c.args);
    INFO(r.out << r.err);
    CHECK(r.code == c.code);
  }
}

TEST_CASE("ingest rejections are file:line: reason, and the rest is stored",
          "[cli]") {
  TempDir dir;
  dir.Write("mixed/a.ndjson", kGood + "\n{\"text\": \"ohne Datum\"}\n");
  dir.Write("mixed/b.txt", "Bin\xff\xfe\n");
  dir.Write("mixed/c.json",
            R"({"text": "Russia and Japan met.", "published": "2013-11-04"})");
  {
    auto r = Geotl(dir, {"ingest", "--db", "db4", "mixed"});
    CHECK(r.code == 3);
    CHECK(Lines(r.err) ==
          std::vector<std::string>{
              "mixed/a.ndjson:2: missing 'published' (give it in the "
              "article, its sidecar or with --published)",
              "mixed/b.txt:1: invalid UTF-8 (byte 0xff at offset 3)"});
    CHECK(r.out.find("2 articles: 2 stored, 0 unchanged, 2 rejected") !=
          std::string::npos);
    auto s = Geotl(dir, {"stats", "--db", "db4", "--format", "json"});
    CHECK(Json::parse(s.out)["articles"] == 2);
  }
  {  // a missing path is a one-line error
    auto r = Geotl(dir, {"ingest", "--db", "db5", "missing.txt"});
    CHECK(r.err == "geotl: missing.txt: no such file or directory\n");
  }
}

TEST_CASE("flags beat fields: --published, --source, --lang; stdin text",
          "[cli]") {
  TempDir dir;
  auto r =
      Geotl(dir,
            {"ingest", "--db", "db", "--published", "2019-05-06T10:00:00+02:00",
             "--source", "Flag Press", "--lang", "en", "-"},
            "Talks in Geneva\n\nGermany and France held talks in Geneva on "
            "Monday.\n");
  INFO(r.err);
  REQUIRE(r.code == 0);
  auto ev = Geotl(dir, {"events", "--db", "db", "--format", "ndjson"});
  REQUIRE(ev.code == 0);
  auto lines = Lines(ev.out);
  REQUIRE_FALSE(lines.empty());
  for (const auto& l : lines) {
    Json j = Json::parse(l);
    CHECK(j["sources"][0]["publisher"] == "Flag Press");
    CHECK(j["sources"][0]["published"] == "2019-05-06");
    CHECK(j["language"] == "en");
  }
}

TEST_CASE("a second writer gets a one-line lock error", "[cli]") {
  TempDir dir;
  dir.Write("good.ndjson", kGood + "\n");
  auto held = store::Store::Open(dir / "db", store::StoreOptions{});
  REQUIRE(held.ok());
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"ingest", "--db", "db", "good.ndjson"},
           {"delete", "--db", "db", "good-1"}}) {
    auto r = Geotl(dir, args);
    CHECK(r.code == 1);
    CHECK(CountLines(r.err) == 1);
    CHECK(r.err.rfind("geotl: ", 0) == 0);
    CHECK(r.err.find("lock") != std::string::npos);
  }
  held->reset();
  CHECK(Geotl(dir, {"ingest", "--db", "db", "good.ndjson"}).code == 0);
}

TEST_CASE("extract: articles NDJSON in, schema-valid events NDJSON out",
          "[cli]") {
  TempDir dir;
  std::string input;
  input +=
      R"({"id": "x-1", "text": "Russia and Japan held talks in Tokyo on Saturday.", "published": "2013-11-04"})"
      "\n";
  input += "{\"text\": \"kein Datum\"}\n";
  input += "\n";
  input +=
      R"({"id": "x-2", "text": "Am Montag trafen sich die Außenminister von Deutschland und Frankreich in Paris.", "published": "2020-03-04T08:00:00Z", "language": "de"})"
      "\n";
  input += "not json\n";
  auto r = Geotl(dir, {"extract"}, input);
  INFO(r.err);
  CHECK(r.code == 0);
  auto err = Lines(r.err);
  REQUIRE(err.size() == 2);
  CHECK(err[0].rfind("<stdin>:2: missing 'published'", 0) == 0);
  CHECK(err[1].rfind("<stdin>:5: malformed JSON", 0) == 0);
  auto out = Lines(r.out);
  REQUIRE(out.size() >= 2);
  std::set<std::string> articles;
  for (const auto& l : out) {
    auto e = EventFromJsonText(l);
    REQUIRE(e.ok());
    REQUIRE(e->sources.size() == 1);  // one source each: its input article
    articles.insert(e->sources[0].article);
  }
  CHECK(articles == std::set<std::string>{"x-1", "x-2"});
  dir.Write("extract.ndjson", r.out);
  auto v = ValidateJson(dir, "event", "extract.ndjson");
  INFO(v.out << v.err);
  CHECK(v.code == 0);

  SECTION("--strict stops at the first rejected line") {
    auto s = Geotl(dir, {"extract", "--strict"}, input);
    CHECK(s.code == 1);
    CHECK(CountLines(s.err) == 1);
  }
  SECTION("clean input with --strict exits 0 and matches") {
    auto s = Geotl(dir, {"extract", "--strict"}, Lines(input)[0] + "\n");
    CHECK(s.code == 0);
    CHECK(s.err.empty());
    std::string x1;
    for (const auto& l : Lines(r.out))
      if (Json::parse(l)["sources"][0]["article"] == "x-1") x1 += l + "\n";
    CHECK(s.out == x1);
  }
}

TEST_CASE("delete takes an article and its events out", "[cli]") {
  TempDir dir;
  REQUIRE(Geotl(dir, {"ingest", "--db", "db", kExamples}).code == 0);
  Json before = StatsJson(dir);
  auto r = Geotl(dir, {"delete", "--db", "db", "example-de-berlin-warschau"});
  INFO(r.err);
  CHECK(r.code == 0);
  CHECK(r.out == "deleted 1 article\n");
  Json after = StatsJson(dir);
  CHECK(after["articles"] == 6);
  CHECK(after["events"].get<int>() < before["events"].get<int>());
  auto ev = Geotl(
      dir, {"events", "--db", "db", "--format", "ndjson", "--limit", "1000"});
  CHECK(ev.out.find("example-de-berlin-warschau") == std::string::npos);
  CHECK(Geotl(dir, {"check", "--db", "db"}).code == 0);

  auto again = Geotl(dir, {"delete", "--db", "db", "example-de-berlin-warschau",
                           "example-en-nairobi-visit"});
  CHECK(again.code == 1);
  CHECK(again.err ==
        "geotl: no article 'example-de-berlin-warschau' in the store\n");
  CHECK(StatsJson(dir)["articles"] == 5);  // the known one went anyway
  CHECK(Geotl(dir, {"delete", "--db", "nostore", "x"}).code == 1);
}

TEST_CASE("every fixture under tests/data is valid against its schema",
          "[cli]") {
  TempDir dir;
  auto r = RunShell(dir,
                    "/usr/bin/python3 " + Quote(std::string(GEOTL_SOURCE_DIR) +
                                                "/tools/validate_json.py"),
                    {"--fixtures", GEOTL_TEST_DATA});
  INFO(r.out << r.err);
  CHECK(r.code == 0);
  CHECK(r.err.find(" 0 invalid") != std::string::npos);
  // The sidecars and articles of examples/ too.
  for (const auto& f : std::filesystem::directory_iterator(kExamples)) {
    std::string ext = f.path().extension().string();
    if (ext != ".json" && ext != ".ndjson") continue;
    INFO(f.path());
    CHECK(ValidateJson(dir, "article", f.path().string()).code == 0);
  }
}

TEST_CASE("the validator rejects records that break the schemas", "[cli]") {
  TempDir dir;
  Event e;
  e.id = "e-1";
  e.type = "CONSULT";
  e.cameo = "04";
  e.quad = "verbal_cooperation";
  e.label = "meeting";
  e.date = DateRange::Day(*ParseIsoDay("2013-11-02"));
  e.sources.push_back({"a-1", "", "", "2013-11-04", 0, 0, 10, "q"});
  e.first_reported = "2013-11-04";
  e.actors.push_back(
      {"Russland", "Russia", "RUS", "RUS", "", ActorKind::kCountry});
  std::string good = ToJsonLine(e);
  dir.Write("good.ndjson", good + "\n");
  CHECK(ValidateJson(dir, "event", "good.ndjson").code == 0);
  struct Case {
    const char* name;
    std::string from, to;
  };
  for (const auto& c : std::vector<Case>{
           {"unknown type", "\"CONSULT\"", "\"MEETING\""},
           {"bad status", "\"occurred\"", "\"happened\""},
           {"bad date", "\"2013-11-02\"", "\"2013-11-32\""},
           {"extra field", "\"summary\"", "\"colour\":1,\"summary\""},
           {"bad country", "\"country\":\"RUS\"", "\"country\":\"ru\""},
           {"no sources",
            good.substr(
                good.find("\"sources\":"),
                good.find(",\"n_sources\"") - good.find("\"sources\":")),
            "\"sources\":[]"}}) {
    INFO(c.name);
    std::string bad = good;
    size_t at = bad.find(c.from);
    REQUIRE(at != std::string::npos);
    bad.replace(at, c.from.size(), c.to);
    dir.Write("bad.ndjson", bad + "\n");
    CHECK(ValidateJson(dir, "event", "bad.ndjson").code == 1);
  }
  dir.Write("sidecar.json", R"({"published": "2013-11-04", "text": ""})");
  CHECK(ValidateJson(dir, "article", "sidecar.json").code == 1);
  dir.Write("nodate.json", R"({"text": "x"})");
  CHECK(ValidateJson(dir, "article", "nodate.json").code == 1);
  dir.Write("sidecar-ok.json",
            R"({"published": "2013-11-04", "text_file": "a.txt"})");
  CHECK(ValidateJson(dir, "article", "sidecar-ok.json").code == 0);
}
