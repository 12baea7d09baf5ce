#include "ingest/code/gazetteer_place.h"

#include <algorithm>
#include <cstdlib>

#include "geo/country.h"
#include "geo/place_key.h"
#include "geo/place_resolver.h"
#include "ingest/code/sentence_coder.h"

namespace geotl::ingest::code {
namespace {

// Lower-case words that may stand inside a place name or an admin name
// ("Jammu and Kashmir", "Ras al Khaimah", "Bandar Seri Begawan").
bool Connector(const Token& t) {
  static constexpr std::string_view kWords[] = {"and", "al",  "el", "de",
                                                "du",  "la",  "es", "ad",
                                                "ar",  "ash", "as", "bin"};
  for (std::string_view w : kWords)
    if (t.lower == w) return true;
  return false;
}

bool NameWord(const Token& t) {
  return !t.punct && t.capitalized && t.lower.size() >= 2;
}

// Words between the preposition and the name: "the town of", "the
// village of", "der Provinz", "the Kupwara district of".
bool Filler(const Token& t) {
  static constexpr std::string_view kWords[] = {
      "the",           "town",      "city",
      "village",       "of",        "district",
      "area",          "region",    "province",
      "state",         "county",    "der",
      "die",           "dem",       "den",
      "des",           "stadt",     "provinz",
      "region",        "ortschaft", "dorf",
      "nähe",          "norden",    "süden",
      "osten",         "westen",    "north",
      "south",         "east",      "west",
      "northern",      "southern",  "eastern",
      "western",       "outskirts", "capital",
      "localities",    "locality",  "neighbourhood",
      "neighborhood",  "camp",      "hauptstadt",
      "bezirk",        "a",         "neighbourhoods",
      "neighborhoods", "villages",  "areas",
      "parts",         "streets",   "centre",
      "center"};
  if (t.punct) return false;
  for (std::string_view w : kWords)
    if (t.lower == w) return true;
  return false;
}

// The name [first, end] cut from [first, last] holds only words that open
// a longer name ("West" of "West Welega", "Federal" of "Federal
// University"): no place alone.
bool OnlyNameOpeners(const Cues& cues, const std::vector<Token>& toks,
                     int first, int end, int last) {
  if (end == last) return false;
  for (int i = first; i <= end; ++i)
    if (!cues.name_openers.Has(toks[i].lower)) return false;
  return true;
}

// A shortened name ("Lamu" of "Lamu Island", "Benghazi" of "Benghazi
// Medical Centre", "Pretoria" of "Pretoria West") only drops words that name
// a kind of place, a part or a facility of it: "Supreme" of "Supreme
// Administrative Court", "Abu" of "Abu Sleem" or "West" of "West Hararge" is
// another name, not that place.
bool DropsOnlyPlaceWords(const std::vector<Token>& toks, int end, int last) {
  static constexpr std::string_view kWords[] = {
      "district", "province",      "zone",         "region",   "state",
      "village",  "town",          "city",         "camp",     "county",
      "area",     "governorate",   "township",     "island",   "municipality",
      "locality", "sub-city",      "division",     "chiefdom", "territory",
      "market",   "neighbourhood", "neighborhood", "lga",      "west",
      "east",     "north",         "south",        "central",  "centre",
      "center",   "medical",       "university",   "hospital", "airport",
      "prison",   "barracks",      "stadium",      "road",     "street",
      "junction", "bridge",        "port",         "border",   "post"};
  for (int i = end + 1; i <= last; ++i) {
    bool place = false;
    for (std::string_view w : kWords) place = place || toks[i].lower == w;
    if (!place) return false;
  }
  return true;
}

// A recognised town this many times as populous as a namesake in another
// country keeps its reading unless an admin name names the namesake's.
constexpr uint64_t kNamesakeRatio = 20;

// A town named before a facility's word as a verb's object ("hit the
// Benghazi Medical Centre") is read without the text's support only when
// it is this large ("Smith Hospital" is no Smith County).
constexpr uint64_t kFacilityTownMinPopulation = 100000;

// The population of the gazetteer entry named `text` with GeoNames id `id`
// (0 when none).
uint64_t PopulationOf(const geo::Gazetteer& g, std::string_view text,
                      uint32_t id) {
  if (!id) return 0;
  for (geo::GazEntry e : g.Find(geo::PlaceKey(text))) {
    const geo::GazPlace gp = g.Get(e);
    if (gp.geonames_id == id) return gp.population;
  }
  return 0;
}

// An actor mention (country, person, organisation, group) covers token k.
bool ActorAt(const SentenceState& s, int k) {
  for (const auto& r : s.refs)
    if (k >= r.first && k <= r.last && r.m->kind != MentionKind::kPlace)
      return true;
  return false;
}

// A town the recogniser read covers token k: its reading stands (it is
// re-read by ResolveMention, not looked up again: "in Washington" is the
// city, not the state).
const MentionRef* TownAt(const SentenceState& s, int k) {
  for (const auto& r : s.refs)
    if (k >= r.first && k <= r.last && r.m->kind == MentionKind::kPlace &&
        r.m->place && r.m->place->precision == core::PlacePrecision::kCity)
      return &r;
  return nullptr;
}

std::string Span(const SentenceState& s, int first, int last) {
  return std::string(s.text.substr(s.toks[first].start,
                                   s.toks[last].end - s.toks[first].start));
}

// The dateline that opens a sentence ("WASHINGTON (AP) _", "NAIROBI,
// Kenya (AP) _", "Wien –"): the tokens up to its mark, 0 if none. It names
// where the reporter is, not the division a place of the story lies in
// ("WASHINGTON … Paris" is no Paris of Washington County).
int DatelineEnd(const SentenceState& s) {
  for (int k = 0; k < s.n && k < 8; ++k) {
    const Token& t = s.toks[k];
    if (t.punct &&
        (t.lower == "_" || t.lower == "–" || t.lower == "—" || t.lower == "-"))
      return k > 0 ? k + 1 : 0;
    if (!t.punct && !t.capitalized) return 0;
  }
  return 0;
}

// Keys of every capitalised run of the sentence and of its words: the
// admin names the text writes near a place (not its dateline).
std::vector<std::string> AdminKeys(const SentenceState& s) {
  std::vector<std::string> keys;
  int k = DatelineEnd(s);
  while (k < s.n) {
    if (!NameWord(s.toks[k])) {
      ++k;
      continue;
    }
    int last = k;
    while (last + 1 < s.n && (NameWord(s.toks[last + 1]) ||
                              (Connector(s.toks[last + 1]) && last + 2 < s.n &&
                               NameWord(s.toks[last + 2]))))
      ++last;
    keys.push_back(geo::PlaceKey(Span(s, k, last)));
    // Each word too, but a word that only opens a name: "New" of "New
    // Brighton" names no "New Jersey".
    if (last > k)
      for (int i = k; i <= last; ++i)
        if (NameWord(s.toks[i]) && !s.cues.name_openers.Has(s.toks[i].lower))
          keys.push_back(geo::PlaceKey(s.toks[i].lower));
    k = last + 1;
  }
  return keys;
}

// Tokens [first, last] may be a name the gazetteer does not know: every
// word a capitalised name word that is no acronym ("KDF"), holds no full
// stop ("Benghazi.This"), is no possessive ("in Elian's return") and is no
// word of unknown_place_stop (months, institutions, languages).
bool UnknownName(const SentenceState& s, int first, int last) {
  for (int i = first; i <= last; ++i) {
    const Token& t = s.toks[i];
    if (!NameWord(t) || s.cues.unknown_place_stop.Has(t.lower)) return false;
    const std::string_view w = s.text.substr(t.start, t.end - t.start);
    if (std::none_of(w.begin(), w.end(),
                     [](char c) { return c >= 'a' && c <= 'z'; }) ||
        w.find_first_of(".'") != std::string_view::npos)
      return false;
  }
  return true;
}

// Tokens [first, last] after the preposition at `prep` are a place name the
// gazetteer does not know ("killed in Selea", "clashed in Rupchai,
// Mayendit", "the area of Mahadaay"): the preposition is one of
// unknown_place_preps, or an "of" after a word for a place (`place_of`),
// or in a note a verb or "on" of attack (`place_verb`); the name is an
// UnknownName and it ends where its capitalised run ends.
bool UnknownPlace(const SentenceState& s, int prep, int first, int last,
                  bool place_of, bool place_verb) {
  if (!s.cues.unknown_place_preps.Has(s.toks[prep].lower) && !place_of &&
      !(place_verb && s.ctx.brief))
    return false;
  if (last + 1 < s.n &&
      (NameWord(s.toks[last + 1]) || s.toks[last + 1].lower == "'"))
    return false;
  return UnknownName(s, first, last);
}

// The name, and each of its words, is no admin hint of its own reading
// ("York" of "New York" names no York County).
void DropOwnKeys(std::string_view name, geo::PlaceContext* c) {
  std::vector<std::string> own{geo::PlaceKey(name)};
  size_t at = 0;
  while (at < name.size()) {
    size_t sp = name.find(' ', at);
    if (sp == std::string_view::npos) sp = name.size();
    if (sp > at) own.push_back(geo::PlaceKey(name.substr(at, sp - at)));
    at = sp + 1;
  }
  auto& keys = c->admin_keys;
  keys.erase(std::remove_if(keys.begin(), keys.end(),
                            [&](const std::string& k) {
                              return std::find(own.begin(), own.end(), k) !=
                                     own.end();
                            }),
             keys.end());
}

// German capitalises every noun, so a German reading must be one the text
// supports: an admin name written next to it or a country of the article
// (its home included), not the population prior alone.
bool Trusted(const SentenceState& s, const geo::ResolvedPlace& r) {
  return !s.de || r.by_admin || r.by_country;
}

geo::PlaceContext Context(const SentenceState& s,
                          const std::vector<std::string>& actor_countries) {
  geo::PlaceContext ctx;
  auto add = [&](const std::string& c) {
    if (c.size() == 3 && std::find(ctx.countries.begin(), ctx.countries.end(),
                                   c) == ctx.countries.end())
      ctx.countries.push_back(c);
  };
  for (const auto& r : s.refs)
    if (r.m->kind == MentionKind::kCountry && r.m->actor)
      add(r.m->actor->country);
  for (const auto& r : s.refs)
    if (r.m->kind == MentionKind::kPlace && r.m->place &&
        r.m->place->precision != core::PlacePrecision::kCity)
      add(r.m->place->country);
  for (const std::string& c : s.ctx.article_countries) add(c);
  for (const std::string& c : actor_countries) add(c);
  add(s.ctx.home);
  ctx.local_outlet = s.ctx.local_outlet;
  ctx.admin_keys = AdminKeys(s);
  // A division the recogniser named ("N.Y.", "Kärntens") by its gazetteer
  // name.
  for (const auto& r : s.refs)
    if (r.m->kind == MentionKind::kPlace && r.m->place &&
        (r.m->place->precision == core::PlacePrecision::kAdmin1 ||
         r.m->place->precision == core::PlacePrecision::kAdmin2))
      ctx.admin_keys.push_back(geo::PlaceKey(r.m->place->name));
  return ctx;
}

// A hit read from a word for a settlement or a facility: `place` with the
// name's words as its text (kept as set for an unknown name's country).
GazetteerHit SettlementHit(core::Place place, const std::string& name,
                           int first, int last, bool unknown) {
  GazetteerHit h;
  h.place = std::move(place);
  if (!unknown) h.place.text = name;
  h.first = first;
  h.last = last;
  h.unknown = unknown;
  h.settlement = true;
  return h;
}

// A name written before a word for a settlement or a division ("raided
// Gouzoudou village", "attack Thur camp", "in the Mironge and Taka villages
// of Mutongo locality"): a place wherever it stands, no preposition needed
// (cue list settlement_nouns). The gazetteer's reading when the text
// supports it (a division for "district"), else, in a story of known
// country, that country with the name as written. Names the prepositions
// already read, actors' names and words that only open a name ("West" of
// "West district") are left alone.
void SettlementNames(const SentenceState& s,
                     std::optional<geo::PlaceContext>* ctx,
                     const std::vector<std::string>& actor_countries,
                     std::vector<GazetteerHit>* hits) {
  const geo::Gazetteer* g = s.ctx.gazetteer;
  for (int k = 1; k < s.n; ++k) {
    if (s.toks[k].punct || !s.cues.settlement_nouns.Has(s.toks[k].lower))
      continue;
    // The word opens a longer name or title: "Erie County District
    // Attorney", "Town Hall".
    if (k + 1 < s.n && NameWord(s.toks[k + 1])) continue;
    const int last = k - 1;
    if (!NameWord(s.toks[last]) || ActorAt(s, last) || TownAt(s, last) ||
        s.attributed[last])
      continue;
    int first = last;
    while (first > DatelineEnd(s) && last - first < 2 &&
           NameWord(s.toks[first - 1]) && !ActorAt(s, first - 1) &&
           !TownAt(s, first - 1))
      --first;
    if (std::any_of(hits->begin(), hits->end(), [&](const GazetteerHit& h) {
          return h.first <= last && first <= h.last;
        }))
      continue;
    if (!*ctx) *ctx = Context(s, actor_countries);
    bool found = false;
    // The longest name first; a sentence's first word may open it ("Boko
    // Haram raided ...", "Gunmen attack Thur camp").
    for (int from = first; from <= last && !found; ++from) {
      // Not words that only open a name or name a kind of place ("West
      // district", "County area").
      bool openers = true;
      for (int i = from; i <= last; ++i)
        openers = openers && s.cues.name_openers.Has(s.toks[i].lower);
      if (openers || DropsOnlyPlaceWords(s.toks, from - 1, last)) continue;
      const std::string name = Span(s, from, last);
      geo::PlaceContext c = **ctx;
      c.prefer_admin = s.toks[k].lower == "district" ||
                       s.toks[k].lower == "lga" ||
                       s.toks[k].lower == "sub-county";
      DropOwnKeys(name, &c);
      auto r = g ? geo::ResolvePlace(*g, name, c)
                 : std::optional<geo::ResolvedPlace>();
      if (r && Trusted(s, *r)) {
        found = true;
        hits->push_back(
            SettlementHit(std::move(r->place), name, from, last, false));
      } else if (s.ctx.home.size() == 3 && UnknownName(s, from, last)) {
        if (auto country = CountryPlace(s.ctx.home, name)) {
          found = true;
          hits->push_back(
              SettlementHit(std::move(*country), name, from, last, true));
        }
      }
    }
  }
}

// In a note, a town named before a facility's word ("a missile hit the car
// park of the Benghazi Medical Centre", "Nakawa Chief Magistrate Court";
// cue list facility_nouns): the first words of the capitalised run before
// it, read by the gazetteer where the text supports the reading or the town
// is large. News names universities abroad after towns ("Columbia
// University"), so notes only.
void FacilityTowns(const SentenceState& s,
                   std::optional<geo::PlaceContext>* ctx,
                   const std::vector<std::string>& actor_countries,
                   std::vector<GazetteerHit>* hits) {
  const geo::Gazetteer* g = s.ctx.gazetteer;
  if (!s.ctx.brief || !g) return;
  for (int k = 1; k < s.n; ++k) {
    if (s.toks[k].punct || !s.cues.facility_nouns.Has(s.toks[k].lower))
      continue;
    const int last = k - 1;
    if (!NameWord(s.toks[last])) continue;
    int first = last;
    while (first > DatelineEnd(s) && last - first < 3 &&
           NameWord(s.toks[first - 1]))
      --first;
    if (ActorAt(s, first) || s.attributed[first] ||
        std::any_of(hits->begin(), hits->end(), [&](const GazetteerHit& h) {
          return h.first <= last && first <= h.last;
        }))
      continue;
    if (!*ctx) *ctx = Context(s, actor_countries);
    if (const auto* town = TownAt(s, first)) {
      if (town->last >= k) continue;
      const std::string name = Span(s, town->first, town->last);
      auto re = ResolveMention(s, *town->m->place, name, actor_countries);
      hits->push_back(SettlementHit(re ? std::move(*re) : *town->m->place, name,
                                    town->first, town->last, false));
      continue;
    }
    for (int end = std::min(last, first + 1); end >= first; --end) {
      const std::string name = Span(s, first, end);
      geo::PlaceContext c = **ctx;
      DropOwnKeys(name, &c);
      auto r = geo::ResolvePlace(*g, name, c);
      if (!r || !Trusted(s, *r) ||
          r->place.precision != core::PlacePrecision::kCity ||
          !(r->by_admin || r->by_country ||
            r->population >= kFacilityTownMinPopulation))
        continue;
      hits->push_back(
          SettlementHit(std::move(r->place), name, first, end, false));
      break;
    }
  }
}

}  // namespace

std::vector<GazetteerHit> GazetteerPlaces(
    const SentenceState& s, const std::vector<std::string>& actor_countries) {
  std::vector<GazetteerHit> hits;
  const geo::Gazetteer* g = s.ctx.gazetteer;
  if (!g) return hits;
  std::optional<geo::PlaceContext> ctx;
  for (int k = 0; k + 1 < s.n; ++k) {
    // "of" after a place noun is locative too: "neighbourhoods of Baidoa".
    const bool place_of = k > 0 && s.toks[k].lower == "of" &&
                          Filler(s.toks[k - 1]) && s.toks[k - 1].lower != "of";
    // "bombed Jebel Ouergha": the object of a verb of attack.
    // In a note, "on" after a word for an attack too: "an attack on
    // Maxaas", "opened fire on Jugma" (cue list attack_on_nouns).
    const bool place_verb = s.cues.place_object_verbs.Has(s.toks[k].lower) ||
                            (s.ctx.brief && k > 0 && s.toks[k].lower == "on" &&
                             s.cues.attack_on_nouns.Has(s.toks[k - 1].lower));
    if (!(s.cw[k] & kLocativePreps) && !place_of && !place_verb) continue;
    if (s.attributed[k]) continue;
    if (!place_verb && !s.cues.gazetteer_preps.empty() &&
        !s.cues.gazetteer_preps.Has(s.toks[k].lower))
      continue;
    // The name may follow words like "the town of", "der Provinz", "im
    // Norden" (German nouns are capitalised: a filler is tried as a name
    // first, "North Darfur").
    for (int first = k + 1; first < s.n && first <= k + 5; ++first) {
      const Token& t = s.toks[first];
      if (t.punct || ActorAt(s, first)) break;
      if (const auto* town = TownAt(s, first)) {
        GazetteerHit h;
        const std::string name = Span(s, town->first, town->last);
        auto re = ResolveMention(s, *town->m->place, name, actor_countries);
        h.place = re ? std::move(*re) : *town->m->place;
        h.place.text = name;
        h.first = town->first;
        h.last = town->last;
        hits.push_back(std::move(h));
        break;
      }
      if (!NameWord(t)) {
        if (Filler(t)) continue;
        break;
      }
      if (s.cues.gazetteer_stop.Has(t.lower)) {
        if (Filler(t)) continue;
        break;
      }
      int last = first;
      while (last + 1 < s.n && last - first < 3 &&
             (NameWord(s.toks[last + 1]) ||
              (Connector(s.toks[last + 1]) && last + 2 < s.n &&
               NameWord(s.toks[last + 2]))))
        ++last;
      if (!ctx) ctx = Context(s, actor_countries);
      bool found = false, found_by_admin = false;
      for (int end = last; end >= first && !found; --end) {
        if (!NameWord(s.toks[end]) || ActorAt(s, end)) continue;
        if (!DropsOnlyPlaceWords(s.toks, end, last) ||
            OnlyNameOpeners(s.cues, s.toks, first, end, last))
          continue;
        const std::string name = Span(s, first, end);
        geo::PlaceContext c = *ctx;
        DropOwnKeys(name, &c);
        auto r = geo::ResolvePlace(*g, name, c);
        if (!r || !Trusted(s, *r)) continue;
        // A verb's object is a place only where the text supports the
        // reading (a person "attacked Smith" is no town), or where a
        // facility's word follows the name ("hit the Benghazi Medical
        // Centre", "stormed Kismayo airport").
        if (place_verb && !r->by_admin && !r->by_country &&
            (end == last || r->place.precision != core::PlacePrecision::kCity ||
             r->population < kFacilityTownMinPopulation))
          continue;
        found = true;
        found_by_admin = r->by_admin;
        GazetteerHit h;
        h.place = std::move(r->place);
        h.place.text = name;
        h.first = first;
        h.last = end;
        hits.push_back(std::move(h));
      }
      // An unknown village named with its district ("Handwara (Kupwara,
      // Jammu and Kashmir)", "Lenga, in Lualaba province", "Kuyibbo village
      // (Gemechis, Oromia)"): the district. Also a town of that name
      // elsewhere that the admin names in brackets contradict ("Nowshera
      // sector (Rajouri, Jammu and Kashmir)" is no Nowshera of Pakistan).
      int after = last + 1;
      // Lower-case words of a kind of place may stand between ("Nowshera
      // sector (", "the Qandil mountains (").
      while (after < s.n && after <= last + 2 && !s.toks[after].punct &&
             !s.toks[after].capitalized)
        ++after;
      if (after < s.n && s.toks[after].lower != "(") after = last + 1;
      const bool bracketed = after < s.n && s.toks[after].lower == "(";
      if (!found || (!found_by_admin && bracketed)) {
        int k2 = after;
        while (k2 < s.n && s.toks[k2].punct &&
               (s.toks[k2].lower == "," || s.toks[k2].lower == "("))
          ++k2;
        if (k2 < s.n && s.toks[k2].lower == "in") ++k2;
        geo::PlaceContext c = *ctx;
        c.prefer_admin = true;
        const bool town_found = found;
        bool district = false;
        // The first of up to three admin names the gazetteer reads
        // ("Zaitseve (Bakhmutskyi, Donetsk)": the oblast).
        for (int name_no = 0; name_no < 3 && !district; ++name_no) {
          if (name_no > 0) {
            if (k2 >= s.n || s.toks[k2].lower != ",") break;
            ++k2;
          }
          if (k2 <= after || k2 >= s.n || !NameWord(s.toks[k2]) ||
              ActorAt(s, k2))
            break;
          int e2 = k2;
          while (e2 + 1 < s.n && e2 - k2 < 3 &&
                 (NameWord(s.toks[e2 + 1]) ||
                  (Connector(s.toks[e2 + 1]) && e2 + 2 < s.n &&
                   NameWord(s.toks[e2 + 2]))))
            ++e2;
          for (int end = e2; end >= k2 && !district; --end) {
            if (!NameWord(s.toks[end]) ||
                OnlyNameOpeners(s.cues, s.toks, k2, end, e2))
              continue;
            const std::string name = Span(s, k2, end);
            auto r = geo::ResolvePlace(*g, name, c);
            if (!r || !Trusted(s, *r)) continue;
            if (town_found) {
              if (r->place.country == hits.back().place.country) break;
              hits.pop_back();
            }
            found = district = true;
            GazetteerHit h;
            h.place = std::move(r->place);
            h.place.text = Span(s, first, last);
            h.first = first;
            h.last = last;
            hits.push_back(std::move(h));
          }
          k2 = e2 + 1;
          // Admin names follow in brackets only after the first.
          if (!bracketed) break;
        }
      }
      // A name the gazetteer does not know, in a story of known country:
      // that country, the name as written.
      if (!found && s.ctx.home.size() == 3 &&
          UnknownPlace(s, k, first, last, place_of, place_verb))
        if (auto country = CountryPlace(s.ctx.home, Span(s, first, last))) {
          found = true;
          GazetteerHit h;
          h.place = std::move(*country);
          h.first = first;
          h.last = last;
          h.unknown = true;
          hits.push_back(std::move(h));
        }
      if (found || !Filler(t)) break;
    }
  }
  SettlementNames(s, &ctx, actor_countries, &hits);
  FacilityTowns(s, &ctx, actor_countries, &hits);
  return hits;
}

std::optional<GazetteerHit> GazetteerPlace(
    const SentenceState& s, const Predicate& p,
    const std::vector<std::string>& actor_countries) {
  std::optional<GazetteerHit> best;
  for (GazetteerHit& h : GazetteerPlaces(s, actor_countries)) {
    // A name the gazetteer knows comes first.
    h.distance = std::abs(h.first - p.h.head) +
                 (s.clause_of[h.first] == p.ci ? 0 : 50) +
                 (h.unknown ? 100 : 0);
    if (!best || h.distance < best->distance) best = std::move(h);
  }
  return best;
}

std::vector<SentencePlace> PlaceReadings(const SentenceState& s) {
  std::vector<SentencePlace> out;
  for (GazetteerHit& h : GazetteerPlaces(s, {})) {
    SentencePlace r;
    r.start = s.toks[h.first].start;
    r.end = s.toks[h.last].end;
    r.place = std::move(h.place);
    if (h.settlement)
      r.rule = h.unknown ? "a name the gazetteer does not know before a word "
                           "for a settlement (the story's country)"
                         : "place before a word for a settlement or a "
                           "facility (gazetteer)";
    else
      r.rule = h.unknown ? "a name the gazetteer does not know after a "
                           "locative preposition (the story's country)"
                         : "place after a locative preposition (gazetteer)";
    out.push_back(std::move(r));
  }
  for (const auto& ref : s.refs) {
    const Mention& m = *ref.m;
    if (m.kind != MentionKind::kPlace || !m.place ||
        m.place->precision != core::PlacePrecision::kCity)
      continue;
    if (std::any_of(out.begin(), out.end(), [&](const SentencePlace& x) {
          return x.start == m.start && x.end == m.end;
        }))
      continue;
    const std::string_view text = s.text.substr(m.start, m.end - m.start);
    auto p = ResolveMention(s, *m.place, text, {});
    if (!p) continue;
    SentencePlace r;
    r.start = m.start;
    r.end = m.end;
    r.place = std::move(*p);
    r.rule = "gazetteer reading of a recognised town in context";
    out.push_back(std::move(r));
  }
  std::sort(out.begin(), out.end(),
            [](const SentencePlace& a, const SentencePlace& b) {
              return a.start < b.start;
            });
  return out;
}

std::optional<core::Place> FirstPlace(const geo::Gazetteer& g,
                                      std::string_view text,
                                      const std::vector<Sentence>& sentences,
                                      const Cues& cues,
                                      const std::vector<std::string>& countries,
                                      bool local_outlet) {
  std::vector<Token> toks;
  geo::PlaceContext context;
  context.countries = countries;
  context.local_outlet = local_outlet && !countries.empty();
  for (size_t si = 0; si < sentences.size() && si < 3; ++si) {
    toks.clear();
    Tokenize(text, sentences[si].start, sentences[si].end, &toks);
    const int n = static_cast<int>(toks.size());
    for (int k = 0; k + 1 < n; ++k) {
      if (!cues.locative_preps.Has(toks[k].lower)) continue;
      if (!cues.gazetteer_preps.empty() &&
          !cues.gazetteer_preps.Has(toks[k].lower))
        continue;
      int first = k + 1;
      while (first < n && first <= k + 4 && Filler(toks[first]) &&
             !toks[first].capitalized)
        ++first;
      if (first >= n || !NameWord(toks[first]) ||
          cues.gazetteer_stop.Has(toks[first].lower))
        continue;
      int last = first;
      while (last + 1 < n && last - first < 3 && NameWord(toks[last + 1]))
        ++last;
      for (int end = last; end >= first; --end) {
        if (!DropsOnlyPlaceWords(toks, end, last) ||
            OnlyNameOpeners(cues, toks, first, end, last))
          continue;
        std::string name(
            text.substr(toks[first].start, toks[end].end - toks[first].start));
        auto r = geo::ResolvePlace(g, name, context);
        // "in Guinea" is the country, not a town of that name abroad;
        // a town of the story's own countries stays ("in Georgia" from an
        // American outlet). Names only: "in US" stays the gazetteer's.
        const bool own =
            r && std::find(context.countries.begin(), context.countries.end(),
                           r->place.country) != context.countries.end();
        if (!own && name.size() >= 4)
          if (auto code = geo::CountryCodeForName(name))
            if (auto country = CountryPlace(*code, name)) return country;
        if (r && !r->place.country.empty()) {
          r->place.text = name;
          return r->place;
        }
      }
    }
  }
  return std::nullopt;
}

std::optional<core::Place> ResolveMention(
    const SentenceState& s, const core::Place& known, std::string_view text,
    const std::vector<std::string>& countries) {
  const geo::Gazetteer* g = s.ctx.gazetteer;
  if (!g || text.empty()) return std::nullopt;
  geo::PlaceContext c = Context(s, countries);
  DropOwnKeys(text, &c);
  auto r = geo::ResolvePlace(*g, text, c);
  if (!r) return std::nullopt;
  // Keep the recogniser's reading unless the gazetteer's has the text's
  // support or only adds to it. In the same country a town stays a town
  // (not "Stockholm" the county, "Tel Aviv" the district), and only an
  // admin name in the text moves it to another town ("Washington" the
  // township). Another country needs an admin name, or a country of the
  // context that the recogniser's country is not ("Birmingham" with Britain
  // and the USA both named stays as recognised).
  const core::Place& p = r->place;
  if (p.country == known.country) {
    if (known.precision == core::PlacePrecision::kCity &&
        p.precision != core::PlacePrecision::kCity)
      return std::nullopt;
    const bool same = known.geonames_id
                          ? p.geonames_id == known.geonames_id
                          : geo::PlaceKey(p.name) == geo::PlaceKey(known.name);
    if (!same && !r->by_admin) return std::nullopt;
  } else if (!r->by_admin) {
    if (!r->by_country) return std::nullopt;
    if (std::find(c.countries.begin(), c.countries.end(), known.country) !=
        c.countries.end())
      return std::nullopt;
    // A world city abroad does not become a far smaller namesake at home
    // ("WASHINGTON … Paris" is no Paris, Texas): only an admin name moves
    // it ("Paris, Texas").
    if (known.geonames_id && PopulationOf(*g, text, *known.geonames_id) >=
                                 kNamesakeRatio * r->population)
      return std::nullopt;
  }
  if (p.precision == core::PlacePrecision::kCountry &&
      known.precision != core::PlacePrecision::kCountry)
    return std::nullopt;
  r->place.text = std::string(text);
  return r->place;
}

}  // namespace geotl::ingest::code
