#include "timeline/actor_profile.h"

#include <catch2/catch.hpp>

#include "tests/fixtures.h"

using namespace geotl;
using namespace geotl::testing;
using namespace geotl::core;

TEST_CASE("a country's profile from its events", "[knowledge][actor]") {
  auto ev = ReadEvents(DataPath("knowledge/sample_events_handwritten.ndjson"));
  timeline::ActorSubject s = timeline::ResolveActorSubject("Russland");
  REQUIRE(s.country);
  CHECK(s.code == "RUS");
  timeline::ActorProfile p = BuildActorProfile(s, ev);
  CHECK(p.name == "Russia");
  // Cooperation x3 (incl. planned), meeting, Shoigu's criticism, rejection.
  CHECK(p.events == 6);
  CHECK(p.as_actor == 6);
  CHECK(p.as_recipient == 0);
  CHECK(p.first_seen == "2013-08-04");
  CHECK(p.last_seen == "2013-11-04");
  REQUIRE(!p.by_type.empty());
  CHECK(p.by_type[0] == std::pair<std::string, int>{"COOPERATE", 3});
  CHECK(p.by_year == std::vector<std::pair<int, int>>{{2013, 6}});
  REQUIRE(!p.counterparts.empty());
  CHECK(p.counterparts[0].key == "JPN");
  CHECK(p.counterparts[0].events == 5);
  // Aliases: the article's word and the ICU names; Shoigu is not an alias.
  Json j = ToJson(p);
  CHECK(j["aliases"]["de"] == Json::array({"Russland"}));
  CHECK(j["aliases"]["en"] == Json::array({"Russia"}));
  // Roles: the country code and the person carrying RUSMIL.
  bool mil = false;
  for (const auto& r : p.roles) mil |= r.code == "RUSMIL" && r.kind == "person";
  CHECK(mil);
  REQUIRE(p.latest.size() == 5);
  CHECK(p.latest[0].date.start >= p.latest[4].date.start);
  std::string t = timeline::RenderActorTable(p);
  CHECK(t.rfind("Russia  [RUS]\n", 0) == 0);
  CHECK(t.find("top counterparts\n  Japan [JPN]  5\n") != std::string::npos);
}

TEST_CASE("a person's profile: name, dated role, aliases",
          "[knowledge][actor]") {
  auto ev = ReadEvents(DataPath("knowledge/sample_events_handwritten.ndjson"));
  timeline::ActorSubject s = timeline::ResolveActorSubject("sergei shoigu");
  CHECK_FALSE(s.country);
  timeline::ActorProfile p = BuildActorProfile(s, ev);
  CHECK(p.events == 1);
  CHECK(p.name == "Sergei Shoigu");
  CHECK(p.kind == "person");
  CHECK(p.country == "RUS");
  CHECK(p.sector == "MIL");
  CHECK(p.code == "RUSMIL");
  REQUIRE(p.aliases.size() == 1);
  CHECK(p.aliases[0].first == "de");
  CHECK(p.aliases[0].second == std::vector<std::string>{"Sergei Schoigu"});
  REQUIRE(p.counterparts.size() == 2);
  CHECK(p.counterparts[0].key == "JPN");
  CHECK(p.counterparts[1].key == "USA");
  // A code prefix works too, negated events never count.
  auto neg = ev;
  neg[5].status = EventStatus::kNegated;
  CHECK(timeline::BuildActorProfile(timeline::ResolveActorSubject("RUSMIL"), ev)
            .events == 1);
  CHECK(
      timeline::BuildActorProfile(timeline::ResolveActorSubject("RUSMIL"), neg)
          .events == 0);
}
