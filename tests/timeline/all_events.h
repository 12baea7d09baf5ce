// The full-scan reference of the timeline's filter tests: every event of a
// query, page by page at the largest page size, as JSON lines.
#pragma once

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "timeline/events.h"
#include "timeline/query.h"

namespace geotl::timeline::testing {

inline std::vector<std::string> AllEvents(const store::Store& store, Query q) {
  q.limit = kMaxLimit;
  std::vector<std::string> out;
  while (true) {
    auto page = RunEvents(store, q);
    REQUIRE(page.ok());
    out.insert(out.end(), page->events.begin(), page->events.end());
    if (!page->next) return out;
    q.cursor = DecodeCursor(*page->next, q.desc).value();
  }
}

}  // namespace geotl::timeline::testing
