// Checks of the expression classes added in the second round of
// docs/dates.md that a row of tests/data/time/timex_cases.jsonl cannot
// state (what is *not* found, modifiers, list splitting), and the calendar
// rules behind them (Easter, nth weekday) across year boundaries and leap
// years. The expressions themselves (spelled-out years, movable feasts, unit
// parts, clock times, mixed counts, fuzzy plurals, earnings periods, tense
// cues) are rows of that table, run by timex_test.cc.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "ingest/time/calendar.h"
#include "ingest/time/timex.h"

using namespace geotl::core;
using namespace geotl::ingest;
using namespace geotl::ingest::time;

namespace geotl {
namespace {

const TimeNormalizer& Norm() {
  static auto n = TimeNormalizer::Load(GEOTL_SOURCE_DIR "/lexicons");
  REQUIRE(n.ok());
  return **n;
}

TEST_CASE("spelled-out years", "[time]") {
  // Counts are no years.
  auto all =
      Norm().Find("He has two thousand men.", *ParseIsoDay("1998-01-01"), "en");
  for (const auto& t : all) CHECK(t.value != "2000");
}

TEST_CASE("a slash between two numbers is a date only after a preposition",
          "[time]") {
  // "24/7" is a service's hours, "3/4" a fraction: no day/month.
  for (const char* text : {"The hotline runs 24/7 for victims.",
                           "Some 3/4 of the voters stayed home."}) {
    auto all = Norm().Find(text, *ParseIsoDay("2016-06-30"), "en");
    for (const auto& t : all) CHECK(t.value.rfind("2016-", 0) != 0);
  }
}

TEST_CASE("calendar: Easter and nth weekdays", "[time]") {
  struct {
    const char* rule;
    int year;
    const char* want;
  } const rows[] = {
      {"E+0", 2000, "2000-04-23"},
      {"E+0", 2008, "2008-03-23"},
      {"E+0", 2011, "2011-04-24"},
      {"E+0", 2019, "2019-04-21"},
      {"E+0", 2024, "2024-03-31"},
      {"E-2", 2024, "2024-03-29"},
      {"E+50", 2024, "2024-05-20"},
      {"E+60", 2024, "2024-05-30"},
      {"11/4/4", 1999, "1999-11-25"},  // Thanksgiving
      {"11/4/4", 2012, "2012-11-22"},
      {"11/1/1+1", 1998, "1998-11-03"},  // US Election Day
      {"11/1/1+1", 2020, "2020-11-03"},
      {"05/-1/1", 2020, "2020-05-25"},  // last Monday of May
      {"02/-1/1", 2016, "2016-02-29"},  // leap year: last Monday of Feb
      {"02/-1/1", 2015, "2015-02-23"},
      {"05/2/7", 2013, "2013-05-12"},  // 2nd Sunday of May
  };
  for (const auto& r : rows) {
    INFO(r.rule << " " << r.year);
    auto d = MovableDay(r.rule, r.year);
    REQUIRE(d.has_value());
    CHECK(FormatDate(*d) == r.want);
  }
  for (const char* bad : {"", "E", "E+x", "13/1/1", "02/5/1", "1/0/1", "x"})
    CHECK_FALSE(MovableDay(bad, 2015).has_value());
  CHECK_FALSE(MovableDay("E+0", 99999).has_value());
  CHECK_FALSE(EasterSunday(1000).has_value());
}

TEST_CASE("unit parts: year-end, Jahresende", "[time]") {
  auto all = Norm().Find("The deal should close by year-end.",
                         *ParseIsoDay("1989-11-02"), "en");
  REQUIRE(all.size() == 1);
  CHECK(all[0].mod == "END");
}

TEST_CASE("clock times take the day written after them", "[time]") {
  // German lists keep their times apart.
  auto all = Norm().Find("heute ab 15 Uhr, morgen von 10-15 Uhr.",
                         *ParseIsoDay("2013-11-30"), "de");
  REQUIRE(!all.empty());
  CHECK(all[0].text == "heute");
  // English dotted numbers are no clock times ("at 2.46").
  for (const auto& t : Norm().Find("It closed at 2.46 yesterday.",
                                   *ParseIsoDay("1989-11-02"), "en"))
    CHECK(t.type != "TIME");
}

TEST_CASE("qualified counts, ages, day parts, sets, term phrases", "[time]") {
  // Ages are no durations, in either language.
  for (const char* text :
       {"Howes, 37 years old when he was kidnapped, died.",
        "The offer is open to employees 55 years old or older."}) {
    for (const auto& t : Norm().Find(text, *ParseIsoDay("1998-02-19"), "en"))
      CHECK(t.type != "DURATION");
  }
  for (const auto& t : Norm().Find("Der Mann ist 38 Jahre alt.",
                                   *ParseIsoDay("2013-11-04"), "de"))
    CHECK(t.type != "DURATION");
}

TEST_CASE("coordinated days that name the month once", "[time]") {
  // A falling list is no list: "am 12. und 3. Dezember" dates only the 3rd.
  auto all =
      Norm().Find("Am 12. und 3. Dezember", *ParseIsoDay("2013-11-20"), "de");
  REQUIRE(all.size() == 1);
  CHECK(all[0].value == "2013-12-03");
}

}  // namespace
}  // namespace geotl
