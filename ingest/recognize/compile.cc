// Compile(): lexicon files + ICU country names + GeoNames -> Dictionary.
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <unordered_set>

#include "core/event_json.h"
#include "geo/city.h"
#include "geo/country.h"
#include "ingest/recognize/dictionary.h"
#include "ingest/recognize/inflect.h"
#include "ingest/recognize/normalize.h"

namespace geotl::ingest::recognize {
namespace {

namespace fs = std::filesystem;

CaseRule CaseOf(std::string_view surface) {
  int letters = 0, upper = 0;
  bool first_upper = false, seen = false;
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(surface.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(surface.data(), i, n, c);
    if (c < 0 || !u_isalpha(c)) continue;
    ++letters;
    bool up = u_isupper(c) || u_istitle(c);
    if (up) ++upper;
    if (!seen) first_upper = up;
    seen = true;
  }
  if (letters >= 2 && upper == letters) return CaseRule::kAllCaps;
  return first_upper ? CaseRule::kCapitalized : CaseRule::kAny;
}

core::Result<core::Json> ReadJson(const std::string& path) {
  std::ifstream in(path);
  if (!in) return core::Status::IOError("cannot open lexicon " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  core::Json j =
      core::Json::parse(ss.str(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object())
    return core::Status::Invalid("lexicon is not a JSON object: " + path);
  return j;
}

std::vector<std::string> Strings(const core::Json& j, const char* key) {
  std::vector<std::string> out;
  auto it = j.find(key);
  if (it == j.end() || !it->is_array()) return out;
  for (const core::Json& s : *it) {
    if (s.is_string()) out.push_back(s.get<std::string>());
  }
  return out;
}

std::string Str(const core::Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

core::Date ParseFrom(const std::string& s) {
  if (s.empty()) return core::Date();
  auto d = core::ParseBoundFrom(s);
  return d.ok() ? *d : core::Date();
}
core::Date ParseTo(const std::string& s) {
  if (s.empty()) return core::Date();
  auto d = core::ParseBoundTo(s);
  return d.ok() ? *d : core::Date();
}

class Compiler {
 public:
  Compiler(const CompileOptions& o, Dictionary* d) : options_(o), dict_(d) {}

  core::Status LoadFile(const std::string& path, const std::string& dir_lang) {
    ASSIGN_OR_RETURN(core::Json j, ReadJson(path));
    std::string kind = Str(j, "kind");
    std::vector<std::string> langs = Strings(j, "languages");
    if (langs.empty() && !Str(j, "language").empty())
      langs.push_back(Str(j, "language"));
    if (langs.empty()) langs.push_back(dir_lang.empty() ? "*" : dir_lang);
    uint32_t mask = 0;
    for (const std::string& l : langs) mask |= dict_->LanguageBit(l);
    const std::string lang = langs.size() == 1 ? langs[0] : "*";
    std::string src = fs::path(path).parent_path().filename().string() + "/" +
                      fs::path(path).filename().string();
    const core::Json& entries =
        j.contains("entries") ? j["entries"] : core::Json::array();
    if (!entries.is_array()) return core::Status::Invalid("entries: " + path);
    if (kind == "countries") {
      for (const core::Json& e : entries) AddCountry(e, lang, mask, src);
    } else if (kind == "persons" || kind == "organizations" ||
               kind == "groups" || kind == "actors") {
      for (const core::Json& e : entries) AddEntity(e, kind, mask, src);
    } else if (kind == "roles") {
      for (const core::Json& e : entries) AddRole(e, lang, mask, src);
      for (const std::string& w : Strings(j, "not_bare_before"))
        dict_->not_bare_before.insert(Join(FoldedTokens(w)));
      for (const std::string& w : Strings(j, "not_bare_after"))
        dict_->not_bare_after.insert(Join(FoldedTokens(w)));
      for (const std::string& w : Strings(j, "count_words"))
        dict_->count_words.insert(Join(FoldedTokens(w)));
      for (const std::string& w : Strings(j, "compound_prefixes_kept"))
        dict_->compound_prefixes_kept.insert(Join(FoldedTokens(w)));
      for (const std::string& w : Strings(j, "stance_prefixes"))
        dict_->stance_prefixes.insert(Join(FoldedTokens(w)));
      for (const std::string& w : Strings(j, "commentator_nouns"))
        dict_->commentator_nouns.push_back(Join(FoldedTokens(w)));
      for (const std::string& w : Strings(j, "connectors"))
        Add(w, EntryType::kConnector, 0, mask, src + " connector",
            CaseRule::kAny);
    } else if (kind == "regions") {
      for (const core::Json& e : entries) AddRegion(e, lang, mask, src);
      for (const std::string& w : Strings(j, "admin_words"))
        Add(w, EntryType::kAdminWord, 0, mask, src + " admin word",
            CaseRule::kAny);
      for (const std::string& w : Strings(j, "not_places"))
        stop_[mask].insert(Join(FoldedTokens(w)));
      for (const std::string& w : Strings(j, "not_name_parts"))
        dict_->not_name_parts.insert(Join(FoldedTokens(w)));
    } else if (kind == "given_names") {
      for (const std::string& w : Strings(j, "names"))
        Add(w, EntryType::kGivenName, 0, mask, src + " given name",
            CaseRule::kCapitalized);
    } else if (kind == "capitals") {
      for (const core::Json& e : entries) {
        capitals_.emplace_back(Str(e, "country"), Str(e, "city"));
        capital_names_.push_back(Strings(e, "names"));
      }
    }
    // Other kinds (time, triggers) belong to other stages.
    return core::Status::Ok();
  }

  void AddIcuCountries() {
    for (const char* lang : {"de", "en"}) {
      uint32_t mask = dict_->LanguageBit(lang);
      for (const geo::Country& c : geo::Countries()) {
        std::string name = geo::CountryName(c.alpha3, lang);
        if (name.empty()) continue;
        uint32_t ref = dict_->CountryRef(c.alpha3);
        std::string rule = std::string("icu country name ") + lang;
        Add(name, EntryType::kCountryName, ref, mask, rule);
        if (std::string_view(lang) == "de") {
          for (const std::string& g : GermanGenitives(name))
            AddGenitive(g, EntryType::kCountryName, ref, mask, rule);
        }
      }
    }
  }

  void AddGeoNames() {
    const auto& cities = geo::Cities();
    dict_->capital_of.assign(cities.size(), -1);
    const uint32_t de = dict_->LanguageBit("de");
    for (size_t c = 0; c < capitals_.size(); ++c) {
      const auto& [country, city] = capitals_[c];
      auto idx = geo::FindCity(city, country);
      if (!idx) continue;
      dict_->capital_of[*idx] = static_cast<int>(dict_->CountryRef(country));
      const uint32_t ref = static_cast<uint32_t>(*idx);
      // Exonyms the catalogues lack ("Peking"), and German genitives of
      // every name of a capital ("Moskaus Antwort").
      std::vector<std::string> names = capital_names_[c];
      for (const std::string& n : names)
        AddPlace(n, EntryType::kCity, ref, "capitals.json exonym");
      for (const std::string& n :
           geo::CityNames(*idx, options_.city_languages, options_.locale_dir))
        names.push_back(n);
      for (const std::string& n : names) {
        for (const std::string& g : GermanGenitives(n))
          AddGenitive(g, EntryType::kCity, ref, de, "capital",
                      CaseRule::kCapitalized);
      }
    }
    for (size_t i = 0; i < cities.size(); ++i) {
      for (const std::string& name :
           geo::CityNames(i, options_.city_languages, options_.locale_dir)) {
        AddPlace(name, EntryType::kCity, static_cast<uint32_t>(i),
                 "geonames city " + cities[i].id);
      }
    }
    const auto& admins = geo::Admin1s();
    for (size_t i = 0; i < admins.size(); ++i) {
      AddPlace(admins[i].name, EntryType::kAdmin1, static_cast<uint32_t>(i),
               "geonames admin1");
    }
  }

 private:
  static std::string Join(const std::vector<std::string>& t) {
    std::string s;
    for (const auto& x : t) s += (s.empty() ? "" : " ") + x;
    return s;
  }

  void Add(std::string_view surface, EntryType type, uint32_t ref,
           uint32_t mask, const std::string& rule,
           std::optional<CaseRule> rule_case = std::nullopt,
           std::string sector = "", bool genitive = false) {
    Entry e;
    e.type = type;
    e.ref = ref;
    e.lang_mask = mask;
    e.case_rule = rule_case ? *rule_case : CaseOf(surface);
    e.rule = rule + ": " + std::string(surface);
    e.sector = std::move(sector);
    e.genitive = genitive;
    dict_->Add(surface, std::move(e));
  }

  // A German genitive form of a name ("Japans", "Moskaus", "Putins"); its
  // rule is `rule` + " genitive".
  void AddGenitive(std::string_view surface, EntryType type, uint32_t ref,
                   uint32_t mask, const std::string& rule,
                   std::optional<CaseRule> rule_case = std::nullopt) {
    Add(surface, type, ref, mask, rule + " genitive", rule_case, "", true);
  }

  void AddPlace(const std::string& name, EntryType type, uint32_t ref,
                const std::string& rule) {
    if (name.size() < 3) return;
    std::string key = Join(FoldedTokens(name));
    uint32_t mask = ~0u;
    for (const auto& [m, words] : stop_) {
      if (words.count(key)) mask &= ~m;
    }
    if (mask == 0) return;
    CaseRule c = CaseOf(name);
    if (c == CaseRule::kAny) c = CaseRule::kCapitalized;
    Add(name, type, ref, mask, rule, c);
  }

  void AddCountry(const core::Json& e, const std::string& lang, uint32_t mask,
                  const std::string& src) {
    std::string code = Str(e, "country");
    if (code.empty()) return;
    uint32_t ref = dict_->CountryRef(code);
    bool de = lang == "de";
    for (const std::string& n : Strings(e, "names")) {
      Add(n, EntryType::kCountryName, ref, mask, src + " name");
      if (de) {
        for (const std::string& g : GermanGenitives(n))
          AddGenitive(g, EntryType::kCountryName, ref, mask, src);
      }
    }
    for (const std::string& n : Strings(e, "historical"))
      Add(n, EntryType::kCountryName, ref, mask, src + " historical name");
    for (const std::string& a : Strings(e, "adjectives")) {
      for (const std::string& f :
           de ? GermanAdjectiveForms(a) : std::vector<std::string>{a})
        Add(f, EntryType::kAdjective, ref, mask, src + " adjective");
    }
    for (const std::string& d : Strings(e, "demonyms")) {
      for (const std::string& f :
           de ? GermanDemonymForms(d) : EnglishPlurals(d))
        Add(f, EntryType::kDemonym, ref, mask, src + " demonym");
    }
    auto m = e.find("metonyms");
    if (m != e.end() && m->is_array()) {
      for (const core::Json& x : *m) {
        std::string text = Str(x, "text");
        if (text.empty()) continue;
        std::vector<std::string> forms = {text};
        if (de) {
          for (const std::string& g : GermanGenitives(text)) forms.push_back(g);
        }
        for (const std::string& f : forms)
          Add(f, EntryType::kMetonym, ref, mask, src + " metonym", std::nullopt,
              Str(x, "sector"));
      }
    }
  }

  void AddEntity(const core::Json& e, const std::string& file_kind,
                 uint32_t mask, const std::string& src) {
    Entity ent;
    ent.name = Str(e, "name");
    if (ent.name.empty()) return;
    std::string kind = Str(e, "kind");
    if (kind.empty()) {
      kind = file_kind == "persons"         ? "person"
             : file_kind == "organizations" ? "organization"
             : file_kind == "groups"        ? "group"
                                            : "person";
    }
    auto k = core::ParseActorKind(kind);
    ent.kind = k.ok() ? *k : core::ActorKind::kPerson;
    ent.country = Str(e, "country");
    ent.sector = Str(e, "sector");
    ent.code = Str(e, "code");
    ent.nationality = Str(e, "nationality");
    auto home = e.find("home");
    ent.home = home != e.end() && home->is_boolean() && home->get<bool>();
    if (ent.home) ent.home_among = Strings(e, "home_among");
    if (ent.code.empty()) ent.code = ent.country + ent.sector;
    ent.source = src;
    auto r = e.find("roles");
    if (r != e.end() && r->is_array()) {
      for (const core::Json& x : *r) {
        DatedRole role;
        role.code = Str(x, "code");
        role.country = Str(x, "country");
        role.sector = Str(x, "sector");
        if (role.country.empty() && role.code.size() >= 3)
          role.country = role.code.substr(0, 3);
        if (role.sector.empty() && role.code.size() >= 6)
          role.sector = role.code.substr(3, 3);
        if (role.code.empty()) role.code = role.country + role.sector;
        role.from = ParseFrom(Str(x, "from"));
        role.to = ParseTo(Str(x, "to"));
        ent.roles.push_back(std::move(role));
      }
    }
    uint32_t ref = static_cast<uint32_t>(dict_->entities.size());
    std::vector<std::string> names = Strings(e, "aliases");
    names.insert(names.begin(), ent.name);
    const bool person = ent.kind == core::ActorKind::kPerson;
    dict_->entities.push_back(std::move(ent));
    for (const std::string& n : names)
      Add(n, EntryType::kEntity, ref, mask, src);
    // German genitives of persons' names ("Putins Regierung", "Merkels
    // Sprecher"), for the texts the file serves in German.
    const uint32_t de = dict_->LanguageBit("de");
    if (person && (mask & (de | dict_->LanguageBit("*"))))
      for (const std::string& n : names)
        for (const std::string& g : GermanGenitives(n))
          AddGenitive(g, EntryType::kEntity, ref, de, src,
                      CaseRule::kCapitalized);
  }

  void AddRole(const core::Json& e, const std::string& lang, uint32_t mask,
               const std::string& src) {
    RoleNoun r;
    r.sector = Str(e, "sector");
    auto p = e.find("person");
    r.person = p != e.end() && p->is_boolean() && p->get<bool>();
    auto h = e.find("home");
    r.home = h != e.end() && h->is_boolean() && h->get<bool>();
    auto pl = e.find("placed");
    r.placed = pl != e.end() && pl->is_boolean() && pl->get<bool>();
    auto co = e.find("counted");
    r.counted = co != e.end() && co->is_boolean() && co->get<bool>();
    uint32_t ref = static_cast<uint32_t>(dict_->roles.size());
    dict_->roles.push_back(r);
    auto inflect = e.find("inflect");
    bool do_inflect =
        inflect == e.end() || !inflect->is_boolean() || inflect->get<bool>();
    for (const std::string& n : Strings(e, "names")) {
      std::vector<std::string> forms = !do_inflect ? std::vector<std::string>{n}
                                       : lang == "de" ? GermanNounForms(n)
                                                      : EnglishPlurals(n);
      for (const std::string& f : forms)
        Add(f, EntryType::kRole, ref, mask, src + " role " + r.sector,
            CaseRule::kAny);
    }
  }

  void AddRegion(const core::Json& e, const std::string& lang, uint32_t mask,
                 const std::string& src) {
    NamedRegion r;
    r.name = Str(e, "name");
    r.country = Str(e, "country");
    r.m49 = Str(e, "m49");
    auto p = core::ParsePlacePrecision(Str(e, "precision"));
    r.precision = p.ok() ? *p : core::PlacePrecision::kAdmin1;
    uint32_t ref = static_cast<uint32_t>(dict_->regions.size());
    dict_->regions.push_back(r);
    for (const std::string& n : Strings(e, "names")) {
      Add(n, EntryType::kRegion, ref, mask, src + " region");
      // "Kärntens", "Tirols": German genitives of a named region.
      if (lang == "de")
        for (const std::string& g : GermanGenitives(n))
          AddGenitive(g, EntryType::kRegion, ref, mask, src + " region");
    }
  }

  const CompileOptions& options_;
  Dictionary* dict_;
  std::vector<std::pair<std::string, std::string>> capitals_;
  std::vector<std::vector<std::string>> capital_names_;
  std::vector<std::pair<uint32_t, std::unordered_set<std::string>>> stop_vec_;
  std::map<uint32_t, std::unordered_set<std::string>> stop_;
};

}  // namespace

core::Result<std::unique_ptr<Dictionary>> Compile(
    const CompileOptions& options) {
  auto dict = std::make_unique<Dictionary>();
  dict->LanguageBit("de");
  dict->LanguageBit("en");
  Compiler c(options, dict.get());
  std::error_code ec;
  if (!fs::is_directory(options.lexicon_dir, ec))
    return core::Status::NotFound("lexicon directory not found: " +
                                  options.lexicon_dir);
  // lexicons/<lang>/*.json in path order; stoplists and capitals first
  // matter only for places, which are added last.
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& d : fs::directory_iterator(options.lexicon_dir, ec)) {
    if (!d.is_directory()) continue;
    std::string lang = d.path().filename().string();
    for (const auto& f : fs::directory_iterator(d.path(), ec)) {
      if (f.path().extension() == ".json")
        files.emplace_back(f.path().string(), lang);
    }
  }
  std::sort(files.begin(), files.end());
  for (const auto& [path, lang] : files)
    RETURN_IF_ERROR(c.LoadFile(path, lang));
  for (const std::string& path : options.user_lexicons)
    RETURN_IF_ERROR(c.LoadFile(path, ""));
  c.AddIcuCountries();
  c.AddGeoNames();
  return dict;
}

}  // namespace geotl::ingest::recognize
