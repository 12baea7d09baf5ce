// `geotl brief [filters] [--format md|html|txt] [--out-lang en|de]
// [--changes] [--out FILE]`: the chronological briefing of the matching
// events (timeline/brief.h). --changes adds the change against the previous
// period of the same length (--from/--to, else the 7 days ending at the
// latest event).
#include "timeline/brief.h"

#include <fstream>
#include <iostream>

#include "cli/command.h"
#include "cli/filters.h"
#include "core/event_json.h"
#include "timeline/events.h"

namespace geotl::cli {
namespace {

std::string Joined(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : " / ") + x;
  return s;
}

// The filter as typed, for the title.
std::vector<std::pair<std::string, std::string>> TitleFilter(
    const FilterFlags& f) {
  std::vector<std::pair<std::string, std::string>> t;
  auto add = [&](const char* name, const std::vector<std::string>& v) {
    if (!v.empty()) t.emplace_back(name, Joined(v));
  };
  add("actor", f.actor);
  add("with", f.with);
  if (!f.role.empty()) t.emplace_back("role", f.role);
  add("country", f.country);
  add("region", f.region);
  add("type", f.type);
  add("status", f.status);
  if (!f.from.empty()) t.emplace_back("from", f.from);
  if (!f.to.empty()) t.emplace_back("to", f.to);
  if (f.within) t.emplace_back("within", "");
  if (!f.text.empty()) t.emplace_back("text", "\"" + f.text + "\"");
  return t;
}

// The events of a briefing: confidence as ApplyBriefConfidence says.
Status Collect(const Store& store, const timeline::Params& p,
               std::vector<Event>* out) {
  ASSIGN_OR_RETURN(timeline::Query q, timeline::ParseQuery(p));
  ApplyBriefConfidence(&q);
  return timeline::ForEachEvent(store, q, [&](std::string_view line) -> Status {
    ASSIGN_OR_RETURN(Event e, EventFromJsonText(line));
    out->push_back(std::move(e));
    return Status::Ok();
  });
}

std::vector<Event> StartingIn(const std::vector<Event>& v, Date from, Date to) {
  std::vector<Event> out;
  for (const auto& e : v)
    if (e.date.start >= from && e.date.start <= to) out.push_back(e);
  return out;
}

// Current period + the one before it; the caller's --from/--to or the last
// 7 days of the events.
Result<BriefChanges> Changes(const Store& store, const FilterFlags& f,
                             const std::vector<Event>& current) {
  std::optional<Date> from, to;
  if (!f.from.empty()) {
    ASSIGN_OR_RETURN(Date d, timeline::ParseQueryDate(f.from, false));
    from = d;
  }
  if (!f.to.empty()) {
    ASSIGN_OR_RETURN(Date d, timeline::ParseQueryDate(f.to, true));
    to = d;
  }
  if (!to) {
    if (current.empty())
      return Status::Invalid("changes: no events and no --to");
    Date last = current.front().date.start;
    for (const auto& e : current) last = std::max(last, e.date.start);
    to = last;
  }
  if (!from) from = *to - boost::gregorian::days(6);
  if (*from > *to) return Status::Invalid("from: after --to");
  boost::gregorian::days len = (*to - *from) + boost::gregorian::days(1);
  Date prev_to = *from - boost::gregorian::days(1);
  Date prev_from = prev_to - len + boost::gregorian::days(1);
  timeline::Params p = FilterParams(f);
  p.erase("from");
  p.erase("to");
  p.emplace("from", FormatDate(prev_from));
  p.emplace("to", FormatDate(prev_to));
  std::vector<Event> previous;
  RETURN_IF_ERROR(Collect(store, p, &previous));
  return CompareWithPrevious(StartingIn(current, *from, *to),
                             StartingIn(previous, prev_from, prev_to), *from,
                             *to, prev_from, prev_to);
}

const bool kRegistered = RegisterCommand(
    {"brief", "a chronological briefing of matching events (md|html|txt)",
     [](CLI::App* app) -> std::function<int()> {
       std::string* db = AddDbOption(app);
       FilterFlags* f = AddFilterFlags(app);
       auto format = std::make_shared<std::string>("md");
       auto lang = std::make_shared<std::string>("en");
       auto out = std::make_shared<std::string>();
       auto changes = std::make_shared<bool>(false);
       app->add_option("--format", *format, "md|html|txt (default md)")
           ->check(CLI::IsMember({"md", "html", "txt"}));
       app->add_option("--out-lang", *lang, "en|de (default en)")
           ->check(CLI::IsMember({"en", "de"}));
       app->add_flag("--changes", *changes,
                     "add the change against the previous period (by type)");
       app->add_option("--out", *out, "write to FILE instead of stdout");
       return [=] {
         BriefOptions o;
         auto fmt = ParseBriefFormat(*format);
         if (!fmt.ok()) return ReportQueryError(fmt.status());
         o.format = *fmt;
         o.lang = *lang;
         o.filter = TitleFilter(*f);
         auto q = timeline::ParseQuery(FilterParams(*f));
         if (!q.ok()) return ReportQueryError(q.status());
         std::string threshold = ApplyBriefConfidence(&*q);
         if (!threshold.empty())
           o.filter.emplace_back("min_confidence", threshold);
         auto store = OpenStoreForRead(*db);
         if (!store) return kExitError;
         std::vector<Event> events;
         Status st = Collect(*store, FilterParams(*f), &events);
         if (!st.ok()) return ReportQueryError(st);
         if (*changes) {
           auto c = Changes(*store, *f, events);
           if (!c.ok()) return ReportQueryError(c.status());
           o.changes = *c;
         }
         std::string text = RenderBrief(events, o);
         if (out->empty()) {
           std::cout << text;
           return std::cout.good() ? kExitOk : kExitError;
         }
         std::ofstream file(*out, std::ios::binary);
         file << text;
         if (!file.good()) {
           PrintError("cannot write " + *out);
           return kExitError;
         }
         return kExitOk;
       };
     }});

}  // namespace
}  // namespace geotl::cli
