// Matcher and Scan: the executor under the query planner. Matcher decides
// whether one stored event (its header view and date keys) satisfies a
// Query, by the rules in timeline/query.h. Scan picks the most selective
// index family (estimated from the store's counters), merges the bounded
// iterators of its codes and duration classes in (start, end, id) order,
// drops duplicates and yields matching entries. A Scan reads one ReadView;
// not thread-safe (one per query).
#pragma once

#include <memory>
#include <vector>

#include "store/index.h"
#include "store/store.h"
#include "timeline/place_filter.h"
#include "timeline/query.h"

namespace geotl::timeline {

class Matcher {
 public:
  Matcher(const Query& q, std::vector<core::EventStatus> statuses);
  // `lo`/`hi`: DayKeys of from/to (0 / max when open).
  bool Matches(uint32_t start, uint32_t end, const store::EventView& v) const;
  bool PartyMatches(const store::PartyView& p, const std::string& code) const;

 private:
  const Query& q_;
  std::vector<core::EventStatus> statuses_;
  uint32_t lo_, hi_;
  std::vector<uint8_t> types_;
  double min_confidence_ = 0;
  PlaceFilter places_;
};

class Scan {
 public:
  // `order_desc` and `after` come from the query (cursor) unless overridden.
  static core::Result<std::unique_ptr<Scan>> Start(
      const store::Store& store, const Query& q,
      std::vector<core::EventStatus> statuses, const store::ReadView* view);
  // Advances to the next matching event; false at the end (check status()).
  bool Next();
  const store::IndexEntry& entry() const { return cur_; }
  const store::EventView& view() const { return view_; }
  core::Status status() const { return status_; }
  // Family the planner chose (for tests and explain output).
  store::IndexFamily family() const { return family_; }

 private:
  Scan(const Query& q, std::vector<core::EventStatus> st)
      : q_(q), matcher_(q, std::move(st)) {}
  int PickHead() const;

  const Query& q_;
  Matcher matcher_;
  store::IndexFamily family_ = store::IndexFamily::kDate;
  std::vector<std::unique_ptr<store::IndexIterator>> its_;
  store::IndexEntry cur_;
  std::string cur_id_;
  store::EventView view_;
  core::Status status_;
  int pending_advance_ = -1;  // iterator parked on the last returned entry
};

}  // namespace geotl::timeline
