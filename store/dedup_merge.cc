// Building the merged record of a cluster (see dedup.h and docs/dedup.md).
#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <tuple>

#include "core/event_json.h"
#include "store/dedup.h"
#include "store/dedup_rank.h"

namespace geotl::store {
namespace {

std::string Lower(std::string s) {
  for (char& c : s)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

auto SourceTuple(const core::Source& s) {
  return std::tie(s.published, s.article, s.sentence, s.start, s.end, s.quote,
                  s.url, s.publisher);
}

// Union-find over source indexes.
struct Groups {
  std::vector<size_t> parent;
  explicit Groups(size_t n) : parent(n) {
    std::iota(parent.begin(), parent.end(), 0);
  }
  size_t Find(size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void Join(size_t a, size_t b) {
    a = Find(a);
    b = Find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
};

bool HasActor(const std::vector<core::Actor>& v, const core::Actor& a) {
  return std::any_of(v.begin(), v.end(), [&](const core::Actor& x) {
    return x.code == a.code && x.name == a.name;
  });
}

bool HasCountry(const std::vector<core::Actor>& v, const std::string& c) {
  return !c.empty() &&
         std::any_of(v.begin(), v.end(),
                     [&](const core::Actor& x) { return x.country == c; });
}

// Adds a more specific actor another report names ("Lavrov" beside
// "Russia") to the role where its country already stands.
void AddActor(core::Event* e, const core::Actor& a, bool as_recipient) {
  if (HasActor(e->actors, a) || HasActor(e->recipients, a)) return;
  if (a.kind == core::ActorKind::kCountry)
    return;  // country level is in the key
  bool in_a = HasCountry(e->actors, a.country);
  bool in_r = HasCountry(e->recipients, a.country);
  bool to_r = (in_a && in_r) ? as_recipient : (in_r || (!in_a && as_recipient));
  (to_r ? e->recipients : e->actors).push_back(a);
}

// The merged place: the most precise member place that every member with a
// place is compatible with (`m` is in canonical order, so ties go to the
// first). Members of one cluster are pairwise compatible, so the most
// precise place always qualifies; the fallbacks are for members that do not
// form a cluster: their common country, else none. Without geo/ the store
// has no country names, so a country place is a member's own country-level
// place when one has it, else one named by its code.
std::optional<core::Place> AgreedPlace(const std::vector<const core::Event*>& m,
                                       const DedupOptions& opt) {
  std::vector<const core::Place*> placed;
  for (const core::Event* e : m)
    if (e->location) placed.push_back(&*e->location);
  std::stable_sort(placed.begin(), placed.end(),
                   [](const core::Place* a, const core::Place* b) {
                     return PlaceRank(*a) < PlaceRank(*b);
                   });
  for (const core::Place* p : placed) {
    bool agreed = std::all_of(placed.begin(), placed.end(), [&](auto* q) {
      return PlacesMatch(*p, *q, opt);
    });
    if (agreed) return *p;
  }
  if (placed.empty() || placed[0]->country.empty()) return std::nullopt;
  const std::string& country = placed[0]->country;
  for (const core::Place* p : placed)
    if (p->country != country) return std::nullopt;
  for (const core::Place* p : placed)
    if (p->precision == core::PlacePrecision::kCountry) return *p;
  core::Place c;
  c.name = country;
  c.country = country;
  c.precision = core::PlacePrecision::kCountry;
  c.regions = placed[0]->regions;
  return c;
}

// The coder version of the newest report: the member published last (ties:
// the larger version string, so the choice depends only on the set). Coder
// versions are hashes without an order of their own; the latest report is
// the one coded last when articles arrive in time order, and after `geotl
// recode` every member has the same version anyway.
std::string NewestCoder(const std::vector<const core::Event*>& members) {
  std::string best_published, best_coder;
  bool first = true;
  for (const core::Event* e : members) {
    std::string published = e->first_reported;
    for (const auto& s : e->sources)
      published = std::max(published, s.published);
    if (first ||
        std::tie(published, e->coder) > std::tie(best_published, best_coder)) {
      best_published = std::move(published);
      best_coder = e->coder;
      first = false;
    }
  }
  return best_coder;
}

}  // namespace

bool CanonicalLess(const core::Event& a, const core::Event& b) {
  auto ka = std::make_tuple(DateRank(a.date), PlaceRank(a.location),
                            a.date.start, std::cref(a.id));
  auto kb = std::make_tuple(DateRank(b.date), PlaceRank(b.location),
                            b.date.start, std::cref(b.id));
  if (ka != kb) return ka < kb;
  return ToJsonLine(a) < ToJsonLine(b);  // duplicate ids: still a total order
}

core::Event MergeEvents(const std::vector<core::Event>& in,
                        const DedupOptions& opt) {
  if (in.empty()) return core::Event{};
  std::vector<const core::Event*> m;
  for (const auto& e : in) m.push_back(&e);
  std::sort(m.begin(), m.end(), [](const core::Event* a, const core::Event* b) {
    return CanonicalLess(*a, *b);
  });
  // Representative for type, label, summary, actors: highest confidence,
  // then the canonical order.
  const core::Event* rep =
      *std::min_element(m.begin(), m.end(), [](auto* a, auto* b) {
        if (a->confidence != b->confidence)
          return a->confidence > b->confidence;
        return CanonicalLess(*a, *b);
      });
  core::Event out = *rep;
  out.merged_into.clear();
  for (const core::Event* e : m)
    if (e->id < out.id) out.id = e->id;
  // Most precise date: first in canonical order by date alone.
  const core::Event* best_date =
      *std::min_element(m.begin(), m.end(), [](auto* a, auto* b) {
        return std::make_tuple(DateRank(a->date), a->date.start) <
               std::make_tuple(DateRank(b->date), b->date.start);
      });
  out.date = best_date->date;
  out.location = AgreedPlace(m, opt);
  out.coder = NewestCoder(m);
  out.fatalities.reset();
  out.size.reset();
  for (const core::Event* e : m) {
    out.confidence = std::max(out.confidence, e->confidence);
    // Conservative counts (as ACLED): the lowest figure any report gives.
    if (e->fatalities && (!out.fatalities || *e->fatalities < *out.fatalities))
      out.fatalities = e->fatalities;
    if (e->size && (!out.size || *e->size < *out.size)) out.size = e->size;
    if (e == rep) continue;
    for (const auto& a : e->actors) AddActor(&out, a, false);
    for (const auto& a : e->recipients) AddActor(&out, a, true);
  }
  // Every source, once, in publication order.
  out.sources.clear();
  for (const core::Event* e : m)
    out.sources.insert(out.sources.end(), e->sources.begin(), e->sources.end());
  std::sort(out.sources.begin(), out.sources.end(),
            [](const core::Source& a, const core::Source& b) {
              return SourceTuple(a) < SourceTuple(b);
            });
  out.sources.erase(std::unique(out.sources.begin(), out.sources.end()),
                    out.sources.end());
  std::set<std::string> articles;
  for (const auto& s : out.sources) articles.insert(s.article);
  out.n_sources = static_cast<int>(articles.size());
  // Independent publishers: one publisher's reports count once, and so do
  // wire copies carried by different publishers.
  const auto& src = out.sources;
  Groups g(src.size());
  std::map<std::string, size_t> by_pub;
  for (size_t i = 0; i < src.size(); ++i) {
    std::string pub = src[i].publisher.empty() ? "article:" + src[i].article
                                               : Lower(src[i].publisher);
    auto [it, fresh] = by_pub.emplace(pub, i);
    if (!fresh) g.Join(i, it->second);
  }
  std::vector<QuoteWords> words;
  words.reserve(src.size());
  for (const auto& x : src) words.push_back(SplitQuote(x.quote));
  for (size_t i = 0; i < src.size(); ++i)
    for (size_t j = i + 1; j < src.size(); ++j)
      if (g.Find(i) != g.Find(j) && WireCopies(words[i], words[j], opt))
        g.Join(i, j);
  std::set<size_t> roots;
  for (size_t i = 0; i < src.size(); ++i) roots.insert(g.Find(i));
  out.n_publishers = static_cast<int>(std::max<size_t>(roots.size(), 1));
  out.n_sources = std::max(out.n_sources, 1);
  out.first_reported.clear();
  for (const auto& s : src)
    if (!s.published.empty() &&
        (out.first_reported.empty() || s.published < out.first_reported))
      out.first_reported = s.published;
  if (out.first_reported.empty())
    for (const core::Event* e : m)
      if (!e->first_reported.empty() &&
          (out.first_reported.empty() ||
           e->first_reported < out.first_reported))
        out.first_reported = e->first_reported;
  return out;
}

}  // namespace geotl::store
