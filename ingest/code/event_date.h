// Event dates: the time expression that governs the trigger (same clause,
// then same sentence); for a sentence without one, the story's reference
// date (a dated lede) while no other date has been mentioned since, else a
// date mentioned just before (the previous sentence) that is at least as
// fine as the story's, else the publication date with precision
// "unresolved". Coarse expressions stay coarse. Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/date_range.h"
#include "ingest/time/timex.h"

namespace geotl::ingest::code {

// Timexes that carry a calendar interval (DATE/TIME, and fuzzy durations
// such as "in den vergangenen Monaten" that have one), in text
// order, taken from all expressions of the document.
std::vector<const time::Timex*> DatedTimexes(
    const std::vector<time::Timex>& all);

// Of `dated`, the English dates that modify a noun ("the 2011 attempted
// coup", "the August 3 elections", "payment of June salaries"): they date
// that noun only, not the sentence's other acts (EventDate).
std::vector<const time::Timex*> NounModifierTimexes(
    const std::vector<const time::Timex*>& dated, std::string_view text,
    const std::string& lang);

// `modifiers` without the one that modifies a noun trigger starting at
// `trigger_start` (within a few words after it); all of them for a verb.
std::vector<const time::Timex*> ModifiersOf(
    const std::vector<const time::Timex*>& modifiers, size_t trigger_start,
    bool noun_trigger);

// The story's reference date: the first calendar date of the lede ("On 9
// May 2020", "Am Montag", "Im Oktober") - a DATE/TIME of exact precision
// and day, week or month granularity inside one of `lede` ([start, end)
// byte ranges of the first sentences, in order). Its `text` is the
// expression's.
std::optional<core::DateRange> StoryDate(
    const std::vector<const time::Timex*>& timexes,
    const std::vector<std::pair<size_t, size_t>>& lede);

// How far back (bytes from the end of a date to the start of the sentence
// without one) a date still sets the context: about one sentence.
constexpr size_t kContextBytes = 320;

// Picks the date of an event whose trigger is at [trigger_start,
// trigger_end) inside clause [clause_start, clause_end) and sentence
// [sentence_start, sentence_end). `story` is the reference date of the
// article, if any (its `text` names the expression it came from). `rule`
// (optional) receives which rule decided. `own_sentence_only` (plans and
// possibilities, which happen at a time of their own): no context date, only
// a date of the event's own sentence, else the unresolved publication day.
// `modifiers` (NounModifierTimexes) date no event; leave out of it the one
// that modifies the trigger itself ("the Aug. 7 bombings": ModifiersOf).
core::DateRange EventDate(
    const std::vector<const time::Timex*>& timexes, size_t trigger_start,
    size_t clause_start, size_t clause_end, size_t sentence_start,
    size_t sentence_end, const std::optional<core::DateRange>& story,
    core::Date published, std::string* rule, bool own_sentence_only = false,
    const std::vector<const time::Timex*>& modifiers = {});

}  // namespace geotl::ingest::code
