// CountCountries / MostNamedFirst (ingest/code/country_counts): the one
// count behind the home country, the actors' countries and the countries a
// place name most likely lies in.
#include "ingest/code/country_counts.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using namespace geotl;
using namespace geotl::ingest;

namespace {

Mention ActorOf(const std::string& country, bool home = false) {
  Mention m;
  m.kind = MentionKind::kCountry;
  m.actor = core::Actor{};
  m.actor->country = country;
  m.home = home;
  return m;
}

Mention PlaceIn(const std::string& country) {
  Mention m;
  m.kind = MentionKind::kPlace;
  m.place = core::Place{};
  m.place->country = country;
  return m;
}

std::string_view ActorCountry(const Mention& m) {
  return m.actor && !m.home ? std::string_view(m.actor->country) : "";
}

}  // namespace

TEST_CASE("country counts: chosen mentions, three-letter codes only") {
  // Two sentences: FRA twice, DEU once, a home mention and a place (not
  // chosen by ActorCountry) and a two-letter code (never counted).
  std::vector<std::vector<Mention>> all = {
      {ActorOf("FRA"), ActorOf("DEU"), ActorOf("AUT", true)},
      {ActorOf("FRA"), ActorOf("EU"), PlaceIn("ITA")}};
  auto counts = code::CountCountries(all, ActorCountry);
  REQUIRE(counts.size() == 2);
  CHECK(counts["FRA"] == 2);
  CHECK(counts["DEU"] == 1);
  CHECK(code::MostNamedFirst(counts) == std::vector<std::string>{"FRA", "DEU"});
}

TEST_CASE("country counts: ties in code order, skip leaves one out") {
  std::map<std::string, int> counts = {
      {"USA", 2}, {"RUS", 2}, {"CHN", 1}, {"SYR", 3}};
  CHECK(code::MostNamedFirst(counts) ==
        std::vector<std::string>{"SYR", "RUS", "USA", "CHN"});
  CHECK(code::MostNamedFirst(counts, "RUS") ==
        std::vector<std::string>{"SYR", "USA", "CHN"});
  CHECK(code::MostNamedFirst({}).empty());
}
