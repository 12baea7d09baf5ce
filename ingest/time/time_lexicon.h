// TimeLexicon: one language's temporal vocabulary (lexicons/<lang>/time.json,
// schema schemas/lexicon-time.schema.json): month and weekday names incl.
// regional forms ("Jänner"), units, numerals, shift words (letzte/next),
// parts (Anfang/late), seasons, day parts, fuzzy references, sets, tense
// markers and multi-word phrases. Keys are lower-case UTF-8. Immutable after
// Load; safe to share across threads.
#pragma once

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/status.h"

namespace geotl::ingest::time {

struct TimeLexicon {
  using IntMap = std::unordered_map<std::string, int>;
  using StrMap = std::unordered_map<std::string, std::string>;
  using Set = std::unordered_set<std::string>;

  std::string language;
  IntMap months, weekdays, ordinals, relative_days, shifts, decade_words,
      year_words, month_words, week_words, am_pm;
  std::unordered_map<std::string, double> numbers;
  StrMap units, parts, seasons, day_parts, refs, sets, named_times;
  Set month_abbreviations, weekday_sets, plural_units, fuzzy_numbers,
      anaphoric_shifts, determiners, set_words, ago_before, ago_after,
      future_before, since_before, later_after, earlier_after, time_suffixes,
      future_markers, past_markers, approx_words, ordinal_suffixes, near_refs,
      slash_date_preps;

  // Multi-word phrases (lower-case words separated by single spaces; a
  // glued "-" or "'" is a word of its own: "year - end"), keyed by their
  // first word: value kind "ref" (PAST_REF ...), "anaphoric_day" (offset in
  // days), "holiday" (MM-DD), "movable" (a calendar::MovableDay rule:
  // Easter, Thanksgiving) or "unit_part" ("Y:END" for "Jahresende").
  // The last two come from time_calendar.json beside time.json (optional).
  struct Phrase {
    std::vector<std::string> words;
    std::string kind, value;
    int offset = 0;
  };
  std::unordered_map<std::string, std::vector<Phrase>> phrases;
  // Every word that can start an expression (all keys above plus a few
  // words the rules test literally); other words are skipped at once.
  Set starters;

  // Reads `path` (a time.json). Errors name the file and the bad field.
  static core::Result<TimeLexicon> Load(const std::string& path);
};

}  // namespace geotl::ingest::time
