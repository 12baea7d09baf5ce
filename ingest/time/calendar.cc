#include "ingest/time/calendar.h"

#include <cstdio>
#include <cstdlib>
#include <exception>

namespace geotl::ingest::time {
namespace g = boost::gregorian;

bool ValidYear(int y) { return y >= kMinYear && y <= kMaxYear; }

std::optional<core::Date> MakeDay(int y, int m, int d) {
  if (!ValidYear(y) || m < 1 || m > 12 || d < 1) return std::nullopt;
  if (d > g::gregorian_calendar::end_of_month_day(y, m)) return std::nullopt;
  return core::Date(y, m, d);
}

std::optional<core::Date> AddDays(core::Date d, long n) {
  if (n > 3000000 || n < -3000000) return std::nullopt;
  try {
    core::Date r = d + g::date_duration(n);
    if (r.is_special() || !ValidYear(r.year())) return std::nullopt;
    return r;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::optional<core::Date> AddMonths(core::Date d, int n) {
  long total = static_cast<long>(d.year()) * 12 + (d.month() - 1) + n;
  int y = static_cast<int>(total / 12), m = static_cast<int>(total % 12) + 1;
  if (!ValidYear(y)) return std::nullopt;
  int last = g::gregorian_calendar::end_of_month_day(y, m);
  return MakeDay(y, m, std::min<int>(d.day(), last));
}

std::string DayValue(core::Date d) { return core::FormatDate(d); }

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
std::string WeekValue(core::Date d) {
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
std::optional<core::DateRange> Span(std::optional<core::Date> s,
                                    std::optional<core::Date> e,
                                    core::Granularity gr, core::Precision p) {
  if (!s || !e || *e < *s) return std::nullopt;
  return core::DateRange{*s, *e, gr, p, ""};
}
std::optional<core::Date> EndOfMonth(int y, int m) {
  if (!ValidYear(y) || m < 1 || m > 12) return std::nullopt;
  return MakeDay(y, m, g::gregorian_calendar::end_of_month_day(y, m));
}
}  // namespace

std::optional<core::DateRange> MonthRange(int y, int m, core::Precision p) {
  return Span(MakeDay(y, m, 1), EndOfMonth(y, m), core::Granularity::kMonth, p);
}
std::optional<core::DateRange> YearRange(int y, core::Precision p) {
  return Span(MakeDay(y, 1, 1), MakeDay(y, 12, 31), core::Granularity::kYear,
              p);
}
std::optional<core::DateRange> WeekRange(core::Date d, core::Precision p) {
  int wd = d.day_of_week().as_number();
  int iso = wd == 0 ? 7 : wd;
  auto mon = AddDays(d, 1 - iso);
  if (!mon) return std::nullopt;
  return Span(mon, AddDays(*mon, 6), core::Granularity::kWeek, p);
}
std::optional<core::DateRange> QuarterRange(int y, int q, core::Precision p) {
  if (q < 1 || q > 4) return std::nullopt;
  return Span(MakeDay(y, 3 * q - 2, 1), EndOfMonth(y, 3 * q),
              core::Granularity::kQuarter, p);
}
std::optional<core::DateRange> HalfRange(int y, int h, core::Precision p) {
  if (h < 1 || h > 2) return std::nullopt;
  return Span(MakeDay(y, 6 * h - 5, 1), EndOfMonth(y, 6 * h),
              core::Granularity::kHalf, p);
}
std::optional<core::DateRange> SeasonRange(int y, const std::string& s,
                                           core::Precision p) {
  if (s == "SP")
    return Span(MakeDay(y, 3, 1), EndOfMonth(y, 5), core::Granularity::kSeason,
                p);
  if (s == "SU")
    return Span(MakeDay(y, 6, 1), EndOfMonth(y, 8), core::Granularity::kSeason,
                p);
  if (s == "FA")
    return Span(MakeDay(y, 9, 1), EndOfMonth(y, 11), core::Granularity::kSeason,
                p);
  if (s == "WI")
    return Span(MakeDay(y, 12, 1), EndOfMonth(y + 1, 2),
                core::Granularity::kSeason, p);
  return std::nullopt;
}
std::optional<core::DateRange> DecadeRange(int y, core::Precision p) {
  return Span(MakeDay(y, 1, 1), MakeDay(y + 9, 12, 31),
              core::Granularity::kDecade, p);
}
std::optional<core::DateRange> CenturyRange(int y, core::Precision p) {
  return Span(MakeDay(y, 1, 1), MakeDay(y + 99, 12, 31),
              core::Granularity::kCentury, p);
}

core::DateRange PartOf(const core::DateRange& r, const std::string& mod) {
  long days = (r.end - r.start).days() + 1;
  if (days < 3 || (mod != "START" && mod != "MID" && mod != "END")) return r;
  long third = days / 3;
  core::DateRange out = r;
  out.precision = core::Precision::kApproximate;
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

std::optional<core::Date> EasterSunday(int y) {
  if (!ValidYear(y)) return std::nullopt;
  // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
  int f = (b + 8) / 25, g2 = (b - f + 1) / 3;
  int h = (19 * a + b - d - g2 + 15) % 30;
  int i = c / 4, k = c % 4;
  int l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31;
  int day = (h + l - 7 * m + 114) % 31 + 1;
  return MakeDay(y, month, day);
}

std::optional<core::Date> MovableDay(const std::string& rule, int y) {
  if (rule.size() >= 2 && rule[0] == 'E' &&
      (rule[1] == '+' || rule[1] == '-')) {
    char* end = nullptr;
    long off = std::strtol(rule.c_str() + 1, &end, 10);
    if (*end || off < -200 || off > 200) return std::nullopt;
    auto e = EasterSunday(y);
    if (!e) return std::nullopt;
    return AddDays(*e, off);
  }
  int month = 0, nth = 0, wd = 0, plus = 0;
  char sign = 0;
  int n = std::sscanf(rule.c_str(), "%d/%d/%d%c%d", &month, &nth, &wd, &sign,
                      &plus);
  if (n != 3 && !(n == 5 && (sign == '+' || sign == '-'))) return std::nullopt;
  if (n == 5 && sign == '-') plus = -plus;
  if (month < 1 || month > 12 || wd < 1 || wd > 7 || nth == 0 || nth < -1 ||
      nth > 5 || plus < -31 || plus > 31)
    return std::nullopt;
  auto first = MakeDay(y, month, 1);
  if (!first) return std::nullopt;
  auto weekday = [](core::Date d) {
    int w = d.day_of_week().as_number();
    return w == 0 ? 7 : w;
  };
  std::optional<core::Date> d;
  if (nth > 0) {
    int off = (wd - weekday(*first) + 7) % 7 + 7 * (nth - 1);
    d = AddDays(*first, off);
    if (d && d->month() != month) return std::nullopt;  // no 5th such day
  } else {
    auto last =
        MakeDay(y, month, g::gregorian_calendar::end_of_month_day(y, month));
    d = AddDays(*last, -((weekday(*last) - wd + 7) % 7));
  }
  if (!d) return std::nullopt;
  return AddDays(*d, plus);
}

}  // namespace geotl::ingest::time
