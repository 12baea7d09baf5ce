// Evidence: each article's events exactly as the coder produced them (one
// source each), kept so that dedup can be recomputed whenever an article
// arrives, changes or leaves (docs/dedup.md, docs/key_format.md). This header
// holds the encodings of three families: `evidence` (event id -> owning
// article + event JSON), `idx_evidence` (DedupKey, start day, id -> end day)
// and `tombstones` (id -> merged_into). Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/event.h"
#include "core/status.h"

namespace geotl::store {

struct EvidenceRecord {
  std::string article;  // the article that coded the event
  core::Event event;    // as coded, merged_into empty
};

// evidence value: <article length BE32><article id><compact event JSON>.
std::string EncodeEvidence(std::string_view article, const core::Event& e);
core::Result<EvidenceRecord> DecodeEvidence(std::string_view value);

// idx_evidence keys: <DedupKey>\0<start DayKey BE32><event id>; NULs inside
// the DedupKey become '?'. The value is the end DayKey (BE32), so a scan can
// test date overlap before fetching the evidence.
std::string EvidencePrefix(std::string_view dedup_key);
std::string EvidenceKey(std::string_view dedup_key, uint32_t start,
                        std::string_view id);
// The idx_evidence key of an evidence event (computes its DedupKey).
std::string EvidenceKeyOf(const core::Event& e);
std::string EvidenceIndexValue(uint32_t end);

struct EvidenceKeyParts {
  std::string_view dedup_key;
  uint32_t start = 0;
  std::string_view id;
};
std::optional<EvidenceKeyParts> ParseEvidenceKey(std::string_view key);

// Dates longer than this merge only with the very same range (store/dedup.h),
// so a neighbour search looks back this far plus the dedup window.
constexpr int kLongestShortSpanDays = 31;

}  // namespace geotl::store
