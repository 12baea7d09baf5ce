#include "ingest/time/calendar.h"

#include <cstdio>
#include <exception>

namespace geotl::timecal {
namespace g = boost::gregorian;

bool ValidYear(int y) { return y >= kMinYear && y <= kMaxYear; }

std::optional<Date> MakeDay(int y, int m, int d) {
  if (!ValidYear(y) || m < 1 || m > 12 || d < 1) return std::nullopt;
  if (d > g::gregorian_calendar::end_of_month_day(y, m)) return std::nullopt;
  return Date(y, m, d);
}

std::optional<Date> AddDays(Date d, long n) {
  if (n > 3000000 || n < -3000000) return std::nullopt;
  try {
    Date r = d + g::date_duration(n);
    if (r.is_special() || !ValidYear(r.year())) return std::nullopt;
    return r;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::optional<Date> AddMonths(Date d, int n) {
  long total = static_cast<long>(d.year()) * 12 + (d.month() - 1) + n;
  int y = static_cast<int>(total / 12), m = static_cast<int>(total % 12) + 1;
  if (!ValidYear(y)) return std::nullopt;
  int last = g::gregorian_calendar::end_of_month_day(y, m);
  return MakeDay(y, m, std::min<int>(d.day(), last));
}

std::string DayValue(Date d) { return FormatDate(d); }

std::string MonthValue(int y, int m) {
  char b[16];
  std::snprintf(b, sizeof b, "%04d-%02d", y, m);
  return b;
}
std::string YearValue(int y) {
  char b[16];
  std::snprintf(b, sizeof b, "%04d", y);
  return b;
}
std::string WeekValue(Date d) {
  // ISO year of the week: the year of its Thursday.
  int wd = d.day_of_week().as_number();  // 0 = Sunday
  int iso = wd == 0 ? 7 : wd;
  auto th = AddDays(d, 4 - iso);
  int y = th ? th->year() : d.year();
  char b[16];
  std::snprintf(b, sizeof b, "%04d-W%02d", y, d.week_number());
  return b;
}
std::string QuarterValue(int y, int q) {
  char b[16];
  std::snprintf(b, sizeof b, "%04d-Q%d", y, q);
  return b;
}

namespace {
std::optional<DateRange> Span(std::optional<Date> s, std::optional<Date> e,
                              Granularity gr, Precision p) {
  if (!s || !e || *e < *s) return std::nullopt;
  return DateRange{*s, *e, gr, p, ""};
}
std::optional<Date> EndOfMonth(int y, int m) {
  if (!ValidYear(y) || m < 1 || m > 12) return std::nullopt;
  return MakeDay(y, m, g::gregorian_calendar::end_of_month_day(y, m));
}
}  // namespace

std::optional<DateRange> MonthRange(int y, int m, Precision p) {
  return Span(MakeDay(y, m, 1), EndOfMonth(y, m), Granularity::kMonth, p);
}
std::optional<DateRange> YearRange(int y, Precision p) {
  return Span(MakeDay(y, 1, 1), MakeDay(y, 12, 31), Granularity::kYear, p);
}
std::optional<DateRange> WeekRange(Date d, Precision p) {
  int wd = d.day_of_week().as_number();
  int iso = wd == 0 ? 7 : wd;
  auto mon = AddDays(d, 1 - iso);
  if (!mon) return std::nullopt;
  return Span(mon, AddDays(*mon, 6), Granularity::kWeek, p);
}
std::optional<DateRange> QuarterRange(int y, int q, Precision p) {
  if (q < 1 || q > 4) return std::nullopt;
  return Span(MakeDay(y, 3 * q - 2, 1), EndOfMonth(y, 3 * q),
              Granularity::kQuarter, p);
}
std::optional<DateRange> HalfRange(int y, int h, Precision p) {
  if (h < 1 || h > 2) return std::nullopt;
  return Span(MakeDay(y, 6 * h - 5, 1), EndOfMonth(y, 6 * h),
              Granularity::kHalf, p);
}
std::optional<DateRange> SeasonRange(int y, const std::string& s, Precision p) {
  if (s == "SP")
    return Span(MakeDay(y, 3, 1), EndOfMonth(y, 5), Granularity::kSeason, p);
  if (s == "SU")
    return Span(MakeDay(y, 6, 1), EndOfMonth(y, 8), Granularity::kSeason, p);
  if (s == "FA")
    return Span(MakeDay(y, 9, 1), EndOfMonth(y, 11), Granularity::kSeason, p);
  if (s == "WI")
    return Span(MakeDay(y, 12, 1), EndOfMonth(y + 1, 2), Granularity::kSeason,
                p);
  return std::nullopt;
}
std::optional<DateRange> DecadeRange(int y, Precision p) {
  return Span(MakeDay(y, 1, 1), MakeDay(y + 9, 12, 31), Granularity::kDecade,
              p);
}
std::optional<DateRange> CenturyRange(int y, Precision p) {
  return Span(MakeDay(y, 1, 1), MakeDay(y + 99, 12, 31), Granularity::kCentury,
              p);
}

DateRange PartOf(const DateRange& r, const std::string& mod) {
  long days = (r.end - r.start).days() + 1;
  if (days < 3 || (mod != "START" && mod != "MID" && mod != "END")) return r;
  long third = days / 3;
  DateRange out = r;
  out.precision = Precision::kApproximate;
  if (mod == "START") {
    out.end = *AddDays(r.start, third - 1);
  } else if (mod == "MID") {
    out.start = *AddDays(r.start, third);
    out.end = *AddDays(r.start, 2 * third - 1);
  } else {
    out.start = *AddDays(r.start, 2 * third);
  }
  return out;
}

}  // namespace geotl::timecal
