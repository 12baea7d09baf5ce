// Dedup on real, unrelated news (docs/dedup.md, "Measurement"): the German
// dev articles of ../shared/devsets/news (GEOTL_SHARED_DIR, read at test
// time, never copied) go through the reader, the coder and a fresh dedup
// store exactly as `geotl ingest --published 2016-01-15` sends them, so every
// article has the same publication day and every undated report falls on
// it. Every stored event with sources from several articles must then be one
// event: its members (the coded events merged into it) share the type, have
// overlapping dates and share an actor country or a town. Slow (it codes 486
// whole articles): run by scripts/test_slow.sh.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>

#include "ingest/coder.h"
#include "ingest/reader.h"
#include "store/dedup.h"
#include "store/rocks_store.h"
#include "store/store.h"
#include "tests/store/test_util.h"

using namespace geotl;
using namespace geotl::core;
using namespace geotl::store;
using namespace geotl::ingest;

namespace {

const char* const kDevset = "/devsets/news/10kgnad-dev.ndjson";
const char* const kPublished = "2016-01-15";

// The parties of an event at country level (a party without a country by
// its code, else its name).
std::set<std::string> Parties(const Event& e) {
  std::set<std::string> s;
  for (const auto* role : {&e.actors, &e.recipients})
    for (const auto& a : *role)
      s.insert(!a.country.empty() ? a.country
               : !a.code.empty()  ? a.code
                                  : a.name);
  s.erase("");
  return s;
}

// Ranges that overlap once widened by the rule's window (a date resolved to
// the day before the publication day is still the same day's report).
bool DatesOverlap(const DateRange& a, const DateRange& b) {
  boost::gregorian::date_duration w(DedupOptions{}.window_days);
  return a.start - w <= b.end && b.start - w <= a.end;
}

double Km(const Place& a, const Place& b) {
  constexpr double kRad = 3.14159265358979323846 / 180.0;
  double x = (*b.lon - *a.lon) * kRad * std::cos((*a.lat + *b.lat) / 2 * kRad);
  double y = (*b.lat - *a.lat) * kRad;
  return 6371.0 * std::sqrt(x * x + y * y);
}

bool SameTown(const std::optional<Place>& a, const std::optional<Place>& b) {
  if (!a || !b || a->precision != PlacePrecision::kCity ||
      b->precision != PlacePrecision::kCity || a->country != b->country)
    return false;
  if (a->lat && a->lon && b->lat && b->lon) return Km(*a, *b) <= 5.0;
  return a->name == b->name;
}

}  // namespace

TEST_CASE(
    "dedup on 486 unrelated German articles of one publication day: merged "
    "events share type, dates and an actor country or a town",
    "[.slow][knowledge][dedup]") {
  const std::string path = std::string(GEOTL_SHARED_DIR) + kDevset;
  if (!std::filesystem::exists(path)) {
    WARN("dev articles not available at " << path << "; skipped");
    return;
  }
  // The ingest of `geotl ingest --published 2016-01-15 FILE` (cli/ingest.cc).
  ReaderOptions ro;
  ro.overrides.published = ParsePublished(kPublished).value();
  auto coder = Coder::Load(CoderOptions{});
  REQUIRE(coder.ok());
  geotl::testing::TempDir dir;
  auto store = Store::Open(dir.Sub("db"), StoreOptions{});
  REQUIRE(store.ok());
  std::map<std::string, Event> coded;  // the evidence, by id
  size_t articles = 0;
  ArticleReader reader({path}, ro);
  while (auto item = reader.Next()) {
    REQUIRE(item->ok());
    const Article& a = item->value();
    REQUIRE(a.text.size() <= kMaxCodedTextBytes);
    std::vector<Event> events = (*coder)->Code(a);
    REQUIRE((*store)->PutArticle(a, events).ok());
    for (const auto& e : events) coded[e.id] = e;
    ++articles;
  }
  CHECK(articles == 486);

  // The partition the store holds: each coded id is visible (a merged or
  // single event) or a tombstone naming the visible event it went into.
  std::map<std::string, Event> visible;
  std::map<std::string, std::vector<const Event*>> members;
  for (const auto& [id, e] : coded) {
    auto got = (*store)->GetEvent(id);
    REQUIRE(got.ok());
    REQUIRE(got->has_value());
    const Event& g = **got;
    const std::string root = g.merged_into.empty() ? id : g.merged_into;
    if (g.merged_into.empty()) visible[id] = g;
    members[root].push_back(&e);
  }
  auto stats = (*store)->Stats();
  REQUIRE(stats.ok());
  size_t counted = 0;  // Stats() leaves negated events out
  for (const auto& [id, v] : visible)
    counted += v.status != EventStatus::kNegated;
  CHECK(stats->events == counted);

  size_t multi = 0, multi_no_actors = 0, place_of_one = 0;
  for (const auto& [id, m] : members) {
    REQUIRE(visible.count(id));
    const Event& v = visible.at(id);
    std::set<std::string> articles_of;
    for (const Event* e : m) articles_of.insert(e->sources.at(0).article);
    REQUIRE(v.n_sources == static_cast<int>(articles_of.size()));
    if (articles_of.size() < 2) continue;
    ++multi;
    multi_no_actors += Parties(v).empty();
    INFO("merged event " << id << " (" << v.type << ", " << m.size()
                         << " reports from " << articles_of.size()
                         << " articles)");
    std::set<std::string> shared = Parties(*m[0]);
    bool one_town = true;
    size_t placed = 0;
    for (const Event* e : m) {
      INFO("member " << e->id << " of " << e->sources[0].article << ": "
                     << e->sources[0].quote);
      CHECK(e->type == v.type);
      CHECK(e->status == v.status);
      for (const Event* f : m) CHECK(DatesOverlap(e->date, f->date));
      std::set<std::string> p = Parties(*e), keep;
      std::set_intersection(shared.begin(), shared.end(), p.begin(), p.end(),
                            std::inserter(keep, keep.end()));
      shared = std::move(keep);
      one_town = one_town && SameTown(e->location, m[0]->location);
      placed += e->location.has_value();
      // The merged place is one this member agrees with.
      if (e->location && v.location && !v.location->country.empty())
        CHECK(e->location->country == v.location->country);
    }
    CHECK((!shared.empty() || one_town));
    if (v.location && placed == 1) ++place_of_one;
  }
  std::printf(
      "{\"dedup_news\":{\"articles\":%zu,\"published\":\"%s\","
      "\"coded_events\":%zu,\"stored_events\":%zu,\"stats_events\":%zu,"
      "\"multi_article_events\":%zu,\"with_actors\":%zu,"
      "\"without_actors\":%zu,\"place_named_by_one_member\":%zu}}\n",
      articles, kPublished, coded.size(), visible.size(), counted, multi,
      multi - multi_no_actors, multi_no_actors, place_of_one);

  // The store agrees with a full recompute of its evidence.
  auto* rs = dynamic_cast<const store::RocksStore*>(store->get());
  REQUIRE(rs);
  auto problems = rs->CheckEvidence(nullptr);
  REQUIRE(problems.ok());
  for (const auto& p : *problems) UNSCOPED_INFO(p);
  CHECK(problems->empty());
}
