// The store's dedup integration (docs/dedup.md, "What the store must do"):
// merged events written with the article, tombstones, order independence,
// deletes and re-ingests taking evidence out, and incremental writes equal to
// a store built in one go.
#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <map>
#include <random>

#include "core/event_json.h"
#include "store/rocks_store.h"
#include "store/store.h"
#include "tests/store/store_dump.h"
#include "tests/store/test_util.h"

using namespace geotl::core;
using namespace geotl::store;

namespace geotl {
namespace {

using testing::EventGen;
using testing::TempDir;

std::unique_ptr<Store> OpenDedup(const std::string& path) {
  StoreOptions o;
  o.dedup = true;
  auto r = Store::Open(path, o);
  REQUIRE(r.ok());
  return std::move(r).value();
}

Actor Country(const std::string& c) {
  Actor a;
  a.text = a.name = a.code = a.country = c;
  a.kind = ActorKind::kCountry;
  return a;
}

// One report of a RUS-JPN meeting in Tokyo on `day` from `article`.
Event Report(const std::string& id, const std::string& article, int day,
             const std::string& publisher, const std::string& quote,
             const std::string& published = "2013-11-04") {
  Event e;
  e.id = id;
  e.type = "CONSULT";
  e.cameo = "04";
  e.quad = "verbal_cooperation";
  e.label = "meeting";
  e.date = DateRange::Day(Date(2013, 11, day));
  e.actors = {Country("RUS")};
  e.recipients = {Country("JPN")};
  Place p;
  p.text = p.name = "Tokyo";
  p.country = "JPN";
  p.lat = 35.6895;
  p.lon = 139.6917;
  p.precision = PlacePrecision::kCity;
  p.regions = {"142", "030"};
  e.location = p;
  e.summary = "Russia and Japan met in Tokyo";
  e.language = "en";
  e.confidence = 0.7;
  e.sources.push_back({article, "", publisher, published, 1, 10, 60, quote});
  e.first_reported = published;
  return e;
}

Article Art(const std::string& id) {
  Article a;
  a.id = id;
  a.text = "text of " + id;
  a.published = Date(2013, 11, 4);
  return a;
}

// Everything a reader can see: visible events in date order, the GetEvent
// answer for every id ever used, and the stats.
std::string Dump(const Store& s, const std::vector<std::string>& ids) {
  return testing::VisibleEvents(s, ids) + testing::StatsLine(s);
}

using testing::Problems;

struct Meeting {
  std::vector<std::pair<Article, std::vector<Event>>> articles = {
      {Art("a1"),
       {Report("e-3", "a1", 2, "Rheinpost", "Lawrow traf Kishida.")}},
      {Art("a2"),
       {Report("e-1", "a2", 2, "Agence",
               "Russia and Japan held talks today.")}},
      {Art("a3"),
       {Report("e-2", "a3", 3, "Courier",
               "Russia and Japan held talks today in Tokyo.", "2013-11-03")}},
      {Art("a4"),  // a week later: another meeting
       {Report("e-4", "a4", 10, "Courier", "They met again.")}},
  };
  std::vector<std::string> ids = {"e-1", "e-2", "e-3", "e-4"};
};

TEST_CASE("dedup store: several reports of one meeting are one event") {
  TempDir dir;
  auto s = OpenDedup(dir.Sub("db"));
  Meeting m;
  for (const auto& [a, evs] : m.articles) REQUIRE(s->PutArticle(a, evs).ok());
  auto st = s->Stats().value();
  CHECK(st.articles == 4);
  CHECK(st.events == 2);
  auto merged = s->GetEvent("e-1").value();
  REQUIRE(merged);
  CHECK(merged->merged_into.empty());
  CHECK(merged->sources.size() == 3);
  CHECK(merged->n_sources == 3);
  CHECK(merged->n_publishers == 3);
  CHECK(merged->first_reported == "2013-11-03");
  for (const char* id : {"e-2", "e-3"}) {
    auto t = s->GetEvent(id).value();
    REQUIRE(t);
    CHECK(t->merged_into == "e-1");
    CHECK(t->sources.size() == 1);  // its own coded record
  }
  auto other = s->GetEvent("e-4").value();
  REQUIRE(other);
  CHECK(other->n_sources == 1);
  CHECK(Problems(*s).empty());
}

TEST_CASE("dedup store: every ingest order gives the identical store") {
  Meeting m;
  std::vector<size_t> order = {0, 1, 2, 3};
  std::string first;
  int n = 0;
  do {
    TempDir dir;
    auto s = OpenDedup(dir.Sub("db"));
    for (size_t i : order)
      REQUIRE(s->PutArticle(m.articles[i].first, m.articles[i].second).ok());
    std::string d = Dump(*s, m.ids);
    if (first.empty()) first = d;
    CHECK(d == first);
    CHECK(Problems(*s).empty());
    ++n;
  } while (std::next_permutation(order.begin(), order.end()));
  CHECK(n == 24);
}

TEST_CASE("dedup store: deleting an article takes out only its evidence") {
  Meeting m;
  TempDir dir;
  auto s = OpenDedup(dir.Sub("db"));
  for (const auto& [a, evs] : m.articles) REQUIRE(s->PutArticle(a, evs).ok());
  REQUIRE(s->DeleteArticle("a2").ok());  // holds e-1, the merged id
  auto merged = s->GetEvent("e-2").value();
  REQUIRE(merged);
  CHECK(merged->merged_into.empty());
  CHECK(merged->n_sources == 2);
  CHECK(s->GetEvent("e-3").value()->merged_into == "e-2");
  CHECK_FALSE(s->GetEvent("e-1").value().has_value());
  CHECK(s->Stats().value().events == 2);
  CHECK(Problems(*s).empty());
  // Same as never having ingested a2.
  TempDir dir2;
  auto ref = OpenDedup(dir2.Sub("db"));
  for (const auto& [a, evs] : m.articles)
    if (a.id != "a2") REQUIRE(ref->PutArticle(a, evs).ok());
  CHECK(Dump(*s, m.ids) == Dump(*ref, m.ids));
  // Down to nothing.
  for (const char* a : {"a1", "a3", "a4"}) REQUIRE(s->DeleteArticle(a).ok());
  CHECK(s->Stats().value().events == 0);
  for (const auto& id : m.ids) CHECK_FALSE(s->GetEvent(id).value());
  CHECK(Problems(*s).empty());
}

TEST_CASE("dedup store: re-ingesting an article replaces its evidence") {
  Meeting m;
  TempDir dir;
  auto s = OpenDedup(dir.Sub("db"));
  for (const auto& [a, evs] : m.articles) REQUIRE(s->PutArticle(a, evs).ok());
  // a3 now reports the meeting of the 10th: it leaves e-1 and joins e-4.
  Article a3 = Art("a3");
  a3.text += " (corrected)";
  REQUIRE(s->PutArticle(a3, {Report("e-2", "a3", 10, "Courier", "Corrected.")})
              .ok());
  CHECK(s->GetEvent("e-1").value()->n_sources == 2);
  CHECK(s->GetEvent("e-2").value()->n_sources == 2);  // e-2 < e-4 takes over
  CHECK(s->GetEvent("e-4").value()->merged_into == "e-2");
  CHECK(Problems(*s).empty());
}

// A STATEMENT without actors on 2016-01-15 from `article`, in `town` if
// given (docs/dedup.md: such reports merge across articles only in one town).
Event Unattributed(const std::string& id, const std::string& article,
                   const std::string& town = "") {
  Event e;
  e.id = id;
  e.type = "STATEMENT";
  e.cameo = "01";
  e.quad = "verbal_cooperation";
  e.label = "statement";
  e.date = DateRange::Day(Date(2016, 1, 15), Precision::kApproximate);
  if (!town.empty()) {
    Place p;
    p.text = p.name = town;
    p.country = "GRC";
    p.lat = town == "Athens" ? 37.9838 : 37.9429;
    p.lon = town == "Athens" ? 23.7275 : 23.6470;
    p.precision = PlacePrecision::kCity;
    p.regions = {"039", "150"};
    e.location = p;
  }
  e.summary = "It was said";
  e.language = "de";
  e.sources.push_back(
      {article, "", "P-" + article, "2016-01-15", 1, 0, 20, "Es hieß."});
  e.first_reported = "2016-01-15";
  return e;
}

TEST_CASE(
    "dedup store: reports without actors merge within an article or a town, "
    "in every order") {
  const std::vector<std::pair<Article, std::vector<Event>>> articles = {
      {Art("b1"), {Unattributed("e-11", "b1"), Unattributed("e-12", "b1")}},
      {Art("b2"),
       {Unattributed("e-21", "b2"), Unattributed("e-22", "b2", "Athens")}},
      {Art("b3"), {Unattributed("e-31", "b3", "Athens")}},
      {Art("b4"),
       {Unattributed("e-41", "b4", "Piraeus"), Unattributed("e-42", "b4")}},
  };
  const std::vector<std::string> ids = {"e-11", "e-12", "e-21", "e-22",
                                        "e-31", "e-41", "e-42"};
  std::vector<size_t> order = {0, 1, 2, 3};
  std::string first;
  do {
    TempDir dir;
    auto s = OpenDedup(dir.Sub("db"));
    for (size_t i : order)
      REQUIRE(s->PutArticle(articles[i].first, articles[i].second).ok());
    std::string d = Dump(*s, ids);
    if (first.empty()) {
      first = d;
      // One article's reports merge (b1's two, b4's Piraeus and unplaced
      // one), and so do the two from Athens; b2's unplaced report, which
      // fits its own article's Athens report but not b3's, stays alone.
      CHECK(s->Stats().value().events == 4);
      CHECK(s->GetEvent("e-12").value()->merged_into == "e-11");
      CHECK(s->GetEvent("e-42").value()->merged_into == "e-41");
      CHECK(s->GetEvent("e-31").value()->merged_into == "e-22");
      auto athens = s->GetEvent("e-22").value();
      REQUIRE(athens);
      CHECK(athens->n_sources == 2);
      REQUIRE(athens->location);
      CHECK(athens->location->name == "Athens");
      CHECK(s->GetEvent("e-21").value()->merged_into.empty());
      CHECK(s->GetEvent("e-21").value()->n_sources == 1);
      CHECK(s->GetEvent("e-41").value()->n_sources == 1);
    }
    CHECK(d == first);
    CHECK(Problems(*s).empty());
  } while (std::next_permutation(order.begin(), order.end()));
}

// Random articles (with merges: the generator's skewed actors and coarse
// dates collide often), random deletes and re-ingests: the store must equal
// one built from the surviving articles in another order.
TEST_CASE("dedup store: incremental writes equal a fresh build") {
  TempDir dir;
  auto s = OpenDedup(dir.Sub("db"));
  EventGen gen(91);
  std::map<std::string, std::pair<Article, std::vector<Event>>> live;
  std::vector<std::string> ids;
  int next_event = 0;
  for (int i = 0; i < 400; ++i) {
    int op = gen.Uniform(0, 9);
    if (op == 0 && !live.empty()) {  // delete
      auto it = std::next(live.begin(), gen.Uniform(0, int(live.size()) - 1));
      REQUIRE(s->DeleteArticle(it->first).ok());
      live.erase(it);
      continue;
    }
    std::string aid =
        op == 1 && !live.empty()
            ? std::next(live.begin(), gen.Uniform(0, int(live.size()) - 1))
                  ->first  // re-ingest with new content
            : "a" + std::to_string(i);
    Article a = gen.MakeArticle(aid);
    a.text += std::to_string(i);
    std::vector<Event> evs;
    int n = gen.Uniform(0, 3);
    for (int k = 0; k < n; ++k) {
      std::string id = "e" + std::to_string(next_event++);
      ids.push_back(id);
      Event e = gen.MakeEvent(id, aid);
      // Fewer countries and types than the generator: many merges.
      e.type = k % 2 ? "CONSULT" : "ACCUSE";
      if (gen.Uniform(0, 3) == 0) {
        // No actors, dated on the publication day: these merge only within
        // one article or in one town (two spots of Berlin 0.7 km apart, not
        // Potsdam 26 km away).
        e.actors.clear();
        e.recipients.clear();
        e.date = DateRange::Day(Date(2016, 1, 1), Precision::kApproximate);
        int where = gen.Uniform(0, 3);
        if (where == 0 || !e.location) {
          e.location.reset();
        } else {
          e.location->name = e.location->text =
              where < 3 ? "Berlin" : "Potsdam";
          e.location->country = "DEU";
          e.location->lat = where < 3 ? 52.52 : 52.40;
          e.location->lon = where == 1 ? 13.40 : where == 2 ? 13.41 : 13.06;
          e.location->regions = testing::TestRegions("DEU");
        }
      }
      evs.push_back(e);
    }
    REQUIRE(s->PutArticle(a, evs).ok());
    live[aid] = {a, evs};
  }
  auto st = s->Stats().value();
  size_t coded = 0;
  for (const auto& [id, ae] : live) coded += ae.second.size();
  INFO("visible " << st.events << " of " << coded << " coded");
  CHECK(st.events < coded);  // something merged
  CHECK(Problems(*s).empty());
  TempDir dir2;
  auto ref = OpenDedup(dir2.Sub("db"));
  std::vector<std::string> keys;
  for (const auto& [k, v] : live) keys.push_back(k);
  std::shuffle(keys.begin(), keys.end(), std::mt19937(5));
  for (const auto& k : keys)
    REQUIRE(ref->PutArticle(live[k].first, live[k].second).ok());
  CHECK(Dump(*s, ids) == Dump(*ref, ids));
}

TEST_CASE("dedup store: dedup=false stores every coded event as it is") {
  TempDir dir;
  StoreOptions o;
  o.dedup = false;
  auto s = Store::Open(dir.Sub("db"), o).value();
  Meeting m;
  for (const auto& [a, evs] : m.articles) REQUIRE(s->PutArticle(a, evs).ok());
  CHECK(s->Stats().value().events == 4);
  CHECK(s->GetEvent("e-2").value()->merged_into.empty());
  CHECK(s->Check().value().empty());
}

}  // namespace
}  // namespace geotl

namespace geotl {
namespace {

// Throughput of PutArticle with and without dedup (docs/dedup.md,
// "Cost"). Hidden: run with `geotl_store_tests "[.bench]"`; prints JSON.
double ArticlesPerSecond(bool dedup, int copies, int articles) {
  TempDir dir;
  StoreOptions o;
  o.dedup = dedup;
  auto s = Store::Open(dir.Sub("db"), o).value();
  EventGen gen(2024);
  std::vector<std::pair<Article, std::vector<Event>>> work;
  for (int i = 0; i < articles; ++i) {
    std::vector<Event> evs;
    int n = gen.Uniform(1, 3);
    for (int k = 0; k < n; ++k)
      evs.push_back(gen.MakeEvent(
          "e" + std::to_string(i) + "-" + std::to_string(k), "a"));
    // `copies` outlets report each article's events.
    for (int c = 0; c < copies; ++c) {
      std::string aid = "a" + std::to_string(i) + "-" + std::to_string(c);
      std::vector<Event> copy = evs;
      for (auto& e : copy) {
        e.id += "-" + std::to_string(c);
        e.sources[0].article = aid;
        e.sources[0].publisher = "pub" + std::to_string(c);
      }
      work.emplace_back(gen.MakeArticle(aid), std::move(copy));
    }
  }
  std::shuffle(work.begin(), work.end(), std::mt19937(7));
  auto t0 = std::chrono::steady_clock::now();
  for (const auto& [a, evs] : work) REQUIRE(s->PutArticle(a, evs).ok());
  double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0)
          .count();
  return double(work.size()) / secs;
}

TEST_CASE("dedup store: ingest throughput with and without dedup", "[.bench]") {
  for (int copies : {1, 10}) {
    int articles = 20000 / copies;
    double off = ArticlesPerSecond(false, copies, articles);
    double on = ArticlesPerSecond(true, copies, articles);
    std::printf(
        "{\"dedup_bench\":{\"articles\":%d,\"reports_per_event\":%d,"
        "\"articles_per_s_without\":%.0f,\"articles_per_s_with\":%.0f,"
        "\"ratio\":%.2f}}\n",
        articles * copies, copies, off, on, on / off);
  }
}

}  // namespace
}  // namespace geotl
