#include "core/date_range.h"

#include <catch2/catch.hpp>

using namespace geotl::core;

TEST_CASE("query bounds expand to the first and last day", "[core]") {
  struct Case {
    const char* in;
    const char* from;
    const char* to;
  };
  const Case cases[] = {
      {"2013", "2013-01-01", "2013-12-31"},
      {"2013-11", "2013-11-01", "2013-11-30"},
      {"2012-02", "2012-02-01", "2012-02-29"},
      {"2013-02", "2013-02-01", "2013-02-28"},
      {"2013-11-02", "2013-11-02", "2013-11-02"},
  };
  for (const auto& c : cases) {
    INFO(c.in);
    REQUIRE(FormatDate(ParseBoundFrom(c.in).value()) == c.from);
    REQUIRE(FormatDate(ParseBoundTo(c.in).value()) == c.to);
  }
}

TEST_CASE("bad dates are error values, never exceptions", "[core]") {
  for (const char* s : {"", "13", "2013-13", "2013-02-30", "0000-01-01",
                        "9999-99-99", "abcd", "2013-1-1", "20131102"}) {
    INFO(s);
    REQUIRE_FALSE(ParseBoundFrom(s).ok());
    REQUIRE_FALSE(ParseBoundTo(s).ok());
  }
}

TEST_CASE("published takes dates and date-times on their local day", "[core]") {
  REQUIRE(FormatDate(ParsePublished("2013-11-04").value()) == "2013-11-04");
  REQUIRE(FormatDate(ParsePublished("2013-11-04T23:30:00-05:00").value()) ==
          "2013-11-04");
  REQUIRE_FALSE(ParsePublished("04.11.2013").ok());
  REQUIRE_FALSE(ParsePublished("").ok());
}

TEST_CASE("day keys sort like dates", "[core]") {
  Date a(1999, 12, 31), b(2000, 1, 1), c(1400, 1, 1), d(9999, 12, 31);
  REQUIRE(DayKey(a) < DayKey(b));
  REQUIRE(DayKey(c) < DayKey(a));
  REQUIRE(DayKey(b) < DayKey(d));
  REQUIRE(FromDayKey(DayKey(a)) == a);
  REQUIRE(FromDayKey(DayKey(d)) == d);
}
