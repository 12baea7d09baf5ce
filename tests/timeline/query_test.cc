// Every query kind against a brute-force scan of a randomised store: same
// events, same order, cursors visiting each event once (also with inserts
// between pages), totals, and counts.
#include "timeline/query.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "core/event_json.h"
#include "store/store.h"
#include "tests/store/test_util.h"
#include "timeline/aggregate.h"
#include "timeline/events.h"

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
  return true;
}
bool Before(const Event& a, const Event& b) {
  return std::make_tuple(a.date.start, a.date.end, a.id) <
         std::make_tuple(b.date.start, b.date.end, b.id);
}

struct World {
  TempDir dir;
  std::unique_ptr<Store> store;
  std::map<std::string, Event> events;  // by id, current content
  EventGen gen{7};
  int next_article = 0, next_event = 0;

  World() {
    store = std::move(Store::Open(dir.Sub("db"), StoreOptions()).value());
  }
  void AddArticle(int n_events) {
    std::string aid = "a" + std::to_string(next_article++);
    std::vector<Event> evs;
    for (int i = 0; i < n_events; ++i)
      evs.push_back(gen.MakeEvent("e" + std::to_string(next_event++), aid));
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
  if (g.Uniform(0, 5) == 0) p.emplace("within", "true");
  if (g.Uniform(0, 2) == 0) p.emplace("order", "desc");
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
        if (k == "from" || k == "to" || k == "type" || k == "status")
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
