#include "timeline/brief_phrases.h"

#include <algorithm>
#include <map>

#include "core/ontology.h"
#include "geo/country.h"

namespace geotl::timeline {
namespace {

constexpr const char* kMonthsEn[] = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};
constexpr const char* kMonthsDe[] = {
    "Januar", "Februar", "März",      "April",   "Mai",      "Juni",
    "Juli",   "August",  "September", "Oktober", "November", "Dezember"};
constexpr const char* kShortEn[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr const char* kShortDe[] = {"Jan.",  "Feb.", "März", "Apr.",
                                    "Mai",   "Juni", "Juli", "Aug.",
                                    "Sept.", "Okt.", "Nov.", "Dez."};

bool De(std::string_view lang) { return BriefLanguage(lang) == "de"; }

std::string MonthName(int m, std::string_view lang) {
  return De(lang) ? kMonthsDe[m - 1] : kMonthsEn[m - 1];
}

std::string MonthYear(core::Date d, std::string_view lang) {
  return MonthName(d.month(), lang) + " " + std::to_string(d.year());
}

// "28 October – 2 November 2013", dropping the first year (and month) when
// they repeat.
std::string SpanText(core::Date a, core::Date b, std::string_view lang) {
  if (a == b) return DayText(a, lang);
  std::string left;
  bool de = De(lang);
  if (a.year() != b.year()) {
    left = DayText(a, lang);
  } else if (a.month() != b.month()) {
    left = std::to_string(a.day()) + (de ? ". " : " ") +
           MonthName(a.month(), lang);
  } else {
    left = std::to_string(a.day()) + (de ? "." : "");
  }
  return left + " – " + DayText(b, lang);
}

std::string Ordinal(int n) {
  int m100 = n % 100, m10 = n % 10;
  const char* suf = (m100 >= 11 && m100 <= 13) ? "th"
                    : m10 == 1                 ? "st"
                    : m10 == 2                 ? "nd"
                    : m10 == 3                 ? "rd"
                                               : "th";
  return std::to_string(n) + suf;
}

std::string Capitalise(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z')
    s[0] = static_cast<char>(s[0] - 32);
  return s;
}

// English reader labels (the coder's vocabulary) -> German.
const std::map<std::string, std::string, std::less<>>& LabelsDe() {
  static const std::map<std::string, std::string, std::less<>> k = {
      {"agreement", "Vereinbarung"},
      {"aid", "Hilfe"},
      {"attack", "Angriff"},
      {"coercion", "Zwang"},
      {"concession", "Zugeständnis"},
      {"cooperation", "Zusammenarbeit"},
      {"criticism", "Kritik"},
      {"deployment", "Stationierung"},
      {"exercise", "Übung"},
      {"joint exercise", "gemeinsame Übung"},
      {"joint exercises", "gemeinsame Übungen"},
      {"meeting", "Treffen"},
      {"military cooperation", "militärische Zusammenarbeit"},
      {"mobilization", "Mobilisierung"},
      {"negotiation", "Verhandlung"},
      {"protest", "Protest"},
      {"rejection", "Ablehnung"},
      {"request", "Forderung"},
      {"sanction", "Sanktion"},
      {"sanctions", "Sanktionen"},
      {"statement", "Erklärung"},
      {"support", "Unterstützung"},
      {"talks", "Gespräche"},
      {"threat", "Drohung"},
      {"visit", "Besuch"},
      {"withdrawal", "Rückzug"},
      {"concern", "Besorgnis"},
      {"accusation", "Vorwurf"},
      {"arrest", "Festnahme"},
      {"demonstration", "Demonstration"},
      {"summit", "Gipfeltreffen"},
      {"treaty", "Vertrag"},
      {"ceasefire", "Waffenruhe"},
      {"missile test", "Raketentest"},
      {"anti-piracy", "Pirateriebekämpfung"},
      {"clash", "Zusammenstoß"},
      {"fighting", "Kämpfe"},
      {"election", "Wahl"},
      {"military exercise", "Militärübung"},
  };
  return k;
}

const std::map<std::string, std::string, std::less<>>& WordsTable(bool de) {
  static const std::map<std::string, std::string, std::less<>> en = {
      {"briefing", "Briefing"},
      {"all_events", "all events"},
      {"events", "events"},
      {"event", "event"},
      {"sources", "Sources"},
      {"source", "Source"},
      {"reports", "reports"},
      {"independent", "independent"},
      {"ongoing", "ongoing"},
      {"in", "in"},
      {"and", "and"},
      {"planned", "planned"},
      {"hypothetical", "possible"},
      {"negated", "did not happen"},
      {"no_events", "No events match this filter."},
      {"more", "+%d more"},
      {"changes", "Change from the previous period"},
      {"previous", "previous period"},
      {"up", "More"},
      {"down", "Fewer"},
      {"vs", "vs"},
      {"unchanged", "no change by type"},
      {"generated_from", "Events as coded by geotl from the sources named."},
      {"f_actor", "actor"},
      {"f_with", "with"},
      {"f_role", "role"},
      {"f_country", "in"},
      {"f_region", "region"},
      {"f_from", "from"},
      {"f_to", "to"},
      {"f_type", "type"},
      {"f_status", "status"},
      {"f_text", "text"},
      {"f_within", "within"},
      {"f_article", "article"},
      {"f_place", "place"},
      {"f_min_confidence", "confidence at least"},
      {"unknown", "unknown"},
      {"s_GOV", "government"},
      {"s_MIL", "military"},
      {"s_COP", "police"},
      {"s_JUD", "judiciary"},
      {"s_LEG", "parliament"},
      {"s_SPY", "intelligence"},
      {"s_OPP", "opposition"},
      {"s_REB", "rebels"},
      {"s_CVL", "civilians"},
      {"s_BUS", "business"},
      {"s_MED", "media"},
  };
  static const std::map<std::string, std::string, std::less<>> de_ = {
      {"briefing", "Lagebericht"},
      {"all_events", "alle Ereignisse"},
      {"events", "Ereignisse"},
      {"event", "Ereignis"},
      {"sources", "Quellen"},
      {"source", "Quelle"},
      {"reports", "Berichte"},
      {"independent", "unabhängig"},
      {"ongoing", "laufend"},
      {"in", "in"},
      {"and", "und"},
      {"planned", "geplant"},
      {"hypothetical", "möglich"},
      {"negated", "nicht geschehen"},
      {"no_events", "Keine Ereignisse für diesen Filter."},
      {"more", "+%d weitere"},
      {"changes", "Veränderung zum Vorzeitraum"},
      {"previous", "Vorzeitraum"},
      {"up", "Mehr"},
      {"down", "Weniger"},
      {"vs", "gegenüber"},
      {"unchanged", "keine Veränderung nach Typ"},
      {"generated_from",
       "Ereignisse, von geotl aus den genannten Quellen kodiert."},
      {"f_actor", "Akteur"},
      {"f_with", "mit"},
      {"f_role", "Rolle"},
      {"f_country", "in"},
      {"f_region", "Region"},
      {"f_from", "von"},
      {"f_to", "bis"},
      {"f_type", "Typ"},
      {"f_status", "Status"},
      {"f_text", "Text"},
      {"f_within", "innerhalb"},
      {"f_article", "Artikel"},
      {"f_place", "Ort"},
      {"f_min_confidence", "Konfidenz mindestens"},
      {"unknown", "unbekannt"},
      {"s_GOV", "Regierung"},
      {"s_MIL", "Militär"},
      {"s_COP", "Polizei"},
      {"s_JUD", "Justiz"},
      {"s_LEG", "Parlament"},
      {"s_SPY", "Geheimdienst"},
      {"s_OPP", "Opposition"},
      {"s_REB", "Rebellen"},
      {"s_CVL", "Zivilisten"},
      {"s_BUS", "Wirtschaft"},
      {"s_MED", "Medien"},
  };
  return de ? de_ : en;
}

}  // namespace

std::string_view BriefLanguage(std::string_view lang) {
  return lang == "de" ? "de" : "en";
}

std::string Word(std::string_view key, std::string_view lang) {
  const auto& t = WordsTable(De(lang));
  auto it = t.find(key);
  return it == t.end() ? std::string(key) : it->second;
}

std::string DayText(core::Date d, std::string_view lang, bool short_month) {
  bool de = De(lang);
  int m = d.month();
  std::string month = short_month ? (de ? kShortDe[m - 1] : kShortEn[m - 1])
                                  : MonthName(m, lang);
  return std::to_string(d.day()) + (de ? ". " : " ") + month + " " +
         std::to_string(d.year());
}

std::string DateText(const core::DateRange& d, std::string_view reported,
                     std::string_view lang) {
  bool de = De(lang);
  if (d.precision == core::Precision::kUnresolved) {
    auto r = core::ParseIsoDay(reported);
    std::string s = de ? "Datum unklar" : "Date unclear";
    if (r.ok())
      s += de ? " (gemeldet am " + DayText(*r, lang) + ")"
              : " (reported " + DayText(*r, lang) + ")";
    return s;
  }
  std::string core;
  int y = d.start.year();
  switch (d.granularity) {
    case core::Granularity::kDay:
      core = SpanText(d.start, d.end, lang);
      break;
    case core::Granularity::kWeek:
      core = (de ? "Woche ab " : "week of ") + DayText(d.start, lang);
      break;
    case core::Granularity::kMonth:
      core = d.start.month() == d.end.month() && d.start.year() == d.end.year()
                 ? MonthYear(d.start, lang)
                 : MonthName(d.start.month(), lang) + " – " +
                       MonthYear(d.end, lang);
      break;
    case core::Granularity::kQuarter: {
      int q = (d.start.month() - 1) / 3 + 1;
      core = de ? std::to_string(q) + ". Quartal " + std::to_string(y)
                : "Q" + std::to_string(q) + " " + std::to_string(y);
      break;
    }
    case core::Granularity::kSeason: {
      int m = d.start.month();
      static const char* en[] = {"winter", "spring", "summer", "autumn"};
      static const char* dee[] = {"Winter", "Frühjahr", "Sommer", "Herbst"};
      int s = (m == 12 || m <= 2) ? 0 : m <= 5 ? 1 : m <= 8 ? 2 : 3;
      core = std::string(de ? dee[s] : en[s]) + " " + std::to_string(y);
      break;
    }
    case core::Granularity::kHalf: {
      bool first = d.start.month() <= 6;
      core = de ? std::string(first ? "erstes" : "zweites") + " Halbjahr " +
                      std::to_string(y)
                : std::string(first ? "first" : "second") + " half of " +
                      std::to_string(y);
      break;
    }
    case core::Granularity::kYear:
      core = d.start.year() == d.end.year()
                 ? std::to_string(y)
                 : std::to_string(y) + "–" + std::to_string(d.end.year());
      break;
    case core::Granularity::kDecade:
      core = de ? "die " + std::to_string(y / 10 * 10) + "er-Jahre"
                : "the " + std::to_string(y / 10 * 10) + "s";
      break;
    case core::Granularity::kCentury: {
      int c = y / 100 + 1;
      core = de ? std::to_string(c) + ". Jahrhundert" : Ordinal(c) + " century";
      break;
    }
    case core::Granularity::kInterval:
      core = SpanText(d.start, d.end, lang);
      break;
  }
  if (d.precision == core::Precision::kApproximate)
    core = (de ? "etwa " : "around ") + core;
  return Capitalise(core);
}

std::string ActorText(const core::Actor& a, std::string_view lang) {
  auto country = [&](const std::string& c) {
    std::string n =
        c.size() == 3 ? geo::CountryName(c, BriefLanguage(lang)) : "";
    return n.empty() ? c : n;
  };
  switch (a.kind) {
    case core::ActorKind::kCountry: {
      std::string n = country(a.country);
      return n.empty() ? (a.name.empty() ? a.text : a.name) : n;
    }
    case core::ActorKind::kPerson: {
      std::string n = a.name.empty() ? a.text : a.name;
      std::string c = country(a.country);
      // A role without a name ("Japan's foreign minister"): the country and
      // its sector ("Japan (government)"), not "Japan (Japan)".
      bool unnamed =
          !a.country.empty() && (n.empty() || n == c || n == a.country ||
                                 n == geo::CountryName(a.country, "en"));
      if (unnamed) {
        std::string key = "s_" + a.sector;
        std::string sector = a.sector.empty() ? "" : Word(key, lang);
        return sector.empty() || sector == key ? c : c + " (" + sector + ")";
      }
      return c.empty() ? n : n + " (" + c + ")";
    }
    case core::ActorKind::kOrganization:
    case core::ActorKind::kGroup:
      return a.name.empty() ? a.text : a.name;
  }
  return a.name;
}

std::string ActorList(const std::vector<core::Actor>& actors,
                      std::string_view lang) {
  std::vector<std::string> names;
  for (const auto& a : actors) {
    if (a.kind == core::ActorKind::kCountry) {
      bool covered = false;
      for (const auto& b : actors)
        covered |= b.kind == core::ActorKind::kPerson && b.country == a.country;
      if (covered) continue;
    }
    std::string n = ActorText(a, lang);
    if (std::find(names.begin(), names.end(), n) == names.end())
      names.push_back(std::move(n));
  }
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0)
      out += i + 1 == names.size() ? " " + Word("and", lang) + " " : ", ";
    out += names[i];
  }
  return out;
}

std::string TypeText(std::string_view type, std::string_view lang) {
  auto info = core::FindEventType(type);
  std::string label = info ? std::string(info->label) : std::string(type);
  if (De(lang)) {
    auto it = LabelsDe().find(label);
    if (it != LabelsDe().end()) return it->second;
  }
  return label;
}

std::string LabelText(const core::Event& e, std::string_view lang) {
  std::string label = e.label;
  if (label.empty()) return Capitalise(TypeText(e.type, lang));
  if (De(lang)) {
    auto it = LabelsDe().find(label);
    // A label the table lacks stays honest: the German type word.
    label = it != LabelsDe().end() ? it->second : TypeText(e.type, lang);
  }
  return Capitalise(label);
}

std::string PlaceText(const core::Place& p, std::string_view event_lang,
                      std::string_view lang) {
  if (p.precision == core::PlacePrecision::kCountry && p.country.size() == 3) {
    std::string n = geo::CountryName(p.country, BriefLanguage(lang));
    if (!n.empty()) return n;
  }
  if (p.precision == core::PlacePrecision::kRegion && p.regions.size() > 0) {
    std::string n = geo::RegionName(p.regions.front(), BriefLanguage(lang));
    if (!n.empty()) return n;
  }
  // German: the article's own spelling when it is German ("Tokio"); English:
  // the GeoNames English name.
  if (De(lang) && event_lang == "de" && !p.text.empty()) return p.text;
  return p.name.empty() ? p.text : p.name;
}

std::string EventLine(const core::Event& e, std::string_view lang) {
  std::string line = LabelText(e, lang);
  if (e.status != core::EventStatus::kOccurred)
    line += " (" + Word(ToString(e.status), lang) + ")";
  std::string who = ActorList(e.actors, lang);
  std::string whom = ActorList(e.recipients, lang);
  bool symmetric =
      e.type == "CONSULT" || e.type == "AGREE" || e.type == "COOPERATE";
  if (symmetric && !whom.empty()) {
    std::vector<core::Actor> all = e.actors;
    all.insert(all.end(), e.recipients.begin(), e.recipients.end());
    who = ActorList(all, lang);
    whom.clear();
  }
  if (who.empty() && !whom.empty()) who = Word("unknown", lang);
  if (!who.empty()) line += ": " + who;
  if (!whom.empty()) line += " → " + whom;
  if (e.location) {
    std::string where = PlaceText(*e.location, e.language, lang);
    if (!where.empty()) line += " " + Word("in", lang) + " " + where;
  }
  return line;
}

std::string HtmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace geotl::timeline
