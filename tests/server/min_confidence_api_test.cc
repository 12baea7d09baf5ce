// min_confidence over real HTTP: the events, counts and briefing reads keep
// only events of confidence >= the threshold, with honest totals on every
// page and the same bytes as the CLI's --min-confidence; /v1/stats names the
// dashboard's default; POST stores only the events that pass.
#include <catch2/catch.hpp>
#include <set>

#include "core/event.h"
#include "tests/server/server_fixture.h"

using namespace geotl::core;

namespace geotl::testing {
namespace {

constexpr const char* kToken = "confidence-token-0c4e";

}  // namespace

TEST_CASE("serve: min_confidence filters events, counts and briefings",
          "[server]") {
  ScratchDir dir;
  WriteFile(dir / "token", std::string(kToken) + "\n");
  const std::string db = dir / "db";
  REQUIRE(RunCommand(std::string(GEOTL_BINARY) + " ingest --db " + db + " " +
                     GEOTL_SOURCE_DIR + "/examples > " + (dir / "ingest.out") +
                     " 2>&1") == 0);
  ServeProcess serve(db, dir / "serve.log", {"--token-file", dir / "token"});
  REQUIRE(serve.port() != 0);
  const int port = serve.port();

  const Json all = Get(port, "/v1/events?limit=1000").json();
  std::vector<double> conf;
  for (const auto& e : all["data"]) conf.push_back(e["confidence"]);
  std::set<double> levels(conf.begin(), conf.end());
  REQUIRE(levels.size() >= 2);  // the examples' events differ in confidence
  const double c = *std::next(levels.begin());  // drops the weakest
  const std::string cs = Json(c).dump();
  size_t want = 0, want_occurred = 0;
  for (const auto& e : all["data"])
    if (e["confidence"].get<double>() >= c) {
      ++want;
      want_occurred += e["status"] == "occurred";
    }
  REQUIRE(want < conf.size());

  auto page = Get(port, "/v1/events?limit=1000&min_confidence=" + cs);
  REQUIRE(page.status == 200);
  CHECK(SchemaError(dir, "api-events.schema.json", page.body) == "");
  const Json p = page.json();
  CHECK(p["data"].size() == want);
  CHECK(p["meta"]["total"] == want);
  for (const auto& e : p["data"]) CHECK(e["confidence"].get<double>() >= c);
  // The total counts every match, not the page, also past the first page.
  const Json first =
      Get(port, "/v1/events?limit=1&min_confidence=" + cs).json();
  CHECK(first["meta"]["total"] == want);
  REQUIRE(first["meta"]["next"].is_string());
  const Json second =
      Get(port, "/v1/events?limit=1&min_confidence=" + cs +
                    "&cursor=" + first["meta"]["next"].get<std::string>())
          .json();
  CHECK(second["meta"]["total"] == want);
  // The CLI's --min-confidence prints the same body's data.
  const std::string out = dir / "cli.json";
  REQUIRE(RunCommand(std::string(GEOTL_BINARY) + " events --db " + db +
                     " --limit 1000 --min-confidence " + cs +
                     " --format json > " + out) == 0);
  CHECK(Json::parse(ReadFile(out), nullptr, false)["data"] == p["data"]);

  auto counts = Get(port, "/v1/counts?by=year&min_confidence=" + cs);
  REQUIRE(counts.status == 200);
  CHECK(SchemaError(dir, "api-counts.schema.json", counts.body) == "");
  CHECK(counts.json()["meta"]["total"] == want_occurred);

  auto brief = Get(port, "/v1/briefing?format=txt&min_confidence=" + cs);
  REQUIRE(brief.status == 200);
  CHECK(SchemaError(dir, "api-briefing.schema.json", brief.body) == "");
  CHECK(brief.json()["meta"]["total"] == want);
  CHECK(brief.json()["data"]["title"].get<std::string>().find(
            "confidence at least " + cs) != std::string::npos);
  // Unfiltered, a briefing uses the default threshold.
  auto brief_all = Get(port, "/v1/briefing?format=txt").json();
  if (kDefaultMinConfidence <= 0)
    CHECK(brief_all["meta"]["total"] == conf.size());

  auto stats = Get(port, "/v1/stats");
  REQUIRE(stats.status == 200);
  CHECK(SchemaError(dir, "api-stats.schema.json", stats.body) == "");
  CHECK(stats.json()["meta"]["defaults"]["min_confidence"] ==
        kDefaultMinConfidence);

  for (const char* bad : {"2", "x", "-1"}) {
    auto r = Get(port, std::string("/v1/events?min_confidence=") + bad);
    CHECK(r.status == 400);
    CHECK(r.json()["error"]["parameter"] == "min_confidence");
  }
  CHECK(Get(port, "/v1/counts?by=year&min_confidence=x")
            .json()["error"]["parameter"] == "min_confidence");

  // POST: events below ?min_confidence= are not stored.
  const std::string article =
      R"({"id":"conf-test","published":"2024-03-05","language":"en",)"
      R"("text":"Visit\n\nInvented test example.\n\nThe Japanese prime )"
      R"(minister visited Nairobi on Monday and met the Kenyan president."})";
  const std::string auth = std::string("Authorization: Bearer ") + kToken;
  auto bad =
      Http(port, "POST", "/v1/articles?min_confidence=abc", article, {auth});
  CHECK(bad.status == 400);
  CHECK(bad.json()["error"]["parameter"] == "min_confidence");
  auto none =
      Http(port, "POST", "/v1/articles?min_confidence=1", article, {auth});
  REQUIRE(none.status == 201);
  auto some = Http(port, "POST", "/v1/articles", article, {auth});
  REQUIRE(some.status == 201);
  CHECK(some.json()["data"]["events"].get<int>() >
        none.json()["data"]["events"].get<int>());
}

}  // namespace geotl::testing
