// DateRange: the calendar interval an event or a time expression covers, with
// how coarse it is (granularity) and how sure we are (precision). Built on
// Boost.Date_Time's gregorian dates (valid years 1400..9999); every parse
// function returns an error value for anything outside, never throws.
// Value type; thread-compatible.
#pragma once

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

namespace geotl::core {

using Date = boost::gregorian::date;

enum class Granularity {
  kDay,
  kWeek,
  kMonth,
  kQuarter,
  kSeason,
  kHalf,
  kYear,
  kDecade,
  kCentury,
  kInterval
};
enum class Precision { kExact, kApproximate, kRange, kUnresolved };

std::string_view ToString(Granularity g);
std::string_view ToString(Precision p);
Result<Granularity> ParseGranularity(std::string_view s);
Result<Precision> ParsePrecision(std::string_view s);

struct DateRange {
  Date start;
  Date end;  // inclusive
  Granularity granularity = Granularity::kDay;
  Precision precision = Precision::kExact;
  std::string text;  // the expression it came from, may be empty

  static DateRange Day(Date d, Precision p = Precision::kExact);
  static DateRange Month(int year, int month, Precision p = Precision::kExact);
  static DateRange Year(int year, Precision p = Precision::kExact);

  bool Overlaps(Date from, Date to) const { return end >= from && start <= to; }
  bool Within(Date from, Date to) const { return start >= from && end <= to; }
  bool operator==(const DateRange&) const = default;
};

// "2013-11-02" <-> Date. Parse accepts exactly YYYY-MM-DD.
std::string FormatDate(Date d);
// Milliseconds since the epoch as UTC "2026-11-25T22:04:05.123Z"; "" for 0.
std::string FormatMillis(uint64_t ms);
Result<Date> ParseIsoDay(std::string_view s);

// Query bounds: "YYYY", "YYYY-MM" or "YYYY-MM-DD". As a lower bound the first
// day of that period, as an upper bound its last day ("--to 2013" means
// through 2013-12-31).
Result<Date> ParseBoundFrom(std::string_view s);
Result<Date> ParseBoundTo(std::string_view s);

// Publication dates: an ISO date or date-time ("2013-11-04T09:30:00+01:00");
// a date-time counts on its local calendar day (the date part as written).
Result<Date> ParsePublished(std::string_view s);

// Days since 1970-01-01, plus an offset so that every valid date is a positive
// u32 that sorts like the date (for big-endian keys).
uint32_t DayKey(Date d);
Date FromDayKey(uint32_t k);

}  // namespace geotl::core
