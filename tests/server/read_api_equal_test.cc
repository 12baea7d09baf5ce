// CLI and HTTP API read alike (timeline/api.h): for every read that has a
// CLI command and an endpoint, `geotl … --format json` prints the bytes the
// GET answers, on the same store (examples/ and the dedup set, so merged
// events exist) with the same parameters. Two documented exceptions
// (docs/api.md): `geotl stats --format json` prints the body's `data` alone,
// and `geotl brief` prints the body's `data.text`.
#include <catch2/catch.hpp>

#include "tests/server/server_fixture.h"

using namespace geotl::core;

namespace geotl::testing {
namespace {

struct Fixture {
  ScratchDir dir;
  std::unique_ptr<ServeProcess> serve;
  Fixture() {
    const std::string src = GEOTL_SOURCE_DIR;
    const int rc =
        RunCommand(std::string(GEOTL_BINARY) + " ingest --db " + (dir / "db") +
                   " " + src + "/examples " + GEOTL_TEST_DATA +
                   "/dedup/articles > " + (dir / "ingest.out") + " 2>&1");
    if (rc != 0 && rc != 3) FAIL("geotl ingest failed: " << rc);
    serve = std::make_unique<ServeProcess>(dir / "db", dir / "serve.log");
    if (serve->port() == 0)
      FAIL("geotl serve did not start: " << ReadFile(dir / "serve.log"));
  }
  int port() const { return serve->port(); }

  // stdout of `geotl ARGS --db DB`; the exit code must be 0.
  std::string Cli(const std::string& args) {
    const std::string out = dir / "cli.out";
    const int rc =
        RunCommand(std::string(GEOTL_BINARY) + " " + args + " --db " +
                   (dir / "db") + " > " + out + " 2> " + (dir / "cli.err"));
    INFO(args << ": " << ReadFile(dir / "cli.err"));
    REQUIRE(rc == 0);
    return ReadFile(out);
  }
  std::string Body(const std::string& target) {
    auto r = Get(port(), target);
    INFO(target << ": " << r.body);
    REQUIRE(r.status == 200);
    return r.body;
  }
  // The JSON commands end their one line with a newline; the body has none.
  void Same(const std::string& args, const std::string& target) {
    INFO(args << " vs " << target);
    CHECK(Cli(args + " --format json") == Body(target) + "\n");
  }
};

Fixture& F() {
  static Fixture f;
  return f;
}

}  // namespace

TEST_CASE("serve: geotl events --format json prints the GET /v1/events body",
          "[server]") {
  F().Same("events", "/v1/events");
  F().Same("events --type CONSULT --type MOBILIZE --from 2000",
           "/v1/events?type=CONSULT&type=MOBILIZE&from=2000");
  F().Same("events --actor RUS --order desc",
           "/v1/events?actor=RUS&order=desc");
  F().Same("events --region 150 --to 2014-06",
           "/v1/events?region=150&to=2014-06");
  // A second page, through the cursor the first printed.
  Json first = Json::parse(F().Body("/v1/events?limit=2"));
  REQUIRE(first["meta"]["next"].is_string());
  const std::string cursor = first["meta"]["next"];
  F().Same("events --limit 2 --cursor " + cursor,
           "/v1/events?limit=2&cursor=" + cursor);
}

TEST_CASE(
    "serve: geotl events --article prints the GET /v1/events?article= "
    "body",
    "[server]") {
  // An article of a merged event (its later source) and one of a
  // single-source event.
  Json all = Json::parse(F().Body("/v1/events?limit=1000"));
  std::string merged_from, single;
  for (const auto& e : all["data"]) {
    if (e["sources"].size() > 1 && merged_from.empty())
      merged_from = e["sources"].back()["article"];
    if (e["sources"].size() == 1 && single.empty())
      single = e["sources"][0]["article"];
  }
  REQUIRE_FALSE(merged_from.empty());
  REQUIRE_FALSE(single.empty());
  for (const std::string& id : {merged_from, single}) {
    // Safe as they are on a command line and in a query string.
    REQUIRE(id.find_first_not_of("abcdefghijklmnopqrstuvwxyz"
                                 "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.") ==
            std::string::npos);
    F().Same("events --article " + id, "/v1/events?article=" + id);
    CHECK_FALSE(
        Json::parse(F().Body("/v1/events?article=" + id))["data"].empty());
  }
  F().Same(
      "events --article " + merged_from + " --article " + single +
          " --order desc",
      "/v1/events?order=desc&article=" + merged_from + "&article=" + single);
  F().Same("events --article no-such-article",
           "/v1/events?article=no-such-article");
  F().Same("counts --by month --article " + single,
           "/v1/counts?by=month&article=" + single);
}

TEST_CASE("serve: geotl event ID prints the GET /v1/events/{id} body",
          "[server]") {
  Json all = Json::parse(F().Body("/v1/events?limit=1000"));
  REQUIRE(all["data"].size() > 2);
  for (size_t i : {size_t(0), all["data"].size() - 1}) {
    const std::string id = all["data"][i]["id"];
    F().Same("event " + id, "/v1/events/" + id);
  }
  // A merged id answers its own record pointing at the merged event.
  Json feed = Json::parse(F().Body("/v1/changes?since=0"));
  std::string merged;
  for (const auto& c : feed["data"])
    if (c.contains("merged_into")) merged = c["id"];
  REQUIRE_FALSE(merged.empty());
  F().Same("event " + merged, "/v1/events/" + merged);
  CHECK(Json::parse(F().Body("/v1/events/" + merged))["meta"]["merged_into"]
            .is_string());
  auto missing = Get(F().port(), "/v1/events/e-unknown");
  CHECK(missing.status == 404);
}

TEST_CASE("serve: geotl counts --format json prints the GET /v1/counts body",
          "[server]") {
  F().Same("counts --by month", "/v1/counts?by=month");
  F().Same("counts --by year --group type", "/v1/counts?by=year&group=type");
  F().Same("counts --by week --group actor --from 2013-10 --to 2013-12",
           "/v1/counts?by=week&group=actor&from=2013-10&to=2013-12");
}

TEST_CASE(
    "serve: geotl events, counts and brief --place print the GET ?place= "
    "bodies; counts --by place prints GET /v1/counts?by=place",
    "[server]") {
  F().Same("counts --by place", "/v1/counts?by=place");
  F().Same("counts --by place --type CONSULT --from 2013",
           "/v1/counts?by=place&type=CONSULT&from=2013");
  // A place by GeoNames id, one by a name of plain letters (safe on a
  // command line and in a query string), and one by its country code.
  Json places = Json::parse(F().Body("/v1/counts?by=place"));
  std::string id, name, country;
  for (const auto& r : places["data"]) {
    if (id.empty() && r["geonames_id"].is_number())
      id = std::to_string(r["geonames_id"].get<uint64_t>());
    const std::string n = r["name"];
    if (name.empty() && !n.empty() &&
        n.find_first_not_of("abcdefghijklmnopqrstuvwxyz"
                            "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == std::string::npos)
      name = n;
    if (country.empty() && r["country"].is_string() &&
        r["country"].get<std::string>().size() == 3)
      country = r["country"];
  }
  REQUIRE_FALSE(id.empty());
  REQUIRE_FALSE(name.empty());
  REQUIRE_FALSE(country.empty());
  for (const std::string& place : {id, name, country}) {
    F().Same("events --place " + place, "/v1/events?place=" + place);
    CHECK_FALSE(
        Json::parse(F().Body("/v1/events?place=" + place))["data"].empty());
    F().Same("counts --by month --place " + place,
             "/v1/counts?by=month&place=" + place);
    F().Same("counts --by place --place " + place,
             "/v1/counts?by=place&place=" + place);
  }
  F().Same("events --place " + id + " --place " + name + " --order desc",
           "/v1/events?order=desc&place=" + name + "&place=" + id);
  F().Same("events --place nowhere-at-all", "/v1/events?place=nowhere-at-all");
  Json brief =
      Json::parse(F().Body("/v1/briefing?format=txt&place=" + country));
  CHECK(F().Cli("brief --format txt --place " + country) ==
        brief["data"]["text"].get<std::string>());
}

TEST_CASE("serve: geotl actor --format json prints the GET /v1/actors body",
          "[server]") {
  F().Same("actor Russland", "/v1/actors/Russland");
  F().Same("actor RUS", "/v1/actors/RUS");
  F().Same("actor JPN", "/v1/actors/JPN");
}

TEST_CASE("serve: geotl events --changed-since prints the /v1/changes body",
          "[server]") {
  F().Same("events --changed-since 0", "/v1/changes?since=0");
  F().Same("events --changed-since 3 --limit 2", "/v1/changes?since=3&limit=2");
}

TEST_CASE("serve: geotl stats --format json is the data of GET /v1/stats",
          "[server]") {
  Json body = Json::parse(F().Body("/v1/stats"));
  CHECK(F().Cli("stats --format json") == body["data"].dump() + "\n");
}

TEST_CASE("serve: geotl brief prints the text of GET /v1/briefing",
          "[server]") {
  struct Case {
    std::string args, query;
  };
  for (const Case& c : std::vector<Case>{
           {"brief --format txt", "/v1/briefing?format=txt"},
           {"brief --format md --out-lang de --actor RUS",
            "/v1/briefing?format=md&out-lang=de&actor=RUS"},
           // The title names the filter in one order, whatever the order
           // of the parameters.
           {"brief --format txt --actor RUS --from 2013-01 --type CONSULT",
            "/v1/briefing?type=CONSULT&from=2013-01&format=txt&actor=RUS"},
           {"brief --format html --changes --to 2013-12-31",
            "/v1/briefing?format=html&changes=true&to=2013-12-31"}}) {
    INFO(c.args << " vs " << c.query);
    Json body = Json::parse(F().Body(c.query));
    CHECK(F().Cli(c.args) == body["data"]["text"].get<std::string>());
  }
}

}  // namespace geotl::testing
