#include "geo/place_resolver.h"

#include <algorithm>
#include <cmath>

#include "geo/country.h"
#include "geo/place_key.h"

namespace geotl::geo {
namespace {

struct Candidate {
  GazEntry e;
  GazPlace p;
  bool admin_hit = false;
  int country_rank = -1;  // index in ctx.countries, -1 none
  bool spelling = false;  // matched by its spelling skeleton only
  double score = 0;
};

bool AdminHit(const GazPlace& p, const PlaceContext& ctx) {
  for (std::string_view a : {p.admin1, p.admin2}) {
    if (a.empty()) continue;
    std::string k = PlaceKey(a);
    for (const std::string& h : ctx.admin_keys) {
      if (h.empty()) continue;
      // "Kupwara" names "Kupwara District"; "Adamawa" names "Adamawa".
      if (k == h || (k.size() > h.size() && k.compare(0, h.size(), h) == 0 &&
                     k[h.size()] == ' '))
        return true;
    }
  }
  return false;
}

// Edit distance of two short keys (insertions, deletions, substitutions).
size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min(
          {row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

// A division's key, with or without its last word (its kind: "west
// wellega zone"), is at most `max_edits` from the text's key: a spelling
// of it ("west welega", "al hasakeh"), not another name with the same
// skeleton ("bayern" is no Byron, no Bern).
bool SpeltAlike(std::string_view key, std::string_view division,
                size_t max_edits) {
  if (EditDistance(key, division) <= max_edits) return true;
  const size_t sp = division.rfind(' ');
  return sp != std::string_view::npos &&
         EditDistance(key, division.substr(0, sp)) <= max_edits;
}

// `key` (the text's name, PlaceKey) spells the English name of a place of
// `population`: the same without an article or joiners ("Darbasiyah",
// "ad-Darbasiyah" for "Ad Darbāsīyah"), or, for a town of
// kSpellingMinPopulation or more, one edit from it, two for a name of six
// letters or more ("Al-Hasakeh" for "Al-Hasakah"; a village one letter off is a
// guess: "Mainari" is no Manari in Brazil). "Tur" is another name of Tours, not
// a spelling.
bool SpellingOf(std::string_view key, std::string_view english,
                uint64_t population) {
  const auto bare = [](std::string k) {
    std::string w = WithoutArticle(k);
    return w.empty() ? k : w;
  };
  const std::string a = bare(std::string(key)), b = bare(PlaceKey(english));
  if (a == b) return true;
  return population >= kSpellingMinPopulation &&
         EditDistance(a, b) <= (a.size() >= 6 ? 2u : 1u);
}

core::Place CountryOnly(const std::string& alpha3) {
  core::Place p;
  auto c = CountryByCode(alpha3);
  p.name = c ? c->name : alpha3;
  p.country = alpha3;
  p.precision = core::PlacePrecision::kCountry;
  p.regions = RegionsOf(alpha3);
  return p;
}

}  // namespace

core::Place GazPlaceToPlace(const Gazetteer& g, GazEntry e) {
  GazPlace gp = g.Get(e);
  core::Place p;
  p.name = std::string(gp.name);
  p.country = std::string(gp.country);
  p.admin1 = std::string(gp.admin1);
  p.admin2 = std::string(gp.admin2);
  if (gp.lat != 0 || gp.lon != 0) {
    p.lat = std::round(gp.lat * 1e4) / 1e4;
    p.lon = std::round(gp.lon * 1e4) / 1e4;
  }
  if (gp.admin_level == 0) {
    p.precision = core::PlacePrecision::kCity;
    p.geonames_id = gp.geonames_id;
  } else {
    p.precision = gp.admin_level == 1 ? core::PlacePrecision::kAdmin1
                                      : core::PlacePrecision::kAdmin2;
    if (gp.admin_level == 1) p.admin1 = p.name;
  }
  p.regions = RegionsOf(p.country);
  return p;
}

std::optional<ResolvedPlace> ResolvePlace(const Gazetteer& g,
                                          std::string_view name,
                                          const PlaceContext& ctx) {
  const std::string key = PlaceKey(name);
  std::vector<GazEntry> found = g.Find(key);
  // No name matches: a division spelt another way ("Oromia" for Oromiya,
  // "West Welega" for West Wellega Zone), two edits away at most, one for
  // a short skeleton.
  // Where only divisions match, divisions spelt another way compete
  // ("Oromia": Oromia Zone, and the region Oromiya).
  const size_t exact = found.size();
  // So do they where the text names a division but only towns match
  // ("Tal Tamr (Al-Hasakeh, Al-Hasakeh)": the governorate Al-Hasakah).
  const auto admin = [](const GazEntry& e) { return e.admin; };
  const std::string skeleton =
      std::all_of(found.begin(), found.end(), admin) ||
              (ctx.prefer_admin &&
               std::none_of(found.begin(), found.end(), admin))
          ? SpellingSkeleton(key)
          : std::string();
  if (!skeleton.empty())
    for (GazEntry e : g.Find(skeleton))
      if (std::none_of(found.begin(), found.end(),
                       [&](const GazEntry& x) {
                         return x.admin == e.admin && x.index == e.index;
                       }) &&
          SpeltAlike(key, PlaceKey(g.Get(e).name),
                     SkeletonLetters(skeleton) >= kSkeletonMinLetters ? 2 : 1))
        found.push_back(e);
  if (found.empty()) return std::nullopt;
  std::vector<Candidate> cands;
  cands.reserve(found.size());
  for (size_t i = 0; i < found.size(); ++i) {
    const GazEntry e = found[i];
    Candidate c;
    c.e = e;
    c.spelling = i >= exact;
    c.p = g.Get(e);
    c.admin_hit = AdminHit(c.p, ctx);
    for (size_t i = 0; i < ctx.countries.size(); ++i)
      if (ctx.countries[i] == c.p.country) {
        c.country_rank = static_cast<int>(i);
        break;
      }
    // Population prior; a populated place beats a division of the same
    // name only slightly (notes name the town, "Kupwara").
    c.score = std::log10(static_cast<double>(c.p.population) + 10.0);
    if ((c.p.admin_level == 0) != ctx.prefer_admin) c.score += 0.3;
    if (c.admin_hit) c.score += 100;
    if (c.country_rank >= 0) c.score += 50 - c.country_rank;
    cands.push_back(std::move(c));
  }
  std::sort(
      cands.begin(), cands.end(),
      [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
  ResolvedPlace r;
  r.readings = static_cast<int>(cands.size());
  const Candidate& best = cands[0];
  r.by_admin = best.admin_hit;
  r.by_country = best.country_rank >= 0;
  r.by_spelling = best.spelling;
  // A short skeleton the text does not support (an admin name, a country,
  // the admin position after a place) is a guess ("Mainari" is no Manari
  // of Brazil): the country the exact readings share ("Oromia" is in
  // Ethiopia either way), else nothing.
  if (r.by_spelling && SkeletonLetters(skeleton) < kSkeletonMinLetters &&
      !r.by_admin && !r.by_country && !ctx.prefer_admin) {
    const bool one_country =
        exact > 0 &&
        std::all_of(cands.begin(), cands.end(), [&](const Candidate& c) {
          return c.spelling || c.p.country == best.p.country;
        });
    if (!one_country) return std::nullopt;
    r.place = CountryOnly(std::string(best.p.country));
    return r;
  }
  // Rivals: other readings with the same standing (admin hit, country).
  const Candidate* rival = nullptr;
  for (size_t i = 1; i < cands.size(); ++i) {
    const Candidate& c = cands[i];
    if (c.admin_hit != best.admin_hit) continue;
    if ((c.country_rank >= 0) != (best.country_rank >= 0)) continue;
    // The division and its own seat are one reading.
    if (c.p.country == best.p.country &&
        (c.p.admin_level != best.p.admin_level) &&
        (c.p.admin1_index == best.p.admin1_index ||
         c.p.admin2_index == best.p.admin2_index))
      continue;
    rival = &c;
    break;
  }
  // A small town outside the text's countries (any, when it names none)
  // matched by another of its names ("Tur" for Tours); in a local outlet's
  // text any small foreign town or district ("New Hanover" county).
  const bool alternate = best.p.admin_level == 0 &&
                         PlaceKey(best.p.name) != key &&
                         (!ctx.countries.empty() ||
                          !SpellingOf(key, best.p.name, best.p.population));
  if (!best.admin_hit && best.country_rank < 0 &&
      best.p.population < kForeignAlternateMaxPopulation &&
      (alternate || (ctx.local_outlet && best.p.admin_level != 1)))
    return std::nullopt;
  bool dominant =
      !rival || static_cast<double>(best.p.population) >=
                    3.0 * static_cast<double>(rival->p.population) + 1000;
  if (!rival || dominant || best.admin_hit) {
    r.place = GazPlaceToPlace(g, best.e);
    if (best.p.admin_level == 0) r.population = best.p.population;
    return r;
  }
  // Ambiguous: the common admin1, else the common country, else nothing.
  if (rival->p.country == best.p.country) {
    if (rival->p.admin1_index == best.p.admin1_index &&
        best.p.admin1_index != 0xffffffffu) {
      r.place = GazPlaceToPlace(g, GazEntry{true, best.p.admin1_index});
      return r;
    }
    r.place = CountryOnly(std::string(best.p.country));
    return r;
  }
  return std::nullopt;
}

}  // namespace geotl::geo
