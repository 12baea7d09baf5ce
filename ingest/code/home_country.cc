#include "ingest/code/home_country.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>

#include "geo/city.h"
#include "geo/country.h"
#include "ingest/code/country_counts.h"
#include "ingest/code/data_file.h"
#include "ingest/code/tokens.h"

namespace geotl::ingest::code {
namespace {

std::string Key(std::string_view s) {
  std::string k;
  for (char c : FoldCase(s))
    if (c != ' ' && c != '.' && c != '-' && c != '_') k.push_back(c);
  return k;
}

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

// Bytes of dateline punctuation after a place: "–", "—", "-", "_", "(".
// Before it, an abbreviation's period ("BUFFALO, N.Y. (AP)") and the
// agency's date ("BRUSSELS, December 2 (Xinhua)") may stand.
bool DatelineMark(std::string_view rest) {
  size_t i = 0;
  while (i < rest.size() &&
         (rest[i] == ' ' || rest[i] == ',' || rest[i] == '.'))
    ++i;
  // "December 2 (": a capitalised word, a day number, then "(".
  size_t j = i;
  if (j < rest.size() && rest[j] >= 'A' && rest[j] <= 'Z') {
    while (j < rest.size() && std::isalpha(static_cast<unsigned char>(rest[j])))
      ++j;
    if (j < rest.size() && rest[j] == '.') ++j;
    if (j < rest.size() && rest[j] == ' ') ++j;
    const size_t digits = j;
    while (j < rest.size() && std::isdigit(static_cast<unsigned char>(rest[j])))
      ++j;
    if (j > digits && j - digits <= 2) {
      while (j < rest.size() && rest[j] == ' ') ++j;
      if (j < rest.size() && rest[j] == '(') i = j;
    }
  }
  rest = rest.substr(i);
  return rest.starts_with("\xE2\x80\x93") || rest.starts_with("\xE2\x80\x94") ||
         rest.starts_with("- ") || rest.starts_with("_") ||
         rest.starts_with("(");
}

std::string MentionCountry(const Mention& m) {
  if (m.place && !m.place->country.empty()) return m.place->country;
  if (m.actor && m.actor->country.size() == 3) return m.actor->country;
  return "";
}

// How often the article's own mentions name each country (its name, an
// adjective, its organs and people; not a bare "the police", whose country
// is the home being looked for, nor a small town that may be a common word,
// Mention::needs_country). Countries only: the EU or the UN named often is
// no home.
std::map<std::string, int> NamedCountries(
    const std::vector<std::vector<Mention>>& mentions) {
  return CountCountries(mentions, [](const Mention& m) -> std::string_view {
    if (m.home || m.needs_country || !m.actor ||
        m.actor->kind == core::ActorKind::kOrganization ||
        !geo::CountryByCode(m.actor->country))
      return "";
    return m.actor->country;
  });
}

// The first town or division named in the first three sentences, or
// nullptr: a note's place, and the town a story starts from.
const Mention* FirstTown(const std::vector<std::vector<Mention>>& mentions) {
  for (size_t si = 0; si < mentions.size() && si < 3; ++si)
    for (const Mention& m : mentions[si])
      if (m.place && m.place->country.size() == 3 &&
          m.place->precision != core::PlacePrecision::kCountry)
        return &m;
  return nullptr;
}

// The most named country when it is named at least three times and `own`
// (the dateline's country, whose dateline mention counts once) no more.
std::optional<std::string> ForeignStory(
    const std::map<std::string, int>& counts, const std::string& own) {
  const std::vector<std::string> order = MostNamedFirst(counts);
  if (order.empty() || order.front() == own) return std::nullopt;
  const auto it = counts.find(own);
  if (counts.at(order.front()) >= 3 && (it == counts.end() || it->second <= 1))
    return order.front();
  return std::nullopt;
}

}  // namespace

core::Status Publishers::AddText(std::string_view text, std::string_view file,
                                 bool skip_other_kinds) {
  const std::string where(file);
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded()) return core::Status::Invalid(where + ": not JSON");
  if (skip_other_kinds) {
    const auto kind = j.is_object() ? j.find("kind") : j.end();
    if (!j.is_object() || kind == j.end() || !kind->is_string() ||
        *kind != "publishers")
      return core::Status::Ok();
  }
  if (!j.is_object() || !j.contains("entries") || !j["entries"].is_array())
    return core::Status::Invalid(where + ": an object with \"entries\"");
  for (const auto& e : j["entries"]) {
    if (!e.is_object() || !e.contains("country") || !e["country"].is_string())
      return core::Status::Invalid(where + ": entry without \"country\"");
    const auto intl = e.find("international");
    if (intl != e.end() && !intl->is_boolean())
      return core::Status::Invalid(where +
                                   ": \"international\" is not true/false");
    Publisher pub{e["country"].get<std::string>(),
                  intl != e.end() && intl->get<bool>()};
    if (!geo::CountryByCode(pub.country))
      return core::Status::Invalid(where + ": unknown country \"" +
                                   pub.country + "\"");
    if (e.contains("name") && e["name"].is_string())
      by_key_[Key(e["name"].get<std::string>())] = pub;
    if (e.contains("aliases") && e["aliases"].is_array())
      for (const auto& a : e["aliases"])
        if (a.is_string()) by_key_[Key(a.get<std::string>())] = pub;
  }
  return core::Status::Ok();
}

core::Result<std::shared_ptr<const Publishers>> Publishers::FromJson(
    std::string_view json_text) {
  auto p = std::make_shared<Publishers>();
  RETURN_IF_ERROR(p->AddText(json_text, "publishers.json", false));
  return std::shared_ptr<const Publishers>(std::move(p));
}

core::Result<std::shared_ptr<const Publishers>> Publishers::Load(
    const std::string& dir, const std::vector<std::string>& user_files) {
  auto p = std::make_shared<Publishers>();
  const std::string shipped = dir + "/publishers.json";
  auto text = ReadDataFile(shipped);
  if (text.ok())
    RETURN_IF_ERROR(p->AddText(*text, shipped, false));
  else if (text.status().code() != core::Code::kNotFound)
    return text.status();
  // A user file named but missing is an error, not an absent list.
  for (const std::string& path : user_files) {
    auto user = ReadDataFile(path);
    if (!user.ok())
      return core::Status::Invalid(path + ": " + user.status().message());
    RETURN_IF_ERROR(p->AddText(*user, path, true));
  }
  if (!text.ok() && p->by_key_.empty()) return core::Status::NotFound(shipped);
  return std::shared_ptr<const Publishers>(std::move(p));
}

Publisher Publishers::FindOne(std::string_view name) const {
  // "Agence France Presse -- English": the archive's edition tag.
  if (size_t dash = name.find(" -- "); dash != std::string_view::npos)
    name = name.substr(0, dash);
  name = TrimSpaces(name);
  if (auto it = by_key_.find(Key(name)); it != by_key_.end()) return it->second;
  // "The Guardian (Lagos)", "Daily Nation (Kenya)": the edition's place.
  const size_t open = name.rfind('(');
  if (open == std::string_view::npos || !name.ends_with(")")) return {};
  const std::string_view where =
      TrimSpaces(name.substr(open + 1, name.size() - open - 2));
  if (auto c = geo::CountryCodeForName(where); c && where.size() > 3)
    return {*c, false};
  if (auto city = geo::FindCity(where, ""))
    return {geo::Cities()[*city].country, false};
  if (auto it = by_key_.find(Key(name.substr(0, open))); it != by_key_.end())
    return it->second;
  return {};
}

Publisher Publishers::Find(std::string_view source) const {
  Publisher first;
  while (!source.empty()) {
    const size_t semi = source.find(';');
    Publisher p = FindOne(source.substr(0, semi));
    if (!p.country.empty() && !p.international) return p;
    if (first.country.empty()) first = std::move(p);
    if (semi == std::string_view::npos) break;
    source.remove_prefix(semi + 1);
  }
  return first;
}

std::string Publishers::CountryOf(std::string_view source) const {
  return Find(source).country;
}

HomeCountry FindHomeCountry(std::string_view text,
                            const std::vector<Sentence>& sentences,
                            const std::vector<std::vector<Mention>>& mentions,
                            std::string_view publisher,
                            const Publishers* publishers) {
  // A dateline: a place (or country) opening one of the first sentences,
  // followed by a dash, an underscore or "(AP)".
  for (size_t si = 0; si < sentences.size() && si < 4; ++si) {
    const Sentence& s = sentences[si];
    for (const Mention& m : mentions[si]) {
      if (m.start > s.start + 2) break;
      std::string c = MentionCountry(m);
      if (c.empty() || !m.place) continue;
      // "NAIROBI, Kenya (AP)", "Addis Abeba/Bujumbura –": skip a second
      // place right after.
      size_t end = m.end;
      const Mention* at = &m;
      std::vector<const Mention*> seats{&m};
      for (const Mention& n : mentions[si])
        if (n.start >= end && n.start <= end + 2 && n.place) {
          end = n.end;
          if (!MentionCountry(n).empty()) seats.push_back(&n);
        }
      if (end < text.size() && DatelineMark(text.substr(end, 24))) {
        // "Addis Abeba/Bujumbura –" over a story about Burundi: of the
        // dateline's places in several countries, the publisher's own
        // ("Wien/Berlin –" in a Viennese paper), else the first unless the
        // article names another's country more than three times as often
        // ("Berlin/Ankara –" over Germans and Turks stays in Germany).
        const std::string own = publishers && !publisher.empty()
                                    ? publishers->CountryOf(publisher)
                                    : std::string();
        if (seats.size() > 1 &&
            std::none_of(seats.begin(), seats.end(), [&](const Mention* x) {
              return MentionCountry(*x) == own;
            })) {
          const std::map<std::string, int> named = NamedCountries(mentions);
          auto count = [&](const Mention* x) {
            auto it = named.find(MentionCountry(*x));
            return it == named.end() ? 0 : it->second;
          };
          for (const Mention* x : seats)
            if (count(x) > 3 * count(at)) at = x;
          c = MentionCountry(*at);
        } else if (seats.size() > 1) {
          for (const Mention* x : seats)
            if (MentionCountry(*x) == own) {
              at = x;
              break;
            }
          c = own;
        }
        const std::string where(text.substr(m.start, end - m.start));
        // A correspondent's seat ("Puebla –" over a story about
        // Guatemala): the dateline's country named nowhere else, another
        // country at least three times.
        if (auto abroad = ForeignStory(NamedCountries(mentions), c)) {
          HomeCountry h{*abroad,
                        "most named country (dateline " + where + " abroad)",
                        HomeSource::kNamedCountry};
          h.dateline_sentence = static_cast<int>(si);
          return h;
        }
        HomeCountry h{c, "dateline " + where, HomeSource::kDateline};
        h.dateline_sentence = static_cast<int>(si);
        if (at->place->precision != core::PlacePrecision::kCountry) {
          h.place = *at->place;
          h.place->text.clear();
        }
        return h;
      }
    }
  }
  std::map<std::string, int> counts = NamedCountries(mentions);
  std::string best;
  int n = 0;
  for (const auto& [c, k] : counts)
    if (k > n) {
      best = c;
      n = k;
    }
  if (publishers && !publisher.empty()) {
    const Publisher p = publishers->Find(publisher);
    const std::string& c = p.country;
    const Mention* first_town = FirstTown(mentions);
    // A foreign story: another country named at least three times and
    // more than twice as often as the publisher's own, unless the story's
    // first town is the publisher's ("300 Congolese nationals marched" in
    // a South African paper's story from Cape Town).
    if (!c.empty() && n >= 3 && best != c && counts[c] * 2 < n &&
        !(first_town && first_town->place->country == c))
      return {best,
              "most named country (publisher " + std::string(publisher) +
                  " abroad)",
              HomeSource::kNamedCountry};
    // A wire service's story is at home where it happens: its own
    // country only when the story names it.
    if (!c.empty() && (!p.international || counts[c] > 0))
      return {c, "publisher " + std::string(publisher), HomeSource::kPublisher};
  }
  if (n >= 2) return {best, "most named country", HomeSource::kNamedCountry};
  return {};
}

HomeCountry NoteHome(const std::vector<std::vector<Mention>>& mentions) {
  if (const Mention* m = FirstTown(mentions)) {
    HomeCountry h{m->place->country, "gazetteer place (first place named)",
                  HomeSource::kPlace};
    h.place = *m->place;
    h.place->text.clear();
    return h;
  }
  const std::map<std::string, int> named = NamedCountries(mentions);
  if (named.size() == 1)
    return {named.begin()->first, "the one country named",
            HomeSource::kNamedCountry};
  return {};
}

}  // namespace geotl::ingest::code
