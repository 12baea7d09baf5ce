// The place filter (`--place`, `place=`) and the counts by place (`by=place`)
// against a full scan of the same query without the filter, matched and
// tallied over the parsed records: on a store whose events are located in a
// table of places that share names, countries and folds.
#include "timeline/place_filter.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>

#include "core/event_json.h"
#include "geo/country.h"
#include "geo/fold.h"
#include "geo/place_key.h"
#include "tests/store/test_util.h"
#include "tests/timeline/all_events.h"
#include "timeline/aggregate.h"
#include "timeline/events.h"
#include "timeline/query.h"

using namespace geotl::core;

namespace geotl::timeline {
namespace {

using geotl::testing::EventGen;
using geotl::testing::TempDir;

Place MakePlace(std::string name, std::string country,
                std::optional<uint32_t> id, PlacePrecision precision,
                std::optional<double> lat, std::optional<double> lon) {
  Place p;
  p.text = p.name = std::move(name);
  p.country = std::move(country);
  p.geonames_id = id;
  p.precision = precision;
  p.lat = lat;
  p.lon = lon;
  return p;
}

// Places the events are located in (one in eight events has none).
const std::vector<Place>& Places() {
  using P = PlacePrecision;
  static const std::vector<Place> places = {
      MakePlace("Nairobi", "KEN", 184745, P::kCity, -1.28333, 36.81667),
      MakePlace("Mombasa", "KEN", 186301, P::kCity, -4.05466, 39.66359),
      MakePlace("Kenya", "KEN", std::nullopt, P::kCountry, 1.0, 38.0),
      MakePlace("Zürich", "CHE", 2657896, P::kCity, 47.36667, 8.55),
      MakePlace("Kyiv", "UKR", 703448, P::kCity, 50.45466, 30.5238),
      // Stored without an id: found by its English name.
      MakePlace("Vienna", "AUT", std::nullopt, P::kCity, 48.20849, 16.37208),
      // Two towns of one name, one country.
      MakePlace("Springfield", "USA", 4409896, P::kCity, 37.21533, -93.29824),
      MakePlace("Springfield", "USA", 4951788, P::kCity, 42.10148, -72.58981),
      // "Are" names the town; ARE (capitals) is the United Arab Emirates.
      MakePlace("Åre", "SWE", 2727094, P::kCity, 63.39902, 13.08191),
      MakePlace("Dubai", "ARE", 292223, P::kCity, 25.07725, 55.30927),
      MakePlace("Eastern Africa", "", std::nullopt, P::kRegion, std::nullopt,
                std::nullopt),
  };
  return places;
}

using testing::AllEvents;

// The reference: the rules of timeline/place_filter.h over the record.
bool RefNames(const Event& e, const std::vector<std::string>& values) {
  if (!e.location) return false;
  const Place& p = *e.location;
  for (const auto& v : values) {
    if (p.geonames_id && std::to_string(*p.geonames_id) == v) return true;
    if (!p.name.empty() && geo::Fold(p.name) == geo::Fold(v)) return true;
    // A name of a place in the gazetteer, in any language or spelling:
    // that place, by its id or its English name.
    const bool digits = std::all_of(
        v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (const geo::Gazetteer* g = SharedGazetteer(); g && !digits)
      for (const geo::GazEntry& entry : g->Find(geo::PlaceKey(v))) {
        const geo::GazPlace gp = g->Get(entry);
        if (p.geonames_id && *p.geonames_id == gp.geonames_id) return true;
        if (!p.name.empty() && geo::Fold(p.name) == geo::Fold(gp.name))
          return true;
      }
    const bool capitals = (v.size() == 2 || v.size() == 3) &&
                          std::all_of(v.begin(), v.end(), [](char c) {
                            return c >= 'A' && c <= 'Z';
                          });
    if (capitals) {
      auto c = geo::CountryByCode(v);
      if (c && c->alpha3 == p.country) return true;
    }
  }
  return false;
}

std::string RefKey(const Place& p) {
  if (p.geonames_id) return "g" + std::to_string(*p.geonames_id);
  return "n" + p.name + "|" + p.country + "|" +
         std::string(ToString(p.precision));
}
std::string RowKey(const Json& r) {
  if (!r["geonames_id"].is_null())
    return "g" + std::to_string(r["geonames_id"].get<uint32_t>());
  return "n" + r["name"].get<std::string>() + "|" +
         r["country"].get<std::string>() + "|" +
         r["precision"].get<std::string>();
}

TEST_CASE("place filter: equals a full scan filtered by location") {
  TempDir dir;
  auto store = store::Store::Open(dir.Sub("db"), store::StoreOptions()).value();
  EventGen gen(16);
  const auto& places = Places();
  for (int i = 0; i < 200; ++i) {
    const std::string id = "r" + std::to_string(i);
    auto events = gen.MakeEvents(id, gen.Uniform(1, 4));
    for (auto& e : events) {
      const int k = gen.Uniform(0, int(places.size()) + 1);
      if (k < int(places.size()))
        e.location = places[k];
      else
        e.location.reset();
    }
    REQUIRE(store->PutArticle(gen.MakeArticle(id), events).ok());
  }

  struct Case {
    std::vector<std::string> places;
    Params rest;  // the other filters
    size_t at_least;
  };
  const std::vector<Case> cases = {
      {{"184745"}, {}, 10},       // a GeoNames id
      {{"nairobi"}, {}, 10},      // a name, any case
      {{"KEN"}, {}, 30},          // a country: every Kenyan place
      {{"KE"}, {}, 30},           // alpha-2 too
      {{"ken"}, {}, 0},           // not capitals: a name, of nothing
      {{"Kenya"}, {}, 10},        // the name of the country-level place
      {{"ZURICH"}, {}, 10},       // folded: case and accents
      {{"Springfield"}, {}, 20},  // both towns of the name
      {{"4951788"}, {}, 10},      // one of them
      {{"are"}, {}, 10},          // Åre
      {{"ARE"}, {}, 20},          // Åre and the Emirates (Dubai)
      {{"eastern  africa"}, {}, 10},
      {{"Nairobi", "Kyiv"}, {}, 20},
      {{"Nairobi"}, {{"from", "2013-06"}}, 1},
      {{"KEN"}, {{"actor", "JPN"}, {"order", "desc"}}, 1},
      {{"Springfield"}, {{"status", "negated"}, {"status", "planned"}}, 1},
      {{"Kyiv"}, {{"to", "2012"}, {"within", "true"}}, 1},
      {{"Kiew"}, {}, 10},    // Kyiv's German name (gazetteer)
      {{"Wien"}, {}, 10},    // Vienna, stored without an id
      {{"Vienne"}, {}, 10},  // and in French
      {{"nowhere"}, {}, 0},
      {{"999999999"}, {}, 0},
  };
  for (const Case& c : cases) {
    Params p = c.rest;
    for (const auto& v : c.places) p.emplace("place", v);
    std::string describe;
    for (const auto& [k, v] : p) describe += k + "=" + v + " ";
    INFO(describe);
    Query with = ParseQuery(p).value();
    Query without = ParseQuery(c.rest).value();
    std::vector<std::string> want;
    for (const auto& line : AllEvents(*store, without))
      if (RefNames(EventFromJsonText(line).value(), c.places))
        want.push_back(line);
    CHECK(AllEvents(*store, with) == want);
    CHECK(want.size() >= c.at_least);
    // Pages and totals: small pages, the total of every match.
    with.limit = 3;
    auto first = RunEvents(*store, with);
    REQUIRE(first.ok());
    CHECK(first->total.value() == want.size());

    // Counts (of the events starting in the range, status occurred unless
    // given): scanned, the same events counted, per month and per place.
    Params cp = p;
    cp.erase("order");
    cp.emplace("by", "month");
    auto counts = RunCounts(*store, ParseCountsQuery(cp).value());
    REQUIRE(counts.ok());
    CHECK_FALSE(counts->from_counters);
    const CountsQuery counted_q = ParseCountsQuery(cp).value();
    Query counted = counted_q.filter;
    counted.places.clear();
    if (counted.statuses.empty()) counted.statuses = {EventStatus::kOccurred};
    uint64_t n = 0, ref = 0;
    std::map<std::string, std::pair<Place, uint64_t>> tally;
    for (const auto& line : AllEvents(*store, counted)) {
      Event e = EventFromJsonText(line).value();
      if (counted.from && e.date.start < *counted.from) continue;
      if (counted.to && e.date.start > *counted.to) continue;
      if (counted.within && counted.to && e.date.end > *counted.to) continue;
      if (!RefNames(e, c.places)) continue;
      ++ref;
      auto [it, fresh] = tally.try_emplace(RefKey(*e.location), *e.location, 0);
      ++it->second.second;
    }
    for (const auto& r : counts->rows) n += r.count;
    CHECK(n == ref);

    cp.erase("by");
    cp.emplace("by", "place");
    auto by_place = RunCounts(*store, ParseCountsQuery(cp).value());
    REQUIRE(by_place.ok());
    REQUIRE(by_place->by_place);
    const Json body = Json::parse(CountsBody(*by_place));
    REQUIRE(body["data"].size() == tally.size());
    uint64_t total = 0, last = UINT64_MAX;
    for (const auto& row : body["data"]) {
      INFO(row.dump());
      auto it = tally.find(RowKey(row));
      REQUIRE(it != tally.end());
      const auto& [place, count] = it->second;
      CHECK(row["count"] == count);
      CHECK(row["name"] == place.name);
      CHECK(row["country"] == place.country);
      CHECK(row["lat"] == (place.lat ? Json(*place.lat) : Json(nullptr)));
      CHECK(row["lon"] == (place.lon ? Json(*place.lon) : Json(nullptr)));
      CHECK(row["count"].get<uint64_t>() <= last);  // largest first
      last = row["count"].get<uint64_t>();
      total += last;
    }
    CHECK(body["meta"]["total"] == total);
    CHECK(total == ref);
    CHECK(Json::parse(CountsRows(*by_place)) == body["data"]);
  }
}

TEST_CASE("place filter: parameters name what is wrong") {
  auto empty = ParseQuery(Params{{"place", " "}});
  REQUIRE_FALSE(empty.ok());
  CHECK(ErrorParameter(empty.status()) == "place");
  CHECK(ParseQuery(Params{{"place", "Kyiv"}, {"place", "Kyiv"}})
            .value()
            .places.size() == 1);
  auto grouped =
      ParseCountsQuery(Params{{"by", "place"}, {"group", "country"}});
  REQUIRE_FALSE(grouped.ok());
  CHECK(ErrorParameter(grouped.status()) == "group");
  auto by = ParseCountsQuery(Params{{"by", "places"}});
  REQUIRE_FALSE(by.ok());
  CHECK(ErrorParameter(by.status()) == "by");
  CHECK(ParseCountsQuery(Params{{"by", "place"}}).value().by_place);
}

TEST_CASE("place filter: the location of an event's JSON line") {
  Event e = EventGen(3).MakeEvent("e1", "a1");
  struct Case {
    std::string quote;
    std::optional<Place> location;
  };
  const std::vector<Case> cases = {
      {"plain", Places()[0]},
      // Keys and braces inside strings are text, not structure.
      {"a \"location\":{\"name\":\"Fake\"} in a quote", Places()[3]},
      {"braces } { and \\ backslashes", Places()[9]},
      {"no place", std::nullopt},
  };
  for (const auto& c : cases) {
    INFO(c.quote);
    // In a field before the location (the actor's text) and after it.
    e.actors[0].text = c.quote;
    e.summary = c.quote;
    e.sources[0].quote = c.quote;
    e.location = c.location;
    CHECK(LocationOf(ToJsonLine(e)) == c.location);
  }
  CHECK_FALSE(LocationOf("{\"location\":{\"name\":").has_value());
  CHECK_FALSE(LocationOf("not json").has_value());
}

}  // namespace
}  // namespace geotl::timeline
