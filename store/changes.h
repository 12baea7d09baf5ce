// The change feed (ARCHITECTURE.md "CLI", "HTTP API"): every committed write
// appends its visible changes, in order, to the `changes` family. A reader
// asks for everything after a sequence number it has seen and gets one JSON
// object per change:
//   {"seq":N,"id":"e-…","event":{…the full record…}}     an upsert
//   {"seq":N,"id":"e-…","merged_into":"e-…"}             a new tombstone
//   {"seq":N,"id":"e-…","deleted":true}                  a disappeared id
// Within one write: upserts, then tombstones, then deletions, each by id.
// `geotl events --changed-since SEQ` and GET /v1/changes?since=SEQ both use
// ReadChanges + ChangesBody. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"

namespace geotl {

struct ChangePage {
  std::vector<std::string> changes;  // compact JSON objects, in feed order
  // Sequence to pass as `since` for the next page (the last write whose
  // changes are all in this page; `since` itself when the page is empty).
  uint64_t next_since = 0;
  bool more = false;  // changes after next_since exist (as of this read)
  // The store's last committed write when the page was read.
  uint64_t as_of_sequence = 0;
  uint64_t as_of_millis = 0;
};

// Page size of the change feed: default and largest accepted `limit`. A page
// always ends at a write boundary, so it may hold more than `limit` changes
// when one write made more.
constexpr size_t kDefaultChangeLimit = 1000;
constexpr size_t kMaxChangeLimit = 10000;

// Parses `since` (a non-negative integer) and `limit` (1..kMaxChangeLimit,
// empty = default); kInvalidArgument naming the value otherwise.
Result<uint64_t> ParseChangeSince(const std::string& text);
Result<size_t> ParseChangeLimit(const std::string& text);

// {"data":[change…],"meta":{"since":S,"next":N|null,"as_of":{…}}}: `next`
// is the `since` of the following page, null when nothing more is stored.
std::string ChangesBody(uint64_t since, const ChangePage& page);

}  // namespace geotl
