// The compiled recognition dictionary: every surface form of every lexicon
// entry (ICU country names, adjectives, demonyms, metonyms, persons, role
// nouns, organisations, groups, GeoNames cities and admin1, named regions)
// as folded token sequences in one trie, each pointing to its entries.
// Built once by Compile(); immutable and shared read-only afterwards.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/event.h"
#include "core/status.h"

namespace geotl::ingest::recognize {

enum class EntryType : uint8_t {
  kCountryName,  // "Japan", "Russland" (+ genitive "Russlands")
  kAdjective,    // "japanisch(e/en/…)", "Russian"
  kDemonym,      // "Japaner", "Russians"
  kMetonym,      // "der Kreml", "Pentagon" -> country + sector
  kEntity,       // person, organisation or group (dated roles)
  kRole,         // role noun: "Außenminister", "soldiers"
  kCity,         // GeoNames city (capital -> also a metonym)
  kAdmin1,       // GeoNames admin1
  kRegion,       // named region from lexicons (admin1 or M49 region)
  kAdminWord,    // "Provinz", "prefecture": the next place is an admin1
  kConnector,    // "of", "von": "the foreign minister of Japan"
  kGivenName,    // "Ulrike", "Derek": with a capitalised surname, a person
};

enum class CaseRule : uint8_t { kAny, kCapitalized, kAllCaps };

struct DatedRole {
  std::string country;  // alpha-3 or IGO code
  std::string code;     // full code, "DEUGOV"
  std::string sector;   // first sector, may be empty
  core::Date from, to;  // not_a_date_time = open
};

struct Entity {  // persons, organisations, groups
  std::string name;
  core::ActorKind kind = core::ActorKind::kPerson;
  std::string country, code, sector;  // undated default (may be empty)
  std::string nationality;            // persons: country when no role is active
  std::vector<DatedRole> roles;
  std::string source;  // lexicon file
  bool home = false;   // no country of its own: the article's home country
  // A party family of several countries (Mention::home_among).
  std::vector<std::string> home_among;
};

struct RoleNoun {
  std::string sector;   // GOV, MIL, ...
  bool person = false;  // denotes one person (minister) vs organ (army)
  bool home = false;    // bare, it stands for the article's home country
  // bare, a group of the event's place ("soldiers", "gunmen", "protesters"):
  // its country is the place's, which the coder fills in
  bool placed = false;
  // a `home` noun for the members of a body ("policemen", "Polizisten"): a
  // number before it (roles.json "count_words") counts them, and the noun
  // stays bare ("three policemen" are the home country's police)
  bool counted = false;
};

struct NamedRegion {
  std::string name, country, m49;  // m49 for precision region
  core::PlacePrecision precision = core::PlacePrecision::kAdmin1;
};

struct Entry {
  EntryType type = EntryType::kCountryName;
  CaseRule case_rule = CaseRule::kAny;
  uint32_t lang_mask = ~0u;
  uint32_t ref = 0;       // index into the table of its type (countries: code)
  std::string sector;     // metonyms
  std::string rule;       // provenance: "de/countries.json adjective japanisch"
  bool genitive = false;  // a German genitive form ("Japans", "Putins")
};

class Dictionary {
 public:
  // Language bit for a language code (new codes get new bits, max 30).
  uint32_t LanguageBit(std::string_view lang);
  uint32_t LanguageBitConst(std::string_view lang) const;

  // Adds `surface` (folded into tokens) pointing to a new entry.
  void Add(std::string_view surface, Entry entry);

  // Trie access for the matcher.
  static constexpr uint32_t kNoToken = ~0u;
  uint32_t TokenId(std::string_view folded) const {
    auto it = token_ids_.find(folded);
    return it == token_ids_.end() ? kNoToken : it->second;
  }
  // Child of `node` by token id, or 0 if none (0 is the root, never a child).
  uint32_t Child(uint32_t node, uint32_t token) const {
    auto it = edges_.find((static_cast<uint64_t>(node) << 32) | token);
    return it == edges_.end() ? 0 : it->second;
  }
  const std::vector<uint32_t>& EntriesAt(uint32_t node) const {
    return node_entries_[node];
  }
  const Entry& entry(uint32_t i) const { return entries_[i]; }
  size_t size() const { return entries_.size(); }

  std::vector<std::string> countries;  // alpha-3 / IGO codes by ref
  std::vector<Entity> entities;
  std::vector<RoleNoun> roles;
  // Folded words after which a role noun is owned, not bare ("beider",
  // "des", "of"): roles.json "not_bare_before".
  std::unordered_set<std::string> not_bare_before;
  // Folded words before a role noun that make it refer back ("the two
  // ministers", "seine Minister"): roles.json "not_bare_after".
  std::unordered_set<std::string> not_bare_after;
  // Of those, the numbers ("two", "drei"): they only count a `counted`
  // role's members. roles.json "count_words".
  std::unordered_set<std::string> count_words;
  // Folded first parts of a hyphenated compound that leave its role noun
  // bare ("Ex-Präsident", "Vize-Kanzler"); any other unread first part
  // names the body the officer serves: roles.json "compound_prefixes_kept".
  std::unordered_set<std::string> compound_prefixes_kept;
  // Folded words that, with a hyphen before a country's adjective, make a
  // group for or against that country, not of it ("pro-Russian
  // separatists"): roles.json "stance_prefixes".
  std::unordered_set<std::string> stance_prefixes;
  // Folded words for commentators, matched by a word's ending ("historiker"
  // also in "Zeithistoriker"): a person the lexicons do not know, introduced
  // by one ("der Mathematiker Rudolf Taschner", "Rudolf Taschner,
  // Mathematiker an der TU"), is no party to political acts: roles.json
  // "commentator_nouns" (German only: English has no given names list, so
  // no unknown persons).
  std::vector<std::string> commentator_nouns;
  // Capitalised words that are never part of a personal name, so a
  // one-token place beside them stays a place ("in Miami Wednesday"):
  // regions.json "not_name_parts" (folded).
  std::unordered_set<std::string> not_name_parts;
  std::vector<NamedRegion> regions;
  std::vector<int> capital_of;  // per city index: country ref, or -1

  uint32_t CountryRef(std::string_view code);

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const {
      return std::hash<std::string_view>()(s);
    }
  };
  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> token_ids_;
  std::unordered_map<uint64_t, uint32_t> edges_;
  std::vector<std::vector<uint32_t>> node_entries_{1};
  std::vector<Entry> entries_;
  std::unordered_map<std::string, uint32_t> languages_;
  std::unordered_map<std::string, uint32_t> country_refs_;
};

struct CompileOptions {
  std::string lexicon_dir;
  std::vector<std::string> user_lexicons;
  // GeoNames catalogue languages for city names.
  std::vector<std::string> city_languages = {"de", "en", "fr", "es", "it",
                                             "ru", "uk", "pl", "tr", "ar"};
  // Root of their catalogues ("" = the system's, geo::CityNames).
  std::string locale_dir;
};

// Builds the dictionary from lexicon files, ICU and GeoNames.
core::Result<std::unique_ptr<Dictionary>> Compile(
    const CompileOptions& options);

}  // namespace geotl::ingest::recognize
