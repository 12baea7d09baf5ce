#include "timeline/place_filter.h"

#include <algorithm>
#include <charconv>

#include "core/event_json.h"
#include "geo/country.h"
#include "geo/fold.h"
#include "geo/place_key.h"

namespace geotl::timeline {
namespace {

std::optional<uint32_t> GeonamesId(std::string_view v) {
  if (v.empty() || v.size() > 10 ||
      !std::all_of(v.begin(), v.end(),
                   [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  uint64_t n = 0;
  std::from_chars(v.data(), v.data() + v.size(), n);
  if (n > UINT32_MAX) return std::nullopt;
  return uint32_t(n);
}

// KEN or KE (capitals only: "Are", a town, is no country code).
std::optional<std::string> CountryCode(std::string_view v) {
  if (v.size() != 2 && v.size() != 3) return std::nullopt;
  if (!std::all_of(v.begin(), v.end(),
                   [](char c) { return c >= 'A' && c <= 'Z'; }))
    return std::nullopt;
  auto c = geo::CountryByCode(v);
  if (!c) return std::nullopt;
  return c->alpha3;
}

template <typename T>
bool Has(const std::vector<T>& v, const T& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

// Names are few in a store; the cache only bounds ICU work per scan.
constexpr size_t kMaxFoldCache = 1 << 16;

}  // namespace

PlaceFilter::PlaceFilter(const std::vector<std::string>& values,
                         const geo::Gazetteer* gazetteer) {
  for (const auto& v : values) {
    empty_ = false;
    if (auto id = GeonamesId(v)) ids_.push_back(*id);
    if (auto c = CountryCode(v)) countries_.push_back(*c);
    names_.push_back(geo::Fold(v));
    if (!gazetteer || GeonamesId(v)) continue;
    // Every place or division one of whose names this is ("Wien" is
    // Vienna's German name): its id, and its English name for locations
    // stored without an id.
    for (const geo::GazEntry& e : gazetteer->Find(geo::PlaceKey(v))) {
      const geo::GazPlace p = gazetteer->Get(e);
      if (p.geonames_id && !Has(ids_, p.geonames_id))
        ids_.push_back(p.geonames_id);
      std::string name = geo::Fold(p.name);
      if (!name.empty() && !Has(names_, name))
        names_.push_back(std::move(name));
    }
  }
}

const geo::Gazetteer* SharedGazetteer() {
  static const std::shared_ptr<const geo::Gazetteer> gazetteer = [] {
    auto g = geo::Gazetteer::Open(geo::DefaultGazetteerPath());
    return g.ok() ? *g : std::shared_ptr<const geo::Gazetteer>();
  }();
  return gazetteer.get();
}

bool PlaceFilter::NameMatches(const std::string& name) const {
  if (name.empty()) return false;
  auto it = folded_.find(name);
  if (it == folded_.end()) {
    if (folded_.size() >= kMaxFoldCache) folded_.clear();
    it = folded_.emplace(name, geo::Fold(name)).first;
  }
  return Has(names_, it->second);
}

bool PlaceFilter::Matches(const core::Place& p) const {
  if (p.geonames_id && Has(ids_, *p.geonames_id)) return true;
  if (!p.country.empty() && Has(countries_, p.country)) return true;
  return NameMatches(p.name);
}

bool PlaceFilter::Matches(const store::EventView& v) const {
  if (!v.loc_country.empty() && Has(countries_, std::string(v.loc_country)))
    return true;
  auto loc = LocationOf(v.json);
  return loc && Matches(*loc);
}

std::optional<core::Place> LocationOf(std::string_view json) {
  // The first `"location":` is the top-level key: inside a JSON string a
  // quote is always escaped, and no object before it has that key.
  static constexpr std::string_view kKey = "\"location\":";
  const size_t at = json.find(kKey);
  if (at == std::string_view::npos) return std::nullopt;
  const size_t begin = at + kKey.size();
  if (begin >= json.size() || json[begin] != '{') return std::nullopt;
  int depth = 0;
  bool in_string = false;
  for (size_t i = begin; i < json.size(); ++i) {
    const char c = json[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{') {
      ++depth;
    } else if (c == '}' && --depth == 0) {
      core::Json j =
          core::Json::parse(json.substr(begin, i + 1 - begin), nullptr, false);
      if (j.is_discarded()) return std::nullopt;
      auto p = core::PlaceFromJson(j);
      if (!p.ok()) return std::nullopt;
      return std::move(p).value();
    }
  }
  return std::nullopt;
}

}  // namespace geotl::timeline
