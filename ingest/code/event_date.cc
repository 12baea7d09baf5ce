#include "ingest/code/event_date.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace geotl::ingest::code {
namespace {

bool SameRange(const core::DateRange& a, const core::DateRange& b) {
  return a.start == b.start && a.end == b.end && a.granularity == b.granularity;
}

// A date that can set the context of later sentences: a calendar date or
// clock time, not a fuzzy span ("in recent months") or a reference word.
bool SetsContext(const time::Timex& t) {
  return (t.type == "DATE" || t.type == "TIME") && t.range &&
         t.range->granularity != core::Granularity::kInterval &&
         t.range->precision != core::Precision::kUnresolved;
}

core::DateRange Approximate(core::DateRange d, const std::string& text) {
  if (d.precision == core::Precision::kExact)
    d.precision = core::Precision::kApproximate;
  if (!text.empty()) d.text = text;
  return d;
}

}  // namespace

std::vector<const time::Timex*> DatedTimexes(
    const std::vector<time::Timex>& all) {
  std::vector<const time::Timex*> out;
  for (const time::Timex& t : all)
    if (t.range && t.type != "SET") out.push_back(&t);
  return out;
}

std::vector<const time::Timex*> NounModifierTimexes(
    const std::vector<const time::Timex*>& dated, std::string_view text,
    const std::string& lang) {
  std::vector<const time::Timex*> out;
  if (lang != "en") return out;
  for (const time::Timex* t : dated) {
    // The word before the expression.
    size_t e = t->start;
    while (e > 0 && text[e - 1] == ' ') --e;
    size_t b = e;
    while (b > 0 && std::isalpha(static_cast<unsigned char>(text[b - 1]))) --b;
    std::string before(text.substr(b, e - b));
    for (char& c : before) c = static_cast<char>(std::tolower(c));
    static const char* kDeterminers[] = {"the", "its", "their", "his",
                                         "her", "our", "this",  "that"};
    bool modifier = false;
    for (const char* d : kDeterminers) modifier = modifier || before == d;
    // "of June salaries": a month or year after "of" before a noun.
    if (before == "of" && t->range &&
        (t->range->granularity == core::Granularity::kMonth ||
         t->range->granularity == core::Granularity::kYear)) {
      size_t a = t->end;
      while (a < text.size() && text[a] == ' ') ++a;
      modifier =
          a < text.size() && std::islower(static_cast<unsigned char>(text[a]));
    }
    if (modifier) out.push_back(t);
  }
  return out;
}

std::vector<const time::Timex*> ModifiersOf(
    const std::vector<const time::Timex*>& modifiers, size_t trigger_start,
    bool noun_trigger) {
  if (!noun_trigger) return modifiers;
  std::vector<const time::Timex*> out;
  for (const time::Timex* t : modifiers)
    if (!(trigger_start >= t->end && trigger_start - t->end <= 32))
      out.push_back(t);
  return out;
}

std::optional<core::DateRange> StoryDate(
    const std::vector<const time::Timex*>& timexes,
    const std::vector<std::pair<size_t, size_t>>& lede) {
  for (const auto& [start, end] : lede)
    for (const time::Timex* t : timexes)
      if (t->start >= start && t->end <= end &&
          (t->type == "DATE" || t->type == "TIME") && t->range &&
          t->range->precision == core::Precision::kExact &&
          (t->range->granularity == core::Granularity::kDay ||
           t->range->granularity == core::Granularity::kWeek ||
           t->range->granularity == core::Granularity::kMonth)) {
        core::DateRange d = *t->range;
        d.text = t->text;
        return d;
      }
  return std::nullopt;
}

core::DateRange EventDate(const std::vector<const time::Timex*>& timexes,
                          size_t trigger_start, size_t clause_start,
                          size_t clause_end, size_t sentence_start,
                          size_t sentence_end,
                          const std::optional<core::DateRange>& story,
                          core::Date published, std::string* rule,
                          bool own_sentence_only,
                          const std::vector<const time::Timex*>& modifiers) {
  const time::Timex* best = nullptr;
  long best_dist = 0;
  bool best_in_clause = false;
  for (const time::Timex* t : timexes) {
    if (t->start < sentence_start || t->end > sentence_end) continue;
    if (std::find(modifiers.begin(), modifiers.end(), t) != modifiers.end())
      continue;
    bool in_clause = t->start >= clause_start && t->end <= clause_end;
    long dist = std::labs(static_cast<long>(t->start) -
                          static_cast<long>(trigger_start));
    if (!best || (in_clause && !best_in_clause) ||
        (in_clause == best_in_clause && dist < best_dist)) {
      best = t;
      best_dist = dist;
      best_in_clause = in_clause;
    }
  }
  if (best) {
    core::DateRange d = *best->range;
    d.text = best->text;
    if (rule)
      *rule =
          best_in_clause ? "date from its clause" : "date from its sentence";
    return d;
  }
  if (own_sentence_only) {
    if (rule)
      *rule =
          "date = publication day (unresolved; a plan takes no "
          "context date)";
    return core::DateRange::Day(published, core::Precision::kUnresolved);
  }
  // The sentence has no date of its own. Where was the story's date
  // written, and which context-setting date came last before this
  // sentence?
  const time::Timex* story_tx = nullptr;
  const time::Timex* prev = nullptr;
  for (const time::Timex* t : timexes) {
    if (t->end > sentence_start) break;
    if (story && !story_tx && t->range && SameRange(*t->range, *story) &&
        (story->text.empty() || story->text == t->text))
      story_tx = t;
    if (SetsContext(*t)) prev = t;
  }
  // Another date mentioned after the lede's: the story's date no longer
  // governs ("Im Oktober hatten die USA ..." moves the story to October).
  bool moved = story && prev && !SameRange(*prev->range, *story) &&
               (!story_tx || prev->start > story_tx->start);
  if (story && !moved) {
    if (rule) *rule = "date = story reference date";
    return Approximate(*story, "");
  }
  if (prev && sentence_start - prev->end <= kContextBytes &&
      (!story || prev->range->granularity <= story->granularity)) {
    if (rule) *rule = "date from the previous sentence";
    return Approximate(*prev->range, prev->text);
  }
  core::DateRange d =
      core::DateRange::Day(published, core::Precision::kUnresolved);
  if (rule) *rule = "date = publication day (unresolved)";
  return d;
}

}  // namespace geotl::ingest::code
