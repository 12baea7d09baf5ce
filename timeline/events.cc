#include "timeline/events.h"

#include <algorithm>
#include <ctime>

#include "core/event_json.h"
#include "timeline/matcher.h"

namespace geotl::timeline {
namespace {

uint32_t MonthIndex(core::Date d) {
  return uint32_t(d.year()) * 12 + uint32_t(d.month()) - 1;
}

// The total of a query with at most one actor (country code), location
// country or region code, any types and statuses and an overlap date range,
// from the counters: events starting in [from, to] from month rows (day rows
// for partial months at the edges), plus the events starting before `from`
// that reach into it, counted by a scan of the duration classes that can
// (at most one class-maximum of start keys). nullopt: not answerable so.
core::Result<std::optional<uint64_t>> CounterTotal(
    const store::Store& store, const Query& q, const store::ReadView* view) {
  std::optional<uint64_t> none;
  if (!CountersCanCount(q)) return none;
  int dims =
      (!q.actors.empty()) + (!q.countries.empty()) + (!q.regions.empty());
  if (dims > 1 || q.actors.size() > 1 || q.countries.size() > 1 ||
      q.regions.size() > 1)
    return none;
  if (!q.actors.empty() && q.actors[0].size() > 3) return none;
  store::IndexFamily family = store::IndexFamily::kDate;
  std::string code;
  if (!q.actors.empty())
    family = store::IndexFamily::kActor, code = q.actors[0];
  if (!q.countries.empty())
    family = store::IndexFamily::kCountry, code = q.countries[0];
  if (!q.regions.empty())
    family = store::IndexFamily::kRegion, code = q.regions[0];
  const auto statuses = ListStatuses(q);
  std::vector<uint8_t> types;
  for (const auto& t : q.types) types.push_back(store::TypeIndex(t));
  auto wanted = [&](const store::CounterRow& r, bool any_type) {
    if (std::find(statuses.begin(), statuses.end(), r.status) == statuses.end())
      return false;
    return any_type || types.empty() ||
           std::find(types.begin(), types.end(), r.type) != types.end();
  };
  uint64_t total = 0;
  auto add_rows = [&](store::CounterGranularity gran, uint32_t lo,
                      uint32_t hi) -> core::Status {
    if (lo > hi) return core::Status::Ok();
    const bool any_type = gran == store::CounterGranularity::kMonthAllTypes;
    ASSIGN_OR_RETURN(auto rows,
                     store.ScanCounters(family, code, gran, lo, hi, view));
    for (const auto& r : rows)
      if (wanted(r, any_type)) total += r.count;
    return core::Status::Ok();
  };
  const store::CounterGranularity month_gran =
      types.empty() ? store::CounterGranularity::kMonthAllTypes
                    : store::CounterGranularity::kMonth;
  if (!q.from && !q.to) {  // all-time totals per type and status
    RETURN_IF_ERROR(add_rows(store::CounterGranularity::kTotal, 0, 0));
    return std::optional<uint64_t>(total);
  }
  // Whole months [m_lo, m_hi]; partial months at the edges by days.
  uint32_t m_lo = 0, m_hi = 0xffffffffu;
  if (q.from) {
    m_lo = MonthIndex(*q.from);
    if (q.from->day() != 1) {
      core::Date last = q.from->end_of_month();
      if (q.to && *q.to < last) last = *q.to;
      RETURN_IF_ERROR(add_rows(store::CounterGranularity::kDay,
                               core::DayKey(*q.from), core::DayKey(last)));
      ++m_lo;
    }
  }
  if (q.to) {
    uint32_t mt = MonthIndex(*q.to);
    m_hi = mt;
    if (*q.to != q.to->end_of_month()) {
      m_hi = mt == 0 ? 0 : mt - 1;
      bool same_month_done =
          q.from && MonthIndex(*q.from) == mt && q.from->day() != 1;
      if (!same_month_done) {
        core::Date first(q.to->year(), q.to->month(), 1);
        if (q.from && first < *q.from) first = *q.from;
        RETURN_IF_ERROR(add_rows(store::CounterGranularity::kDay,
                                 core::DayKey(first), core::DayKey(*q.to)));
      }
      if (mt == 0) m_lo = 1;  // nothing left for the month rows
    }
  }
  if (m_lo <= m_hi) RETURN_IF_ERROR(add_rows(month_gran, m_lo, m_hi));
  if (q.from) {
    // Events starting before `from` that overlap it.
    Query before = q;
    before.cursor.reset();
    before.to = *q.from - boost::gregorian::days(1);
    ASSIGN_OR_RETURN(auto scan, Scan::Start(store, before, statuses, view));
    while (scan->Next()) ++total;
    RETURN_IF_ERROR(scan->status());
  }
  return std::optional<uint64_t>(total);
}

}  // namespace

core::Result<EventPage> RunEvents(const store::Store& store, const Query& q,
                                  const RunOptions& options) {
  EventPage page;
  auto view = store.NewReadView();
  page.as_of_sequence = view->sequence();
  page.as_of_millis = store.LastWriteMillis();
  ASSIGN_OR_RETURN(auto scan,
                   Scan::Start(store, q, ListStatuses(q), view.get()));
  page.events.reserve(q.limit);
  store::IndexPosition last;
  uint64_t n = 0;
  bool more = false;
  std::optional<uint64_t> counted;
  if (options.total && options.known_total)
    counted = options.known_total(page.as_of_sequence);
  if (options.total && !counted) {
    ASSIGN_OR_RETURN(counted, CounterTotal(store, q, view.get()));
  }
  const bool count_here = options.total && !q.cursor && !counted;
  while (scan->Next()) {
    if (page.events.size() < q.limit) {
      page.events.emplace_back(scan->view().json);
      last = {scan->entry().start, scan->entry().end,
              std::string(scan->entry().id)};
      ++n;
      continue;
    }
    more = true;
    ++n;
    if (!count_here) break;
  }
  RETURN_IF_ERROR(scan->status());
  if (more) page.next = EncodeCursor(last, q.desc);
  if (counted) {
    page.total = *counted;
  } else if (options.total) {
    if (q.cursor) {
      // The total counts every match, not only those after the cursor.
      Query all = q;
      all.cursor.reset();
      auto count_scan = Scan::Start(store, all, ListStatuses(all), view.get());
      if (!count_scan.ok()) return count_scan.status();
      uint64_t t = 0;
      while ((*count_scan)->Next()) ++t;
      RETURN_IF_ERROR((*count_scan)->status());
      page.total = t;
    } else {
      page.total = n;
    }
  }
  return page;
}

core::Status ForEachEvent(
    const store::Store& store, const Query& q,
    const std::function<core::Status(std::string_view)>& fn) {
  auto view = store.NewReadView();
  Query all = q;
  all.cursor.reset();
  ASSIGN_OR_RETURN(auto scan,
                   Scan::Start(store, all, ListStatuses(all), view.get()));
  while (scan->Next()) RETURN_IF_ERROR(fn(scan->view().json));
  return scan->status();
}

core::Status ForEachEventRecord(
    const store::Store& store, const Query& q,
    const std::function<core::Status(core::Event)>& fn) {
  return ForEachEvent(store, q, [&](std::string_view line) -> core::Status {
    ASSIGN_OR_RETURN(core::Event e, core::EventFromJsonText(line));
    return fn(std::move(e));
  });
}

core::Result<std::vector<core::Event>> CollectEvents(const store::Store& store,
                                                     const Query& q) {
  std::vector<core::Event> out;
  RETURN_IF_ERROR(ForEachEventRecord(store, q, [&](core::Event e) {
    out.push_back(std::move(e));
    return core::Status::Ok();
  }));
  return out;
}

std::string EventsBody(const EventPage& page) {
  size_t size = 128;
  for (const auto& e : page.events) size += e.size() + 1;
  std::string out;
  out.reserve(size);
  out += "{\"data\":[";
  for (size_t i = 0; i < page.events.size(); ++i) {
    if (i) out.push_back(',');
    out += page.events[i];
  }
  out += "],\"meta\":";
  core::Json meta;
  meta["total"] = page.total ? core::Json(*page.total) : core::Json(nullptr);
  meta["next"] = page.next ? core::Json(*page.next) : core::Json(nullptr);
  core::Json as_of;
  as_of["sequence"] = page.as_of_sequence;
  std::string t = core::FormatMillis(page.as_of_millis);
  as_of["time"] = t.empty() ? core::Json(nullptr) : core::Json(t);
  meta["as_of"] = as_of;
  out += meta.dump(-1, ' ', false, core::Json::error_handler_t::replace);
  out += "}";
  return out;
}

}  // namespace geotl::timeline
