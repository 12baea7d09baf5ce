// The change feed (docs/api.md, GET /v1/changes): every committed write
// appends its visible changes, in order, to the `changes` family. A reader
// asks for everything after a sequence number it has seen and gets one JSON
// object per change:
//   {"seq":N,"id":"e-…","event":{…the full record…}}     an upsert
//   {"seq":N,"id":"e-…","merged_into":"e-…"}             a new tombstone
//   {"seq":N,"id":"e-…","deleted":true}                  a disappeared id
// Within one write: upserts, then tombstones, then deletions, each by id.
// Store::ReadChanges reads it a page at a time; timeline/api.h's ReadChanges
// makes the body `geotl events --changed-since SEQ` and GET /v1/changes
// print. Value types.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace geotl::store {

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

}  // namespace geotl::store
