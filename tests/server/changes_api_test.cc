// GET /v1/changes over real HTTP: the change feed of a store filled with the
// dedup test set, then a POSTed report of an existing (hypothetical) meeting
// that merges into it, then its DELETE; bodies validated against
// schemas/api-changes.schema.json.
#include <catch2/catch.hpp>

#include "tests/server/server_fixture.h"

using namespace geotl::core;

namespace geotl::testing {
namespace {

constexpr const char* kToken = "changes-token-51c2";

Json MustChanges(const ScratchDir& dir, int port, const std::string& query) {
  auto r = Get(port, "/v1/changes" + query);
  INFO(query << ": " << r.body);
  REQUIRE(r.status == 200);
  CHECK(SchemaError(dir, "api-changes.schema.json", r.body) == "");
  return r.json();
}

TEST_CASE("serve: /v1/changes reports upserts, merges and deletions in order",
          "[server]") {
  ScratchDir dir;
  WriteFile(dir / "token", std::string(kToken) + "\n");
  const int rc = RunCommand(
      std::string(GEOTL_BINARY) + " ingest --db " + (dir / "db") + " " +
      GEOTL_TEST_DATA + "/dedup/articles > " + (dir / "ingest.out") + " 2>&1");
  REQUIRE(rc == 0);
  ServeProcess serve(dir / "db", dir / "serve.log",
                     {"--token-file", dir / "token"});
  REQUIRE(serve.port() != 0);
  const int port = serve.port();

  Json all = MustChanges(dir, port, "?since=0");
  const uint64_t seq = all["meta"]["as_of"]["sequence"];
  CHECK(seq == 12);  // one write per article
  CHECK(all["meta"]["next"].is_null());
  uint64_t last = 0;
  for (const auto& c : all["data"]) {
    CHECK(c["seq"].get<uint64_t>() >= last);
    last = c["seq"];
  }
  // Small pages end at write boundaries and cover the same changes.
  size_t paged = 0;
  uint64_t since = 0;
  for (int i = 0; i < 100; ++i) {
    Json p =
        MustChanges(dir, port, "?since=" + std::to_string(since) + "&limit=1");
    paged += p["data"].size();
    if (p["meta"]["next"].is_null()) break;
    since = p["meta"]["next"];
  }
  CHECK(paged == all["data"].size());

  // A fifth report of the Paris meeting merges into the stored event.
  const std::string article =
      R"({"id":"api-hypo-e1-extra","published":"2024-03-13","language":"en",)"
      R"("source":"Evening Example","text":"Paris talks\n\nThe foreign )"
      R"(ministers of France and Germany met in Paris on Tuesday, officials )"
      R"(said."})";
  auto post = Http(port, "POST", "/v1/articles", article,
                   {std::string("Authorization: Bearer ") + kToken});
  INFO(post.body);
  REQUIRE(post.status == 201);
  Json after = MustChanges(dir, port, "?since=" + std::to_string(seq));
  REQUIRE(after["data"].size() >= 1);
  bool merged_five = false;
  for (const auto& c : after["data"]) {
    CHECK(c["seq"] == seq + 1);
    if (c.contains("event") && c["event"]["n_sources"] == 5) merged_five = true;
  }
  CHECK(merged_five);

  auto del = Http(port, "DELETE", "/v1/articles/api-hypo-e1-extra", "",
                  {std::string("Authorization: Bearer ") + kToken});
  REQUIRE(del.status == 200);
  Json gone = MustChanges(dir, port, "?since=" + std::to_string(seq + 1));
  bool back_to_four = false;
  for (const auto& c : gone["data"]) {
    CHECK(c["seq"] == seq + 2);
    if (c.contains("event") && c["event"]["n_sources"] == 4)
      back_to_four = true;
  }
  CHECK(back_to_four);
  CHECK(MustChanges(dir, port, "?since=" + std::to_string(seq + 2))["data"]
            .empty());

  for (const auto& [q, param] :
       std::vector<std::pair<std::string, std::string>>{
           {"?since=-1", "since"},
           {"?since=abc", "since"},
           {"?limit=0", "limit"},
           {"?limit=100000", "limit"},
           {"?actor=RUS", "actor"}}) {
    auto r = Get(port, "/v1/changes" + q);
    INFO(q << ": " << r.body);
    CHECK(r.status == 400);
    CHECK(SchemaError(dir, "api-error.schema.json", r.body) == "");
    CHECK(r.json()["error"]["parameter"] == param);
  }
}

}  // namespace
}  // namespace geotl::testing
