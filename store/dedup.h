// Dedup: the rule that decides when events coded from different articles (or
// sentences) are one real-world event, and how the merged record is built.
// Pure functions over value types, no store access: the store calls them on
// the evidence (the per-article events as the coder produced them) of a
// neighbourhood and writes what they return. The result depends only on the
// SET of input events, never on their order. Rule and numbers: docs/dedup.md.
// Thread-safe (no shared state).
#pragma once

#include <string>
#include <vector>

#include "core/event.h"

namespace geotl::store {

struct DedupOptions {
  // Two dates match when their ranges, each widened by this many days,
  // overlap. Applies when either date is approximate or unresolved.
  int window_days = 3;
  // Tolerance for two exact dates (coder or time-zone off by one).
  int exact_window_days = 1;
  // Two city-level places with coordinates farther apart than this are
  // different places.
  double max_city_distance_km = 60.0;
  // Events without actors merge across articles only in the same town: two
  // city-level places of one country at most this far apart (by
  // coordinates; by equal name when either has none).
  double same_town_km = 5.0;
  // Two quotes are wire copies when their word sets have at least this
  // Jaccard similarity (and at least `wire_min_words` words each).
  double wire_similarity = 0.8;
  int wire_min_words = 5;
};

// The blocking key: events can only merge when their keys are equal. It
// joins type, status and the actor set at country level (direction kept for
// directed types, ignored for symmetric ones: CONSULT, AGREE, COOPERATE).
std::string DedupKey(const core::Event& e);

// The pairwise rule: same key, compatible dates and places. Events without
// actors (an empty actor set in the key) also need one article, or the same
// town (city-level places, see `same_town_km`): a bare "it was said" on the
// same day is not one event across articles.
bool SameEvent(const core::Event& a, const core::Event& b,
               const DedupOptions& opt = {});

// Days to widen an event's date range by when looking for stored candidates:
// any event that can match `e` overlaps [start - w, end + w].
int CandidateWindowDays(const core::Event& e, const DedupOptions& opt = {});

// Wire copies: near-identical quote text (see DedupOptions).
bool WireCopies(const std::string& quote_a, const std::string& quote_b,
                const DedupOptions& opt = {});

// Clusters: indexes into `events`, each cluster sorted by index, clusters
// sorted by their smallest member id. Complete linkage in a canonical order
// (most precise events first), so the partition depends only on the set.
std::vector<std::vector<size_t>> ClusterEvents(
    const std::vector<core::Event>& events, const DedupOptions& opt = {});

// One merged event from a cluster's members (at least one): id = smallest
// member id; every source kept; n_sources = distinct articles; n_publishers
// = independent publishers (wire copies and one publisher's articles count
// once); first_reported = earliest publication; the most precise date among
// the members; the most precise member place every member that has a place
// is compatible with (if they conflict: the common country, else none);
// coder = the newest report's (latest published).
core::Event MergeEvents(const std::vector<core::Event>& members,
                        const DedupOptions& opt = {});

struct Tombstone {
  std::string id;
  std::string merged_into;
  bool operator==(const Tombstone&) const = default;
};

struct DedupResult {
  std::vector<core::Event> events;    // merged and single events, sorted by id
  std::vector<Tombstone> tombstones;  // sorted by id
};

// Clusters + merges all of `events` (ids must be unique).
DedupResult Deduplicate(const std::vector<core::Event>& events,
                        const DedupOptions& opt = {});

}  // namespace geotl::store
