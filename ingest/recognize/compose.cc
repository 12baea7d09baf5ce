#include "ingest/recognize/compose.h"

#include <algorithm>
#include <unordered_map>

#include "geo/city.h"
#include "geo/country.h"

namespace geotl::ingest::recognize {
namespace {

// What one raw match can be, from its candidate entries.
struct Reading {
  int country = -1;  // country ref from name/adjective/demonym
  EntryType country_type = EntryType::kCountryName;
  int metonym = -1;  // entry id of a metonym
  int entity = -1;   // entity ref
  int role = -1;     // role ref
  bool connector = false, admin_word = false, given_name = false;
  std::vector<uint32_t> places;  // entry ids of city/admin1/region entries
  const std::string* rule = &kNoRule;  // rule of the chosen actor entry
  bool genitive = false;               // that entry is a genitive form
  static inline const std::string kNoRule;
};

Reading Read(const Dictionary& dict, const MatchBuffer& mb, const RawMatch& m,
             core::Date as_of) {
  Reading r;
  bool entity_active = false;
  for (uint32_t k = m.cand_begin; k < m.cand_end; ++k) {
    uint32_t id = mb.candidates[k];
    const Entry& e = dict.entry(id);
    switch (e.type) {
      case EntryType::kCountryName:
      case EntryType::kAdjective:
      case EntryType::kDemonym:
        // Preference: name > adjective > demonym ("Israeli army").
        if (r.country < 0 || e.type == EntryType::kCountryName ||
            (e.type == EntryType::kAdjective &&
             r.country_type == EntryType::kDemonym)) {
          r.country = static_cast<int>(e.ref);
          r.country_type = e.type;
          if (r.entity < 0) {
            r.rule = &e.rule;
            r.genitive = e.genitive;
          }
        }
        break;
      case EntryType::kMetonym:
        if (r.metonym < 0) r.metonym = static_cast<int>(id);
        break;
      case EntryType::kEntity: {
        // Several lexicons may know the name (built-in, user imports): the
        // first with a role active on the date wins, else the first.
        bool active = ActiveRole(dict.entities[e.ref], as_of) != nullptr;
        if (r.entity < 0 || (active && !entity_active)) {
          r.entity = static_cast<int>(e.ref);
          r.rule = &e.rule;
          r.genitive = e.genitive;
          entity_active = active;
        }
        break;
      }
      case EntryType::kRole:
        if (r.role < 0) {
          r.role = static_cast<int>(e.ref);
          r.rule = &e.rule;
          r.genitive = e.genitive;
        }
        break;
      case EntryType::kConnector:
        r.connector = true;
        break;
      case EntryType::kAdminWord:
        r.admin_word = true;
        break;
      case EntryType::kGivenName:
        r.given_name = true;
        if (r.rule == &Reading::kNoRule) {
          r.rule = &e.rule;
          r.genitive = e.genitive;
        }
        break;
      case EntryType::kCity:
      case EntryType::kAdmin1:
      case EntryType::kRegion:
        r.places.push_back(id);
        break;
    }
  }
  return r;
}

// English names and M49 regions of every ICU country, built once.
struct CountryInfo {
  std::string name;
  std::vector<std::string> regions;
};
const CountryInfo* Info(const std::string& code) {
  static const std::unordered_map<std::string, CountryInfo> table = [] {
    std::unordered_map<std::string, CountryInfo> t;
    for (const geo::Country& c : geo::Countries())
      t.emplace(c.alpha3, CountryInfo{c.name, geo::RegionsOf(c.alpha3)});
    return t;
  }();
  auto it = table.find(code);
  return it == table.end() ? nullptr : &it->second;
}

std::string EnglishCountryName(const std::string& code) {
  const CountryInfo* i = Info(code);
  return i ? i->name : code;
}

std::vector<std::string> RegionsOf(const std::string& code) {
  const CountryInfo* i = Info(code);
  return i ? i->regions : std::vector<std::string>{};
}

core::Place CountryPlace(const std::string& code, std::string_view text) {
  core::Place p;
  p.text = std::string(text);
  p.name = EnglishCountryName(code);
  p.country = code;
  p.precision = core::PlacePrecision::kCountry;
  p.regions = RegionsOf(code);
  return p;
}

core::Actor MakeActor(std::string_view text, std::string name,
                      std::string country, std::string sector,
                      core::ActorKind kind) {
  core::Actor a;
  a.text = std::string(text);
  a.name = std::move(name);
  a.code = country + sector;  // all sectors ("RUSGOVMIL")
  a.country = std::move(country);
  a.sector = sector.substr(0, 3);  // the first one
  a.kind = kind;
  return a;
}

// Country of a place entry, and a population for ranking.
std::string PlaceCountry(const Dictionary& dict, const Entry& e) {
  switch (e.type) {
    case EntryType::kCity:
      return geo::Cities()[e.ref].country;
    case EntryType::kAdmin1:
      return geo::Admin1s()[e.ref].country;
    default:
      return dict.regions[e.ref].country;
  }
}
uint64_t PlacePopulation(const Entry& e) {
  switch (e.type) {
    case EntryType::kCity:
      return geo::Cities()[e.ref].population;
    case EntryType::kAdmin1:
      return geo::Admin1s()[e.ref].population;
    default:
      return 1ull << 40;  // named regions from lexicons are deliberate
  }
}

class Composer {
 public:
  Composer(const Dictionary& dict, std::string_view text, const TokenBuffer& tb,
           const MatchBuffer& mb, core::Date as_of, std::string_view language,
           std::vector<Mention>* out)
      : dict_(dict),
        text_(text),
        tb_(tb),
        mb_(mb),
        as_of_(as_of),
        out_(out),
        // Only where common nouns are lower case does a capitalised
        // neighbour mark a personal name.
        names_by_case_(language != "de") {
    readings_.reserve(mb.matches.size());
    for (const RawMatch& m : mb.matches)
      readings_.push_back(Read(dict, mb, m, as_of));
    // Countries named in the sentence: context for place readings.
    for (size_t k = 0; k < readings_.size(); ++k) {
      const Reading& r = readings_[k];
      if (r.country >= 0) context_.push_back({dict.countries[r.country], k});
      if (r.metonym >= 0)
        context_.push_back({dict.countries[dict.entry(r.metonym).ref], k});
      // A place name alone ("Atlanta") adds its likeliest country.
      if (r.country < 0 && r.entity < 0 && !r.places.empty()) {
        uint64_t best = 0;
        std::string country;
        for (uint32_t id : r.places) {
          const Entry& e = dict.entry(id);
          uint64_t pop = PlacePopulation(e);
          if (country.empty() || pop > best) {
            best = pop;
            country = PlaceCountry(dict, e);
          }
        }
        if (!country.empty()) context_.push_back({country, k});
      }
      if (r.entity >= 0) {
        const Entity& e = dict.entities[r.entity];
        const DatedRole* role = ActiveRole(e, as_of);
        const std::string& c =
            role ? role->country
                 : (e.country.empty() ? e.nationality : e.country);
        if (!c.empty()) context_.push_back({c, k});
      }
    }
  }

  void Run() {
    const size_t n = readings_.size();
    size_t k = 0;
    while (k < n) {
      const size_t emitted = out_->size();
      size_t next = TryRolePhrase(k);
      if (next > k) {
        MarkStance(k, emitted);
        k = next;
        continue;
      }
      const Reading& r = readings_[k];
      bool after_admin_word =
          k > 0 && readings_[k - 1].admin_word && Adjacent(k - 1, k);
      bool before_admin_word =
          k + 1 < n && readings_[k + 1].admin_word && Adjacent(k, k + 1);
      bool admin =
          (after_admin_word || before_admin_word) && HasAdminReading(r);
      bool country_entity = r.entity >= 0 && dict_.entities[r.entity].kind ==
                                                 core::ActorKind::kCountry;
      if (!r.places.empty() &&
          (admin || PlaceBeatsCountry(r) ||
           (r.country < 0 && (r.entity < 0 || country_entity) &&
            r.metonym < 0) ||
           (r.country < 0 && r.entity >= 0 && CapitalReading(r)))) {
        EmitPlace(k, admin);
      } else if (r.entity >= 0) {
        EmitEntity(k, k, std::nullopt, -1);
      } else if (r.country >= 0) {
        EmitCountry(k);
      } else if (r.metonym >= 0) {
        EmitMetonym(k);
      } else if (r.given_name && r.role < 0) {
        EmitUnknownPerson(k);
      }
      MarkStance(k, emitted);
      ++k;
    }
  }

  // The mentions emitted since `emitted` that begin with match k carry its
  // stance prefix.
  void MarkStance(size_t k, size_t emitted) {
    if (out_->size() == emitted) return;
    const std::string prefix = StancePrefix(k);
    if (prefix.empty()) return;
    for (size_t i = emitted; i < out_->size(); ++i)
      if ((*out_)[i].start == StartByte(k)) (*out_)[i].stance = prefix;
  }

 private:
  const RawMatch& M(size_t k) const { return mb_.matches[k]; }
  size_t StartByte(size_t k) const { return tb_.tokens[M(k).first].start; }
  // The stance prefix that match k is written right after, with a hyphen
  // ("pro-Russian", "Anti-American"): one of roles.json's stance_prefixes,
  // folded; empty when there is none.
  std::string StancePrefix(size_t k) const {
    const uint32_t f = M(k).first;
    if (f == 0 || StartByte(k) == 0 || text_[StartByte(k) - 1] != '-')
      return {};
    const auto& prev = tb_.tokens[f - 1];
    std::string prefix(tb_.Norm(prev));
    if (prev.end + 1 != StartByte(k) || !dict_.stance_prefixes.count(prefix))
      return {};
    return prefix;
  }
  bool StancePrefixed(size_t k) const { return !StancePrefix(k).empty(); }
  size_t EndByte(size_t k) const { return tb_.tokens[M(k).last].end; }
  std::string_view Span(size_t a, size_t b) const {
    return text_.substr(a, b - a);
  }

  // Match b follows match a with only blanks/hyphens between, or an
  // English possessive "'s".
  bool Adjacent(size_t a, size_t b) const {
    uint32_t gap_from = M(a).last + 1, to = M(b).first;
    if (tb_.tokens[to].hard_gap) return false;
    if (to == gap_from) return true;
    if (to == gap_from + 1 && tb_.Norm(tb_.tokens[gap_from]) == "s" &&
        !tb_.tokens[gap_from].space_gap && !tb_.tokens[gap_from].hard_gap)
      return true;
    return false;
  }

  // `code` among the sentence's countries; not counting those that reading
  // `except` adds itself.
  bool InContext(const std::string& code,
                 size_t except = static_cast<size_t>(-1)) const {
    for (const auto& [c, k] : context_)
      if (c == code && k != except) return true;
    return false;
  }

  // A city of under 100,000 people that is no capital: its name alone does
  // not say which country it is in.
  bool SmallTown(const Entry& e) const {
    return e.type == EntryType::kCity &&
           geo::Cities()[e.ref].population < 100000 &&
           dict_.capital_of[e.ref] < 0;
  }

  // Guards against names of people and small homonyms: a one-token city of
  // under 100,000 people that is not a capital needs a country of its own in
  // the sentence ("Cizre" with "Turkish authorities"), and a one-token place
  // right next to unmatched capitalised words is part of a name
  // ("George Bush", "Lincoln Memorial").
  bool PlausiblePlace(size_t k, const Entry& e) const {
    if (M(k).first != M(k).last) return true;
    if (e.type == EntryType::kRegion) return true;
    uint32_t t = M(k).first;
    auto unmatched_cap = [&](uint32_t i) {
      if (!tb_.tokens[i].upper_first || tb_.tokens[i].all_caps) return false;
      if (dict_.not_name_parts.count(std::string(tb_.Norm(tb_.tokens[i]))))
        return false;
      for (const RawMatch& m : mb_.matches) {
        if (i >= m.first && i <= m.last) return false;
      }
      return true;
    };
    if (names_by_case_) {
      if (t > 1 && !tb_.tokens[t].hard_gap && unmatched_cap(t - 1))
        return false;
      if (t + 1 < tb_.tokens.size() && !tb_.tokens[t + 1].hard_gap &&
          unmatched_cap(t + 1))
        return false;
    }
    if (SmallTown(e) && !InContext(geo::Cities()[e.ref].country)) return false;
    return true;
  }

  // An admin word makes a place reading win only if there is an admin1 or
  // region reading ("Provinz Kyoto"), and over a country name only if that
  // reading lies in another country ("Montenegro province" stays a country).
  // A capital a lexicon also names as an actor ("Brussels", the EU
  // Commission): a place whose actor is that entity, so that "in Brussels"
  // and the dateline "BRUSSELS" are where, and "Brussels demands" who.
  bool CapitalReading(const Reading& r) const {
    for (uint32_t id : r.places) {
      const Entry& e = dict_.entry(id);
      if (e.type == EntryType::kCity && dict_.capital_of[e.ref] >= 0)
        return true;
    }
    return false;
  }

  bool HasAdminReading(const Reading& r) const {
    for (uint32_t id : r.places) {
      const Entry& e = dict_.entry(id);
      if (e.type != EntryType::kAdmin1 && e.type != EntryType::kRegion)
        continue;
      if (r.country >= 0 &&
          PlaceCountry(dict_, e) == dict_.countries[r.country])
        continue;
      return true;
    }
    return false;
  }

  // "Georgia" with Atlanta or the USA in the sentence is the US state.
  bool PlaceBeatsCountry(const Reading& r) const {
    if (r.country < 0) return false;
    const std::string& country = dict_.countries[r.country];
    for (uint32_t id : r.places) {
      std::string pc = PlaceCountry(dict_, dict_.entry(id));
      if (pc != country && InContext(pc)) return true;
    }
    return false;
  }

  // A person at match k who owns the role noun after it ("Castro's
  // government", "Putins Regierung"): named in full, or holding an office
  // on the date (a bare surname out of office may be a namesake), and
  // written possessively (English "'s", a German genitive form).
  bool OwningPerson(size_t k) const {
    const Entity& e = dict_.entities[readings_[k].entity];
    if (e.kind != core::ActorKind::kPerson || !ActiveRole(e, as_of_))
      return false;
    const uint32_t gap = M(k).last + 1;
    const bool english_possessive = gap < tb_.tokens.size() &&
                                    tb_.Norm(tb_.tokens[gap]) == "s" &&
                                    !tb_.tokens[gap].space_gap;
    return english_possessive || readings_[k].genitive;
  }

  // The country of the city whose German adjective is token `t`
  // ("Wiener", "Münchner", "Bremer", "Zürcher"): a capitalised word in -er
  // that nothing reads, whose stem is a city of 100,000 people or more or a
  // capital; "" if none.
  std::string CityAdjectiveCountry(uint32_t t) const {
    const Token& tok = tb_.tokens[t];
    if (!tok.upper_first || tok.all_caps) return "";
    const std::string w(tb_.Norm(tok));
    if (w.size() < 5 || !w.ends_with("er")) return "";
    const std::string base = w.substr(0, w.size() - 2);
    const std::string stems[] = {base, base + "en",
                                 w.substr(0, w.size() - 3) + "en",
                                 w.substr(0, w.size() - 4) + "ich"};
    for (const std::string& stem : stems) {
      const uint32_t id = dict_.TokenId(stem);
      if (id == Dictionary::kNoToken) continue;
      const uint32_t node = dict_.Child(0, id);
      if (node == 0) continue;
      for (uint32_t e : dict_.EntriesAt(node)) {
        const Entry& entry = dict_.entry(e);
        if (entry.type == EntryType::kCity && !SmallTown(entry))
          return geo::Cities()[entry.ref].country;
      }
    }
    return "";
  }

  // Role phrase starting at k: [country|org] role [person | name | of X].
  // Returns the index after the phrase, or k if there is none.
  size_t TryRolePhrase(size_t k) {
    const size_t n = readings_.size();
    int ctx_country = -1, ctx_entity = -1;
    size_t role_k;
    if (readings_[k].role >= 0) {
      role_k = k;
    } else if (k + 1 < n && readings_[k + 1].role >= 0 && Adjacent(k, k + 1) &&
               (readings_[k].country >= 0 ||
                (readings_[k].entity >= 0 &&
                 (dict_.entities[readings_[k].entity].kind ==
                      core::ActorKind::kOrganization ||
                  OwningPerson(k))))) {
      role_k = k + 1;
      // "pro-Russian separatists", "anti-NATO protesters": a group for or
      // against a country or an organisation is not of it; the role stands
      // bare.
      if (StancePrefixed(k)) return k;
      if (readings_[k].country >= 0 &&
          readings_[k].country_type != EntryType::kDemonym) {
        ctx_country = readings_[k].country;
      } else if (readings_[k].entity >= 0) {
        ctx_entity = readings_[k].entity;
      } else {
        return k;
      }
    } else {
      return k;
    }
    size_t end_k = role_k;
    // "the foreign minister of Japan", "Soldaten aus Mali".
    if (ctx_country < 0 && ctx_entity < 0 && role_k + 2 < n &&
        readings_[role_k + 1].connector && Adjacent(role_k, role_k + 1) &&
        Adjacent(role_k + 1, role_k + 2) &&
        readings_[role_k + 2].country >= 0 &&
        readings_[role_k + 2].country_type == EntryType::kCountryName) {
      ctx_country = readings_[role_k + 2].country;
      end_k = role_k + 2;
    }
    // German postnominal genitive: "die Regierung Japans".
    if (ctx_country < 0 && ctx_entity < 0 && role_k + 1 < n &&
        Adjacent(role_k, role_k + 1) && readings_[role_k + 1].country >= 0 &&
        readings_[role_k + 1].country_type == EntryType::kCountryName &&
        readings_[role_k + 1].role < 0) {
      ctx_country = readings_[role_k + 1].country;
      end_k = role_k + 1;
    }
    const RoleNoun& role = dict_.roles[readings_[role_k].role];
    std::string rule = *readings_[role_k].rule;
    if (ctx_country >= 0 && end_k == role_k)
      rule = *readings_[k].rule + " + " + rule;
    // A known person right after the role noun.
    if (end_k == role_k && role_k + 1 < n &&
        readings_[role_k + 1].entity >= 0 &&
        dict_.entities[readings_[role_k + 1].entity].kind ==
            core::ActorKind::kPerson &&
        Adjacent(role_k, role_k + 1)) {
      std::optional<std::string> country;
      if (ctx_country >= 0) country = dict_.countries[ctx_country];
      EmitEntity(k, role_k + 1, country, readings_[role_k].role, rule + " + ");
      return role_k + 2;
    }
    std::string country, name;
    if (ctx_country >= 0) {
      country = dict_.countries[ctx_country];
      name = EnglishCountryName(country);
    } else if (ctx_entity >= 0) {
      const Entity& owner = dict_.entities[ctx_entity];
      country = owner.country;
      name = owner.name;
      // A person's organ or aide ("Castro's government", "Putins Sprecher")
      // is of the country the person serves on the date.
      if (const DatedRole* r = ActiveRole(owner, as_of_)) country = r->country;
    }
    // "Vietnamese-led forces", "US-backed militias": the group is of the
    // country that leads or backs it.
    if (country.empty() && role.placed && k == role_k && k > 0 &&
        readings_[k - 1].country >= 0) {
      std::string_view gap = Span(EndByte(k - 1), StartByte(k));
      for (std::string_view w : {"-led ", "-backed ", "-allied ", "-trained "})
        if (gap == w) {
          country = dict_.countries[readings_[k - 1].country];
          name = EnglishCountryName(country);
          rule = *readings_[k - 1].rule + " + " + rule;
        }
    }
    // German: a city's adjective before the role ("die Münchner Polizei",
    // "die Zürcher Staatsanwaltschaft") gives it that city's country.
    uint32_t adjective_tok = 0;
    // English: a city named right before it ("Moscow police", "Zurich
    // prosecutors"); the city stays the place it names.
    if (country.empty() && names_by_case_ && k == role_k && k > 0 &&
        (role.home || role.placed) && Adjacent(k - 1, k) &&
        readings_[k - 1].country < 0) {
      uint64_t best = 0;
      for (uint32_t id : readings_[k - 1].places) {
        const Entry& e = dict_.entry(id);
        if (e.type != EntryType::kCity || SmallTown(e)) continue;
        const geo::City& city = geo::Cities()[e.ref];
        if (city.population >= best) {
          best = city.population;
          country = city.country;
        }
      }
      if (!country.empty()) {
        name = EnglishCountryName(country);
        rule = "city before the office + " + rule;
      }
    }
    if (country.empty() && !names_by_case_ && k == role_k &&
        (role.home || role.placed)) {
      const uint32_t f = M(k).first;
      if (f > 0 && !tb_.tokens[f].hard_gap && (k == 0 || M(k - 1).last + 1 < f))
        if (std::string c = CityAdjectiveCountry(f - 1); !c.empty()) {
          country = c;
          name = EnglishCountryName(c);
          adjective_tok = f;
          rule = "city adjective \"" +
                 std::string(
                     Span(tb_.tokens[f - 1].start, tb_.tokens[f - 1].end)) +
                 "\" + " + rule;
        }
    }
    // A bare role noun ("der Kanzler", "die Polizei") stands for the
    // article's home country; the coder fills it in.
    const bool home = country.empty();
    // "officials in Kabul", "Diplomaten in Brüssel": an office named with
    // the place it sits in, which gives it a country (code::PlaceOrgans).
    const bool in_place =
        home && !role.home && !role.placed && !role.person && end_k + 2 < n &&
        readings_[end_k + 1].connector &&
        Span(StartByte(end_k + 1), EndByte(end_k + 1)) == "in" &&
        Adjacent(end_k, end_k + 1) && Adjacent(end_k + 1, end_k + 2) &&
        (!readings_[end_k + 2].places.empty() ||
         readings_[end_k + 2].metonym >= 0);
    // a bare "Sprecher" is no actor; bare "soldiers" are of the place
    if (home && !role.home && !role.placed && !in_place) return k;
    // A group noun that modifies a name ("the rebel Kurdistan Workers'
    // Party") is no group of its own.
    if (home && !role.home && end_k + 1 < n && Adjacent(end_k, end_k + 1) &&
        (readings_[end_k + 1].entity >= 0 || readings_[end_k + 1].role >= 0))
      return k;
    size_t start = adjective_tok > 0 ? tb_.tokens[adjective_tok - 1].start
                                     : StartByte(k),
           end = EndByte(end_k);
    if (home) {
      // Not bare: part of a compound ("Militär-Kooperation") or owned by
      // what follows ("die Minister beider Länder", "the ministers of").
      if (end < text_.size() && text_[end] == '-') return k;
      uint32_t t = M(end_k).last + 1;
      // A group of the place is owned only by a name or group that follows
      // within a few words ("doctors from two American aid groups"), not by
      // any "of" ("students of Itierio Boys High School").
      const std::string next = t < tb_.tokens.size() && !tb_.tokens[t].hard_gap
                                   ? std::string(tb_.Norm(tb_.tokens[t]))
                                   : std::string();
      if (role.home && dict_.not_bare_before.count(next)) return k;
      if (!role.home && (next == "of" || next == "from"))
        for (size_t j = end_k + 1; j < n && M(j).first <= t + 4; ++j)
          if (readings_[j].country >= 0 || readings_[j].entity >= 0 ||
              readings_[j].role >= 0)
            return k;
      uint32_t f = M(k).first;
      if (role.home && f > 0 && !tb_.tokens[f].hard_gap) {
        const std::string before(tb_.Norm(tb_.tokens[f - 1]));
        if (dict_.not_bare_after.count(before) &&
            !(role.counted && dict_.count_words.count(before)))
          return k;
      }
      // The head of a compound whose first part nothing reads
      // ("Caritas-Präsident", "FIFA-Präsident") is an officer of that
      // body, not of the home state; "Ex-Präsident" keeps the role.
      if (role.home && f > 0 && start > 0 && text_[start - 1] == '-' &&
          tb_.tokens[f - 1].end + 1 == start &&
          !dict_.compound_prefixes_kept.count(
              std::string(tb_.Norm(tb_.tokens[f - 1]))))
        return k;
    }
    core::ActorKind kind = role.person           ? core::ActorKind::kPerson
                           : home && role.placed ? core::ActorKind::kGroup
                                                 : core::ActorKind::kCountry;
    // An unknown name after a person role: "Außenminister Sergej Lawrow".
    if (role.person && end_k == role_k) {
      uint32_t t = M(role_k).last + 1;
      uint32_t limit = end_k + 1 < n ? M(end_k + 1).first : tb_.tokens.size();
      uint32_t name_end = t;
      while (name_end < limit && name_end < t + 3 &&
             tb_.tokens[name_end].upper_first &&
             !tb_.tokens[name_end].hard_gap && !tb_.tokens[name_end].all_caps)
        ++name_end;
      if (name_end > t) {
        end = tb_.tokens[name_end - 1].end;
        name = std::string(Span(tb_.tokens[t].start, end));
        rule += " + capitalised name";
      }
    }
    Mention m;
    m.start = start;
    m.end = end;
    m.kind = MentionKind::kRole;
    m.actor = MakeActor(Span(start, end), name, country, role.sector, kind);
    if (ctx_entity >= 0) m.actor->code = country + role.sector;
    m.rule = rule;
    const int seat_of = in_place ? readings_[end_k + 2].entity : -1;
    if (home && seat_of >= 0 &&
        dict_.entities[seat_of].kind == core::ActorKind::kOrganization) {
      // "officials in Brussels": the seat's organisation (the EU).
      const Entity& org = dict_.entities[seat_of];
      m.actor->country = org.country;
      m.actor->code = org.country + role.sector;
      m.actor->name = org.name;
      m.rule += " (an office in a place: the organisation seated there)";
    } else if (home && in_place) {
      m.home = true;
      m.rule += " (an office in a place: that place's country)";
    } else if (home && role.home) {
      m.home = true;
      m.rule += " (bare role: home country)";
    } else if (home) {
      m.placed = true;
      m.rule += " (bare group: country of the event's place)";
    }
    out_->push_back(std::move(m));
    return end_k + 1;
  }

  // A given name and one or two capitalised words after it that nothing
  // else reads ("Ulrike Rabmer-Koller fordert", "said Derek Glenn"): a
  // person the lexicons do not know, of the article's home country (the
  // coder fills it in, or drops the person when there is none), with no
  // sector. Later mentions of the surname are this person
  // (code/named_persons.h).
  void EmitUnknownPerson(size_t k) {
    const uint32_t t = M(k).last + 1;
    const uint32_t limit =
        k + 1 < readings_.size() ? M(k + 1).first : tb_.tokens.size();
    uint32_t name_end = t;
    while (name_end < limit && name_end < t + 2 &&
           tb_.tokens[name_end].upper_first && !tb_.tokens[name_end].hard_gap &&
           !tb_.tokens[name_end].all_caps)
      ++name_end;
    if (name_end == t) return;
    const size_t start = StartByte(k), end = tb_.tokens[name_end - 1].end;
    Mention m;
    m.start = start;
    m.end = end;
    m.kind = MentionKind::kRole;
    const std::string name(Span(start, end));
    m.actor =
        MakeActor(Span(start, end), name, "", "", core::ActorKind::kPerson);
    m.home = true;
    m.commentator = Commentator(M(k).first, name_end);
    m.rule = *readings_[k].rule +
             " + capitalised surname (bare person: "
             "home country)" +
             (m.commentator ? " (a commentator: no party)" : "");
    out_->push_back(std::move(m));
  }

  // A commentator noun (roles.json "commentator_nouns", matched by the word's
  // ending) right before the name that begins at token `first`, or in an
  // apposition after its comma within four words ("der Zeithistoriker
  // Oliver Rathkolb", "Rudolf Taschner, Mathematiker an der TU").
  bool Commentator(uint32_t first, uint32_t name_end) const {
    auto is_commentator = [&](const Token& tok) {
      const std::string_view w = tb_.Norm(tok);
      for (const std::string& n : dict_.commentator_nouns)
        if (w.ends_with(n)) return true;
      return false;
    };
    if (first > 0 && !tb_.tokens[first].hard_gap &&
        is_commentator(tb_.tokens[first - 1]))
      return true;
    const auto& toks = tb_.tokens;
    if (name_end >= toks.size() || !toks[name_end].hard_gap ||
        Span(toks[name_end - 1].end, toks[name_end].start).find(',') ==
            std::string_view::npos)
      return false;
    for (uint32_t i = name_end; i < toks.size() && i < name_end + 4; ++i) {
      if (i > name_end && toks[i].hard_gap) return false;
      if (is_commentator(toks[i])) return true;
    }
    return false;
  }

  // Entity at match e_k, span from match first_k. `text_country` and
  // `role_ref` come from a role noun before it; the dated role wins.
  void EmitEntity(size_t first_k, size_t e_k,
                  std::optional<std::string> text_country, int role_ref,
                  std::string rule_prefix = "") {
    const Entity& ent = dict_.entities[readings_[e_k].entity];
    size_t start = StartByte(first_k), end = EndByte(e_k);
    std::string country = ent.country, sector = ent.sector, code = ent.code;
    std::string why = rule_prefix + *readings_[e_k].rule;
    const DatedRole* active = ActiveRole(ent, as_of_);
    if (const DatedRole* r = active) {
      country = r->country;
      sector = r->sector;
      code = r->code;
      why += " (role " + r->code + " as of date)";
    } else if (text_country) {
      country = *text_country;
      if (role_ref >= 0) sector = dict_.roles[role_ref].sector;
      code = country + sector;
      why += " (role from text)";
    } else if (role_ref >= 0 && country.empty() && !ent.nationality.empty()) {
      country = ent.nationality;
      sector = dict_.roles[role_ref].sector;
      code = country + sector;
      why += " (nationality + role noun from text)";
    } else if (country.empty() && !ent.nationality.empty()) {
      country = ent.nationality;  // no office on that date
      code = country;
      why += " (no role on date: nationality)";
    } else if (country.empty() && !ent.roles.empty()) {
      country = ent.roles.back().country;
      sector.clear();
      code = country;
      why += " (no role on date)";
    }
    Mention m;
    if (ent.home && country.empty()) {
      m.home = true;
      m.home_among = ent.home_among;
      why += ent.home_among.empty() ? " (home country)"
                                    : " (party family: home or most named)";
    }
    m.start = start;
    m.end = end;
    m.kind = ent.kind == core::ActorKind::kPerson ? MentionKind::kPerson
             : ent.kind == core::ActorKind::kOrganization
                 ? MentionKind::kOrganization
             : ent.kind == core::ActorKind::kCountry ? MentionKind::kCountry
                                                     : MentionKind::kGroup;
    m.actor = MakeActor(Span(start, end), ent.name, country, sector, ent.kind);
    m.actor->code = code;
    m.rule = why;
    m.in_office = active != nullptr && ent.kind == core::ActorKind::kPerson;
    m.genitive = readings_[e_k].genitive;
    out_->push_back(std::move(m));
  }

  void EmitCountry(size_t k) {
    const Reading& r = readings_[k];
    const std::string& code = dict_.countries[r.country];
    Mention m;
    m.start = StartByte(k);
    m.end = EndByte(k);
    m.kind = MentionKind::kCountry;
    std::string_view text = Span(m.start, m.end);
    m.actor = MakeActor(text, EnglishCountryName(code), code, "",
                        core::ActorKind::kCountry);
    if (r.country_type == EntryType::kCountryName)
      m.place = CountryPlace(code, text);
    m.adjective = r.country_type == EntryType::kAdjective;
    m.demonym = r.country_type == EntryType::kDemonym;
    m.rule = *r.rule;
    out_->push_back(std::move(m));
  }

  void EmitMetonym(size_t k) {
    const Entry& e = dict_.entry(readings_[k].metonym);
    const std::string& code = dict_.countries[e.ref];
    Mention m;
    m.start = StartByte(k);
    m.end = EndByte(k);
    m.kind = MentionKind::kCountry;
    m.actor = MakeActor(Span(m.start, m.end), EnglishCountryName(code), code,
                        e.sector, core::ActorKind::kCountry);
    m.rule = e.rule;
    out_->push_back(std::move(m));
  }

  void EmitPlace(size_t k, bool admin) {
    const Reading& r = readings_[k];
    // Rank: admin1 after an admin word; then country context; then
    // population.
    uint32_t best = r.places[0];
    auto score = [&](uint32_t id) {
      const Entry& e = dict_.entry(id);
      uint64_t s = PlacePopulation(e);
      if (InContext(PlaceCountry(dict_, e))) s += 1ull << 50;
      if (admin &&
          (e.type == EntryType::kAdmin1 || e.type == EntryType::kRegion))
        s += 1ull << 52;
      return s;
    };
    for (uint32_t id : r.places) {
      if (score(id) > score(best)) best = id;
    }
    // Same name as a city of the same country: the city, unless an admin
    // word says otherwise ("New York", "Kyoto" vs "Provinz Kyoto").
    if (!admin && dict_.entry(best).type == EntryType::kAdmin1) {
      for (uint32_t id : r.places) {
        const Entry& c = dict_.entry(id);
        if (c.type == EntryType::kCity &&
            geo::Cities()[c.ref].country ==
                geo::Admin1s()[dict_.entry(best).ref].country) {
          best = id;
          break;
        }
      }
    }
    const Entry& e = dict_.entry(best);
    if (!admin && !PlausiblePlace(k, e)) {
      if (readings_[k].entity >= 0) EmitEntity(k, k, std::nullopt, -1);
      return;
    }
    Mention m;
    m.start = StartByte(k);
    m.end = EndByte(k);
    m.kind = MentionKind::kPlace;
    std::string_view text = Span(m.start, m.end);
    if (e.type == EntryType::kCity) {
      m.place = geo::CityPlace(e.ref, text);
      const geo::City& city = geo::Cities()[e.ref];
      m.small_town = !admin && SmallTown(e) && !InContext(city.country, k);
      m.needs_country = m.small_town && M(k).first == M(k).last;
      int cap = dict_.capital_of[e.ref];
      if (cap >= 0 && readings_[k].entity < 0) {
        // capitals double as metonyms for governments
        const std::string& code = dict_.countries[cap];
        m.actor = MakeActor(text, EnglishCountryName(code), code, "GOV",
                            core::ActorKind::kCountry);
      }
    } else if (e.type == EntryType::kAdmin1) {
      m.place = geo::Admin1Place(e.ref, text);
    } else {
      const NamedRegion& nr = dict_.regions[e.ref];
      core::Place p;
      p.text = std::string(text);
      p.name = nr.name;
      p.country = nr.country;
      p.precision = nr.precision;
      if (nr.precision == core::PlacePrecision::kAdmin1) p.admin1 = nr.name;
      p.regions = nr.country.empty() ? std::vector<std::string>{}
                                     : RegionsOf(nr.country);
      if (!nr.m49.empty()) p.regions.insert(p.regions.begin(), nr.m49);
      m.place = std::move(p);
    }
    m.rule = e.rule + (admin ? " (admin word)" : "");
    if (readings_[k].entity >= 0 && !m.actor) {  // a name a lexicon codes
      const Entity& ent = dict_.entities[readings_[k].entity];
      const DatedRole* role = ActiveRole(ent, as_of_);
      m.actor = MakeActor(text, ent.name, role ? role->country : ent.country,
                          role ? role->sector : ent.sector, ent.kind);
      m.rule += " + " + *readings_[k].rule;
    }
    if (readings_[k].metonym >= 0 && !m.actor) {
      const Entry& me = dict_.entry(readings_[k].metonym);
      const std::string& code = dict_.countries[me.ref];
      m.actor = MakeActor(text, EnglishCountryName(code), code, me.sector,
                          core::ActorKind::kCountry);
    }
    out_->push_back(std::move(m));
  }

  const Dictionary& dict_;
  std::string_view text_;
  const TokenBuffer& tb_;
  const MatchBuffer& mb_;
  core::Date as_of_;
  std::vector<Mention>* out_;
  std::vector<Reading> readings_;
  // Countries named in the sentence, each with the reading that named it.
  std::vector<std::pair<std::string, size_t>> context_;
  bool names_by_case_;
};

}  // namespace

const DatedRole* ActiveRole(const Entity& entity, core::Date as_of) {
  if (entity.roles.empty()) return nullptr;
  if (as_of.is_special()) return &entity.roles.back();
  for (const DatedRole& r : entity.roles) {
    if (!r.from.is_special() && as_of < r.from) continue;
    if (!r.to.is_special() && r.to < as_of) continue;
    return &r;
  }
  return nullptr;
}

void Compose(const Dictionary& dict, std::string_view text,
             const TokenBuffer& tokens, const MatchBuffer& matches,
             core::Date as_of, std::string_view language,
             std::vector<Mention>* out) {
  Composer c(dict, text, tokens, matches, as_of, language, out);
  c.Run();
}

}  // namespace geotl::ingest::recognize
