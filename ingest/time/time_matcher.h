// TimeMatcher: the rule engine behind TimeNormalizer::Find. One instance per
// document: it walks the tokens once, at each position tries the token
// patterns (absolute dates, weekdays, relative days, shifted units, ago/in,
// durations, quarters, seasons, decades, times, sets, fuzzy references),
// keeps the longest match, resolves it against the DCT (or, for anaphora,
// the last date mentioned) and moves past it. Not thread-safe (per-call
// state); the lexicon it reads is shared and immutable.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/time/time_lexicon.h"
#include "ingest/time/time_tokens.h"
#include "ingest/time/timex.h"

namespace geotl::ingest::time {

class TimeMatcher {
 public:
  TimeMatcher(const TimeLexicon& lx, std::string_view text, core::Date dct);
  std::vector<Timex> Run();

 private:
  struct Cand {
    bool ok = false;
    size_t first = 0, last = 0;  // token indices, inclusive
    Timex tx;
    bool takes_det = false;  // may absorb a preceding article ("the", "den")
    bool derived = false;    // from the anaphora state: never updates it
    bool explicit_year = false;  // the text writes the year ("1939")
  };
  struct NumAt {
    double v = 0;
    size_t last = 0;
    bool fuzzy = false;
  };

  // Token helpers.
  const std::string& W(size_t i) const;
  bool P(size_t i, std::string_view c) const;
  bool N(size_t i, int min_digits, int max_digits) const;
  long V(size_t i) const { return t_[i].num; }
  bool Glued(size_t i) const { return i < n_ && !t_[i].space_before; }
  bool Cap(size_t i) const { return i < n_ && t_[i].cap; }
  bool SentenceStart(size_t i) const;
  int MonthAt(size_t i, size_t* last) const;
  std::optional<NumAt> Number(size_t i) const;
  const std::string* Unit(size_t i) const;
  int Tense(size_t i) const;      // +1 future, -1 past, 0 unknown
  int TenseScan(size_t i) const;  // the nearest marker only
  bool SentenceNamesLongPeriod(size_t i) const;  // "the nine months"

  // Resolution.
  int ResolveMonthYear(int month, size_t i) const;
  std::optional<core::Date> ResolveDayMonth(int month, int day, size_t i) const;
  core::Date ResolveWeekday(int wd, int shift, bool has_shift, size_t i) const;
  core::Date AnchorDay() const;
  // A day in the week whose weekend is meant ("the weekend", "last weekend").
  core::Date WeekendBase(size_t i, int shift, bool has_shift) const;

  // Candidate builders.
  Cand Make(size_t first, size_t last, const char* type, std::string value,
            std::optional<core::DateRange> range, bool takes_det = false) const;
  Cand DayCand(size_t first, size_t last, core::Date d) const;
  Cand MonthCand(size_t first, size_t last, int y, int m) const;
  Cand YearCand(size_t first, size_t last, int y) const;
  Cand UnitDate(size_t first, size_t last, const std::string& unit,
                core::Date base, int shift, core::Precision p) const;
  Cand DurationCand(size_t first, size_t last, double n, bool fuzzy,
                    const std::string& unit, int shift) const;

  // Rules; each offers candidates starting at token i into *best.
  void Offer(const Cand& c, Cand* best) const;
  static Cand Explicit(Cand c) {
    c.explicit_year = true;
    return c;
  }
  void TryNumericDate(size_t i, Cand* best) const;
  void TryDayMonth(size_t i, Cand* best) const;
  void TryMonth(size_t i, Cand* best) const;
  void TryYear(size_t i, Cand* best) const;
  int SpelledYear(size_t i, size_t* last) const;
  void TryDecadeCentury(size_t i, Cand* best) const;
  void TryWeekday(size_t i, Cand* best) const;
  void TryRelativeDay(size_t i, Cand* best) const;
  void TryUnitShift(size_t i, Cand* best, bool bare_unit) const;
  void TryAgoLater(size_t i, Cand* best) const;
  void TryDuration(size_t i, Cand* best) const;
  void TryQuarter(size_t i, Cand* best, bool after_det) const;
  void TrySeason(size_t i, Cand* best) const;
  void TryTime(size_t i, Cand* best) const;
  void FollowingDay(size_t* last, core::Date* day) const;
  void TryDayPart(size_t i, Cand* best) const;
  void TryRef(size_t i, Cand* best) const;
  void TrySet(size_t i, Cand* best) const;
  void TryPhrase(size_t i, Cand* best) const;
  void TryPart(size_t i, Cand* best) const;
  Cand BestAt(size_t i, bool after_det) const;

  void Accept(const Cand& c, std::vector<Timex>* out);

  const TimeLexicon& lx_;
  std::string_view text_;
  core::Date dct_;
  bool en_;
  std::vector<TimeToken> t_;
  size_t n_ = 0;
  // Anaphora state: the last date mentioned and the last quarter mentioned.
  std::optional<core::DateRange> anchor_;
  int anchor_sentence_ = -1;
  // The last year written out, and where: narratives (history, long
  // reports) resolve bare months against it instead of the DCT.
  int explicit_year_ = 0, explicit_sentence_ = -1;
  int far_years_ = 0, near_years_ = 0;  // written years far from / near the DCT
  int deictic_ = 0;                     // weekdays, yesterday ... near the DCT
  bool Narrative(size_t i) const;
  int TwoDigitYear(long yy) const;
  int quarter_year_ = 0, quarter_ = 0;
};

}  // namespace geotl::ingest::time
