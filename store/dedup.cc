// The dedup rule (pairwise test, blocking key) and the clustering. The merged
// record is built in dedup_merge.cc.
#include "store/dedup.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include "core/event_json.h"
#include "store/dedup_rank.h"

namespace geotl::store {
namespace {

bool Symmetric(std::string_view type) {
  return type == "CONSULT" || type == "AGREE" || type == "COOPERATE";
}

std::string ActorToken(const core::Actor& a) {
  if (!a.country.empty()) return a.country;
  if (!a.code.empty()) return a.code;
  std::string s = a.name.empty() ? a.text : a.name;
  for (char& c : s)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string JoinSet(const std::set<std::string>& s) {
  std::string out;
  for (const auto& t : s) {
    if (!out.empty()) out += ',';
    out += t;
  }
  return out;
}

bool DatesMatch(const core::DateRange& a, const core::DateRange& b,
                const DedupOptions& o) {
  // Vague ranges (longer than a month) merge only with the very same range:
  // "in 2013" must not swallow every meeting of that year.
  if (SpanDays(a) > 31 || SpanDays(b) > 31)
    return a.start == b.start && a.end == b.end;
  bool both_exact = a.precision == core::Precision::kExact &&
                    b.precision == core::Precision::kExact;
  int tol = both_exact ? o.exact_window_days : o.window_days;
  boost::gregorian::date_duration d(tol);
  return a.start - d <= b.end && b.start - d <= a.end;
}

double DistanceKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = 3.14159265358979323846 / 180.0;
  double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
             std::cos(lat1 * kRad) * std::cos(lat2 * kRad) *
                 std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * 6371.0 * std::asin(std::min(1.0, std::sqrt(h)));
}

bool EqualNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

// A town is a city-level place. Coordinates decide when both have them (two
// GeoNames towns of one name can lie within the 60 km of PlacesMatch);
// otherwise the name and the country.
bool SameTown(const std::optional<core::Place>& pa,
              const std::optional<core::Place>& pb, const DedupOptions& o) {
  if (!pa || !pb) return false;
  const core::Place& a = *pa;
  const core::Place& b = *pb;
  if (a.precision != core::PlacePrecision::kCity ||
      b.precision != core::PlacePrecision::kCity || a.country != b.country)
    return false;
  if (a.lat && a.lon && b.lat && b.lon)
    return DistanceKm(*a.lat, *a.lon, *b.lat, *b.lon) <= o.same_town_km;
  return !a.name.empty() && EqualNoCase(a.name, b.name);
}

// True when no party has a token: the key's actor set is empty.
bool NoActors(const core::Event& e) {
  auto none = [](const std::vector<core::Actor>& v) {
    return std::all_of(v.begin(), v.end(), [](const core::Actor& a) {
      return ActorToken(a).empty();
    });
  };
  return none(e.actors) && none(e.recipients);
}

// The one article all of an event's sources come from; empty when it has no
// source or several articles.
std::string_view SoleArticle(const core::Event& e) {
  if (e.sources.empty()) return {};
  const std::string& first = e.sources[0].article;
  for (const auto& s : e.sources)
    if (s.article != first) return {};
  return first;
}

// What the pairwise test needs beyond the two events, computed once per
// event (ClusterEvents tests n^2 pairs of one block).
struct PairFacts {
  bool no_actors = false;
  std::string_view article;
  explicit PairFacts(const core::Event& e)
      : no_actors(NoActors(e)), article(SoleArticle(e)) {}
};

// The rule without the key: dates, places and, for events without actors,
// one article or one town. Shared by SameEvent and ClusterEvents so that a
// cluster never leaves the store's SameEvent component.
bool Compatible(const core::Event& a, const PairFacts& fa, const core::Event& b,
                const PairFacts& fb, const DedupOptions& o) {
  if (!DatesMatch(a.date, b.date, o)) return false;
  // An unplaced report fits any place.
  if (a.location && b.location && !PlacesMatch(*a.location, *b.location, o))
    return false;
  if (!fa.no_actors && !fb.no_actors) return true;
  bool one_article = !fa.article.empty() && fa.article == fb.article;
  return one_article || SameTown(a.location, b.location, o);
}

std::vector<std::string> Words(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c >= 0x80) {
      cur += static_cast<char>(std::tolower(c));
    } else if (!cur.empty()) {
      out.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

}  // namespace

bool PlacesMatch(const core::Place& a, const core::Place& b,
                 const DedupOptions& o) {
  if (!a.country.empty() && !b.country.empty() && a.country != b.country)
    return false;
  if (a.precision == core::PlacePrecision::kCity &&
      b.precision == core::PlacePrecision::kCity) {
    if (a.lat && a.lon && b.lat && b.lon)
      return DistanceKm(*a.lat, *a.lon, *b.lat, *b.lon) <=
             o.max_city_distance_km;
    return EqualNoCase(a.name, b.name);
  }
  // Below the country: city, district (admin2) or province (admin1).
  bool a_sub = a.precision < core::PlacePrecision::kCountry;
  bool b_sub = b.precision < core::PlacePrecision::kCountry;
  if (a_sub && b_sub && !a.admin1.empty() && !b.admin1.empty())
    return EqualNoCase(a.admin1, b.admin1);
  return true;
}

std::string DedupKey(const core::Event& e) {
  std::set<std::string> actors, recipients;
  for (const auto& a : e.actors) actors.insert(ActorToken(a));
  for (const auto& a : e.recipients) recipients.insert(ActorToken(a));
  std::string key = e.type + '|' + std::string(ToString(e.status)) + '|';
  if (Symmetric(e.type)) {
    actors.insert(recipients.begin(), recipients.end());
    return key + JoinSet(actors);
  }
  return key + JoinSet(actors) + '>' + JoinSet(recipients);
}

bool SameEvent(const core::Event& a, const core::Event& b,
               const DedupOptions& opt) {
  return DedupKey(a) == DedupKey(b) &&
         Compatible(a, PairFacts(a), b, PairFacts(b), opt);
}

int CandidateWindowDays(const core::Event& e, const DedupOptions& opt) {
  (void)e;
  return std::max(opt.window_days, opt.exact_window_days);
}

QuoteWords SplitQuote(const std::string& quote) {
  QuoteWords q;
  q.words = Words(quote);
  q.set.insert(q.words.begin(), q.words.end());
  return q;
}

bool WireCopies(const QuoteWords& a, const QuoteWords& b,
                const DedupOptions& opt) {
  const auto& wa = a.words;
  const auto& wb = b.words;
  if (wa.empty() || wb.empty()) return false;
  if (static_cast<int>(wa.size()) < opt.wire_min_words ||
      static_cast<int>(wb.size()) < opt.wire_min_words)
    return wa == wb;
  size_t inter = 0;
  for (const auto& w : a.set) inter += b.set.count(w);
  size_t uni = a.set.size() + b.set.size() - inter;
  return static_cast<double>(inter) / static_cast<double>(uni) >=
         opt.wire_similarity;
}

bool WireCopies(const std::string& qa, const std::string& qb,
                const DedupOptions& opt) {
  return WireCopies(SplitQuote(qa), SplitQuote(qb), opt);
}

std::vector<std::vector<size_t>> ClusterEvents(
    const std::vector<core::Event>& events, const DedupOptions& opt) {
  // Block by key; within a block, visit events in the canonical order (most
  // precise first, then id) and put each into the first cluster whose every
  // member it matches (complete linkage: no chaining of day 1 ~ day 3 ~ day 5).
  std::map<std::string, std::vector<size_t>> blocks;
  for (size_t i = 0; i < events.size(); ++i)
    blocks[DedupKey(events[i])].push_back(i);
  std::vector<PairFacts> facts;
  facts.reserve(events.size());
  for (const auto& e : events) facts.emplace_back(e);
  std::vector<std::vector<size_t>> clusters;
  for (auto& [key, idx] : blocks) {
    std::sort(idx.begin(), idx.end(), [&](size_t x, size_t y) {
      return CanonicalLess(events[x], events[y]);
    });
    std::vector<std::vector<size_t>> local;
    for (size_t i : idx) {
      bool placed = false;
      for (auto& c : local) {
        bool all = std::all_of(c.begin(), c.end(), [&](size_t j) {
          return Compatible(events[i], facts[i], events[j], facts[j], opt);
        });
        if (all) {
          c.push_back(i);
          placed = true;
          break;
        }
      }
      if (!placed) local.push_back({i});
    }
    for (auto& c : local) {
      std::sort(c.begin(), c.end());
      clusters.push_back(std::move(c));
    }
  }
  auto min_id = [&](const std::vector<size_t>& c) {
    const std::string* m = &events[c[0]].id;
    for (size_t i : c)
      if (events[i].id < *m) m = &events[i].id;
    return *m;
  };
  std::sort(
      clusters.begin(), clusters.end(),
      [&](const auto& x, const auto& y) { return min_id(x) < min_id(y); });
  return clusters;
}

DedupResult Deduplicate(const std::vector<core::Event>& events,
                        const DedupOptions& opt) {
  DedupResult out;
  for (const auto& c : ClusterEvents(events, opt)) {
    std::vector<core::Event> members;
    members.reserve(c.size());
    for (size_t i : c) members.push_back(events[i]);
    core::Event merged = MergeEvents(members, opt);
    for (const auto& m : members)
      if (m.id != merged.id) out.tombstones.push_back({m.id, merged.id});
    out.events.push_back(std::move(merged));
  }
  std::sort(
      out.events.begin(), out.events.end(),
      [](const core::Event& a, const core::Event& b) { return a.id < b.id; });
  std::sort(out.tombstones.begin(), out.tombstones.end(),
            [](const Tombstone& a, const Tombstone& b) { return a.id < b.id; });
  return out;
}

}  // namespace geotl::store
