#include "timeline/aggregate.h"

#include <algorithm>
#include <map>

#include "core/event_json.h"
#include "store/index.h"
#include "timeline/events.h"
#include "timeline/matcher.h"
#include "timeline/place_filter.h"

namespace geotl::timeline {
namespace {

using store::EventView;

// Statuses counted: the query's, else occurred.
std::vector<core::EventStatus> CountStatuses(const Query& q) {
  if (!q.statuses.empty()) return q.statuses;
  return {core::EventStatus::kOccurred};
}

struct Acc {
  std::map<std::string, std::map<core::Date, uint64_t>> by_key;
  std::optional<core::Date> first, last;
  void Add(const std::string& key, core::Date bucket, uint64_t n) {
    by_key[key][bucket] += n;
    if (!first || bucket < *first) first = bucket;
    if (!last || bucket > *last) last = bucket;
  }
};

std::string GroupKeyOfType(uint8_t type) {
  std::string_view t = store::TypeName(type);
  return t.empty() ? "OTHER" : std::string(t);
}

// The counter path; false in *used when the query needs a scan.
core::Status FromCounters(const store::Store& store, const CountsQuery& cq,
                          const store::ReadView* view, Acc* acc, bool* used) {
  const Query& q = cq.filter;
  *used = false;
  if (!CountersCanCount(q)) return core::Status::Ok();
  int dims =
      (!q.actors.empty()) + (!q.countries.empty()) + (!q.regions.empty());
  if (dims > 1 || q.actors.size() > 1 || q.countries.size() > 1 ||
      q.regions.size() > 1)
    return core::Status::Ok();
  if (!q.actors.empty() && q.actors[0].size() > 3) return core::Status::Ok();
  store::IndexFamily family = store::IndexFamily::kDate;
  std::string code;
  if (!q.actors.empty())
    family = store::IndexFamily::kActor, code = q.actors[0];
  if (!q.countries.empty())
    family = store::IndexFamily::kCountry, code = q.countries[0];
  if (!q.regions.empty())
    family = store::IndexFamily::kRegion, code = q.regions[0];
  std::vector<std::string> codes{code};
  if (cq.group == Group::kActor || cq.group == Group::kCountry ||
      cq.group == Group::kRegion) {
    if (family != store::IndexFamily::kDate) return core::Status::Ok();
    family = cq.group == Group::kActor     ? store::IndexFamily::kActor
             : cq.group == Group::kCountry ? store::IndexFamily::kCountry
                                           : store::IndexFamily::kRegion;
    ASSIGN_OR_RETURN(codes, store.CounterCodes(family, view));
  }
  auto statuses = CountStatuses(q);
  std::vector<uint8_t> types;
  for (const auto& t : q.types) types.push_back(store::TypeIndex(t));
  // Month counters serve month/year buckets when the bounds are whole months.
  bool months = (cq.by == Bucket::kMonth || cq.by == Bucket::kYear) &&
                (!q.from || q.from->day() == 1) &&
                (!q.to || *q.to == q.to->end_of_month());
  uint32_t lo = 0, hi = 0xffffffffu;
  if (months) {
    if (q.from) lo = uint32_t(q.from->year()) * 12 + q.from->month() - 1;
    if (q.to) hi = uint32_t(q.to->year()) * 12 + q.to->month() - 1;
  } else {
    if (q.from) lo = core::DayKey(*q.from);
    if (q.to) hi = core::DayKey(*q.to);
  }
  // Month rows summed over types when types neither filter nor group.
  const bool any_type = months && types.empty() && cq.group != Group::kType;
  const store::CounterGranularity gran =
      any_type ? store::CounterGranularity::kMonthAllTypes
      : months ? store::CounterGranularity::kMonth
               : store::CounterGranularity::kDay;
  for (const auto& c : codes) {
    ASSIGN_OR_RETURN(auto rows,
                     store.ScanCounters(family, c, gran, lo, hi, view));
    for (const auto& r : rows) {
      if (std::find(statuses.begin(), statuses.end(), r.status) ==
          statuses.end())
        continue;
      if (!types.empty() &&
          std::find(types.begin(), types.end(), r.type) == types.end())
        continue;
      core::Date d = months ? core::Date(r.bucket / 12, r.bucket % 12 + 1, 1)
                            : core::FromDayKey(r.bucket);
      std::string key = cq.group == Group::kType   ? GroupKeyOfType(r.type)
                        : cq.group == Group::kNone ? "all"
                                                   : c;
      acc->Add(key, BucketStart(d, cq.by), r.count);
    }
  }
  *used = true;
  return core::Status::Ok();
}

// Every event a count counts, by scanning: the filter with the date bounds
// on date.start (and containment for within), in (start, end, id) order.
template <typename Fn>
core::Status ForEachCounted(const store::Store& store, const Query& filter,
                            const store::ReadView* view, Fn&& fn) {
  Query q = filter;
  q.cursor.reset();
  q.desc = false;
  std::optional<core::Date> from = q.from, to = q.to;
  q.within = false;  // overlap bounds; start and containment checked below
  ASSIGN_OR_RETURN(auto scan, Scan::Start(store, q, CountStatuses(q), view));
  uint32_t lo = from ? core::DayKey(*from) : 0;
  bool within = filter.within;
  uint32_t hi = to ? core::DayKey(*to) : 0xffffffffu;
  while (scan->Next()) {
    const store::IndexEntry& e = scan->entry();
    if (e.start < lo || e.start > hi) continue;
    if (within && e.end > hi) continue;
    fn(e, scan->view());
  }
  return scan->status();
}

core::Status FromScan(const store::Store& store, const CountsQuery& cq,
                      const store::ReadView* view, Acc* acc) {
  return ForEachCounted(store, cq.filter, view,
                        [&](const store::IndexEntry& e, const EventView& v) {
                          core::Date b =
                              BucketStart(core::FromDayKey(e.start), cq.by);
                          std::vector<std::string> keys;
                          switch (cq.group) {
                            case Group::kNone:
                              keys = {"all"};
                              break;
                            case Group::kType:
                              keys = {GroupKeyOfType(v.type)};
                              break;
                            case Group::kActor:
                              keys = store::CodesOf(v).actor;
                              break;
                            case Group::kCountry:
                              keys = store::CodesOf(v).country;
                              break;
                            case Group::kRegion:
                              keys = store::CodesOf(v).region;
                              break;
                          }
                          for (const auto& k : keys) acc->Add(k, b, 1);
                        });
}

core::Status FromPlaces(const store::Store& store, const CountsQuery& cq,
                        const store::ReadView* view, PlaceTally* tally) {
  return ForEachCounted(store, cq.filter, view,
                        [&](const store::IndexEntry&, const EventView& v) {
                          if (auto loc = LocationOf(v.json)) tally->Add(*loc);
                        });
}

}  // namespace

core::Date BucketStart(core::Date d, Bucket b) {
  switch (b) {
    case Bucket::kDay:
      return d;
    case Bucket::kWeek: {
      int dow = d.day_of_week().as_number();  // 0 = Sunday
      int back = (dow + 6) % 7;               // days since Monday
      return d - boost::gregorian::days(back);
    }
    case Bucket::kMonth:
      return core::Date(d.year(), d.month(), 1);
    case Bucket::kYear:
      return core::Date(d.year(), 1, 1);
  }
  return d;
}

// The bucket after `s`; +infinity past 9999-12-31 (Boost throws there).
core::Date NextBucket(core::Date s, Bucket b) {
  const core::Date last_day(9999, 12, 31);
  const core::Date beyond(boost::date_time::pos_infin);
  switch (b) {
    case Bucket::kDay:
      return s >= last_day ? beyond : s + boost::gregorian::days(1);
    case Bucket::kWeek:
      return (last_day - s).days() < 7 ? beyond : s + boost::gregorian::days(7);
    case Bucket::kMonth:
      return s.year() == 9999 && s.month() == 12
                 ? beyond
                 : s.end_of_month() + boost::gregorian::days(1);
    case Bucket::kYear:
      return s.year() >= 9999 ? beyond : core::Date(s.year() + 1, 1, 1);
  }
  return beyond;
}

// Most rows a counts answer may have (buckets x keys): a dashboard asking for
// days over centuries gets an error naming the fix, not millions of rows.
constexpr uint64_t kMaxCountRows = 200000;

core::Result<CountsQuery> ParseCountsQuery(const Params& params) {
  CountsQuery cq;
  Params rest;
  bool have_by = false;
  for (const auto& [k, v] : params) {
    if (k == "by") {
      if (v == "day")
        cq.by = Bucket::kDay;
      else if (v == "week")
        cq.by = Bucket::kWeek;
      else if (v == "month")
        cq.by = Bucket::kMonth;
      else if (v == "year")
        cq.by = Bucket::kYear;
      else if (v == "place")
        cq.by_place = true;
      else
        return core::Status::Invalid(
            "by: expected day, week, month, year or place, got '" + v + "'");
      have_by = true;
    } else if (k == "group") {
      if (v == "type")
        cq.group = Group::kType;
      else if (v == "actor")
        cq.group = Group::kActor;
      else if (v == "country")
        cq.group = Group::kCountry;
      else if (v == "region")
        cq.group = Group::kRegion;
      else if (v == "none" || v.empty())
        cq.group = Group::kNone;
      else
        return core::Status::Invalid(
            "group: expected type, actor, country or region, got '" + v + "'");
    } else if (k == "limit" || k == "cursor" || k == "order") {
      return core::Status::Invalid(k + ": not a counts parameter");
    } else {
      rest.emplace(k, v);
    }
  }
  if (!have_by)
    return core::Status::Invalid(
        "by: required (day, week, month, year or place)");
  if (cq.by_place && cq.group != Group::kNone)
    return core::Status::Invalid("group: not with by=place");
  ASSIGN_OR_RETURN(cq.filter, ParseQuery(rest));
  return cq;
}

core::Result<CountsQuery> ParseCountsQuery(
    const std::map<std::string, std::vector<std::string>>& params) {
  Params p;
  for (const auto& [k, vs] : params)
    for (const auto& v : vs) p.emplace(k, v);
  return ParseCountsQuery(p);
}

core::Result<CountsResult> RunCounts(const store::Store& store,
                                     const CountsQuery& cq) {
  CountsResult r;
  auto view = store.NewReadView();
  r.as_of_sequence = view->sequence();
  r.as_of_millis = store.LastWriteMillis();
  if (cq.by_place) {
    PlaceTally tally;
    RETURN_IF_ERROR(FromPlaces(store, cq, view.get(), &tally));
    r.by_place = true;
    r.places = tally.Rows();
    return r;
  }
  Acc acc;
  bool used = false;
  RETURN_IF_ERROR(FromCounters(store, cq, view.get(), &acc, &used));
  if (!used) RETURN_IF_ERROR(FromScan(store, cq, view.get(), &acc));
  r.from_counters = used;
  std::optional<core::Date> first =
      cq.filter.from
          ? std::optional<core::Date>(BucketStart(*cq.filter.from, cq.by))
          : acc.first;
  std::optional<core::Date> last =
      cq.filter.to
          ? std::optional<core::Date>(BucketStart(*cq.filter.to, cq.by))
          : acc.last;
  if (!first || !last) return r;
  std::vector<std::string> keys;
  for (const auto& [k, m] : acc.by_key) {
    uint64_t sum = 0;
    for (const auto& [d, n] : m) sum += n;
    if (sum) keys.push_back(k);
  }
  if (keys.empty() && cq.group == Group::kNone) keys.push_back("all");
  uint64_t buckets = 0;
  for (core::Date b = *first; b <= *last && buckets <= kMaxCountRows;
       b = NextBucket(b, cq.by))
    ++buckets;
  if (buckets * std::max<uint64_t>(1, keys.size()) > kMaxCountRows)
    return core::Status::Invalid(
        "by: more than " + std::to_string(kMaxCountRows) +
        " count rows (buckets x groups); narrow from/to or use a coarser by");
  for (core::Date b = *first; b <= *last; b = NextBucket(b, cq.by)) {
    for (const auto& k : keys) {
      uint64_t n = 0;
      auto it = acc.by_key.find(k);
      if (it != acc.by_key.end()) {
        auto jt = it->second.find(b);
        if (jt != it->second.end()) n = jt->second;
      }
      r.rows.push_back({core::FormatDate(b), k, n});
    }
  }
  return r;
}

namespace {
core::Json RowsJson(const CountsResult& r) {
  core::Json rows = core::Json::array();
  for (const auto& place : r.places) rows.push_back(PlaceCountJson(place));
  for (const auto& row : r.rows) {
    core::Json j;
    j["time"] = row.time;
    j["key"] = row.key;
    j["count"] = row.count;
    rows.push_back(std::move(j));
  }
  return rows;
}
}  // namespace

std::string CountsBody(const CountsResult& r) {
  core::Json body;
  body["data"] = RowsJson(r);
  uint64_t total = 0;
  for (const auto& row : r.rows) total += row.count;
  for (const auto& place : r.places) total += place.count;
  core::Json meta;
  meta["total"] = total;
  meta["next"] = nullptr;
  core::Json as_of;
  as_of["sequence"] = r.as_of_sequence;
  std::string t = core::FormatMillis(r.as_of_millis);
  as_of["time"] = t.empty() ? core::Json(nullptr) : core::Json(t);
  meta["as_of"] = as_of;
  body["meta"] = meta;
  return body.dump(-1, ' ', false, core::Json::error_handler_t::replace);
}

std::string CountsRows(const CountsResult& r) {
  return RowsJson(r).dump(-1, ' ', false, core::Json::error_handler_t::replace);
}

}  // namespace geotl::timeline
