// Calendar arithmetic for the temporal normaliser: dates built and shifted
// without ever letting Boost.Date_Time throw (invalid input gives nullopt),
// and the TIMEX3 value spellings of days, months, ISO weeks, quarters,
// seasons, decades and centuries with the calendar interval each covers.
// Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>

#include "core/date_range.h"

namespace geotl::ingest::time {

// Valid years for every computation (Boost's own range is 1400..9999).
constexpr int kMinYear = 1400, kMaxYear = 9999;

std::optional<core::Date> MakeDay(int y, int m, int d);
std::optional<core::Date> AddDays(core::Date d, long n);
std::optional<core::Date> AddMonths(core::Date d,
                                    int n);  // clamps to the month's end
bool ValidYear(int y);

// Values and ranges; nullopt when the year is out of range.
std::string DayValue(core::Date d);      // 2013-11-02
std::string MonthValue(int y, int m);    // 2013-11
std::string YearValue(int y);            // 2013
std::string WeekValue(core::Date d);     // 2013-W45 (ISO week of d)
std::string QuarterValue(int y, int q);  // 2013-Q3
std::optional<core::DateRange> MonthRange(int y, int m, core::Precision p);
std::optional<core::DateRange> YearRange(int y, core::Precision p);
std::optional<core::DateRange> WeekRange(core::Date d,
                                         core::Precision p);  // Monday..Sunday
std::optional<core::DateRange> QuarterRange(int y, int q, core::Precision p);
std::optional<core::DateRange> HalfRange(int y, int h, core::Precision p);
// Seasons "SP" Mar-May, "SU" Jun-Aug, "FA" Sep-Nov, "WI" Dec of y to Feb y+1.
std::optional<core::DateRange> SeasonRange(int y, const std::string& season,
                                           core::Precision p);
std::optional<core::DateRange> DecadeRange(int first_year, core::Precision p);
std::optional<core::DateRange> CenturyRange(int first_year, core::Precision p);
// Easter Sunday of year y (Gregorian computus); nullopt outside the range.
std::optional<core::Date> EasterSunday(int y);
// A movable feast by rule: "E+39" (days from Easter Sunday), "11/4/4"
// (month/nth/weekday: 4th Thursday of November; nth -1 = last; weekday
// 1 = Monday .. 7 = Sunday), "11/1/1+1" (plus days: the Tuesday after the
// first Monday). nullopt for a malformed rule or year.
std::optional<core::Date> MovableDay(const std::string& rule, int y);

// The part of `r` named by mod START / MID / END (thirds); precision
// becomes approximate. Other mods return `r` unchanged.
core::DateRange PartOf(const core::DateRange& r, const std::string& mod);

}  // namespace geotl::ingest::time
