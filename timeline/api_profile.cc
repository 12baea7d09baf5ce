// The reads of timeline/api.h that build a document from every matching
// event: the actor profile and the briefing.
#include <algorithm>

#include "timeline/api.h"
#include "timeline/api_params.h"

namespace geotl::timeline {
namespace {

std::string Joined(Params::const_iterator lo, Params::const_iterator hi) {
  std::string s;
  for (auto it = lo; it != hi; ++it) s += (s.empty() ? "" : " / ") + it->second;
  return s;
}

// The filter as given, for the title, in one order whatever the order of
// the parameters: the order of the CLI's flags.
std::vector<std::pair<std::string, std::string>> TitleFilter(const Params& p,
                                                             const Query& q) {
  std::vector<std::pair<std::string, std::string>> t;
  for (const char* name :
       {"actor", "with", "role", "country", "region", "place", "type", "status",
        "from", "to", "within", "text", "article"}) {
    auto [lo, hi] = p.equal_range(name);
    if (lo == hi) continue;
    if (std::string_view(name) == "within") {
      if (q.within) t.emplace_back(name, "");
    } else if (std::string_view(name) == "text") {
      t.emplace_back(name, "\"" + Joined(lo, hi) + "\"");
    } else {
      t.emplace_back(name, Joined(lo, hi));
    }
  }
  return t;
}

std::vector<core::Event> StartingIn(const std::vector<core::Event>& v,
                                    core::Date from, core::Date to) {
  std::vector<core::Event> out;
  for (const auto& e : v)
    if (e.date.start >= from && e.date.start <= to) out.push_back(e);
  return out;
}

// The query's period (from/to, else the 7 days ending at the latest event)
// against the one of the same length before it.
core::Result<BriefChanges> Changes(const store::Store& store, const Query& q,
                                   const std::vector<core::Event>& current) {
  std::optional<core::Date> from = q.from, to = q.to;
  if (!to) {
    if (current.empty())
      return core::Status::Invalid("changes: no events and no --to");
    core::Date last = current.front().date.start;
    for (const auto& e : current) last = std::max(last, e.date.start);
    to = last;
  }
  if (!from) from = *to - boost::gregorian::days(6);
  if (*from > *to) return core::Status::Invalid("from: after --to");
  boost::gregorian::days len = (*to - *from) + boost::gregorian::days(1);
  core::Date prev_to = *from - boost::gregorian::days(1);
  core::Date prev_from = prev_to - len + boost::gregorian::days(1);
  Query before = q;
  before.from = prev_from;
  before.to = prev_to;
  ASSIGN_OR_RETURN(std::vector<core::Event> previous,
                   CollectEvents(store, before));
  return CompareWithPrevious(StartingIn(current, *from, *to),
                             StartingIn(previous, prev_from, prev_to), *from,
                             *to, prev_from, prev_to);
}

}  // namespace

core::Result<ActorParams> ParseActorParams(std::string name, const Params& p) {
  RETURN_IF_ERROR(NoneLeft(p, "actors/{code} takes none"));
  return ActorParams{std::move(name)};
}

core::Result<Read<ActorProfile>> ReadActor(const store::Store& store,
                                           const ActorParams& p) {
  const ActorSubject subject = ResolveActorSubject(p.name);
  Params qp;
  if (subject.country || !subject.code.empty())
    qp.emplace("actor", subject.code);
  // Negated events are listed by the profile's rules, not the query's.
  for (const char* s : {"occurred", "planned", "hypothetical"})
    qp.emplace("status", s);
  ASSIGN_OR_RETURN(Query q, ParseQuery(qp));
  Read<ActorProfile> r;
  r.as_of = LatestAsOf(store);
  std::vector<core::Event> events;
  RETURN_IF_ERROR(ForEachEventRecord(store, q, [&](core::Event e) {
    if (EventInvolves(e, subject)) events.push_back(std::move(e));
    return core::Status::Ok();
  }));
  r.value = BuildActorProfile(subject, events);
  if (r.value.events == 0 && !subject.country)
    return core::Status::NotFound("no events involve '" + p.name + "'");
  r.body = DumpBody(
      {{"data", ToJson(r.value)},
       {"meta", {{"total", r.value.events}, {"as_of", AsOfJson(r.as_of)}}}});
  return r;
}

core::Result<BriefingParams> ParseBriefingParams(const Params& p) {
  Params rest = p;
  BriefingParams out;
  ASSIGN_OR_RETURN(out.format,
                   TakeOne(&rest, "format", "md", {"md", "html", "txt"}));
  ASSIGN_OR_RETURN(out.options.lang,
                   TakeOne(&rest, "out-lang", "en", {"en", "de"}));
  ASSIGN_OR_RETURN(std::string changes, TakeOne(&rest, "changes", "false", {}));
  ASSIGN_OR_RETURN(out.changes, ParseFlag("changes", changes));
  ASSIGN_OR_RETURN(out.query, ParseQuery(rest));
  ASSIGN_OR_RETURN(out.options.format, ParseBriefFormat(out.format));
  out.options.filter = TitleFilter(rest, out.query);
  std::string threshold = ApplyBriefConfidence(&out.query);
  if (!threshold.empty())
    out.options.filter.emplace_back("min_confidence", threshold);
  return out;
}

core::Result<Read<std::string>> ReadBriefing(const store::Store& store,
                                             const BriefingParams& p) {
  Read<std::string> r;
  r.as_of = LatestAsOf(store);
  ASSIGN_OR_RETURN(std::vector<core::Event> events,
                   CollectEvents(store, p.query));
  BriefOptions o = p.options;
  if (p.changes) {
    ASSIGN_OR_RETURN(BriefChanges c, Changes(store, p.query, events));
    o.changes = std::move(c);
  }
  r.value = RenderBrief(events, o);
  core::Json data = {{"title", BriefTitle(o)},
                     {"format", p.format},
                     {"lang", o.lang},
                     {"text", r.value}};
  r.body = DumpBody(
      {{"data", std::move(data)},
       {"meta", {{"total", events.size()}, {"as_of", AsOfJson(r.as_of)}}}});
  return r;
}

}  // namespace geotl::timeline
