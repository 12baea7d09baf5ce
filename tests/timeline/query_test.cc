// Every query kind against a brute-force scan of a randomised store: same
// events, same order, cursors visiting each event once (also with inserts
// between pages), totals, and counts.
#include "timeline/query.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "core/event_json.h"
#include "geo/country.h"
#include "geo/fold.h"
#include "store/store.h"
#include "tests/store/test_util.h"
#include "timeline/aggregate.h"
#include "timeline/events.h"
#include "timeline/matcher.h"

using namespace geotl::core;

namespace geotl::timeline {
namespace {

using geotl::testing::EventGen;
using geotl::testing::TempDir;

// --- the reference: plain predicates over Event values ---
std::string IndexCode(const Actor& a) {
  return a.country.empty() ? a.code : a.country;
}
bool PartyIs(const Actor& a, const std::string& x) {
  if (IndexCode(a) == x) return true;
  return x.size() > 3 && a.country == x.substr(0, 3) && a.code.rfind(x, 0) == 0;
}
bool Involved(const Event& e, const std::vector<std::string>& codes,
              Role role) {
  for (int r = 0; r < 2; ++r) {
    if (role == Role::kActor && r == 1) continue;
    if (role == Role::kRecipient && r == 0) continue;
    for (const auto& a : r == 0 ? e.actors : e.recipients)
      for (const auto& c : codes)
        if (PartyIs(a, c)) return true;
  }
  return false;
}
// --place: a GeoNames id, a name (folded) or a country code in capitals.
bool AtPlace(const Event& e, const std::vector<std::string>& places) {
  if (!e.location) return false;
  for (const auto& v : places) {
    if (e.location->geonames_id &&
        std::to_string(*e.location->geonames_id) == v)
      return true;
    if (geo::Fold(e.location->name) == geo::Fold(v)) return true;
    const bool capitals = std::all_of(
        v.begin(), v.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    auto c = geo::CountryByCode(v);
    if (capitals && (v.size() == 2 || v.size() == 3) && c &&
        c->alpha3 == e.location->country)
      return true;
  }
  return false;
}
std::string Lower(std::string s) {
  for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
  return s;
}
bool RefMatches(const Event& e, const Query& q,
                const std::vector<EventStatus>& st) {
  if (q.within) {
    if ((q.from && e.date.start < *q.from) || (q.to && e.date.end > *q.to))
      return false;
  } else {
    if ((q.from && e.date.end < *q.from) || (q.to && e.date.start > *q.to))
      return false;
  }
  if (std::find(st.begin(), st.end(), e.status) == st.end()) return false;
  if (!q.types.empty() &&
      std::find(q.types.begin(), q.types.end(), e.type) == q.types.end())
    return false;
  std::string lc = e.location ? e.location->country : "";
  if (!q.countries.empty() && std::find(q.countries.begin(), q.countries.end(),
                                        lc) == q.countries.end())
    return false;
  if (!q.regions.empty()) {
    bool any = false;
    if (e.location)
      for (const auto& r : e.location->regions)
        any |=
            std::find(q.regions.begin(), q.regions.end(), r) != q.regions.end();
    if (!any) return false;
  }
  if (!q.actors.empty() && !Involved(e, q.actors, q.role)) return false;
  if (!q.with.empty() && !Involved(e, q.with, Role::kAny)) return false;
  std::string hay = Lower(e.summary);
  for (const auto& s : e.sources) hay += "\n" + Lower(s.quote);
  for (const auto& w : q.words)
    if (hay.find(w) == std::string::npos) return false;
  if (!q.articles.empty() &&
      std::none_of(e.sources.begin(), e.sources.end(), [&](const Source& s) {
        return std::find(q.articles.begin(), q.articles.end(), s.article) !=
               q.articles.end();
      }))
    return false;
  if (!q.places.empty() && !AtPlace(e, q.places)) return false;
  return MeetsMinConfidence(e.confidence, MinConfidence(q));
}
bool Before(const Event& a, const Event& b) {
  return std::make_tuple(a.date.start, a.date.end, a.id) <
         std::make_tuple(b.date.start, b.date.end, b.id);
}

struct World {
  TempDir dir;
  std::unique_ptr<store::Store> store;
  std::map<std::string, Event> events;  // by id, current content
  EventGen gen{7};
  int next_article = 0, next_event = 0;

  World() {
    // Query semantics over the events as stored: no deduplication (which
    // would merge some generated events; tests/store/dedup_test.cc covers it).
    store::StoreOptions o;
    o.dedup = false;
    store = std::move(store::Store::Open(dir.Sub("db"), o).value());
  }
  void AddArticle(int n_events) {
    std::string aid = "a" + std::to_string(next_article++);
    std::vector<Event> evs;
    static const double kConfidence[] = {0.2, 0.5, 0.65, 0.8, 0.95};
    for (int i = 0; i < n_events; ++i) {
      evs.push_back(gen.MakeEvent("e" + std::to_string(next_event++), aid));
      evs.back().confidence = kConfidence[gen.Uniform(0, 4)];
    }
    REQUIRE(store->PutArticle(gen.MakeArticle(aid), evs).ok());
    for (auto& e : evs) events[e.id] = e;
  }
  std::vector<std::string> Reference(const Query& q) const {
    std::vector<Event> m;
    for (const auto& [id, e] : events)
      if (RefMatches(e, q, ListStatuses(q))) m.push_back(e);
    std::sort(m.begin(), m.end(), Before);
    if (q.desc) std::reverse(m.begin(), m.end());
    std::vector<std::string> ids;
    for (const auto& e : m) ids.push_back(e.id);
    return ids;
  }
};

std::string IdOf(const std::string& json_line) {
  return Json::parse(json_line)["id"].get<std::string>();
}

// Random parameters over the generator's vocabulary.
Params RandomParams(EventGen& g) {
  Params p;
  const auto& cs = geotl::testing::TestCountries();
  auto pick = [&](const std::vector<std::string>& v) {
    return v[g.Uniform(0, int(v.size()) - 1)];
  };
  if (g.Uniform(0, 2) == 0) p.emplace("actor", pick(cs));
  if (g.Uniform(0, 6) == 0) p.emplace("actor", pick(cs) + "GOV");
  if (g.Uniform(0, 5) == 0) p.emplace("actor", pick(cs));
  if (g.Uniform(0, 5) == 0) p.emplace("with", pick(cs));
  if (g.Uniform(0, 6) == 0)
    p.emplace("role", g.Uniform(0, 1) ? "actor" : "recipient");
  if (g.Uniform(0, 5) == 0) p.emplace("country", pick(cs));
  if (g.Uniform(0, 4) == 0)
    p.emplace("region", pick({"030", "142", "150", "155", "019"}));
  if (g.Uniform(0, 4) == 0)
    p.emplace("type", pick({"CONSULT", "AGREE", "STATEMENT", "meeting"}));
  if (g.Uniform(0, 5) == 0)
    p.emplace("status", pick({"occurred", "planned", "negated"}));
  if (g.Uniform(0, 8) == 0)
    p.emplace("text", pick({"talks", "SUMMIT", "visit e1"}));
  if (g.Uniform(0, 1) == 0) {
    int y = g.Uniform(2009, 2016);
    switch (g.Uniform(0, 2)) {
      case 0:
        p.emplace("from", std::to_string(y));
        break;
      case 1:
        p.emplace("from",
                  std::to_string(y) + "-0" + std::to_string(g.Uniform(1, 9)));
        break;
      default:
        p.emplace("from", std::to_string(y) + "-03-1" +
                              std::to_string(g.Uniform(0, 9)));
    }
  }
  if (g.Uniform(0, 1) == 0) {
    int y = g.Uniform(2011, 2017);
    if (g.Uniform(0, 1))
      p.emplace("to", std::to_string(y));
    else
      p.emplace("to", std::to_string(y) + "-0" +
                          std::to_string(g.Uniform(1, 9)) + "-15");
  }
  if (p.count("from") && p.count("to") &&
      ParseQuery(Params{{"from", p.find("from")->second},
                        {"to", p.find("to")->second}})
              .ok() == false)
    p.erase("to");
  for (int i = g.Uniform(0, 9); i < 2; ++i)  // an article or two
    p.emplace("article", "a" + std::to_string(g.Uniform(0, 420)));
  if (g.Uniform(0, 7) == 0)  // a place: a name in any case, a country code
    p.emplace("place",
              pick({"RUS city", "jpn CITY", "CHN", "US", "deu  city", "kor"}));
  if (g.Uniform(0, 5) == 0) p.emplace("within", "true");
  if (g.Uniform(0, 2) == 0) p.emplace("order", "desc");
  if (g.Uniform(0, 3) == 0)
    p.emplace("min_confidence", pick({"0", "0.5", "0.65", "0.9", "1"}));
  if (p.count("role") && !p.count("actor")) p.erase("role");
  return p;
}

std::string Describe(const Params& p) {
  std::string s;
  for (const auto& [k, v] : p) s += k + "=" + v + " ";
  return s;
}

TEST_CASE(
    "timeline: every query kind equals a full scan, pages visit each event "
    "once") {
  World w;
  for (int i = 0; i < 400; ++i) w.AddArticle(w.gen.Uniform(1, 4));
  EventGen g(99);
  for (int round = 0; round < 150; ++round) {
    Params p = RandomParams(g);
    INFO(Describe(p));
    auto q = ParseQuery(p);
    REQUIRE(q.ok());
    auto want = w.Reference(*q);
    // One big page.
    Query big = *q;
    big.limit = kMaxLimit;
    auto page = RunEvents(*w.store, big);
    REQUIRE(page.ok());
    std::vector<std::string> got;
    for (const auto& l : page->events) got.push_back(IdOf(l));
    std::vector<std::string> want_page(
        want.begin(), want.begin() + std::min(want.size(), kMaxLimit));
    REQUIRE(got == want_page);
    CHECK(page->total.value() == want.size());
    // Small pages through cursors.
    Query small = *q;
    small.limit = size_t(g.Uniform(1, 9));
    std::vector<std::string> paged;
    for (int guard = 0; guard < 10000; ++guard) {
      auto pg = RunEvents(*w.store, small);
      REQUIRE(pg.ok());
      CHECK(pg->total.value() == want.size());
      for (const auto& l : pg->events) paged.push_back(IdOf(l));
      if (!pg->next) break;
      auto pos = DecodeCursor(*pg->next, small.desc);
      REQUIRE(pos.ok());
      small.cursor = *pos;
    }
    CHECK(paged == want);
  }
}

TEST_CASE("timeline: cursors stay correct while articles arrive") {
  World w;
  for (int i = 0; i < 200; ++i) w.AddArticle(w.gen.Uniform(1, 3));
  EventGen g(5);
  for (int round = 0; round < 40; ++round) {
    Params p = RandomParams(g);
    INFO(Describe(p));
    Query q = ParseQuery(p).value();
    auto before = w.Reference(q);
    q.limit = 5;
    std::vector<std::string> paged;
    while (true) {
      auto pg = RunEvents(*w.store, q);
      REQUIRE(pg.ok());
      for (const auto& l : pg->events) paged.push_back(IdOf(l));
      w.AddArticle(2);  // arrives between pages
      if (!pg->next) break;
      q.cursor = DecodeCursor(*pg->next, q.desc).value();
    }
    // No duplicates; every event that matched before appears exactly once;
    // the sequence is in query order.
    std::set<std::string> seen(paged.begin(), paged.end());
    CHECK(seen.size() == paged.size());
    for (const auto& id : before) CHECK(seen.count(id) == 1);
    std::vector<Event> evs;
    for (const auto& id : paged) evs.push_back(w.events.at(id));
    for (size_t i = 1; i < evs.size(); ++i)
      CHECK((q.desc ? Before(evs[i], evs[i - 1]) : Before(evs[i - 1], evs[i])));
  }
}

TEST_CASE("timeline: coarse dates across range borders") {
  World w;
  Article a = w.gen.MakeArticle("coarse");
  Event year = w.gen.MakeEvent("year", "coarse");
  year.date = DateRange::Year(2013);
  year.status = EventStatus::kOccurred;
  Event month = w.gen.MakeEvent("month", "coarse");
  month.date = DateRange::Month(2013, 10);
  month.status = EventStatus::kOccurred;
  Event day = w.gen.MakeEvent("day", "coarse");
  day.date = DateRange::Day(Date(2013, 9, 30));
  day.status = EventStatus::kOccurred;
  REQUIRE(w.store->PutArticle(a, {year, month, day}).ok());
  auto ids = [&](Params p) {
    std::vector<std::string> out;
    auto page = RunEvents(*w.store, ParseQuery(p).value());
    REQUIRE(page.ok());
    for (const auto& l : page->events) out.push_back(IdOf(l));
    return out;
  };
  CHECK(ids({{"from", "2013-11"}}) == std::vector<std::string>{"year"});
  CHECK(ids({{"from", "2013-10-31"}, {"to", "2013-10-31"}}) ==
        std::vector<std::string>{"year", "month"});
  CHECK(ids({{"from", "2013-10"}, {"within", "true"}}) ==
        std::vector<std::string>{"month"});
  CHECK(ids({{"to", "2013-09-30"}}) == std::vector<std::string>{"year", "day"});
  CHECK(ids({{"from", "2013-10"}, {"order", "desc"}}) ==
        std::vector<std::string>{"month", "year"});
}

// Pages through `q` with small pages and checks the ids against the
// reference; returns the family the planner chose.
store::IndexFamily CheckPaged(World& w, Query q, size_t page) {
  auto want = w.Reference(q);
  auto view = w.store->NewReadView();
  auto scan = Scan::Start(*w.store, q, ListStatuses(q), view.get());
  REQUIRE(scan.ok());
  store::IndexFamily family = (*scan)->family();
  q.limit = page;
  std::vector<std::string> paged;
  for (int guard = 0; guard < 100000; ++guard) {
    auto pg = RunEvents(*w.store, q);
    REQUIRE(pg.ok());
    CHECK(pg->total.value() == want.size());
    for (const auto& l : pg->events) paged.push_back(IdOf(l));
    if (!pg->next) break;
    q.cursor = DecodeCursor(*pg->next, q.desc).value();
  }
  CHECK(paged == want);
  return family;
}

TEST_CASE(
    "timeline: actor+type, dyad and region-containment paths equal a full "
    "scan") {
  World w;
  for (int i = 0; i < 300; ++i) w.AddArticle(w.gen.Uniform(1, 4));
  // Region lists that are not innermost-first or not nested: the index must
  // still find every event listing the queried region.
  Article odd = w.gen.MakeArticle("odd");
  std::vector<Event> odd_events;
  const std::vector<std::vector<std::string>> lists = {
      {"142"}, {"142", "030"}, {"030", "999"}, {"150", "030", "142"}, {}};
  for (size_t i = 0; i < lists.size(); ++i) {
    Event e = w.gen.MakeEvent("odd" + std::to_string(i), "odd");
    Place p;
    p.country = "JPN";
    p.regions = lists[i];
    e.location = p;
    e.status = EventStatus::kOccurred;
    odd_events.push_back(e);
  }
  REQUIRE(w.store->PutArticle(odd, odd_events).ok());
  for (auto& e : odd_events) w.events[e.id] = e;
  const auto& cs = geotl::testing::TestCountries();
  int dyads = 0, actor_types = 0, regions = 0;
  for (size_t i = 0; i < cs.size(); ++i) {
    for (size_t j = 0; j < cs.size(); ++j) {
      if (i == j) continue;
      Query q;
      q.actors = {cs[i]};
      q.with = {cs[j] + (j % 2 ? "GOV" : "")};
      q.desc = (i + j) % 2;
      if (j % 3 == 0) q.from = Date(2012, 3, 1), q.to = Date(2014, 6, 30);
      INFO(cs[i] << " with " << q.with[0]);
      dyads += CheckPaged(w, q, 3 + j % 5) == store::IndexFamily::kDyad;
    }
    for (const char* t : {"CONSULT", "AGREE", "STATEMENT"}) {
      Query q;
      q.actors = {cs[i]};
      q.types = {t};
      if (i % 2) q.types.push_back("COOPERATE");
      q.desc = i % 3 == 0;
      if (i % 2 == 0) q.from = Date(2011, 6, 15), q.to = Date(2013, 2, 1);
      INFO(cs[i] << " type " << t);
      actor_types += CheckPaged(w, q, 4) == store::IndexFamily::kActorType;
    }
  }
  for (const char* r : {"142", "030", "150", "151", "999", "019", "021"}) {
    for (int desc = 0; desc < 2; ++desc) {
      Query q;
      q.regions = {r};
      q.desc = desc;
      if (desc) q.from = Date(2012, 1, 1), q.to = Date(2013, 12, 31);
      INFO("region " << r);
      regions += CheckPaged(w, q, 7) == store::IndexFamily::kRegion;
    }
  }
  // actor=RUS with=RUSGOV share an index code: no dyad entry holds them.
  Query same;
  same.actors = {"RUS"};
  same.with = {"RUSGOV"};
  CHECK(CheckPaged(w, same, 5) != store::IndexFamily::kDyad);
  CHECK(dyads > 10);
  CHECK(actor_types > 10);
  CHECK(regions == 14);
  // Replacing and deleting articles keeps the links and entries exact.
  Article odd2 = odd;
  odd2.title += " (updated)";
  std::vector<Event> kept(odd_events.begin(), odd_events.begin() + 2);
  REQUIRE(w.store->PutArticle(odd2, kept).ok());
  for (size_t i = 2; i < odd_events.size(); ++i)
    w.events.erase(odd_events[i].id);
  for (const char* r : {"142", "030", "999", "150"}) {
    Query q;
    q.regions = {r};
    CheckPaged(w, q, 3);
  }
  REQUIRE(w.store->DeleteArticle("odd").ok());
  w.events.erase("odd0");
  w.events.erase("odd1");
  auto members = w.store->RegionMembers("999", nullptr);
  REQUIRE(members.ok());
  CHECK(*members == std::vector<std::string>{"999"});
  for (const char* r : {"142", "030"}) {
    Query q;
    q.regions = {r};
    CheckPaged(w, q, 9);
  }
  auto problems = w.store->Check();
  REQUIRE(problems.ok());
  CHECK(problems->empty());
}

// Brute-force counts with the documented semantics.
std::vector<CountRow> RefCounts(const World& w, const CountsQuery& cq) {
  const Query& q = cq.filter;
  std::vector<EventStatus> st =
      q.statuses.empty() ? std::vector<EventStatus>{EventStatus::kOccurred}
                         : q.statuses;
  Query nodate = q;
  nodate.from.reset();
  nodate.to.reset();
  nodate.within = false;
  std::map<std::string, std::map<Date, uint64_t>> acc;
  std::optional<Date> first, last;
  for (const auto& [id, e] : w.events) {
    if (!RefMatches(e, nodate, st)) continue;
    if ((q.from && e.date.start < *q.from) || (q.to && e.date.start > *q.to))
      continue;
    if (q.within && q.to && e.date.end > *q.to) continue;
    std::set<std::string> keys;
    switch (cq.group) {
      case Group::kNone:
        keys = {"all"};
        break;
      case Group::kType:
        keys = {e.type};
        break;
      case Group::kActor:
        for (const auto& a : e.actors) keys.insert(IndexCode(a));
        for (const auto& a : e.recipients) keys.insert(IndexCode(a));
        break;
      case Group::kCountry:
        if (e.location && !e.location->country.empty())
          keys = {e.location->country};
        break;
      case Group::kRegion:
        if (e.location)
          keys.insert(e.location->regions.begin(), e.location->regions.end());
        break;
    }
    Date b = BucketStart(e.date.start, cq.by);
    for (const auto& k : keys) {
      acc[k][b]++;
      if (!first || b < *first) first = b;
      if (!last || b > *last) last = b;
    }
  }
  if (q.from) first = BucketStart(*q.from, cq.by);
  if (q.to) last = BucketStart(*q.to, cq.by);
  std::vector<CountRow> rows;
  if (!first || !last) return rows;
  std::vector<std::string> keys;
  for (const auto& [k, m] : acc) keys.push_back(k);
  if (keys.empty() && cq.group == Group::kNone) keys.push_back("all");
  for (Date b = *first; b <= *last; b = NextBucket(b, cq.by))
    for (const auto& k : keys)
      rows.push_back({FormatDate(b), k, acc[k].count(b) ? acc[k][b] : 0});
  return rows;
}

TEST_CASE("timeline: counts equal brute force (counters and scans)") {
  World w;
  for (int i = 0; i < 300; ++i) w.AddArticle(w.gen.Uniform(1, 4));
  EventGen g(11);
  int from_counters = 0;
  for (int round = 0; round < 150; ++round) {
    Params p = RandomParams(g);
    p.erase("order");
    if (g.Uniform(0, 1)) {  // simple filters exercise the counter path
      Params simple;
      for (const auto& [k, v] : p)
        if (k == "from" || k == "to" || k == "type" || k == "status" ||
            k == "min_confidence")  // a threshold > 0 forces the scan
          simple.emplace(k, v);
      if (g.Uniform(0, 1)) simple.emplace("actor", "JPN");
      p = simple;
    }
    const char* by[] = {"day", "week", "month", "year"};
    const char* group[] = {"", "type", "actor", "country", "region"};
    p.emplace("by", by[g.Uniform(0, 3)]);
    if (auto gr = group[g.Uniform(0, 4)]; *gr) p.emplace("group", gr);
    INFO(Describe(p));
    auto cq = ParseCountsQuery(p);
    REQUIRE(cq.ok());
    auto r = RunCounts(*w.store, *cq);
    REQUIRE(r.ok());
    from_counters += r->from_counters;
    auto want = RefCounts(w, *cq);
    REQUIRE(r->rows.size() == want.size());
    for (size_t i = 0; i < want.size(); ++i) {
      INFO(i);
      CHECK(r->rows[i].time == want[i].time);
      CHECK(r->rows[i].key == want[i].key);
      CHECK(r->rows[i].count == want[i].count);
    }
  }
  CHECK(from_counters > 20);
}

TEST_CASE("timeline: min_confidence is a post-filter with honest totals") {
  World w;
  for (int i = 0; i < 200; ++i) w.AddArticle(w.gen.Uniform(1, 4));
  // Queries whose total would come from the counters: with a threshold the
  // total counts only the events that pass, on every page.
  for (const char* mc : {"0", "0.5", "0.8", "0.95", "1"}) {
    for (Params p :
         {Params{{"actor", "JPN"}}, Params{{"from", "2012-03"}, {"to", "2014"}},
          Params{{"region", "030"}, {"from", "2013-02-11"}}, Params{}}) {
      p.emplace("min_confidence", mc);
      INFO(Describe(p));
      Query q = ParseQuery(p).value();
      auto want = w.Reference(q);
      q.limit = 7;
      auto page = RunEvents(*w.store, q);
      REQUIRE(page.ok());
      CHECK(page->total.value() == want.size());
      for (const auto& l : page->events)
        CHECK(Json::parse(l)["confidence"].get<double>() >= std::stod(mc));
      CheckPaged(w, q, 5);
      p.emplace("by", "month");
      auto cq = ParseCountsQuery(p).value();
      auto counts = RunCounts(*w.store, cq);
      REQUIRE(counts.ok());
      CHECK(counts->from_counters == (std::string(mc) == "0"));
      uint64_t n = 0, ref = 0;
      for (const auto& r : counts->rows) n += r.count;
      for (const auto& r : RefCounts(w, cq)) ref += r.count;
      CHECK(n == ref);
    }
  }
  auto err = [](std::string v) {
    return ErrorParameter(ParseQuery(Params{{"min_confidence", v}}).status());
  };
  for (const char* bad : {"", "x", "-0.1", "1.5", "0.5x", "nan", "inf"})
    CHECK(err(bad) == "min_confidence");
  CHECK(
      *ParseQuery(Params{{"min_confidence", "0.25"}}).value().min_confidence ==
      0.25);
  CHECK_FALSE(ParseQuery(Params{}).value().min_confidence.has_value());
}

TEST_CASE("timeline: parameter errors name the parameter") {
  auto err = [](Params p) { return ErrorParameter(ParseQuery(p).status()); };
  CHECK(err({{"limit", "1001"}}) == "limit");
  CHECK(err({{"limit", "0"}}) == "limit");
  CHECK(err({{"from", "2013-13"}}) == "from");
  CHECK(err({{"to", "20x3"}}) == "to");
  CHECK(err({{"order", "sideways"}}) == "order");
  CHECK(err({{"type", "dance"}}) == "type");
  CHECK(err({{"status", "maybe"}}) == "status");
  CHECK(err({{"cursor", "zz"}}) == "cursor");
  CHECK(err({{"bogus", "1"}}) == "bogus");
  CHECK(err({{"actor", "not a country at all"}}) == "actor");
  CHECK(ParseQuery(Params{{"limit", "1000"}}).value().limit == 1000);
  CHECK(ParseQuery(Params{{"type", "meeting"}}).value().types ==
        std::vector<std::string>{"CONSULT"});
  auto ms = ParseQuery(Params{{"from", "1383350400000"}});  // 2013-11-02T00:00Z
  REQUIRE(ms.ok());
  CHECK(FormatDate(*ms->from) == "2013-11-02");
  CHECK(ErrorParameter(ParseCountsQuery(Params{{"by", "hour"}}).status()) ==
        "by");
  CHECK(ErrorParameter(ParseCountsQuery(Params{}).status()) == "by");
}

TEST_CASE("timeline: dates at the end of the calendar (fuzz regression)") {
  // year-out-of-range-epoch-millis: epoch ms past 9999 threw bad_year.
  auto far = ParseQuery(Params{{"from", "320000035232000"}});
  CHECK(ErrorParameter(far.status()) == "from");
  auto last = ParseQuery(Params{{"to", "253402214400000"}});  // 9999-12-31
  REQUIRE(last.ok());
  CHECK(FormatDate(*last->to) == "9999-12-31");

  // Counts with an event on 9999-12-31: every bucket kind ends cleanly, and
  // days over eight millennia are refused, naming `by`.
  World w;
  Event e = w.gen.MakeEvent("end", "end");
  e.date = DateRange::Day(Date(9999, 12, 31), Precision::kExact);
  e.status = EventStatus::kOccurred;
  REQUIRE(w.store->PutArticle(w.gen.MakeArticle("end"), {e}).ok());
  for (const char* by : {"day", "week", "month", "year"}) {
    INFO(by);
    auto cq = ParseCountsQuery(
        Params{{"by", by}, {"from", "9999-11"}, {"to", "9999"}});
    REQUIRE(cq.ok());
    auto r = RunCounts(*w.store, *cq);
    REQUIRE(r.ok());
    uint64_t total = 0;
    for (const auto& row : r->rows) total += row.count;
    CHECK(total == 1);
  }
  auto wide = ParseCountsQuery(Params{{"by", "day"}, {"from", "2013"}});
  REQUIRE(wide.ok());
  CHECK(ErrorParameter(RunCounts(*w.store, *wide).status()) == "by");
}

TEST_CASE("timeline: names in any language resolve to codes") {
  auto q = ParseQuery(Params{
      {"actor", "Russland"}, {"region", "Ostasien"}, {"country", "Japan"}});
  REQUIRE(q.ok());
  CHECK(q->actors == std::vector<std::string>{"RUS"});
  CHECK(q->regions == std::vector<std::string>{"030"});
  CHECK(q->countries == std::vector<std::string>{"JPN"});
}

}  // namespace
}  // namespace geotl::timeline
