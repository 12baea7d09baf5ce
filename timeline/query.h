// Query: the event filter of docs/architecture.md ("Query semantics"), shared
// by the CLI and the HTTP server, and its parser from named parameters (the CLI
// long flags without dashes; repeated = any-of, different = all-of).
// Matching rules (also used by the executor and the tests):
//  - a party (actor or recipient) matches code X when its index code (its
//    country, else its code) equals X, or when X is longer than 3 characters,
//    the party's country is X's first 3 characters and its code starts with X
//    ("RUSGOV" matches Putin, RUSGOVMIL ...);
//  - --actor: some party matches one of the codes (--role narrows the party's
//    role); --with: some party (either role) matches one of the with codes;
//  - dates: overlap (end >= from && start <= to) or, with --within,
//    containment; --status default: every status but negated;
//  - --text: every word occurs (ASCII case-insensitive) in the summary or a
//    source quote;
//  - --article: some source's article id is one of the ids (exact match);
//    like --text a post-filter on the scanned events (no index holds
//    sources), so its totals and counts are counted by scanning;
//  - --place: the event's location is one of the places (PlaceFilter,
//    timeline/place_filter.h: a GeoNames id, a name, a country code); also
//    a post-filter, counted by scanning;
//  - min_confidence (--min-confidence): confidence >= the threshold
//    (MeetsMinConfidence; 0 keeps everything). The store indexes no
//    confidence, so it is a post-filter on the scanned events, and totals
//    and counts of such a query are counted by scanning, never from the
//    counters. Unset: every event (events, counts, exports); briefings use
//    kDefaultMinConfidence.
// Value types and pure functions; thread-safe.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date_range.h"
#include "core/event.h"
#include "core/status.h"
#include "store/store.h"

namespace geotl::timeline {

using Params = std::multimap<std::string, std::string>;

enum class Role { kAny, kActor, kRecipient };

constexpr size_t kDefaultLimit = 100;
constexpr size_t kMaxLimit = 1000;

struct Query {
  std::vector<std::string> actors;  // codes, any-of
  std::vector<std::string> with;    // codes, any-of
  Role role = Role::kAny;
  std::vector<std::string> countries;  // location country (alpha-3), any-of
  std::vector<std::string> regions;    // location M49 region, any-of
  std::optional<core::Date> from, to;
  bool within = false;
  std::vector<std::string> types;           // PLOVER types, any-of
  std::vector<core::EventStatus> statuses;  // empty: the default of the caller
  std::vector<std::string> words;           // lower-case words, all-of
  std::vector<std::string> articles;        // a source's article id, any-of
  std::vector<std::string> places;          // id, name or country code, any-of
  std::optional<double> min_confidence;     // 0..1; unset: the caller's default
  size_t limit = kDefaultLimit;
  std::optional<store::IndexPosition> cursor;  // resume strictly after
  bool desc = false;
};

// Parses events parameters (actor, with, role, country, region, from, to,
// within, type, status, text, article, place, min_confidence, limit,
// cursor, order). Errors are kInvalidArgument with a message "<parameter>:
// <reason>"; unknown names are errors too.
core::Result<Query> ParseQuery(const Params& params);
core::Result<Query> ParseQuery(
    const std::map<std::string, std::vector<std::string>>& params);
// The parameter a ParseQuery/ParseCountsQuery error names ("" if none).
std::string ErrorParameter(const core::Status& st);

// A confidence threshold: a decimal number from 0 to 1 ("0.4"). Errors name
// the parameter min_confidence.
core::Result<double> ParseMinConfidence(std::string_view s);

// Query dates: YYYY, YYYY-MM, YYYY-MM-DD or epoch milliseconds (10+ digits).
core::Result<core::Date> ParseQueryDate(std::string_view s, bool upper_bound);

// Opaque page cursors: position + order.
std::string EncodeCursor(const store::IndexPosition& pos, bool desc);
core::Result<store::IndexPosition> DecodeCursor(std::string_view s, bool desc);

// Whether the store's counters can count q's events: false when q filters
// on what they do not hold (with, role, within, text, article, place, a
// confidence threshold), so totals and counts must come from a scan.
bool CountersCanCount(const Query& q);

// Effective statuses: q.statuses, else every status but negated.
std::vector<core::EventStatus> ListStatuses(const Query& q);
// The confidence threshold in effect (0 when unset: no filter).
inline double MinConfidence(const Query& q) {
  return q.min_confidence.value_or(0.0);
}

}  // namespace geotl::timeline
