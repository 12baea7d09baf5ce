// The HTTP API over real HTTP on loopback: `geotl serve` runs as a subprocess
// on a store filled with examples/ by `geotl ingest`; every body is checked
// against its schema in schemas/api-*.schema.json.
#include <catch2/catch.hpp>
#include <set>
#include <tuple>

#include "server/world_map.h"
#include "tests/server/server_fixture.h"

using namespace geotl::core;

namespace geotl::testing {
namespace {

constexpr const char* kToken = "test-token-7f3a";

// One store and one server for the read tests (started on first use).
struct Shared {
  ScratchDir dir;
  std::unique_ptr<ServeProcess> serve;
  Shared() {
    WriteFile(dir / "token", std::string(kToken) + "\n");
    const std::string src = GEOTL_SOURCE_DIR;
    const int rc =
        RunCommand(std::string(GEOTL_BINARY) + " ingest --db " + (dir / "db") +
                   " " + src + "/examples > " + (dir / "ingest.out") + " 2>&1");
    if (rc != 0 && rc != 3) FAIL("geotl ingest examples/ failed: " << rc);
    serve = std::make_unique<ServeProcess>(
        dir / "db", dir / "serve.log",
        std::vector<std::string>{"--token-file", dir / "token"});
    if (serve->port() == 0)
      FAIL("geotl serve did not start: " << ReadFile(dir / "serve.log"));
  }
  int port() const { return serve->port(); }
};

Shared& S() {
  static Shared s;
  return s;
}

void RequireError(const HttpResponse& r, int status,
                  const std::string& parameter) {
  INFO(r.body);
  REQUIRE(r.status == status);
  CHECK(r.headers.at("content-type") == "application/json");
  CHECK(SchemaError(S().dir, "api-error.schema.json", r.body) == "");
  Json j = r.json();
  CHECK(j["error"]["status"] == status);
  if (!parameter.empty()) CHECK(j["error"]["parameter"] == parameter);
}

std::string Auth() { return std::string("Authorization: Bearer ") + kToken; }

}  // namespace

TEST_CASE("serve: /healthz and unknown paths", "[server]") {
  auto h = Get(S().port(), "/healthz");
  REQUIRE(h.status == 200);
  CHECK(h.json()["status"] == "ok");
  RequireError(Get(S().port(), "/nope"), 404, "");
  RequireError(Get(S().port(), "/v1/nope"), 404, "");
  RequireError(Http(S().port(), "DELETE", "/v1/events"), 404, "");
}

TEST_CASE("serve: the dashboard, and no path escapes the static folder",
          "[server]") {
  auto index = Get(S().port(), "/");
  REQUIRE(index.status == 200);
  CHECK(index.headers["content-type"].rfind("text/html", 0) == 0);
  CHECK(index.body.find("app.js") != std::string::npos);
  CHECK(Get(S().port(), "/app.js").status == 200);
  CHECK(Get(S().port(), "/style.css").status == 200);
  // The map's country shapes, built in (server/world_map.h) when the build
  // had them: the TopoJSON of npm world-atlas, byte for byte.
  auto map = Get(S().port(), std::string(server::kWorldMapPath));
  if (server::WorldMapTopoJson().empty()) {
    WARN("built without world-atlas: no map");
    CHECK(map.status == 404);
  } else {
    REQUIRE(map.status == 200);
    CHECK(map.headers["content-type"] == "application/json");
    CHECK(map.body == server::WorldMapTopoJson());
    Json topo = map.json();
    CHECK(topo["type"] == "Topology");
    CHECK(topo["objects"]["countries"]["geometries"].size() > 150);
  }
  for (const char* evil :
       {"/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd",
        "/..%2f..%2fetc%2fpasswd", "//etc/passwd", "/static/../CMakeLists.txt",
        "/../server.cc"}) {
    auto r = Get(S().port(), evil);
    INFO(evil);
    CHECK(r.status != 200);
    CHECK(r.body.find("root:") == std::string::npos);
  }
}

TEST_CASE("serve: /v1/events pages cover every match once, in order",
          "[server]") {
  auto all = Get(S().port(), "/v1/events?limit=1000");
  REQUIRE(all.status == 200);
  REQUIRE(SchemaError(S().dir, "api-events.schema.json", all.body) == "");
  Json j = all.json();
  const size_t total = j["meta"]["total"];
  REQUIRE(total == j["data"].size());
  REQUIRE(total >= 3);  // examples/ hold several events
  CHECK(j["meta"]["next"].is_null());

  std::vector<std::string> ids;
  std::string cursor;
  for (int page = 0; page < 1000; ++page) {
    std::string target = "/v1/events?limit=2";
    if (!cursor.empty()) target += "&cursor=" + cursor;
    auto r = Get(S().port(), target);
    REQUIRE(r.status == 200);
    Json p = r.json();
    CHECK(p["meta"]["total"] == total);
    CHECK(p["data"].size() <= 2);
    for (const auto& e : p["data"]) ids.push_back(e["id"]);
    if (p["meta"]["next"].is_null()) break;
    cursor = p["meta"]["next"];
  }
  REQUIRE(ids.size() == total);
  CHECK(std::set<std::string>(ids.begin(), ids.end()).size() == total);
  for (size_t i = 0; i < total; ++i) CHECK(ids[i] == j["data"][i]["id"]);
  for (size_t i = 1; i < total; ++i) {
    const Json& a = j["data"][i - 1];
    const Json& b = j["data"][i];
    CHECK(std::make_tuple(a["date"]["start"].get<std::string>(),
                          a["date"]["end"].get<std::string>(),
                          a["id"].get<std::string>()) <
          std::make_tuple(b["date"]["start"].get<std::string>(),
                          b["date"]["end"].get<std::string>(),
                          b["id"].get<std::string>()));
  }
}

TEST_CASE(
    "serve: filters are the CLI's (same bytes as geotl events --format json)",
    "[server]") {
  auto r = Get(S().port(), "/v1/events?type=CONSULT&type=MOBILIZE&from=2000");
  REQUIRE(r.status == 200);
  const Json filtered = r.json();
  for (const auto& e : filtered["data"])
    CHECK((e["type"] == "CONSULT" || e["type"] == "MOBILIZE"));
  // Read-only CLI beside the running server sees the same store.
  const std::string out = S().dir / "cli.json";
  REQUIRE(RunCommand(
              std::string(GEOTL_BINARY) + " events --db " + (S().dir / "db") +
              " --type CONSULT --type MOBILIZE --from 2000 --format json > " +
              out) == 0);
  Json cli = Json::parse(ReadFile(out), nullptr, false);
  Json api = r.json();
  CHECK(cli["data"] == api["data"]);
  CHECK(cli["meta"]["total"] == api["meta"]["total"]);
  // Epoch milliseconds are dates too.
  auto ms = Get(S().port(), "/v1/events?from=946684800000");
  REQUIRE(ms.status == 200);
  CHECK(ms.json()["meta"]["total"] ==
        Get(S().port(), "/v1/events?from=2000-01-01").json()["meta"]["total"]);
}

TEST_CASE("serve: bad parameters answer 400 naming the parameter", "[server]") {
  RequireError(Get(S().port(), "/v1/events?from=yesterday"), 400, "from");
  RequireError(Get(S().port(), "/v1/events?limit=5000"), 400, "limit");
  RequireError(Get(S().port(), "/v1/events?limit=abc"), 400, "limit");
  RequireError(Get(S().port(), "/v1/events?colour=red"), 400, "colour");
  RequireError(Get(S().port(), "/v1/events?cursor=garbage"), 400, "cursor");
  RequireError(Get(S().port(), "/v1/counts"), 400, "by");
  RequireError(Get(S().port(), "/v1/counts?by=fortnight"), 400, "by");
  RequireError(Get(S().port(), "/v1/counts?by=month&shape=cube"), 400, "shape");
  RequireError(Get(S().port(), "/v1/counts?by=place&group=type"), 400, "group");
  RequireError(Get(S().port(), "/v1/events?place="), 400, "place");
  RequireError(Get(S().port(), "/v1/briefing?format=pdf"), 400, "format");
  RequireError(Get(S().port(), "/v1/stats?x=1"), 400, "x");
  RequireError(Get(S().port(), "/v1/actors"), 400, "q");
}

TEST_CASE("serve: /v1/counts as {data, meta} and as Grafana rows", "[server]") {
  auto body = Get(S().port(), "/v1/counts?by=year&group=type");
  REQUIRE(body.status == 200);
  REQUIRE(SchemaError(S().dir, "api-counts.schema.json", body.body) == "");
  auto rows = Get(S().port(), "/v1/counts?by=year&group=type&shape=rows");
  REQUIRE(rows.status == 200);
  REQUIRE(SchemaError(S().dir, "api-counts-rows.schema.json", rows.body) == "");
  Json b = body.json(), r = rows.json();
  CHECK(b["data"] == r);
  uint64_t sum = 0;
  for (const auto& row : r) sum += row["count"].get<uint64_t>();
  CHECK(b["meta"]["total"] == sum);
  CHECK(sum > 0);
}

TEST_CASE("serve: /v1/counts?by=place as {data, meta} and as rows",
          "[server]") {
  auto body = Get(S().port(), "/v1/counts?by=place");
  REQUIRE(body.status == 200);
  REQUIRE(SchemaError(S().dir, "api-counts.schema.json", body.body) == "");
  auto rows = Get(S().port(), "/v1/counts?by=place&shape=rows");
  REQUIRE(rows.status == 200);
  REQUIRE(SchemaError(S().dir, "api-counts-rows.schema.json", rows.body) == "");
  Json b = body.json(), r = rows.json();
  CHECK(b["data"] == r);
  REQUIRE_FALSE(r.empty());
  uint64_t sum = 0;
  for (const auto& row : r) sum += row["count"].get<uint64_t>();
  CHECK(b["meta"]["total"] == sum);
  // The same events as the located ones of the counts by month.
  Json month = Get(S().port(), "/v1/counts?by=month&group=country").json();
  uint64_t located = 0;
  for (const auto& row : month["data"]) located += row["count"].get<uint64_t>();
  CHECK(sum >= located);
}

TEST_CASE("serve: stats, regions, actors, briefing", "[server]") {
  auto stats = Get(S().port(), "/v1/stats");
  REQUIRE(stats.status == 200);
  REQUIRE(SchemaError(S().dir, "api-stats.schema.json", stats.body) == "");
  const std::string out = S().dir / "stats.json";
  REQUIRE(RunCommand(std::string(GEOTL_BINARY) + " stats --format json --db " +
                     (S().dir / "db") + " > " + out) == 0);
  CHECK(stats.json()["data"] == Json::parse(ReadFile(out), nullptr, false));

  auto regions = Get(S().port(), "/v1/regions?lang=de");
  REQUIRE(regions.status == 200);
  REQUIRE(SchemaError(S().dir, "api-regions.schema.json", regions.body) == "");
  bool east_asia = false;
  const Json region_list = regions.json();
  for (const auto& r : region_list["data"])
    east_asia = east_asia || (r["code"] == "030" && r["name"] == "Ostasien");
  CHECK(east_asia);

  auto actors = Get(S().port(), "/v1/actors?q=Russland");
  REQUIRE(actors.status == 200);
  REQUIRE(actors.json()["data"].size() == 1);
  CHECK(actors.json()["data"][0]["code"] == "RUS");

  auto brief = Get(S().port(), "/v1/briefing?format=txt");
  REQUIRE(brief.status == 200);
  REQUIRE(SchemaError(S().dir, "api-briefing.schema.json", brief.body) == "");
  CHECK(brief.json()["meta"]["total"] == stats.json()["data"]["events"]);
}

TEST_CASE("serve: writes need the token; a refused POST changes nothing",
          "[server]") {
  const int port = S().port();
  const std::string article =
      R"({"id":"api-test-visit","published":"2024-03-05","language":"en",)"
      R"("source":"geotl api test","text":"Visit\n\nInvented test example.\n\n)"
      R"(The Japanese prime minister visited Nairobi on Monday and met the )"
      R"(Kenyan president."})";
  const std::string before = Get(port, "/v1/stats").body;

  RequireError(Http(port, "POST", "/v1/articles", article), 401, "");
  RequireError(Http(port, "POST", "/v1/articles", article,
                    {"Authorization: Bearer wrong"}),
               401, "");
  RequireError(Http(port, "POST", "/v1/articles", article,
                    {"Authorization: Basic eDp5"}),
               401, "");
  RequireError(Http(port, "DELETE", "/v1/articles/api-test-visit"), 401, "");
  CHECK(Get(port, "/v1/stats").body == before);

  // A bad article refuses the whole request, naming the body.
  RequireError(
      Http(port, "POST", "/v1/articles", R"({"text":"no date"})", {Auth()}),
      400, "body");
  RequireError(
      Http(port, "POST", "/v1/articles?published=never", article, {Auth()}),
      400, "published");
  CHECK(Get(port, "/v1/stats").body == before);

  // Form-encoded Content-Type: still articles (curl -d sends that).
  auto post = Http(port, "POST", "/v1/articles", article,
                   {Auth(), "Content-Type: application/x-www-form-urlencoded"});
  INFO(post.body);
  REQUIRE(post.status == 201);
  REQUIRE(SchemaError(S().dir, "api-articles-post.schema.json", post.body) ==
          "");
  Json p = post.json();
  CHECK(p["data"]["articles"] == Json::array({"api-test-visit"}));
  const int n = p["data"]["events"];
  REQUIRE(n > 0);

  // The very next request sees the article's events.
  auto events =
      Get(port, "/v1/events?limit=1000&from=2024-03&to=2024-03").json();
  // Events with evidence from the article (one event may quote it twice).
  int from_article = 0;
  for (const auto& e : events["data"]) {
    bool has = false;
    for (const auto& s : e["sources"]) has |= s["article"] == "api-test-visit";
    from_article += has;
  }
  CHECK(from_article == n);
  CHECK(Get(port, "/v1/stats").body != before);

  auto del = Http(port, "DELETE", "/v1/articles/api-test-visit", "", {Auth()});
  REQUIRE(del.status == 200);
  REQUIRE(SchemaError(S().dir, "api-article-delete.schema.json", del.body) ==
          "");
  auto after =
      Get(port, "/v1/events?limit=1000&from=2024-03&to=2024-03").json();
  for (const auto& e : after["data"])
    for (const auto& s : e["sources"]) CHECK(s["article"] != "api-test-visit");
  RequireError(
      Http(port, "DELETE", "/v1/articles/api-test-visit", "", {Auth()}), 404,
      "");
  CHECK(Get(port, "/v1/stats").json()["data"] == Json::parse(before)["data"]);
}

TEST_CASE("serve: NDJSON and arrays in one POST", "[server]") {
  const int port = S().port();
  const std::string a =
      R"({"id":"api-nd-1","published":"2024-04-02","language":"en","text":"Talks\n\n)"
      R"(Norway hosted talks between Colombia and Venezuela in Oslo on Friday."})";
  const std::string b =
      R"({"id":"api-nd-2","published":"2024-04-03","language":"en","text":"Exercise\n\n)"
      R"(Australia and New Zealand began a joint naval exercise on Thursday."})";
  auto nd = Http(port, "POST", "/v1/articles", a + "\n" + b + "\n", {Auth()});
  REQUIRE(nd.status == 201);
  CHECK(nd.json()["data"]["articles"] == Json::array({"api-nd-1", "api-nd-2"}));
  auto arr =
      Http(port, "POST", "/v1/articles", "[" + a + "," + b + "]", {Auth()});
  REQUIRE(arr.status == 201);
  CHECK(arr.json()["data"]["articles"] ==
        Json::array({"api-nd-1", "api-nd-2"}));
  for (const char* id : {"api-nd-1", "api-nd-2"})
    CHECK(Http(port, "DELETE", std::string("/v1/articles/") + id, "", {Auth()})
              .status == 200);
}

TEST_CASE("serve: without a token file every write is 403", "[server]") {
  ScratchDir dir;
  ServeProcess serve(dir / "db", dir / "log");
  REQUIRE(serve.port() != 0);
  RequireError(Http(serve.port(), "POST", "/v1/articles", "{}", {Auth()}), 403,
               "");
  RequireError(Http(serve.port(), "DELETE", "/v1/articles/x", "", {Auth()}),
               403, "");
  CHECK(Get(serve.port(), "/v1/stats").json()["data"]["articles"] == 0);
  CHECK(serve.Stop() == 0);  // SIGTERM: graceful, exit 0
}

TEST_CASE("serve: limits on body size and header count; CORS on request",
          "[server]") {
  ScratchDir dir;
  WriteFile(dir / "token", kToken);
  ServeProcess serve(dir / "db", dir / "log",
                     {"--token-file", dir / "token", "--max-body-mb", "1",
                      "--cors", "https://dash.example"});
  REQUIRE(serve.port() != 0);
  auto big = Http(serve.port(), "POST", "/v1/articles",
                  std::string(2u << 20, 'x'), {Auth()});
  CHECK(big.status == 413);
  std::vector<std::string> many;
  for (int i = 0; i < 100; ++i)
    many.push_back("X-Filler-" + std::to_string(i) + ": 1");
  CHECK(Http(serve.port(), "GET", "/healthz", "", many).status == 431);
  auto h = Get(serve.port(), "/healthz");
  CHECK(h.headers["access-control-allow-origin"] == "https://dash.example");
  auto pre = Http(
      serve.port(), "OPTIONS", "/v1/events", "",
      {"Origin: https://dash.example", "Access-Control-Request-Method: GET"});
  CHECK(pre.status == 204);
  CHECK(pre.headers["access-control-allow-methods"].find("GET") !=
        std::string::npos);
  // Without --cors no CORS header is sent.
  CHECK(S().port() != 0);
  CHECK(Get(S().port(), "/healthz")
            .headers.count("access-control-allow-origin") == 0);
  CHECK(serve.Stop() == 0);
}

TEST_CASE("serve: an acknowledged write survives SIGTERM", "[server]") {
  ScratchDir dir;
  WriteFile(dir / "token", kToken);
  {
    ServeProcess serve(dir / "db", dir / "log",
                       {"--token-file", dir / "token"});
    REQUIRE(serve.port() != 0);
    auto post = Http(
        serve.port(), "POST", "/v1/articles",
        R"({"id":"durable","published":"2024-05-01","language":"en","text":"T\n\n)"
        R"(Norway hosted talks between Colombia and Venezuela in Oslo on Friday."})",
        {Auth()});
    REQUIRE(post.status == 201);
    REQUIRE(serve.Stop() == 0);
  }
  ServeProcess again(dir / "db", dir / "log2");
  REQUIRE(again.port() != 0);
  CHECK(Get(again.port(), "/v1/stats").json()["data"]["articles"] == 1);
}

}  // namespace geotl::testing
