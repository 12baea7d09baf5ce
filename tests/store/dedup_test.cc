#include "store/dedup.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <map>
#include <random>
#include <set>

#include "tests/fixtures.h"

using namespace geotl;
using namespace geotl::testing;
using namespace geotl::core;
using namespace geotl::store;

namespace {

Actor C(const std::string& c) { return {c, c, c, c, "", ActorKind::kCountry}; }

Place City(const std::string& name, const std::string& country, double lat,
           double lon) {
  Place p;
  p.text = p.name = name;
  p.country = country;
  p.lat = lat;
  p.lon = lon;
  p.precision = PlacePrecision::kCity;
  return p;
}

Event Ev(const std::string& id, const std::string& type, DateRange d,
         std::vector<Actor> actors, std::vector<Actor> recipients,
         const std::string& article, const std::string& publisher,
         const std::string& published, const std::string& quote) {
  Event e;
  e.id = id;
  e.type = type;
  e.label = "x";
  e.date = d;
  e.actors = std::move(actors);
  e.recipients = std::move(recipients);
  e.sources.push_back({article, "", publisher, published, 1, 0, 10, quote});
  e.first_reported = published;
  return e;
}

DateRange Day(int y, int m, int d, Precision p = Precision::kExact) {
  return DateRange::Day(Date(y, m, d), p);
}

std::string Dump(const DedupResult& r) {
  std::string s;
  for (const auto& e : r.events) s += ToJsonLine(e) + "\n";
  for (const auto& t : r.tombstones) s += t.id + " -> " + t.merged_into + "\n";
  return s;
}

// Deduplicate gives `want` for `rounds` random orders of `v` (seeded).
void CheckAnyOrder(std::vector<Event> v, const std::string& want, unsigned seed,
                   int rounds) {
  std::mt19937 rng(seed);
  for (int k = 0; k < rounds; ++k) {
    std::shuffle(v.begin(), v.end(), rng);
    REQUIRE(Dump(Deduplicate(v)) == want);
  }
}

// A neighbourhood with merges, near misses and wire copies.
std::vector<Event> Scenario() {
  const std::string q1 =
      "Germany and France held talks in Paris on Tuesday about energy";
  std::vector<Event> v = {
      Ev("e-05", "CONSULT", Day(2024, 3, 12), {C("DEU"), C("FRA")}, {}, "a1",
         "Agence", "2024-03-12", q1),
      Ev("e-02", "CONSULT", Day(2024, 3, 12), {C("FRA")}, {C("DEU")}, "a2",
         "Daily", "2024-03-12", q1),  // wire copy, roles swapped
      Ev("e-09", "CONSULT", Day(2024, 3, 13, Precision::kUnresolved),
         {C("DEU"), C("FRA")}, {}, "a3", "Courier", "2024-03-13",
         "The ministers met."),
      Ev("e-07", "CONSULT", Day(2024, 3, 19), {C("DEU"), C("FRA")}, {}, "a4",
         "Courier", "2024-03-20", "Second meeting in Berlin."),
      Ev("e-01", "CONSULT", Day(2024, 3, 12), {C("DEU"), C("POL")}, {}, "a5",
         "Daily", "2024-03-12", "Germany and Poland."),
      Ev("e-03", "ACCUSE", Day(2024, 3, 12), {C("IND")}, {C("PAK")}, "a6",
         "Daily", "2024-03-13", "India accused Pakistan."),
      Ev("e-04", "ACCUSE", Day(2024, 3, 12), {C("PAK")}, {C("IND")}, "a7",
         "Nord", "2024-03-13", "Pakistan accused India."),
      Ev("e-08", "ACCUSE", Day(2024, 3, 11), {C("IND")}, {C("PAK")}, "a8",
         "Nord", "2024-03-13", "Indien kritisiert Pakistan."),
  };
  v[0].location = City("Paris", "FRA", 48.8534, 2.3488);
  v[1].location = City("Paris", "FRA", 48.85, 2.35);
  v[3].location = City("Berlin", "DEU", 52.52, 13.40);
  v[0].confidence = 0.9;
  return v;
}

}  // namespace

TEST_CASE("the pairwise rule: type, actor set, place, date window",
          "[knowledge][dedup]") {
  auto v = Scenario();
  CHECK(SameEvent(v[0], v[1]));        // symmetric type: roles may differ
  CHECK(SameEvent(v[0], v[2]));        // unresolved date within the window
  CHECK_FALSE(SameEvent(v[0], v[3]));  // a week later
  CHECK_FALSE(SameEvent(v[0], v[4]));  // other actors
  CHECK_FALSE(SameEvent(v[5], v[6]));  // directed type: direction matters
  CHECK(SameEvent(v[5], v[7]));        // exact dates one day apart
  Event far = v[0];
  far.location = City("Lyon", "FRA", 45.75, 4.85);
  CHECK_FALSE(SameEvent(v[0], far));
  Event other_country = v[0];
  other_country.location = City("Paris", "USA", 33.66, -95.55);
  CHECK_FALSE(SameEvent(v[0], other_country));
  Event year = v[0];
  year.date = DateRange::Year(2024);
  CHECK_FALSE(SameEvent(v[0], year));  // a vague year swallows nothing
  Event planned = v[0];
  planned.status = EventStatus::kPlanned;
  CHECK_FALSE(SameEvent(v[0], planned));
}

namespace {

Place Town(const std::string& name, const std::string& country,
           std::optional<double> lat = std::nullopt,
           std::optional<double> lon = std::nullopt) {
  Place p;
  p.text = p.name = name;
  p.country = country;
  p.lat = lat;
  p.lon = lon;
  p.precision = PlacePrecision::kCity;
  return p;
}

Place Area(const std::string& name, const std::string& country,
           PlacePrecision precision) {
  Place p;
  p.text = p.name = name;
  p.country = country;
  p.precision = precision;
  if (precision == PlacePrecision::kAdmin1) p.admin1 = name;
  return p;
}

// A STATEMENT on the publication day (the coder's fallback for an undated
// report) from `article`, without actors unless `actor` is given.
Event Said(const std::string& id, const std::string& article,
           std::optional<Place> place, std::vector<Actor> actors = {}) {
  Event e = Ev(id, "STATEMENT", Day(2016, 1, 15, Precision::kApproximate),
               std::move(actors), {}, article, "P-" + article, "2016-01-15",
               "Es hieß, man werde reagieren.");
  e.location = std::move(place);
  return e;
}

const Place kAthens = Town("Athens", "GRC", 37.9838, 23.7275);
const Place kAthensToo = Town("Athens", "GRC", 37.99, 23.73);     // 0.7 km
const Place kPiraeus = Town("Piraeus", "GRC", 37.9429, 23.6470);  // 8 km
const Place kAthensByName = Town("Athens", "GRC");
const Place kAthensGeorgia = Town("Athens", "USA");
const Place kAttica = Area("Attica", "GRC", PlacePrecision::kAdmin1);
const Place kGreece = Area("Greece", "GRC", PlacePrecision::kCountry);
const Place kBerlin = Town("Berlin", "DEU", 52.52, 13.40);

}  // namespace

TEST_CASE("events without actors merge across articles only in one town",
          "[knowledge][dedup]") {
  struct Case {
    const char* what;
    std::optional<Place> a, b;
    bool one_article;
    bool want;
  };
  const std::optional<Place> none;
  const Case cases[] = {
      {"no place, two articles", none, none, false, false},
      {"no place, one article", none, none, true, true},
      {"one names Athens, the other nothing", kAthens, none, false, false},
      {"Athens twice", kAthens, kAthensToo, false, true},
      {"Athens and Piraeus, 8 km apart", kAthens, kPiraeus, false, false},
      {"one town by name and country", kAthensByName, kAthensByName, false,
       true},
      {"coordinates on one side only: the name decides", kAthens, kAthensByName,
       false, true},
      {"one name in two countries", kAthensByName, kAthensGeorgia, false,
       false},
      {"an admin1 is not a town", kAttica, kAttica, false, false},
      {"a country is not a town", kGreece, kGreece, false, false},
      {"a town and its country", kAthens, kGreece, false, false},
      {"one article, two towns nearby", kAthens, kPiraeus, true, true},
      {"one article, two countries", kAthens, kBerlin, true, false},
  };
  for (const auto& c : cases) {
    INFO(c.what);
    Event a = Said("e-a", "a1", c.a);
    Event b = Said("e-b", c.one_article ? "a1" : "a2", c.b);
    CHECK(SameEvent(a, b) == c.want);
    CHECK(SameEvent(b, a) == c.want);
    CHECK(ClusterEvents({a, b}).size() == (c.want ? 1u : 2u));
  }
}

TEST_CASE("events with actors keep the rule: any compatible place",
          "[knowledge][dedup]") {
  struct Case {
    const char* what;
    std::optional<Place> a, b;
    bool want;
  };
  const std::optional<Place> none;
  const Case cases[] = {
      {"no place, two articles", none, none, true},
      {"one names Athens, the other nothing", kAthens, none, true},
      {"Athens and Piraeus, within 60 km", kAthens, kPiraeus, true},
      {"a town and its country", kAthens, kGreece, true},
      {"two countries", kAthens, kBerlin, false},
  };
  Actor party_without_country;  // a group the lexicon knows by name only
  party_without_country.text = party_without_country.name = "Frontex";
  party_without_country.kind = ActorKind::kOrganization;
  for (const auto& c : cases) {
    for (const Actor& actor : {C("GRC"), party_without_country}) {
      INFO(c.what << " (actor " << actor.name << ")");
      Event a = Said("e-a", "a1", c.a, {actor});
      Event b = Said("e-b", "a2", c.b, {actor});
      CHECK(SameEvent(a, b) == c.want);
      CHECK(SameEvent(b, a) == c.want);
    }
  }
}

// What broke: 514 unrelated articles given one publication day made one
// STATEMENT of 100 sentences from 100 articles, placed in Athens because one
// of them named it.
TEST_CASE("regression: undated statements without actors stay one per article",
          "[knowledge][dedup]") {
  std::vector<Event> v;
  for (int i = 0; i < 100; ++i) {
    std::string n = std::to_string(100 + i);
    v.push_back(Said("e-" + n, "a" + n,
                     i == 42 ? std::optional(kAthens) : std::nullopt));
  }
  // Three reports from Athens, one of them without coordinates.
  v.push_back(Said("e-901", "a901", kAthensToo));
  v.push_back(Said("e-902", "a902", kAthensByName));
  v.push_back(Said("e-903", "a903", kAthens));
  auto r = Deduplicate(v);
  REQUIRE(r.events.size() == 100);
  int placed = 0;
  for (const auto& e : r.events) {
    if (e.id == "e-142") {  // joined by the three from Athens
      CHECK(e.n_sources == 4);
      REQUIRE(e.location);
      CHECK(e.location->name == "Athens");
      CHECK(e.location->lat);
    } else {
      CHECK(e.n_sources == 1);
    }
    placed += e.location.has_value();
  }
  CHECK(placed == 1);
  // The partition depends on the set only.
  CheckAnyOrder(v, Dump(r), 11, 20);
}

TEST_CASE("the merged place is one every placed member agrees with",
          "[knowledge][dedup]") {
  const Place paris = City("Paris", "FRA", 48.8534, 2.3488);
  const Place lyon = City("Lyon", "FRA", 45.75, 4.85);
  Place paris_idf = paris;
  paris_idf.admin1 = "Ile-de-France";
  const Place idf = Area("Ile-de-France", "FRA", PlacePrecision::kAdmin1);
  const Place france = Area("France", "FRA", PlacePrecision::kCountry);
  struct Case {
    const char* what;
    std::vector<std::optional<Place>> places;
    std::optional<std::string> want;  // name; nullopt = no place
    PlacePrecision precision = PlacePrecision::kCity;
  };
  const std::optional<Place> none;
  const Case cases[] = {
      {"nobody names a place", {none, none}, std::nullopt},
      {"members without a place do not object", {none, paris, none}, "Paris"},
      {"the most precise of compatible places", {france, none, paris}, "Paris"},
      {"a town inside the named admin1", {idf, paris_idf}, "Paris"},
      // Not one cluster (MergeEvents called directly): the common country.
      {"two towns: the country a member names",
       {paris, france, lyon},
       "France",
       PlacePrecision::kCountry},
      {"two towns and no country: the common country by its code",
       {paris, lyon},
       "FRA",
       PlacePrecision::kCountry},
      {"two countries: none", {paris, kBerlin}, std::nullopt},
  };
  for (const auto& c : cases) {
    INFO(c.what);
    std::vector<Event> members;
    for (size_t i = 0; i < c.places.size(); ++i) {
      members.push_back(Ev("e-" + std::to_string(i), "CONSULT",
                           Day(2024, 3, 12), {C("DEU"), C("FRA")}, {},
                           "a" + std::to_string(i), "P", "2024-03-12", "q"));
      members.back().location = c.places[i];
    }
    for (int turn = 0; turn < 2; ++turn) {  // in either order
      Event m = MergeEvents(members);
      if (!c.want) {
        CHECK_FALSE(m.location);
      } else {
        REQUIRE(m.location);
        CHECK(m.location->name == *c.want);
        CHECK(m.location->precision == c.precision);
        CHECK(m.location->country == "FRA");
      }
      std::reverse(members.begin(), members.end());
    }
  }
}

TEST_CASE("wire copies are near-identical quotes", "[knowledge][dedup]") {
  CHECK(WireCopies("Germany and France held talks in Paris on Tuesday.",
                   "Germany and France held talks in Paris on Tuesday"));
  CHECK(WireCopies(
      "Germany and France held talks in Paris on Tuesday about energy.",
      "PARIS - Germany and France held talks in Paris on Tuesday about "
      "energy"));
  CHECK_FALSE(
      WireCopies("Germany and France held talks in Paris on Tuesday.",
                 "The foreign ministers of France and Germany met in Paris."));
  CHECK_FALSE(WireCopies("", ""));
}

TEST_CASE("merging keeps every source, counts publishers and picks precision",
          "[knowledge][dedup]") {
  DedupResult r = Deduplicate(Scenario());
  // e-02, e-05, e-09 -> e-02; e-03 + e-08 -> e-03; the rest alone.
  REQUIRE(r.events.size() == 5);
  const Event& m = r.events[1];
  REQUIRE(m.id == "e-02");
  CHECK(m.sources.size() == 3);
  CHECK(m.n_sources == 3);
  CHECK(m.n_publishers == 2);  // Agence and Daily carry one wire story
  CHECK(m.first_reported == "2024-03-12");
  CHECK(m.date.precision == Precision::kExact);
  CHECK(m.date.start == Date(2024, 3, 12));
  REQUIRE(m.location);
  CHECK(m.location->name == "Paris");
  CHECK(m.confidence == Approx(0.9));
  CHECK(m.merged_into.empty());
  std::vector<Tombstone> want = {
      {"e-05", "e-02"}, {"e-08", "e-03"}, {"e-09", "e-02"}};
  CHECK(r.tombstones == want);
  const Event& acc = r.events[2];
  CHECK(acc.id == "e-03");
  CHECK(acc.n_sources == 2);
  CHECK(acc.n_publishers == 2);
}

TEST_CASE("same inputs in any order give identical output",
          "[knowledge][dedup]") {
  auto v = Scenario();
  std::string want = Dump(Deduplicate(v));
  // Every permutation of the first 7 events (5,040), the 8th appended.
  std::vector<size_t> idx(7);
  for (size_t i = 0; i < idx.size(); ++i) idx[i] = i;
  size_t n = 0;
  do {
    std::vector<Event> w;
    for (size_t i : idx) w.push_back(v[i]);
    w.push_back(v[7]);
    REQUIRE(Dump(Deduplicate(w)) == want);
    ++n;
  } while (std::next_permutation(idx.begin(), idx.end()));
  CHECK(n == 5040);
  // Random orders of all 8 with shuffled sources inside events too.
  CheckAnyOrder(v, want, 7, 500);
}

TEST_CASE("complete linkage does not chain events a window apart",
          "[knowledge][dedup]") {
  std::vector<Event> v;
  for (int d = 1; d <= 9; d += 2)
    v.push_back(Ev("e-" + std::to_string(d), "PROTEST",
                   Day(2024, 5, d, Precision::kApproximate), {C("FRA")}, {},
                   "a" + std::to_string(d), "P" + std::to_string(d),
                   "2024-05-10", "q"));
  auto r = Deduplicate(v);
  // Each approximate date matches its neighbours (3-day window) but a cluster
  // never spans more than the window.
  for (const auto& e : r.events) {
    REQUIRE(!e.sources.empty());
    CHECK(e.n_sources <= 2);
  }
  CHECK(r.events.size() == 3);
}

TEST_CASE("reversible: removing an article's evidence restores the rest",
          "[knowledge][dedup]") {
  auto v = Scenario();
  std::vector<Event> without;
  for (const auto& e : v)
    if (e.sources[0].article != "a2") without.push_back(e);
  auto r = Deduplicate(without);
  // e-05 now heads the Paris cluster; nothing of a2 remains.
  bool found = false;
  for (const auto& e : r.events) {
    for (const auto& s : e.sources) CHECK(s.article != "a2");
    if (e.id == "e-05") {
      found = true;
      CHECK(e.n_sources == 2);
      CHECK(e.n_publishers == 2);
    }
  }
  CHECK(found);
}

namespace {

struct Gold {
  std::string event, type;
  std::set<std::string> countries, articles;
  int n_publishers = 0;
};

std::set<std::string> Countries(const Event& e) {
  std::set<std::string> s;
  for (const auto& a : e.actors) s.insert(a.country);
  for (const auto& a : e.recipients) s.insert(a.country);
  return s;
}

}  // namespace

// The measurement of docs/dedup.md: the hypothetical test set through the
// real coder (`geotl extract`), clustered, compared pair by pair with gold.
TEST_CASE("merged-pair precision and recall on the hypothetical test set",
          "[knowledge][dedup][pipeline]") {
  namespace fs = std::filesystem;
  std::string dir = DataPath("dedup/articles");
  std::vector<std::string> txts;
  for (const auto& f : fs::directory_iterator(dir))
    if (f.path().extension() == ".txt") txts.push_back(f.path().string());
  std::sort(txts.begin(), txts.end());
  REQUIRE(txts.size() == 12);
  std::string in = TempPath("dedup_in.ndjson"),
              out = TempPath("dedup_out.ndjson");
  std::string ndjson;
  for (const auto& t : txts) {
    std::string side = t.substr(0, t.size() - 4) + ".json";
    Json j = Json::parse(ReadFile(side), nullptr, false);
    REQUIRE(!j.is_discarded());
    j["text"] = ReadFile(t);
    ndjson += j.dump() + "\n";
  }
  WriteFile(in, ndjson);
  std::string log;
  REQUIRE(Run(std::string(GEOTL_BINARY) + " extract < " + in + " > " + out,
              &log) == 0);
  std::vector<Event> events = ReadEvents(out);
  std::remove(in.c_str());
  std::remove(out.c_str());
  REQUIRE(events.size() >= 12);

  Json gj = Json::parse(ReadFile(DataPath("dedup/gold.json")), nullptr, false);
  REQUIRE(!gj.is_discarded());
  std::vector<Gold> gold;
  for (const auto& g : gj["events"]) {
    Gold x;
    x.event = g["event"];
    x.type = g["type"];
    for (const auto& c : g["countries"])
      x.countries.insert(c.get<std::string>());
    for (const auto& a : g["articles"]) x.articles.insert(a.get<std::string>());
    x.n_publishers = g["n_publishers"];
    gold.push_back(x);
  }
  // Gold label of each coded event: the gold event of its article with the
  // same type and countries; anything else is its own singleton.
  std::vector<std::string> label(events.size());
  std::map<std::string, int> covered;
  for (size_t i = 0; i < events.size(); ++i) {
    label[i] = "spurious:" + events[i].id;
    for (const auto& g : gold)
      if (g.articles.count(events[i].sources[0].article) &&
          g.type == events[i].type && g.countries == Countries(events[i])) {
        label[i] = g.event;
        ++covered[g.event];
      }
  }
  auto clusters = ClusterEvents(events);
  std::vector<int> cluster_of(events.size());
  for (size_t c = 0; c < clusters.size(); ++c)
    for (size_t i : clusters[c]) cluster_of[i] = static_cast<int>(c);
  int tp = 0, fp = 0, fn = 0;
  for (size_t i = 0; i < events.size(); ++i)
    for (size_t j = i + 1; j < events.size(); ++j) {
      bool pred = cluster_of[i] == cluster_of[j];
      bool truth = label[i] == label[j];
      tp += pred && truth;
      fp += pred && !truth;
      fn += !pred && truth;
    }
  int gold_pairs_all = 0, gold_reported = 0;
  for (const auto& g : gold) {
    int n = static_cast<int>(g.articles.size());
    gold_pairs_all += n * (n - 1) / 2;
    gold_reported += covered[g.event];
  }
  double precision = tp + fp ? double(tp) / (tp + fp) : 1.0;
  double recall = tp + fn ? double(tp) / (tp + fn) : 1.0;
  double end_to_end = gold_pairs_all ? double(tp) / gold_pairs_all : 1.0;
  // Independent-publisher counts of the merged gold events.
  DedupResult r = Deduplicate(events);
  int publishers_right = 0;
  for (const auto& g : gold)
    for (const auto& e : r.events)
      if (e.type == g.type && Countries(e) == g.countries &&
          g.articles.count(e.sources[0].article))
        publishers_right += e.n_publishers == g.n_publishers &&
                            e.n_sources == static_cast<int>(g.articles.size());
  std::printf(
      "{\"dedup_eval\":{\"coded_events\":%zu,\"gold_events\":%zu,"
      "\"coded_on_gold\":%d,\"true_pairs\":%d,\"false_pairs\":%d,"
      "\"missed_pairs\":%d,\"precision\":%.3f,\"recall\":%.3f,"
      "\"gold_pairs\":%d,\"end_to_end_recall\":%.3f,"
      "\"publisher_counts_right\":%d}}\n",
      events.size(), gold.size(), gold_reported, tp, fp, fn, precision, recall,
      gold_pairs_all, end_to_end, publishers_right);
  CHECK(precision >= 0.9);
  CHECK(recall >= 0.9);
}
