#include "ingest/petrarch_import.h"

#include <cctype>
#include <map>
#include <sstream>
#include <vector>

namespace geotl::ingest {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
    s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
    s.remove_suffix(1);
  return s;
}

std::string_view StripComment(std::string_view s) {
  size_t hash = s.find('#');
  return hash == std::string_view::npos ? s : s.substr(0, hash);
}

// "ANGELA_DOROTHEA_MERKEL_" -> "Angela Dorothea Merkel"; agent phrases stay
// lower case ("cattle rancher").
std::string Phrase(std::string_view raw, bool title_case) {
  std::string out;
  bool word_start = true;
  for (char c : raw) {
    if (c == '_' || c == ' ') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
      word_start = true;
      continue;
    }
    unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x80 && std::isalpha(u)) {
      c = static_cast<char>(title_case && word_start ? std::toupper(u)
                                                     : std::tolower(u));
    }
    out.push_back(c);
    word_start = c == '-' || c == '.';
    if (u < 0x80 && std::isalpha(u)) word_start = false;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

struct RoleCode {
  std::string country, sector, code;
};

// "DEUGOVLEG" -> DEU / GOV; "IGOUNO" -> UNO; "IMGMUSALQ" -> IMG / MUS;
// "ELI" (no country) -> "" / ELI.
RoleCode SplitCode(std::string_view code) {
  RoleCode r;
  std::string c(code);
  if (c.size() >= 6 && (c.compare(0, 3, "IGO") == 0)) {
    r.country = c.substr(3, 3);
    r.sector = c.size() >= 9 ? c.substr(6, 3) : "";
    r.code = c.substr(3);
    return r;
  } else if (c.size() == 3 && !c.empty()) {
    static const char* kSectors[] = {"GOV", "MIL", "REB", "OPP", "ELI", "CVL",
                                     "BUS", "MED", "JUD", "LEG", "COP", "SPY",
                                     "EDU", "REL", "HLH", "LAB", "AGR", "REF"};
    bool sector = false;
    for (const char* s : kSectors) sector = sector || c == s;
    (sector ? r.sector : r.country) = c;
    r.code = c;
    return r;
  }
  r.country = c.substr(0, 3);
  r.sector = c.size() >= 6 ? c.substr(3, 3) : "";
  r.code = c;  // all sectors: "DEUGOVLEG"
  return r;
}

struct Pending {
  core::Json entry;
  bool dated = false;
  bool open = false;
};

}  // namespace

core::Result<std::string> PetrarchDate(std::string_view d) {
  d = Trim(d);
  for (char c : d) {
    if (!std::isdigit(static_cast<unsigned char>(c)))
      return core::Status::Invalid("bad date '" + std::string(d) + "'");
  }
  std::string y, md;
  if (d.size() == 6) {
    int yy = std::stoi(std::string(d.substr(0, 2)));
    y = std::to_string(yy < 50 ? 2000 + yy : 1900 + yy);
    md = std::string(d.substr(2));
  } else if (d.size() == 8) {
    y = std::string(d.substr(0, 4));
    md = std::string(d.substr(4));
  } else {
    return core::Status::Invalid("bad date '" + std::string(d) + "'");
  }
  std::string iso = y + "-" + md.substr(0, 2) + "-" + md.substr(2, 2);
  auto ok = core::ParseIsoDay(iso);
  if (!ok.ok())
    return core::Status::Invalid("bad date '" + std::string(d) + "'");
  return iso;
}

core::Result<core::Json> ImportPetrarch(std::istream& in,
                                        std::string_view source,
                                        PetrarchImportStats* stats) {
  PetrarchImportStats local;
  PetrarchImportStats& st = stats ? *stats : local;
  std::vector<core::Json> actors;
  std::vector<std::pair<std::string, std::string>> agents;  // phrase, sector
  std::map<std::string, std::vector<std::string>> sets;
  core::Json cur;
  bool have = false;
  auto flush = [&] {
    if (!have) return;
    have = false;
    if (!cur.contains("roles") && cur.value("country", "").empty() &&
        cur.value("sector", "").empty())
      return;  // no code at all: nothing to resolve to
    bool dated = cur.contains("roles");
    std::string country = cur.value("country", "");
    if (!dated && (country.size() == 3 && cur.value("sector", "").empty()))
      cur["kind"] = "country";
    else if (!dated && (country == "IMG" || cur.value("sector", "") == "REB"))
      cur["kind"] = "group";
    else if (!dated && country.size() == 3 &&
             (country == "NGO" || cur.value("sector", "").empty()))
      cur["kind"] = "organization";
    else
      cur["kind"] = "person";
    if (cur["kind"] == "person" && cur.value("country", "").empty() && dated)
      cur["nationality"] = cur["roles"].back().value("country", "");
    actors.push_back(std::move(cur));
    ++st.actors;
  };
  auto add_code = [&](std::string_view spec) -> bool {
    // spec: "CODE", "CODE d1-d2", "CODE >d", "CODE <d"
    spec = Trim(spec);
    size_t sp = spec.find(' ');
    std::string code(spec.substr(0, sp));
    std::string_view dates =
        sp == std::string_view::npos ? "" : Trim(spec.substr(sp + 1));
    RoleCode rc = SplitCode(code);
    if (dates.empty()) {
      if (!cur.contains("country") || cur.value("code", "").empty()) {
        cur["country"] = rc.country;
        cur["sector"] = rc.sector;
        cur["code"] = rc.code;
      }
      return true;
    }
    core::Json role = {
        {"code", rc.code}, {"country", rc.country}, {"sector", rc.sector}};
    if (dates[0] == '>' || dates[0] == '<') {
      auto d = PetrarchDate(dates.substr(1));
      if (!d.ok()) return false;
      role[dates[0] == '>' ? "from" : "to"] = *d;
    } else {
      size_t dash = dates.find('-');
      if (dash == std::string_view::npos) return false;
      auto a = PetrarchDate(dates.substr(0, dash));
      auto b = PetrarchDate(dates.substr(dash + 1));
      if (!a.ok() || !b.ok()) return false;
      role["from"] = *a;
      role["to"] = *b;
    }
    cur["roles"].push_back(std::move(role));
    ++st.roles;
    return true;
  };

  std::string line;
  while (std::getline(in, line)) {
    std::string_view l = StripComment(line);
    if (Trim(l).empty()) continue;
    std::string_view t = Trim(l);
    // Substitution set: "!PERSON! = MAN, MEN, WOMAN".
    if (t[0] == '!' && t.find('=') != std::string_view::npos) {
      size_t eq = t.find('=');
      std::string name(Trim(t.substr(0, eq)));
      std::stringstream ss{std::string(t.substr(eq + 1))};
      std::string v;
      while (std::getline(ss, v, ',')) {
        std::string_view tv = Trim(v);
        if (!tv.empty()) sets[name].emplace_back(tv);
      }
      continue;
    }
    bool indented = std::isspace(static_cast<unsigned char>(l[0]));
    if (t[0] == '[') {  // role line of the current actor
      size_t close = t.find(']');
      if (!have || close == std::string_view::npos ||
          !add_code(t.substr(1, close - 1)))
        ++st.skipped;
      continue;
    }
    if (t[0] == '+') {
      if (!have) {
        ++st.skipped;
        continue;
      }
      std::string_view alias = t.substr(1);
      size_t br = alias.find('[');
      if (br != std::string_view::npos) alias = alias.substr(0, br);
      cur["aliases"].push_back(Phrase(Trim(alias), true));
      ++st.aliases;
      continue;
    }
    if (indented) {
      ++st.skipped;
      continue;
    }
    // Entry line: NAME [CODE]? or an agent NAME [~SEC].
    size_t br = t.find('[');
    std::string_view name = Trim(t.substr(0, br));
    if (br != std::string_view::npos && t.size() > br + 1 && t[br + 1] == '~') {
      size_t close = t.find(']', br);
      std::string sector(t.substr(br + 2, close == std::string_view::npos
                                              ? std::string_view::npos
                                              : close - br - 2));
      // Expand substitution sets.
      std::vector<std::string> forms = {std::string(name)};
      for (const auto& [set, values] : sets) {
        std::vector<std::string> next;
        for (const std::string& f : forms) {
          size_t at = f.find(set);
          if (at == std::string::npos) {
            next.push_back(f);
            continue;
          }
          for (const std::string& v : values)
            next.push_back(f.substr(0, at) + v + f.substr(at + set.size()));
        }
        forms = std::move(next);
      }
      for (const std::string& f : forms)
        agents.emplace_back(Phrase(f, false), sector);
      ++st.agents;
      continue;
    }
    flush();
    cur = core::Json::object();
    cur["name"] = Phrase(name, true);
    have = true;
    if (br != std::string_view::npos) {
      size_t close = t.find(']', br);
      if (close == std::string_view::npos ||
          !add_code(t.substr(br + 1, close - br - 1)))
        ++st.skipped;
    }
  }
  flush();
  core::Json out;
  out["source"] = std::string(source);
  out["languages"] = core::Json::array({"en"});
  if (agents.size() > actors.size()) {  // an agent file (stray lines aside)
    out["kind"] = "roles";
    std::map<std::string, std::vector<std::string>> by_sector;
    for (const auto& [phrase, sector] : agents)
      by_sector[sector].push_back(phrase);
    out["entries"] = core::Json::array();
    for (auto& [sector, names] : by_sector)
      out["entries"].push_back({{"names", names}, {"sector", sector}});
  } else {
    out["kind"] = "actors";
    out["entries"] = std::move(actors);
  }
  return out;
}

}  // namespace geotl::ingest
