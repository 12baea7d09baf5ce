#include "core/date_range.h"

#include <charconv>
#include <cstdio>
#include <ctime>

namespace geotl::core {
namespace {

constexpr std::string_view kGran[] = {"day",     "week",    "month", "quarter",
                                      "season",  "half",    "year",  "decade",
                                      "century", "interval"};
constexpr std::string_view kPrec[] = {"exact", "approximate", "range",
                                      "unresolved"};

bool ParseInt(std::string_view s, int* out) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  auto r = std::from_chars(s.data(), s.data() + s.size(), *out);
  return r.ec == std::errc();
}

// Builds a date without letting Boost throw.
Result<Date> MakeDate(int y, int m, int d) {
  if (y < 1400 || y > 9999)
    return Status::Invalid("year out of range 1400..9999: " +
                           std::to_string(y));
  if (m < 1 || m > 12) return Status::Invalid("bad month");
  int last = boost::gregorian::gregorian_calendar::end_of_month_day(y, m);
  if (d < 1 || d > last) return Status::Invalid("bad day of month");
  return Date(y, m, d);
}

struct Parts {
  int y = 0, m = 0, d = 0;  // 0 = absent
};

Result<Parts> SplitBound(std::string_view s) {
  Parts p;
  if (s.size() != 4 && s.size() != 7 && s.size() != 10)
    return Status::Invalid("expected YYYY, YYYY-MM or YYYY-MM-DD, got '" +
                           std::string(s) + "'");
  if (!ParseInt(s.substr(0, 4), &p.y))
    return Status::Invalid("bad year in '" + std::string(s) + "'");
  if (s.size() >= 7) {
    if (s[4] != '-' || !ParseInt(s.substr(5, 2), &p.m))
      return Status::Invalid("bad month in '" + std::string(s) + "'");
  }
  if (s.size() == 10) {
    if (s[7] != '-' || !ParseInt(s.substr(8, 2), &p.d))
      return Status::Invalid("bad day in '" + std::string(s) + "'");
  }
  return p;
}

}  // namespace

std::string_view ToString(Granularity g) { return kGran[static_cast<int>(g)]; }
std::string_view ToString(Precision p) { return kPrec[static_cast<int>(p)]; }

Result<Granularity> ParseGranularity(std::string_view s) {
  for (int i = 0; i < 10; ++i)
    if (kGran[i] == s) return static_cast<Granularity>(i);
  return Status::Invalid("unknown granularity '" + std::string(s) + "'");
}
Result<Precision> ParsePrecision(std::string_view s) {
  for (int i = 0; i < 4; ++i)
    if (kPrec[i] == s) return static_cast<Precision>(i);
  return Status::Invalid("unknown precision '" + std::string(s) + "'");
}

DateRange DateRange::Day(Date d, Precision p) {
  return DateRange{d, d, Granularity::kDay, p, ""};
}
DateRange DateRange::Month(int year, int month, Precision p) {
  Date s(year, month, 1);
  return DateRange{s, s.end_of_month(), Granularity::kMonth, p, ""};
}
DateRange DateRange::Year(int year, Precision p) {
  return DateRange{Date(year, 1, 1), Date(year, 12, 31), Granularity::kYear, p,
                   ""};
}

std::string FormatDate(Date d) {
  if (d.is_special()) return "";
  char buf[16];
  auto ymd = d.year_month_day();
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", int(ymd.year),
                int(ymd.month), int(ymd.day));
  return buf;
}

Result<Date> ParseIsoDay(std::string_view s) {
  if (s.size() != 10)
    return Status::Invalid("expected YYYY-MM-DD, got '" + std::string(s) + "'");
  ASSIGN_OR_RETURN(Parts p, SplitBound(s));
  return MakeDate(p.y, p.m, p.d);
}

Result<Date> ParseBoundFrom(std::string_view s) {
  ASSIGN_OR_RETURN(Parts p, SplitBound(s));
  return MakeDate(p.y, p.m ? p.m : 1, p.d ? p.d : 1);
}

Result<Date> ParseBoundTo(std::string_view s) {
  ASSIGN_OR_RETURN(Parts p, SplitBound(s));
  int m = p.m ? p.m : 12;
  if (p.d) return MakeDate(p.y, m, p.d);
  if (p.y < 1400 || p.y > 9999) return MakeDate(p.y, m, 1);
  if (m < 1 || m > 12)
    return Status::Invalid("bad month in '" + std::string(s) + "'");
  return MakeDate(
      p.y, m, boost::gregorian::gregorian_calendar::end_of_month_day(p.y, m));
}

Result<Date> ParsePublished(std::string_view s) {
  // Trim surrounding blanks.
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  if (s.size() < 10)
    return Status::Invalid("published: expected an ISO date, got '" +
                           std::string(s) + "'");
  if (s.size() > 10 && s[10] != 'T' && s[10] != ' ')
    return Status::Invalid("published: expected an ISO date, got '" +
                           std::string(s) + "'");
  auto r = ParseIsoDay(s.substr(0, 10));
  if (!r.ok()) return Status::Invalid("published: " + r.status().message());
  return r;
}

uint32_t DayKey(Date d) {
  // Day number since 1970-01-01 shifted by 1,000,000 so pre-1970 dates stay
  // positive; valid Boost dates span ~-200k..+2.9M days.
  static const Date kEpoch(1970, 1, 1);
  return static_cast<uint32_t>((d - kEpoch).days() + 1000000);
}

Date FromDayKey(uint32_t k) {
  static const Date kEpoch(1970, 1, 1);
  return kEpoch + boost::gregorian::days(static_cast<long>(k) - 1000000);
}

std::string FormatMillis(uint64_t ms) {
  if (ms == 0) return "";
  std::time_t secs = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
                tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
                tm.tm_min, tm.tm_sec, int(ms % 1000));
  return buf;
}

}  // namespace geotl::core
