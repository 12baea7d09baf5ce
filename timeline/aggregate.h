// Counts for dashboards (docs/architecture.md, query semantics): matching
// events counted once each in the bucket (day, ISO week from Monday, month,
// year) holding date.start, optionally grouped by type, actor (each actor or
// recipient index code once), location country or location region. The date
// filter is on date.start: from <= start <= to. Default status: occurred.
// Buckets are zero-filled from `from` to `to`, else from the first to the last
// counted event, for every key that has a count. Simple filters (at most one
// actor, country or region code, any types and statuses) are answered from
// the store's counters; everything else by scanning the matching events.
// `by=place` counts the same events per location instead of per bucket
// (timeline/place_counts.h), always by scanning.
// Thread-safe for concurrent calls on a shared Store.
#pragma once

#include <string>
#include <vector>

#include "store/store.h"
#include "timeline/place_counts.h"
#include "timeline/query.h"

namespace geotl::timeline {

enum class Bucket { kDay, kWeek, kMonth, kYear };
enum class Group { kNone, kType, kActor, kCountry, kRegion };

struct CountsQuery {
  Query filter;  // limit/cursor/order ignored
  Bucket by = Bucket::kMonth;
  Group group = Group::kNone;
  bool by_place = false;  // by=place: per location, `by` unused
};

// Parses counts parameters: the filters of ParseQuery plus `by`
// (day|week|month|year|place, required) and `group` (type|actor|country|
// region; not with by=place).
core::Result<CountsQuery> ParseCountsQuery(const Params& params);
core::Result<CountsQuery> ParseCountsQuery(
    const std::map<std::string, std::vector<std::string>>& params);

struct CountRow {
  std::string time;  // first day of the bucket, YYYY-MM-DD
  std::string key;   // group key; "all" without a group
  uint64_t count = 0;
};

struct CountsResult {
  std::vector<CountRow> rows;  // sorted by time, then key
  bool by_place = false;
  std::vector<PlaceCount> places;  // by=place: instead of rows
  uint64_t as_of_sequence = 0;
  uint64_t as_of_millis = 0;
  bool from_counters = false;  // answered from the counters (for tests)
};

core::Result<CountsResult> RunCounts(const store::Store& store,
                                     const CountsQuery& q);

// First day of the bucket holding `d`.
core::Date BucketStart(core::Date d, Bucket b);
core::Date NextBucket(core::Date bucket_start, Bucket b);

// {"data":[{"time":…,"key":…,"count":…}],"meta":{"total":sum,"as_of":{…}}};
// by=place: data holds PlaceCountJson rows.
std::string CountsBody(const CountsResult& r);
// The bare array of rows (shape=rows), of either kind.
std::string CountsRows(const CountsResult& r);

}  // namespace geotl::timeline
