#include "geo/country.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/region.h>
#include <unicode/uchar.h>
#include <unicode/uloc.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <map>
#include <mutex>
#include <set>
#include <unordered_map>

#include "geo/fold.h"

namespace geotl::geo {
namespace {

std::string ToUtf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

// Languages whose names go into the name index. ICU knows many more; these
// cover the news languages we expect plus every language of a lexicon.
// Lookups that miss fall back to a scan over all ICU languages.
constexpr const char* kIndexLanguages[] = {
    "en", "de", "fr", "es", "it", "pt", "nl", "pl", "cs", "sv", "da",
    "no", "fi", "ru", "uk", "tr", "ar", "fa", "he", "zh", "ja", "ko",
    "hu", "ro", "el", "bg", "sr", "hr", "id", "vi", "hi"};

struct Tables {
  std::vector<Country> countries;
  std::unordered_map<std::string, size_t> by_alpha2, by_alpha3;
  std::unordered_map<std::string, std::string> name_to_alpha3;  // folded
  std::unordered_map<std::string, std::string> name_to_region;  // folded
  std::vector<std::string> regions;
};

const Tables& Get() {
  static const Tables* tables = [] {
    auto* t = new Tables;
    for (const char* const* p = uloc_getISOCountries(); *p; ++p) {
      std::string a2 = *p;
      std::string id = "und_" + a2;
      std::string a3 = uloc_getISO3Country(id.c_str());
      if (a3.empty()) continue;
      icu::UnicodeString name;
      icu::Locale("", a2.c_str()).getDisplayCountry(icu::Locale("en"), name);
      t->countries.push_back({a2, a3, ToUtf8(name)});
    }
    std::sort(
        t->countries.begin(), t->countries.end(),
        [](const Country& a, const Country& b) { return a.alpha3 < b.alpha3; });
    for (size_t i = 0; i < t->countries.size(); ++i) {
      t->by_alpha2[t->countries[i].alpha2] = i;
      t->by_alpha3[t->countries[i].alpha3] = i;
    }
    // Region codes: continents and subcontinents (M49, numeric).
    UErrorCode st = U_ZERO_ERROR;
    for (URegionType type : {URGN_WORLD, URGN_CONTINENT, URGN_SUBCONTINENT}) {
      st = U_ZERO_ERROR;
      icu::StringEnumeration* e = icu::Region::getAvailable(type, st);
      if (U_FAILURE(st) || !e) continue;
      const char* code;
      while ((code = e->next(nullptr, st)) != nullptr && U_SUCCESS(st))
        t->regions.push_back(code);
      delete e;
    }
    std::sort(t->regions.begin(), t->regions.end());
    // Name indexes: English first so it wins on clashes.
    for (const char* lang : kIndexLanguages) {
      icu::Locale display(lang);
      for (const auto& c : t->countries) {
        icu::UnicodeString n;
        icu::Locale("", c.alpha2.c_str()).getDisplayCountry(display, n);
        t->name_to_alpha3.emplace(Fold(ToUtf8(n)), c.alpha3);
      }
      for (const auto& r : t->regions) {
        icu::UnicodeString n;
        icu::Locale("", r.c_str()).getDisplayCountry(display, n);
        std::string s = ToUtf8(n);
        if (s != r) t->name_to_region.emplace(Fold(s), r);
      }
    }
    return t;
  }();
  return *tables;
}

}  // namespace

const std::vector<Country>& Countries() { return Get().countries; }

std::optional<Country> CountryByCode(std::string_view code) {
  const Tables& t = Get();
  std::string u = Upper(code);
  if (u.size() == 2) {
    auto it = t.by_alpha2.find(u);
    if (it != t.by_alpha2.end()) return t.countries[it->second];
  } else if (u.size() == 3) {
    auto it = t.by_alpha3.find(u);
    if (it != t.by_alpha3.end()) return t.countries[it->second];
  }
  return std::nullopt;
}

std::optional<std::string> CountryCodeForName(std::string_view name) {
  if (name.size() == 2 || name.size() == 3) {
    if (auto c = CountryByCode(name)) return c->alpha3;
  }
  const Tables& t = Get();
  std::string key = Fold(name);
  auto it = t.name_to_alpha3.find(key);
  if (it != t.name_to_alpha3.end()) return it->second;
  // Slow path: every language ICU has display names for, indexed once on
  // the first miss (a few hundred ms), so unknown names stay O(1) after.
  static const auto* all_names = [&t] {
    auto* m = new std::unordered_map<std::string, std::string>;
    int32_t n = 0;
    const icu::Locale* all = icu::Locale::getAvailableLocales(n);
    std::set<std::string> seen;
    for (int32_t i = 0; i < n; ++i) {
      std::string lang = all[i].getLanguage();
      if (!seen.insert(lang).second) continue;
      icu::Locale display(lang.c_str());
      for (const auto& c : t.countries) {
        icu::UnicodeString s;
        icu::Locale("", c.alpha2.c_str()).getDisplayCountry(display, s);
        m->emplace(Fold(ToUtf8(s)), c.alpha3);
      }
    }
    return m;
  }();
  auto hit = all_names->find(key);
  if (hit != all_names->end()) return hit->second;
  return std::nullopt;
}

std::string CountryName(std::string_view alpha3, std::string_view language) {
  auto c = CountryByCode(alpha3);
  if (!c) return std::string(alpha3);
  icu::UnicodeString s;
  icu::Locale("", c->alpha2.c_str())
      .getDisplayCountry(icu::Locale(std::string(language).c_str()), s);
  return ToUtf8(s);
}

std::vector<std::string> RegionsOf(std::string_view alpha3) {
  std::vector<std::string> out;
  auto c = CountryByCode(alpha3);
  if (!c) return out;
  UErrorCode st = U_ZERO_ERROR;
  const icu::Region* r = icu::Region::getInstance(c->alpha2.c_str(), st);
  if (U_FAILURE(st) || !r) return out;
  for (const icu::Region* p = r->getContainingRegion(); p;
       p = p->getContainingRegion()) {
    std::string code = p->getRegionCode();
    if (code == "001") break;
    out.push_back(code);
  }
  return out;
}

std::optional<std::string> RegionCodeForName(std::string_view name) {
  const Tables& t = Get();
  std::string s(name);
  if (s.size() == 3 && std::all_of(s.begin(), s.end(), ::isdigit)) {
    if (std::binary_search(t.regions.begin(), t.regions.end(), s)) return s;
    return std::nullopt;
  }
  auto it = t.name_to_region.find(Fold(name));
  if (it != t.name_to_region.end()) return it->second;
  return std::nullopt;
}

std::string RegionName(std::string_view m49, std::string_view language) {
  icu::UnicodeString s;
  icu::Locale("", std::string(m49).c_str())
      .getDisplayCountry(icu::Locale(std::string(language).c_str()), s);
  return ToUtf8(s);
}

const std::vector<std::string>& RegionCodes() { return Get().regions; }

std::vector<std::string> CountriesInRegion(std::string_view m49) {
  std::vector<std::string> out;
  for (const auto& c : Countries()) {
    auto regions = RegionsOf(c.alpha3);
    if (std::find(regions.begin(), regions.end(), m49) != regions.end())
      out.push_back(c.alpha3);
  }
  return out;
}

}  // namespace geotl::geo
