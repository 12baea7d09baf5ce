// Event dates: the time expression that governs the trigger (same clause,
// then same sentence), else the story's reference date (a dated lede), else
// the publication date with precision "unresolved". Coarse expressions stay
// coarse. Pure functions; thread-safe.
#pragma once

#include <optional>
#include <vector>

#include "core/date_range.h"
#include "ingest/time/timex.h"

namespace geotl::code {

// Timexes that carry a calendar interval (DATE/TIME, and fuzzy durations
// such as "in den vergangenen Monaten" that have one), in text
// order, taken from all expressions of the document.
std::vector<const Timex*> DatedTimexes(const std::vector<Timex>& all);

// Picks the date of an event whose trigger is at [trigger_start,
// trigger_end) inside clause [clause_start, clause_end) and sentence
// [sentence_start, sentence_end). `story` is the reference date of the
// article, if any.
DateRange EventDate(const std::vector<const Timex*>& timexes,
                    size_t trigger_start, size_t clause_start,
                    size_t clause_end, size_t sentence_start,
                    size_t sentence_end, const std::optional<DateRange>& story,
                    Date published, std::string* rule);

}  // namespace geotl::code
