// Running an events query: one page of matching events in (date.start,
// date.end, id) order, the cursor of the next page, the total number of
// matches, and the store position it was read at. The page is read from one
// snapshot; cursors are positions, so a later page stays correct while
// articles arrive (events inserted before the cursor are not revisited).
// Thread-safe for concurrent calls on a shared Store.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "store/store.h"
#include "timeline/query.h"

namespace geotl::timeline {

struct EventPage {
  std::vector<std::string> events;  // compact JSON lines (core ToJsonLine)
  std::optional<uint64_t> total;    // unset when not asked for
  std::optional<std::string> next;  // cursor of the next page
  uint64_t as_of_sequence = 0;
  uint64_t as_of_millis = 0;  // time of that write (0: empty store)
};

struct RunOptions {
  bool total = true;  // count every match (scans past the page)
  // A total already counted for this query at a store sequence (the
  // server's cache), asked with the sequence of the page's own read view;
  // nullopt: count it.
  std::function<std::optional<uint64_t>(uint64_t sequence)> known_total;
};

core::Result<EventPage> RunEvents(const store::Store& store, const Query& q,
                                  const RunOptions& options = {});

// Calls fn(json_line) for every match (no limit, no cursor).
core::Status ForEachEvent(
    const store::Store& store, const Query& q,
    const std::function<core::Status(std::string_view)>& fn);
// The same, each match parsed into an Event (exports, profiles, briefings).
core::Status ForEachEventRecord(
    const store::Store& store, const Query& q,
    const std::function<core::Status(core::Event)>& fn);
// Every match, parsed, in (date.start, date.end, id) order.
core::Result<std::vector<core::Event>> CollectEvents(const store::Store& store,
                                                     const Query& q);

// The response body of an events page (docs/api.md):
// {"data":[events...],"meta":{"total":N,"next":"..."|null,
//  "as_of":{"sequence":N,"time":"YYYY-MM-DDTHH:MM:SS.mmmZ"|null}}}.
// The CLI's --format json and GET /v1/events print exactly this.
std::string EventsBody(const EventPage& page);

}  // namespace geotl::timeline
