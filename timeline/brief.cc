// Builds the briefing tree (brief_model.h) and the change summary.
#include "timeline/brief.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>
#include <set>

#include "geo/country.h"
#include "timeline/brief_model.h"
#include "timeline/brief_phrases.h"

namespace geotl::timeline {
namespace {

std::string Token(const core::Actor& a) {
  return !a.country.empty() ? a.country : !a.code.empty() ? a.code : a.name;
}

// The actor set of an event at country level: the thread key.
std::string ThreadKey(const core::Event& e) {
  std::set<std::string> s;
  for (const auto& a : e.actors) s.insert(Token(a));
  for (const auto& a : e.recipients) s.insert(Token(a));
  std::string k;
  for (const auto& t : s) k += t + '\x1f';
  return k;
}

std::string ThreadLabel(const core::Event& e, std::string_view lang) {
  std::map<std::string, std::string>
      names;  // token -> display, sorted by token
  auto add = [&](const core::Actor& a) {
    std::string tok = Token(a);
    if (names.count(tok)) return;
    if (a.country.size() == 3) {
      std::string n = geo::CountryName(a.country, BriefLanguage(lang));
      if (!n.empty()) {
        names[tok] = n;
        return;
      }
    }
    names[tok] = ActorText(a, lang);
  };
  for (const auto& a : e.actors) add(a);
  for (const auto& a : e.recipients) add(a);
  std::string out;
  for (const auto& [tok, n] : names) out += (out.empty() ? "" : " · ") + n;
  return out;
}

std::string FilterValue(const std::string& name, const std::string& v,
                        std::string_view lang) {
  std::string l(BriefLanguage(lang));
  if ((name == "actor" || name == "with" || name == "country") &&
      v.size() == 3 && std::all_of(v.begin(), v.end(), [](char c) {
        return c >= 'A' && c <= 'Z';
      })) {
    std::string n = geo::CountryName(v, l);
    if (!n.empty()) return n;
  }
  if (name == "region" && v.size() == 3 &&
      std::all_of(v.begin(), v.end(),
                  [](char c) { return c >= '0' && c <= '9'; })) {
    std::string n = geo::RegionName(v, l);
    if (!n.empty()) return n;
  }
  if (name == "type") return TypeText(v, lang);
  return v;
}

BriefItem MakeItem(const core::Event& e, const BriefOptions& o) {
  BriefItem it;
  it.id = e.id;
  it.text = EventLine(e, o.lang);
  std::set<std::string> seen;
  for (const auto& s : e.sources) {
    if (!seen.insert(s.article).second) continue;
    if (it.sources.size() >= o.max_sources_per_line) {
      ++it.hidden_sources;
      continue;
    }
    BriefSourceRef r;
    r.label = s.publisher.empty() ? s.article : s.publisher;
    r.url = s.url;
    auto d = core::ParseIsoDay(s.published);
    if (d.ok()) r.date = DayText(*d, o.lang, /*short_month=*/true);
    it.sources.push_back(std::move(r));
  }
  if (e.n_sources > 1)
    it.evidence = std::to_string(e.n_sources) + " " + Word("reports", o.lang) +
                  ", " + std::to_string(e.n_publishers) + " " +
                  Word("independent", o.lang);
  return it;
}

}  // namespace

core::Result<BriefFormat> ParseBriefFormat(std::string_view s) {
  if (s == "md" || s == "markdown") return BriefFormat::kMarkdown;
  if (s == "html") return BriefFormat::kHtml;
  if (s == "txt" || s == "text") return BriefFormat::kText;
  return core::Status::Invalid("unknown briefing format '" + std::string(s) +
                               "' (md|html|txt)");
}

std::string BriefTitle(const BriefOptions& o) {
  std::string t = Word("briefing", o.lang) + ": ";
  if (o.filter.empty()) return t + Word("all_events", o.lang);
  std::string f;
  for (const auto& [name, value] : o.filter) {
    if (!f.empty()) f += ", ";
    f += Word("f_" + name, o.lang);
    if (!value.empty()) f += " " + FilterValue(name, value, o.lang);
  }
  return t + f;
}

std::string ApplyBriefConfidence(timeline::Query* q) {
  if (!q->min_confidence) q->min_confidence = core::kDefaultMinConfidence;
  if (*q->min_confidence <= 0) return "";
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, *q->min_confidence);
  return std::string(buf, r.ptr);
}

BriefChanges CompareWithPrevious(const std::vector<core::Event>& current,
                                 const std::vector<core::Event>& previous,
                                 core::Date from, core::Date to,
                                 core::Date prev_from, core::Date prev_to) {
  BriefChanges c;
  c.period_from = core::FormatDate(from);
  c.period_to = core::FormatDate(to);
  c.previous_from = core::FormatDate(prev_from);
  c.previous_to = core::FormatDate(prev_to);
  c.current_total = static_cast<int>(current.size());
  c.previous_total = static_cast<int>(previous.size());
  std::map<std::string, std::pair<int, int>> n;
  for (const auto& e : current) ++n[e.type].first;
  for (const auto& e : previous) ++n[e.type].second;
  for (const auto& [type, cp] : n)
    if (cp.first != cp.second)
      c.by_type.emplace_back(type, cp.first, cp.second);
  std::stable_sort(c.by_type.begin(), c.by_type.end(), [](auto& a, auto& b) {
    return std::abs(std::get<1>(a) - std::get<2>(a)) >
           std::abs(std::get<1>(b) - std::get<2>(b));
  });
  return c;
}

BriefDoc BuildBriefDoc(const std::vector<core::Event>& input,
                       const BriefOptions& o) {
  BriefDoc d;
  d.lang = std::string(BriefLanguage(o.lang));
  std::vector<const core::Event*> ev;
  for (const auto& e : input) ev.push_back(&e);
  std::sort(ev.begin(), ev.end(),
            [](const core::Event* a, const core::Event* b) {
              return std::tie(a->date.start, a->date.end, a->id) <
                     std::tie(b->date.start, b->date.end, b->id);
            });
  d.title = BriefTitle(o);
  d.footer = Word("generated_from", o.lang);
  d.empty_text = Word("no_events", o.lang);
  if (!ev.empty()) {
    core::Date lo = ev.front()->date.start, hi = ev.front()->date.end;
    for (const core::Event* e : ev) hi = std::max(hi, e->date.end);
    core::DateRange span{lo, hi, core::Granularity::kInterval,
                         core::Precision::kExact, ""};
    d.subtitle = std::to_string(ev.size()) + " " +
                 Word(ev.size() == 1 ? "event" : "events", o.lang) + " · " +
                 DateText(span, "", o.lang);
  }
  if (o.changes) {
    const BriefChanges& c = *o.changes;
    auto day = [&](const std::string& s) {
      auto r = core::ParseIsoDay(s);
      return r.ok() ? *r : core::Date(1970, 1, 1);
    };
    core::DateRange prev{day(c.previous_from), day(c.previous_to),
                         core::Granularity::kInterval, core::Precision::kExact,
                         ""};
    d.changes_heading = Word("changes", o.lang) + " (" +
                        Word("previous", o.lang) + ": " +
                        DateText(prev, "", o.lang) + ")";
    int delta = c.current_total - c.previous_total;
    d.change_lines.push_back(std::to_string(c.current_total) + " " +
                             Word("events", o.lang) + " " + Word("vs", o.lang) +
                             " " + std::to_string(c.previous_total) + " (" +
                             (delta > 0   ? "+"
                              : delta < 0 ? "−"
                                          : "±") +
                             std::to_string(std::abs(delta)) + ")");
    std::string up, down;
    for (const auto& [type, cur, prv] : c.by_type) {
      std::string part = TypeText(type, o.lang) + " " +
                         (cur > prv ? "+" : "−") +
                         std::to_string(std::abs(cur - prv));
      std::string& dst = cur > prv ? up : down;
      dst += (dst.empty() ? "" : ", ") + part;
    }
    if (!up.empty()) d.change_lines.push_back(Word("up", o.lang) + ": " + up);
    if (!down.empty())
      d.change_lines.push_back(Word("down", o.lang) + ": " + down);
    if (c.by_type.empty()) d.change_lines.push_back(Word("unchanged", o.lang));
  }
  std::map<std::string, int> thread_size;
  for (const core::Event* e : ev) ++thread_size[ThreadKey(*e)];
  for (const core::Event* e : ev) {
    std::string reported = e->first_reported;
    if (reported.empty() && !e->sources.empty())
      reported = e->sources[0].published;
    // Days are headed by the calendar span; an approximate date says so on
    // its own line ("around 6 February 2024").
    core::DateRange span = e->date;
    if (span.precision == core::Precision::kApproximate)
      span.precision = core::Precision::kExact;
    std::string heading = DateText(span, reported, o.lang);
    if (d.periods.empty() || d.periods.back().heading != heading)
      d.periods.push_back({heading, {}});
    BriefPeriod& p = d.periods.back();
    std::string key = ThreadKey(*e);
    bool threaded = thread_size[key] > 1 && !key.empty();
    std::string thread = threaded ? ThreadLabel(*e, o.lang) : "";
    BriefGroup* g = nullptr;
    for (auto& x : p.groups)
      if (threaded && x.thread == thread) g = &x;
    // Events outside a thread share one group per period.
    for (auto& x : p.groups)
      if (!threaded && x.thread.empty()) g = &x;
    if (!g) {
      p.groups.push_back({thread, threaded ? thread_size[key] : 0, {}});
      g = &p.groups.back();
    }
    BriefItem item = MakeItem(*e, o);
    if (e->date.precision == core::Precision::kApproximate) {
      std::string when = DateText(e->date, reported, o.lang);
      if (!when.empty()) when[0] = char(std::tolower((unsigned char)when[0]));
      item.text += " (" + when + ")";
    }
    g->items.push_back(std::move(item));
  }
  return d;
}

std::string RenderBrief(const std::vector<core::Event>& events,
                        const BriefOptions& options) {
  BriefDoc d = BuildBriefDoc(events, options);
  switch (options.format) {
    case BriefFormat::kMarkdown:
      return RenderMarkdown(d);
    case BriefFormat::kHtml:
      return RenderHtml(d);
    case BriefFormat::kText:
      return RenderText(d);
  }
  return RenderMarkdown(d);
}

}  // namespace geotl::timeline
