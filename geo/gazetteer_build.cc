#include "geo/gazetteer_build.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "geo/country.h"
#include "geo/gazetteer_format.h"
#include "geo/place_key.h"

namespace geotl::geo {
namespace {

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t from = 0;
  while (true) {
    size_t at = s.find(sep, from);
    out.push_back(
        s.substr(from, at == std::string_view::npos ? at : at - from));
    if (at == std::string_view::npos) break;
    from = at + 1;
  }
  return out;
}

class Builder {
 public:
  uint32_t Str(std::string_view s) {
    auto it = offsets_.find(std::string(s));
    if (it != offsets_.end()) return it->second;
    uint32_t off = static_cast<uint32_t>(strings_.size());
    strings_.append(s);
    strings_.push_back('\0');
    offsets_.emplace(std::string(s), off);
    return off;
  }

  // Adds the key of `name` (and its form without an Arabic article).
  void Key(std::string_view name, uint32_t target) {
    std::string k = PlaceKey(name);
    if (k.size() < 2 || k.size() > 80) return;
    keys_.push_back({PlaceKeyHash(k), target, 0});
    std::string bare = WithoutArticle(k);
    if (!bare.empty()) keys_.push_back({PlaceKeyHash(bare), target, 0});
  }

  // Adds the spelling skeleton of a division's name (SpellingSkeleton).
  void SkeletonKey(std::string_view name, uint32_t target) {
    std::string k = SpellingSkeleton(PlaceKey(name));
    if (!k.empty()) keys_.push_back({PlaceKeyHash(k), target, 0});
  }

  std::string Alpha3(std::string_view alpha2) {
    auto it = alpha3_.find(std::string(alpha2));
    if (it != alpha3_.end()) return it->second;
    auto c = CountryByCode(alpha2);
    std::string a = c ? c->alpha3 : "";
    alpha3_.emplace(std::string(alpha2), a);
    return a;
  }

  std::string strings_;
  std::unordered_map<std::string, uint32_t> offsets_;
  std::unordered_map<std::string, std::string> alpha3_;
  std::vector<gzf::PlaceRec> places_;
  std::vector<gzf::AdminRec> admins_;
  std::vector<gzf::KeyRec> keys_;
};

core::Result<nlohmann::json> ReadJsonArray(const std::string& path) {
  std::ifstream in(path);
  if (!in) return core::Status::IOError("cannot open " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  nlohmann::json j = nlohmann::json::parse(ss.str(), nullptr, false);
  if (j.is_discarded() || !j.is_array())
    return core::Status::Invalid("not a JSON array: " + path);
  return j;
}

// Division names carry their kind in many lists ("Maidan Wardak
// Province", "Kupwara District"); the text often drops it.
std::string_view WithoutKindWord(std::string_view name) {
  static constexpr std::string_view kWords[] = {
      " Province",     " Region",    " State",      " District", " Governorate",
      " Municipality", " County",    " Prefecture", " Division", " Department",
      " Oblast",       " Territory", " Zone"};
  for (std::string_view w : kWords) {
    if (name.size() > w.size() + 2 && name.substr(name.size() - w.size()) == w)
      return name.substr(0, name.size() - w.size());
  }
  return {};
}

bool SkipAlternate(std::string_view a) {
  if (a.empty() || a.find("http") != std::string_view::npos) return true;
  // Airport and other codes: "BDO", "LOS".
  if (a.size() <= 4 && std::all_of(a.begin(), a.end(),
                                   [](char c) { return c >= 'A' && c <= 'Z'; }))
    return true;
  return false;
}

template <typename T>
void Pad8(std::string* out) {
  while (out->size() % 8) out->push_back('\0');
}

}  // namespace

core::Result<GazetteerBuildStats> BuildGazetteer(const GazetteerSources& src,
                                                 const std::string& out_path) {
  Builder b;
  b.Str("");
  // Divisions first: codes -> admin indices.
  std::unordered_map<std::string, uint32_t> admin_of_code;
  for (int level : {1, 2}) {
    ASSIGN_OR_RETURN(nlohmann::json list,
                     ReadJsonArray(level == 1 ? src.admin1 : src.admin2));
    for (const auto& e : list) {
      if (!e.is_object() || !e.contains("code") || !e.contains("name") ||
          !e["code"].is_string() || !e["name"].is_string())
        continue;
      std::string code = e["code"].get<std::string>();
      std::string name = e["name"].get<std::string>();
      auto parts = Split(code, '.');
      if (parts.size() != static_cast<size_t>(level + 1) || name.empty())
        continue;
      std::string a3 = b.Alpha3(parts[0]);
      if (a3.empty()) continue;
      gzf::AdminRec a{};
      a.name = b.Str(name);
      a.parent = gzf::kNone;
      if (level == 2) {
        auto p = admin_of_code.find(std::string(parts[0]) + "." +
                                    std::string(parts[1]));
        if (p != admin_of_code.end()) a.parent = p->second;
      }
      a.level = static_cast<uint8_t>(level);
      std::memcpy(a.country, a3.data(), 3);
      const uint32_t idx = static_cast<uint32_t>(b.admins_.size());
      admin_of_code.emplace(code, idx);
      b.admins_.push_back(a);
      b.Key(name, idx | gzf::kAdminBit);
      b.SkeletonKey(name, idx | gzf::kAdminBit);
      std::string_view bare = WithoutKindWord(name);
      if (!bare.empty()) {
        b.Key(bare, idx | gzf::kAdminBit);
        b.SkeletonKey(bare, idx | gzf::kAdminBit);
      }
    }
  }
  std::vector<uint32_t> best_place(b.admins_.size(), gzf::kNone);
  std::ifstream in(src.cities);
  if (!in) return core::Status::IOError("cannot open " + src.cities);
  std::string line;
  while (std::getline(in, line)) {
    auto f = Split(line, '\t');
    if (f.size() < 15 || f[6] != "P") continue;
    uint64_t pop = std::strtoull(std::string(f[14]).c_str(), nullptr, 10);
    if (pop < src.min_population) continue;
    std::string a3 = b.Alpha3(f[8]);
    if (a3.empty()) continue;
    gzf::PlaceRec r{};
    r.geonames_id = static_cast<uint32_t>(
        std::strtoul(std::string(f[0]).c_str(), nullptr, 10));
    r.name = b.Str(f[1]);
    r.lat = std::strtof(std::string(f[4]).c_str(), nullptr);
    r.lon = std::strtof(std::string(f[5]).c_str(), nullptr);
    r.population = static_cast<uint32_t>(std::min<uint64_t>(pop, 0xffffffffu));
    std::memcpy(r.country, a3.data(), 3);
    std::string c1 = std::string(f[8]) + "." + std::string(f[10]);
    auto a1 = admin_of_code.find(c1);
    r.admin1 = a1 == admin_of_code.end() ? gzf::kNone : a1->second;
    auto a2 = admin_of_code.find(c1 + "." + std::string(f[11]));
    r.admin2 = a2 == admin_of_code.end() ? gzf::kNone : a2->second;
    const uint32_t idx = static_cast<uint32_t>(b.places_.size());
    b.places_.push_back(r);
    for (uint32_t a : {r.admin1, r.admin2}) {
      if (a == gzf::kNone) continue;
      b.admins_[a].population += pop;
      if (best_place[a] == gzf::kNone ||
          b.places_[best_place[a]].population < r.population)
        best_place[a] = idx;
    }
    std::unordered_set<std::string> seen;
    auto add = [&](std::string_view n) {
      if (seen.insert(std::string(n)).second) b.Key(n, idx);
    };
    add(f[1]);
    add(f[2]);
    for (std::string_view alt : Split(f[3], ','))
      if (!SkipAlternate(alt)) add(alt);
  }
  for (size_t a = 0; a < b.admins_.size(); ++a) {
    if (best_place[a] == gzf::kNone) continue;
    b.admins_[a].lat = b.places_[best_place[a]].lat;
    b.admins_[a].lon = b.places_[best_place[a]].lon;
  }
  std::sort(b.keys_.begin(), b.keys_.end(),
            [](const gzf::KeyRec& x, const gzf::KeyRec& y) {
              return x.hash != y.hash ? x.hash < y.hash : x.target < y.target;
            });
  b.keys_.erase(std::unique(b.keys_.begin(), b.keys_.end(),
                            [](const gzf::KeyRec& x, const gzf::KeyRec& y) {
                              return x.hash == y.hash && x.target == y.target;
                            }),
                b.keys_.end());

  std::string out(sizeof(gzf::Header), '\0');
  gzf::Header h{};
  std::memcpy(h.magic, gzf::kMagic, 8);
  h.n_places = static_cast<uint32_t>(b.places_.size());
  h.n_admins = static_cast<uint32_t>(b.admins_.size());
  h.n_keys = static_cast<uint32_t>(b.keys_.size());
  h.strings_size = static_cast<uint32_t>(b.strings_.size());
  auto section = [&](const void* data, size_t bytes) {
    Pad8<char>(&out);
    uint64_t off = out.size();
    out.append(static_cast<const char*>(data), bytes);
    return off;
  };
  h.places =
      section(b.places_.data(), b.places_.size() * sizeof(gzf::PlaceRec));
  h.admins =
      section(b.admins_.data(), b.admins_.size() * sizeof(gzf::AdminRec));
  h.keys = section(b.keys_.data(), b.keys_.size() * sizeof(gzf::KeyRec));
  h.strings = section(b.strings_.data(), b.strings_.size());
  std::memcpy(out.data(), &h, sizeof h);
  std::string tmp = out_path + ".tmp";
  {
    std::ofstream o(tmp, std::ios::binary | std::ios::trunc);
    if (!o) return core::Status::IOError("cannot write " + tmp);
    o.write(out.data(), static_cast<std::streamsize>(out.size()));
    if (!o) return core::Status::IOError("cannot write " + tmp);
  }
  if (std::rename(tmp.c_str(), out_path.c_str()) != 0)
    return core::Status::IOError("cannot rename " + tmp);
  GazetteerBuildStats s;
  s.places = b.places_.size();
  s.admins = b.admins_.size();
  s.keys = b.keys_.size();
  s.bytes = out.size();
  return s;
}

}  // namespace geotl::geo
