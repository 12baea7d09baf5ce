// Table-driven tests for the expression classes added in the second round
// of docs/dates.md, German and English: spelled-out years, movable feasts,
// unit parts ("year-end", "Jahresende"), clock times with their day,
// mixed counts ("2 1/2 years"), fuzzy plurals, earnings-report periods,
// tense cues for weekdays and months, and the calendar rules behind them
// (Easter, nth weekday) across year boundaries and leap years.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "ingest/time/calendar.h"
#include "ingest/time/timex.h"

namespace geotl {
namespace {

const TimeNormalizer& Norm() {
  static auto n = TimeNormalizer::Load(GEOTL_SOURCE_DIR "/lexicons");
  REQUIRE(n.ok());
  return **n;
}

struct Case {
  const char* lang;
  const char* dct;
  const char* text;
  const char* span;
  const char* type;
  const char* value;
  const char* from;  // "" = no range
  const char* to;
};

void Check(const Case& c) {
  auto all = Norm().Find(c.text, *ParseIsoDay(c.dct), c.lang);
  INFO(c.lang << " dct=" << c.dct << " text=\"" << c.text << "\"");
  std::string got;
  for (const auto& t : all) got += "[" + t.text + "|" + t.value + "] ";
  INFO("found: " << got);
  const Timex* t = nullptr;
  for (const auto& x : all)
    if (x.text == c.span) t = &x;
  REQUIRE(t != nullptr);
  CHECK(t->type == c.type);
  CHECK(t->value == c.value);
  if (*c.from) {
    REQUIRE(t->range.has_value());
    CHECK(FormatDate(t->range->start) == c.from);
    CHECK(FormatDate(t->range->end) == c.to);
  } else {
    CHECK_FALSE(t->range.has_value());
  }
}

TEST_CASE("spelled-out years", "[time]") {
  const Case cases[] = {
      {"en", "1998-02-27", "Keating was convicted in nineteen ninety-one.",
       "nineteen ninety-one", "DATE", "1991", "1991-01-01", "1991-12-31"},
      {"en", "1998-02-27", "January nineteen ninety-seven.",
       "January nineteen ninety-seven", "DATE", "1997-01", "1997-01-01",
       "1997-01-31"},
      {"en", "1998-02-05", "Unemployment by the year two thousand.",
       "the year two thousand", "DATE", "2000", "2000-01-01", "2000-12-31"},
      {"en", "1998-02-23", "It froze in the winter of nineteen ninety-four.",
       "the winter of nineteen ninety-four", "DATE", "1994-WI", "1994-12-01",
       "1995-02-28"},
      {"en", "1999-06-01", "It stood empty since nineteen hundred.",
       "nineteen hundred", "DATE", "1900", "1900-01-01", "1900-12-31"},
      {"de", "2013-11-04", "Im Jahr neunzehnhundertneunundachtzig fiel sie.",
       "Jahr neunzehnhundertneunundachtzig", "DATE", "1989", "1989-01-01",
       "1989-12-31"},
      {"de", "2013-11-04", "Seit zweitausendeins gilt das Gesetz.",
       "zweitausendeins", "DATE", "2001", "2001-01-01", "2001-12-31"},
  };
  for (const auto& c : cases) Check(c);
  // Counts are no years.
  auto all =
      Norm().Find("He has two thousand men.", *ParseIsoDay("1998-01-01"), "en");
  for (const auto& t : all) CHECK(t.value != "2000");
}

TEST_CASE("movable feasts and holidays", "[time]") {
  const Case cases[] = {
      {"en", "2000-01-07", "Elian was found Thanksgiving Day at sea.",
       "Thanksgiving Day", "DATE", "1999-11-25", "1999-11-25", "1999-11-25"},
      {"en", "1998-10-26", "The campaign runs until Election Day.",
       "Election Day", "DATE", "1998-11-03", "1998-11-03", "1998-11-03"},
      {"en", "2014-01-10", "Easter 2014 falls late.", "Easter 2014", "DATE",
       "2014-04-20", "2014-04-20", "2014-04-20"},
      {"en", "2020-06-01", "Memorial Day was quiet.", "Memorial Day", "DATE",
       "2020-05-25", "2020-05-25", "2020-05-25"},
      {"en", "2016-03-30", "Shops were closed on Good Friday.", "Good Friday",
       "DATE", "2016-03-25", "2016-03-25", "2016-03-25"},
      {"de", "2013-11-04", "Zu Ostern kam er heim.", "Ostern", "DATE",
       "2013-03-31", "2013-03-31", "2013-03-31"},
      {"de", "2013-05-25", "Am Pfingstmontag war das Amt zu.", "Pfingstmontag",
       "DATE", "2013-05-20", "2013-05-20", "2013-05-20"},
      {"de", "2013-11-04", "Zu Christi Himmelfahrt 2014 ist frei.",
       "Christi Himmelfahrt 2014", "DATE", "2014-05-29", "2014-05-29",
       "2014-05-29"},
      // Year boundary: Easter seen from January is the coming one.
      {"de", "2014-01-03", "Bis Ostern soll das Gesetz stehen.", "Ostern",
       "DATE", "2014-04-20", "2014-04-20", "2014-04-20"},
  };
  for (const auto& c : cases) Check(c);
}

TEST_CASE("calendar: Easter and nth weekdays", "[time]") {
  namespace tc = timecal;
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
    auto d = tc::MovableDay(r.rule, r.year);
    REQUIRE(d.has_value());
    CHECK(FormatDate(*d) == r.want);
  }
  for (const char* bad : {"", "E", "E+x", "13/1/1", "02/5/1", "1/0/1", "x"})
    CHECK_FALSE(tc::MovableDay(bad, 2015).has_value());
  CHECK_FALSE(tc::MovableDay("E+0", 99999).has_value());
  CHECK_FALSE(tc::EasterSunday(1000).has_value());
}

TEST_CASE("unit parts: year-end, Jahresende", "[time]") {
  const Case cases[] = {
      {"en", "1989-11-02", "The deal should close by year-end.", "year-end",
       "DATE", "1989", "1989-08-31", "1989-12-31"},
      {"en", "1989-10-26", "Columbia must meet the rules by the year's end.",
       "the year's end", "DATE", "1989", "1989-08-31", "1989-12-31"},
      {"de", "2013-11-04", "Bis Jahresende soll es fertig sein.", "Jahresende",
       "DATE", "2013", "2013-08-31", "2013-12-31"},
      {"de", "2013-11-04", "Zum Jahresende 1789 war es vorbei.",
       "Jahresende 1789", "DATE", "1789", "1789-08-31", "1789-12-31"},
      {"de", "2016-02-10", "Zum Monatsende wird gezahlt.", "Monatsende", "DATE",
       "2016-02", "2016-02-19", "2016-02-29"},
  };
  for (const auto& c : cases) Check(c);
  auto all = Norm().Find("The deal should close by year-end.",
                         *ParseIsoDay("1989-11-02"), "en");
  REQUIRE(all.size() == 1);
  CHECK(all[0].mod == "END");
}

TEST_CASE("clock times take the day written after them", "[time]") {
  const Case cases[] = {
      {"en", "1998-02-13", "A curfew began at 10 p.m. Wednesday in the city.",
       "10 p.m. Wednesday", "TIME", "1998-02-11T22:00", "1998-02-11",
       "1998-02-11"},
      {"en", "1989-10-30", "The offer expires at 5 p.m. EST, Nov. 6.",
       "5 p.m. EST, Nov. 6", "TIME", "1989-11-06T17:00", "1989-11-06",
       "1989-11-06"},
      {"en", "1989-10-30",
       "It had been scheduled to expire at midnight Friday.", "midnight Friday",
       "TIME", "1989-10-27T24:00", "1989-10-27", "1989-10-27"},
      {"de", "2013-11-28", "Die Feier beginnt um 20 Uhr am Samstag.",
       "20 Uhr am Samstag", "TIME", "2013-11-30T20:00", "2013-11-30",
       "2013-11-30"},
  };
  for (const auto& c : cases) Check(c);
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

TEST_CASE("mixed and compound counts", "[time]") {
  const Case cases[] = {
      {"en", "1998-02-27", "They lived in camps for 2 1/2 years.",
       "2 1/2 years", "DURATION", "P2Y6M", "", ""},
      {"en", "1998-08-17", "She spends 5 1/2 hours on the ground.",
       "5 1/2 hours", "DURATION", "PT5H30M", "", ""},
      {"en", "1998-01-14", "But a minute and a half later, a pilot calls.",
       "a minute and a half", "DURATION", "PT1M30S", "", ""},
      {"en", "1998-01-08", "It will not change for a couple of years.",
       "a couple of years", "DURATION", "P2Y", "", ""},
      {"en", "1998-01-08", "In the last twenty four hours, stocks fell.",
       "the last twenty four hours", "DURATION", "P1D", "", ""},
      {"en", "1998-01-08", "It took two and a half weeks.",
       "two and a half weeks", "DURATION", "P17DT12H", "", ""},
      {"de", "2011-02-16", "Das Ultimatum lief nach 48 Stunden ab.",
       "48 Stunden", "DURATION", "P2D", "", ""},
  };
  for (const auto& c : cases) Check(c);
}

TEST_CASE("fuzzy plurals and report periods", "[time]") {
  const Case cases[] = {
      {"en", "1998-04-02", "Prices fell in recent months.", "recent months",
       "DURATION", "PXM", "1998-01-02", "1998-04-02"},
      {"en", "1998-02-06", "Rates have fallen in the past few weeks.",
       "the past few weeks", "DURATION", "PXW", "1998-01-16", "1998-02-06"},
      {"en", "1999-03-12", "It will grow in the coming years.",
       "the coming years", "DURATION", "PXY", "", ""},
      {"en", "1989-11-02", "Sales in the latest period were $1.76 billion.",
       "the latest period", "DATE", "1989-Q3", "1989-07-01", "1989-09-30"},
      {"en", "1989-11-02", "Sales for the full year were $6.6 billion.",
       "the full year", "DATE", "1989", "1989-01-01", "1989-12-31"},
      {"en", "1989-11-02", "For the year, pet food volume was flat.",
       "the year", "DATE", "1989", "1989-01-01", "1989-12-31"},
      {"en", "1989-11-02", "Revenue in the year ended March 31 rose.",
       "the year", "DURATION", "P1Y", "", ""},
      // Nine-month comparisons are with the year before, not its quarter.
      {"en", "1989-10-26",
       "Third-quarter profit rose. For the nine months, losses totaled $212 "
       "million, compared with net income a year earlier.",
       "a year earlier", "DATE", "1988", "1988-01-01", "1988-12-31"},
      {"en", "1989-10-26",
       "Third-quarter profit rose to $5 million from $4 million a year "
       "earlier.",
       "a year earlier", "DATE", "1988-Q3", "1988-07-01", "1988-09-30"},
  };
  for (const auto& c : cases) Check(c);
}

TEST_CASE("tense cues for weekdays and months", "[time]") {
  const Case cases[] = {
      // DCT Monday 2000-04-03.
      {"en", "2000-04-03", "He could leave as early as Tuesday.", "Tuesday",
       "DATE", "2000-04-04", "2000-04-04", "2000-04-04"},
      {"en", "2000-03-30", "Officials postponed until Tuesday any action.",
       "Tuesday", "DATE", "2000-04-04", "2000-04-04", "2000-04-04"},
      {"en", "1999-05-07", "Until Thursday, they had not called him a suspect.",
       "Thursday", "DATE", "1999-05-06", "1999-05-06", "1999-05-06"},
      {"en", "1989-10-30", "It had been due to expire Friday evening.",
       "Friday evening", "TIME", "1989-10-27TEV", "1989-10-27", "1989-10-27"},
      {"en", "1989-10-27", "The shares are to resume trading Tuesday.",
       "Tuesday", "DATE", "1989-10-31", "1989-10-31", "1989-10-31"},
      {"en", "1998-03-04",
       "Collins will be named commander for a mission in "
       "December.",
       "December", "DATE", "1998-12", "1998-12-01", "1998-12-31"},
      {"en", "1989-10-27", "In January, the company brought in a new chief.",
       "January", "DATE", "1989-01", "1989-01-01", "1989-01-31"},
      // "since" and "seit" look back.
      {"en", "1999-05-06",
       "They searched since shortly after the Oct. 23 "
       "slaying.",
       "Oct. 23", "DATE", "1998-10-23", "1998-10-23", "1998-10-23"},
      {"de", "2013-03-01", "Seit dem 3. Mai gilt das Gesetz.", "3. Mai", "DATE",
       "2012-05-03", "2012-05-03", "2012-05-03"},
      // No tense, far from the DCT: a day and month lie in the past.
      {"en", "1998-02-06", "The index is near its record high of Aug. 6.",
       "Aug. 6", "DATE", "1997-08-06", "1997-08-06", "1997-08-06"},
      // No tense: a month far behind the DCT's is this year's.
      {"en", "1989-10-30", "The stock rose to $42 in June from $29 in March.",
       "March", "DATE", "1989-03", "1989-03-01", "1989-03-31"},
      // Year boundary: December seen from January, both languages.
      {"de", "2014-01-03", "Im Dezember wurde gewählt.", "Dezember", "DATE",
       "2013-12", "2013-12-01", "2013-12-31"},
      {"en", "2014-01-03", "Talks began in December.", "December", "DATE",
       "2013-12", "2013-12-01", "2013-12-31"},
      // Leap day without a year, seen from March of a leap year.
      {"de", "2016-03-02", "Am 29. Februar trafen sie sich.", "29. Februar",
       "DATE", "2016-02-29", "2016-02-29", "2016-02-29"},
      {"en", "2016-03-02", "They met on Feb. 29.", "Feb. 29", "DATE",
       "2016-02-29", "2016-02-29", "2016-02-29"},
  };
  for (const auto& c : cases) Check(c);
}

TEST_CASE("qualified counts, ages, day parts, sets, term phrases", "[time]") {
  const Case cases[] = {
      {"en", "1989-10-30", "Eight trading days after Oct. 13, stocks rose.",
       "Eight trading days", "DURATION", "P8D", "", ""},
      {"en", "1989-10-30", "It may be extended for an additional year.",
       "an additional year", "DURATION", "P1Y", "", ""},
      {"de", "2013-11-04", "Der Vertrag läuft drei weitere Jahre.",
       "drei weitere Jahre", "DURATION", "P3Y", "", ""},
      {"en", "2000-04-05", "He will leave at 4 in the morning.",
       "4 in the morning", "TIME", "2000-04-05T04:00", "2000-04-05",
       "2000-04-05"},
      {"en", "1998-03-06", "By mid afternoon, the operation was over.",
       "mid afternoon", "TIME", "1998-03-06TAF", "1998-03-06", "1998-03-06"},
      {"en", "1989-11-02", "Trading resumed mid-afternoon yesterday.",
       "mid-afternoon yesterday", "TIME", "1989-11-01TAF", "1989-11-01",
       "1989-11-01"},
      {"en", "1998-02-13", "The show airs on Tuesday nights.", "Tuesday nights",
       "SET", "XXXX-WXX-2TNI", "", ""},
      {"en", "1989-10-30", "We don't minimize the challenges of the near term.",
       "the near term", "DATE", "FUTURE_REF", "", ""},
      {"en", "1989-11-02", "Earnings will fall for the fiscal year.",
       "the fiscal year", "DATE", "1989", "1989-01-01", "1989-12-31"},
      {"en", "1989-11-02", "In the fiscal year ended Jan. 31, sales rose.",
       "the fiscal year", "DURATION", "P1Y", "", ""},
      {"de", "2013-11-04", "Das wird zu einem späteren Zeitpunkt geklärt.",
       "zu einem späteren Zeitpunkt", "DATE", "FUTURE_REF", "", ""},
  };
  for (const auto& c : cases) Check(c);
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

TEST_CASE("German nights and day parts of a named day", "[time]") {
  const Case cases[] = {
      // DCT Wednesday 2013-11-20.
      {"de", "2013-11-20", "In der Nacht zum Sonntag wurde geschossen.",
       "Nacht zum Sonntag", "TIME", "2013-11-16TNI", "2013-11-16",
       "2013-11-16"},
      {"de", "2013-11-20", "In der Nacht von Samstag auf Sonntag brannte es.",
       "Nacht von Samstag auf Sonntag", "TIME", "2013-11-16TNI", "2013-11-16",
       "2013-11-16"},
      // Year boundary: the night to New Year's Day.
      {"de", "2014-01-03", "In der Nacht zum 1. Januar brannte es.",
       "Nacht zum 1. Januar", "TIME", "2013-12-31TNI", "2013-12-31",
       "2013-12-31"},
      // Leap year: the night to 1 March follows 29 February.
      {"de", "2016-03-05", "In der Nacht zum 1. März fiel Schnee.",
       "Nacht zum 1. März", "TIME", "2016-02-29TNI", "2016-02-29",
       "2016-02-29"},
      {"de", "2013-11-20", "Am frühen Morgen des 21. März 1918 griffen sie an.",
       "Morgen des 21. März 1918", "TIME", "1918-03-21TMO", "1918-03-21",
       "1918-03-21"},
      {"de", "2013-11-20", "Am frühen Morgen griffen sie an.", "Morgen", "TIME",
       "2013-11-20TMO", "2013-11-20", "2013-11-20"},
  };
  for (const auto& c : cases) Check(c);
}

TEST_CASE("coordinated days that name the month once", "[time]") {
  const Case cases[] = {
      {"de", "2013-11-20", "Die Tagung findet am 3., 4. und 5. Dezember statt.",
       "3.", "DATE", "2013-12-03", "2013-12-03", "2013-12-03"},
      {"de", "2013-11-20", "Die Tagung findet am 3., 4. und 5. Dezember statt.",
       "4.", "DATE", "2013-12-04", "2013-12-04", "2013-12-04"},
      {"de", "2013-11-20", "Die Tagung findet am 3., 4. und 5. Dezember statt.",
       "5. Dezember", "DATE", "2013-12-05", "2013-12-05", "2013-12-05"},
      {"de", "2013-11-20",
       "Zwischen dem 3. und dem 10. Dezember gab es Kämpfe.", "3.", "DATE",
       "2013-12-03", "2013-12-03", "2013-12-03"},
      {"de", "2013-11-20", "Vom 3. bis 5. Dezember 2012 wurde verhandelt.",
       "3.", "DATE", "2012-12-03", "2012-12-03", "2012-12-03"},
      // Year boundary: the list's month decides the year of its first day.
      {"de", "2014-01-03", "Am 30. und 31. Dezember wurde gestreikt.", "30.",
       "DATE", "2013-12-30", "2013-12-30", "2013-12-30"},
      {"en", "2013-11-20", "Talks on 3, 4 and 5 June failed.", "3", "DATE",
       "2013-06-03", "2013-06-03", "2013-06-03"},
      {"en", "2013-11-20", "Talks ran from 3 to 5 May 2012.", "3", "DATE",
       "2012-05-03", "2012-05-03", "2012-05-03"},
      {"en", "2013-11-20", "Talks were held Dec. 3 and 4 in Paris.", "4",
       "DATE", "2013-12-04", "2013-12-04", "2013-12-04"},
      // Leap year: the second day of "Feb. 28 and 29".
      {"en", "2016-03-02", "Storms hit on Feb. 28 and 29.", "29", "DATE",
       "2016-02-29", "2016-02-29", "2016-02-29"},
  };
  for (const auto& c : cases) Check(c);
  // A falling list is no list: "am 12. und 3. Dezember" dates only the 3rd.
  auto all =
      Norm().Find("Am 12. und 3. Dezember", *ParseIsoDay("2013-11-20"), "de");
  REQUIRE(all.size() == 1);
  CHECK(all[0].value == "2013-12-03");
}

TEST_CASE("history in a news story does not move bare months", "[time]") {
  // A news story that recalls old years but speaks of the coming month.
  const Case cases[] = {
      {"en", "1999-03-12",
       "NATO was founded in 1949. Greece joined in 1952, Germany in 1955 and "
       "Spain in 1982. A summit is expected in Washington in April.",
       "April", "DATE", "1999-04", "1999-04-01", "1999-04-30"},
  };
  for (const auto& c : cases) Check(c);
}

}  // namespace
}  // namespace geotl
