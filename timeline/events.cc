#include "timeline/events.h"

#include <ctime>

#include "core/event_json.h"
#include "timeline/matcher.h"

namespace geotl::timeline {

Result<EventPage> RunEvents(const Store& store, const Query& q,
                            const RunOptions& options) {
  EventPage page;
  auto view = store.NewReadView();
  page.as_of_sequence = view->sequence();
  page.as_of_millis = store.LastWriteMillis();
  ASSIGN_OR_RETURN(auto scan,
                   Scan::Start(store, q, ListStatuses(q), view.get()));
  page.events.reserve(q.limit);
  IndexPosition last;
  uint64_t n = 0;
  bool more = false;
  const bool count_here = options.total && !q.cursor;
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
  if (options.total) {
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

Status ForEachEvent(const Store& store, const Query& q,
                    const std::function<Status(std::string_view)>& fn) {
  auto view = store.NewReadView();
  Query all = q;
  all.cursor.reset();
  ASSIGN_OR_RETURN(auto scan,
                   Scan::Start(store, all, ListStatuses(all), view.get()));
  while (scan->Next()) RETURN_IF_ERROR(fn(scan->view().json));
  return scan->status();
}

std::string FormatMillis(uint64_t ms) {
  if (ms == 0) return "";
  std::time_t secs = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
                tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
                tm.tm_min, tm.tm_sec, int(ms % 1000));
  return buf;
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
  Json meta;
  meta["total"] = page.total ? Json(*page.total) : Json(nullptr);
  meta["next"] = page.next ? Json(*page.next) : Json(nullptr);
  Json as_of;
  as_of["sequence"] = page.as_of_sequence;
  std::string t = FormatMillis(page.as_of_millis);
  as_of["time"] = t.empty() ? Json(nullptr) : Json(t);
  meta["as_of"] = as_of;
  out += meta.dump(-1, ' ', false, Json::error_handler_t::replace);
  out += "}";
  return out;
}

}  // namespace geotl::timeline
