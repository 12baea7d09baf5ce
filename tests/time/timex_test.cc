// Table-driven tests of the temporal normaliser (ingest/time) in German and
// English: every expression class of docs/dates.md, year boundaries, leap
// years, the sample article, anaphora, and malformed dates that must not crash.
#include "ingest/time/timex.h"

#include <catch2/catch.hpp>
#include <cstdio>
#include <string>
#include <vector>

#include "ingest/time/calendar.h"

namespace geotl {
namespace {

const TimeNormalizer& Norm() {
  static auto n = TimeNormalizer::Load(GEOTL_SOURCE_DIR "/lexicons");
  REQUIRE(n.ok());
  return **n;
}

Date D(const char* s) { return *ParseIsoDay(s); }

struct Case {
  const char* lang;
  const char* dct;
  const char* text;
  const char* span;  // expected extent (exact text)
  const char* type;
  const char* value;
  const char* from;  // "" = no range
  const char* to;
};

// Finds the expression with exactly `span`; fails the test when missing.
std::optional<Timex> FindSpan(const std::vector<Timex>& all,
                              const std::string& span) {
  for (const auto& t : all)
    if (t.text == span) return t;
  return std::nullopt;
}

void Check(const Case& c) {
  auto all = Norm().Find(c.text, D(c.dct), c.lang);
  INFO(c.lang << " dct=" << c.dct << " text=\"" << c.text << "\"");
  std::string got;
  for (const auto& t : all) got += "[" + t.text + "|" + t.value + "] ";
  INFO("found: " << got);
  auto t = FindSpan(all, c.span);
  REQUIRE(t.has_value());
  CHECK(t->type == c.type);
  CHECK(t->value == c.value);
  if (*c.from) {
    REQUIRE(t->range.has_value());
    CHECK(FormatDate(t->range->start) == c.from);
    CHECK(FormatDate(t->range->end) == c.to);
  } else {
    CHECK_FALSE(t->range.has_value());
  }
  CHECK(std::string_view(c.text).substr(t->start, t->end - t->start) ==
        t->text);
}

TEST_CASE("sample article (DCT 2013-11-04)", "[time]") {
  const Case cases[] = {
      {"de", "2013-11-04",
       "Dazu fand am vergangenen Samstag ein Treffen in Tokio statt.",
       "vergangenen Samstag", "DATE", "2013-11-02", "2013-11-02", "2013-11-02"},
      {"de", "2013-11-04", "Im Oktober hatte Japan Radaranlagen verlegt.",
       "Oktober", "DATE", "2013-10", "2013-10-01", "2013-10-31"},
      {"de", "2013-11-04", "In den vergangenen Monaten wuchsen die Spannungen.",
       "den vergangenen Monaten", "DURATION", "PXM", "2013-08-04",
       "2013-11-04"},
  };
  for (const auto& c : cases) Check(c);
  auto all = Norm().Find("In den vergangenen Monaten wuchsen die Spannungen.",
                         D("2013-11-04"), "de");
  REQUIRE(all.size() == 1);
  CHECK(all[0].range->precision == Precision::kApproximate);
  CHECK(all[0].range->granularity == Granularity::kInterval);
}

TEST_CASE("absolute dates in both languages", "[time]") {
  const Case cases[] = {
      {"de", "2013-11-04", "Am 2. November 2013 begann es.", "2. November 2013",
       "DATE", "2013-11-02", "2013-11-02", "2013-11-02"},
      {"de", "2013-11-04", "Stand: 02.11.2013, Bozen", "02.11.2013", "DATE",
       "2013-11-02", "2013-11-02", "2013-11-02"},
      {"de", "2013-11-04", "Laut Bericht vom 2013-11-02 war es so.",
       "2013-11-02", "DATE", "2013-11-02", "2013-11-02", "2013-11-02"},
      {"de", "2013-11-04", "Die Tagung findet am 3. und 4. Dezember statt.",
       "3.", "DATE", "2013-12-03", "2013-12-03", "2013-12-03"},
      {"de", "2013-11-04", "Die Tagung findet am 3. und 4. Dezember statt.",
       "4. Dezember", "DATE", "2013-12-04", "2013-12-04", "2013-12-04"},
      {"de", "2013-11-04", "Das war im November 1970.", "November 1970", "DATE",
       "1970-11", "1970-11-01", "1970-11-30"},
      {"de", "2013-11-04", "Er kam im Jahr 2011 an.", "Jahr 2011", "DATE",
       "2011", "2011-01-01", "2011-12-31"},
      {"de", "2013-02-10", "Am 5. Jänner wurde gewählt.", "5. Jänner", "DATE",
       "2013-01-05", "2013-01-05", "2013-01-05"},
      {"de", "2013-11-04", "Donnerstag, 25. Februar 2010, war kalt.",
       "Donnerstag, 25. Februar 2010", "DATE", "2010-02-25", "2010-02-25",
       "2010-02-25"},
      {"en", "2013-11-04", "It happened on Nov. 2, 2013 in Tokyo.",
       "Nov. 2, 2013", "DATE", "2013-11-02", "2013-11-02", "2013-11-02"},
      {"en", "2013-11-04", "Talks were held on 2 November.", "2 November",
       "DATE", "2013-11-02", "2013-11-02", "2013-11-02"},
      {"en", "2020-05-20", "On 9 May 2020, troops crossed the border.",
       "9 May 2020", "DATE", "2020-05-09", "2020-05-09", "2020-05-09"},
      {"en", "1998-08-13",
       "The almost simultaneous attacks Aug. 7 at the U.S. embassies.",
       "Aug. 7", "DATE", "1998-08-07", "1998-08-07", "1998-08-07"},
      {"en", "1998-08-13", "He was elected in July 1997.", "July 1997", "DATE",
       "1997-07", "1997-07-01", "1997-07-31"},
      {"en", "1998-08-13", "It was founded in 1990.", "1990", "DATE", "1990",
       "1990-01-01", "1990-12-31"},
  };
  for (const auto& c : cases) Check(c);
}

TEST_CASE("weekdays with tense-aware direction", "[time]") {
  // 2013-11-04 is a Monday.
  const Case cases[] = {
      {"de", "2013-11-04", "Am Samstag trafen sich die Minister.", "Samstag",
       "DATE", "2013-11-02", "2013-11-02", "2013-11-02"},
      {"de", "2013-11-04", "Am Freitag wird das Parlament abstimmen.",
       "Freitag", "DATE", "2013-11-08", "2013-11-08", "2013-11-08"},
      {"de", "2013-11-04", "Am kommenden Montag beginnt es.",
       "kommenden Montag", "DATE", "2013-11-11", "2013-11-11", "2013-11-11"},
      {"de", "2013-11-06", "Am Montagvormittag trafen sich beide.",
       "Montagvormittag", "TIME", "2013-11-04TMO", "2013-11-04", "2013-11-04"},
      {"de", "2013-11-04", "Am Montag sagte er das.", "Montag", "DATE",
       "2013-11-04", "2013-11-04", "2013-11-04"},
      {"en", "2013-11-04", "The ministers met last Saturday.", "last Saturday",
       "DATE", "2013-11-02", "2013-11-02", "2013-11-02"},
      {"en", "2013-11-04", "Officials said Friday that talks failed.", "Friday",
       "DATE", "2013-11-01", "2013-11-01", "2013-11-01"},
      {"en", "2013-11-04", "The council will vote on Thursday.", "Thursday",
       "DATE", "2013-11-07", "2013-11-07", "2013-11-07"},
      {"en", "2013-11-04", "They will meet next Monday.", "next Monday", "DATE",
       "2013-11-11", "2013-11-11", "2013-11-11"},
  };
  for (const auto& c : cases) Check(c);
}

TEST_CASE("relative days and shifted units", "[time]") {
  const Case cases[] = {
      {"de", "2013-11-04", "Gestern wurde verhandelt.", "Gestern", "DATE",
       "2013-11-03", "2013-11-03", "2013-11-03"},
      {"de", "2013-11-04", "Vorgestern war Ruhe.", "Vorgestern", "DATE",
       "2013-11-02", "2013-11-02", "2013-11-02"},
      {"de", "2013-11-04", "Das Treffen ist morgen.", "morgen", "DATE",
       "2013-11-05", "2013-11-05", "2013-11-05"},
      {"de", "2013-11-04", "Heute ist Montag.", "Heute", "DATE", "2013-11-04",
       "2013-11-04", "2013-11-04"},
      {"de", "2013-11-04", "Die Reise ist nächste Woche.", "nächste Woche",
       "DATE", "2013-W46", "2013-11-11", "2013-11-17"},
      {"de", "2013-11-04", "Letzten Monat stiegen die Preise.", "Letzten Monat",
       "DATE", "2013-10", "2013-10-01", "2013-10-31"},
      {"de", "2010-02-20", "Die Reise wird nächstes Jahr vorgestellt.",
       "nächstes Jahr", "DATE", "2011", "2011-01-01", "2011-12-31"},
      {"de", "2013-09-13", "Heuer gab es mehr Gäste.", "Heuer", "DATE", "2013",
       "2013-01-01", "2013-12-31"},
      {"en", "2013-11-04", "Yesterday the talks resumed.", "Yesterday", "DATE",
       "2013-11-03", "2013-11-03", "2013-11-03"},
      {"en", "2013-11-04", "The vote is tomorrow.", "tomorrow", "DATE",
       "2013-11-05", "2013-11-05", "2013-11-05"},
      {"en", "2013-11-04", "Prices rose last month.", "last month", "DATE",
       "2013-10", "2013-10-01", "2013-10-31"},
      {"en", "2013-11-04", "Sales fell this year.", "this year", "DATE", "2013",
       "2013-01-01", "2013-12-31"},
      {"en", "2013-11-04", "He resigned last week.", "last week", "DATE",
       "2013-W44", "2013-10-28", "2013-11-03"},
      {"en", "1989-10-30", "Shares rose earlier this month.",
       "earlier this month", "DATE", "1989-10", "1989-10-01", "1989-10-10"},
  };
  for (const auto& c : cases) Check(c);
}

TEST_CASE("month names resolved to the nearest plausible year", "[time]") {
  const Case cases[] = {
      {"de", "2014-01-03", "Im Dezember wurde gewählt.", "Dezember", "DATE",
       "2013-12", "2013-12-01", "2013-12-31"},
      {"en", "2014-01-03", "Elections were held in December.", "December",
       "DATE", "2013-12", "2013-12-01", "2013-12-31"},
      {"de", "2013-12-28", "Im Januar soll das Gesetz gelten.", "Januar",
       "DATE", "2014-01", "2014-01-01", "2014-01-31"},
      {"en", "2013-12-28", "The law takes effect in January.", "January",
       "DATE", "2014-01", "2014-01-01", "2014-01-31"},
      {"de", "2013-11-04", "Im Mai hatte er gewonnen.", "Mai", "DATE",
       "2013-05", "2013-05-01", "2013-05-31"},
      {"en", "2014-01-03", "The blast on Dec. 30 killed five.", "Dec. 30",
       "DATE", "2013-12-30", "2013-12-30", "2013-12-30"},
      {"de", "2013-11-04", "Anfang November kam es zu Protesten.",
       "Anfang November", "DATE", "2013-11", "2013-11-01", "2013-11-10"},
      {"de", "2013-11-04", "Ende Oktober war es ruhig.", "Ende Oktober", "DATE",
       "2013-10", "2013-10-21", "2013-10-31"},
      {"en", "1998-11-20", "The deal closed in late November.", "late November",
       "DATE", "1998-11", "1998-11-21", "1998-11-30"},
  };
  for (const auto& c : cases) Check(c);
}

TEST_CASE("leap years and invalid dates", "[time]") {
  const Case cases[] = {
      {"de", "2012-03-05", "Am 29. Februar 2012 kam es zum Streik.",
       "29. Februar 2012", "DATE", "2012-02-29", "2012-02-29", "2012-02-29"},
      {"de", "2012-03-05", "Am 29. Februar kam es zum Streik.", "29. Februar",
       "DATE", "2012-02-29", "2012-02-29", "2012-02-29"},
      {"en", "2016-03-01", "It was signed on Feb. 29, 2016.", "Feb. 29, 2016",
       "DATE", "2016-02-29", "2016-02-29", "2016-02-29"},
      {"en", "2012-03-29", "One month ago the strike began.", "One month ago",
       "DATE", "2012-02", "2012-02-01", "2012-02-29"},
  };
  for (const auto& c : cases) Check(c);
  // Impossible days are no dates and never crash.
  for (const char* bad :
       {"Am 30. Februar 2013 nicht.", "Am 29. Februar 2013 nicht.",
        "Am 31.04.2013 nicht.", "Am 0. Mai 0000 nicht.", "Stand 0000-00-00.",
        "99.99.9999", "Am 31. Juni.", "vor 999999999 Jahren", "in 99999 Jahren",
        "Im Jahr 0", "Jänner 99999999999999999999"}) {
    INFO(bad);
    for (const auto& t : Norm().Find(bad, D("2013-11-04"), "de")) {
      CHECK(t.value.find("02-30") == std::string::npos);
      CHECK(t.value.find("2013-02-29") == std::string::npos);
      CHECK(t.value.find("04-31") == std::string::npos);
      CHECK(t.value.find("06-31") == std::string::npos);
    }
  }
  for (const char* dct : {"1400-01-01", "9999-12-31"})
    Norm().Find(
        "vor zwei Wochen, nächstes Jahr, letztes Jahrhundert, in drei Tagen",
        D(dct), "de");
}

TEST_CASE("ago, later and in N units", "[time]") {
  const Case cases[] = {
      {"de", "2013-11-04", "Vor zwei Wochen begann der Streik.",
       "Vor zwei Wochen", "DATE", "2013-W43", "2013-10-21", "2013-10-27"},
      {"de", "2013-11-04", "Vor drei Tagen fiel die Entscheidung.",
       "Vor drei Tagen", "DATE", "2013-11-01", "2013-11-01", "2013-11-01"},
      {"de", "2013-11-04", "In drei Tagen wird gewählt.", "In drei Tagen",
       "DATE", "2013-11-07", "2013-11-07", "2013-11-07"},
      {"en", "2013-11-04", "Two weeks ago the strike began.", "Two weeks ago",
       "DATE", "2013-W43", "2013-10-21", "2013-10-27"},
      {"en", "2013-11-04", "The company was founded five years ago.",
       "five years ago", "DATE", "2008", "2008-01-01", "2008-12-31"},
      {"en", "2013-11-04", "The vote will take place in three days.",
       "in three days", "DATE", "2013-11-07", "2013-11-07", "2013-11-07"},
  };
  for (const auto& c : cases) Check(c);
}

TEST_CASE("quarters, halves, seasons, decades, centuries", "[time]") {
  const Case cases[] = {
      {"en", "1989-10-26", "Third-quarter profit rose.", "Third-quarter",
       "DATE", "1989-Q3", "1989-07-01", "1989-09-30"},
      {"en", "1989-10-26", "Profit rose in the third quarter of 1988.",
       "the third quarter of 1988", "DATE", "1988-Q3", "1988-07-01",
       "1988-09-30"},
      {"de", "2013-11-04", "Im dritten Quartal sank der Umsatz.",
       "dritten Quartal", "DATE", "2013-Q3", "2013-07-01", "2013-09-30"},
      {"en", "2013-11-04", "Sales grew in the first half.", "the first half",
       "DATE", "2013-H1", "2013-01-01", "2013-06-30"},
      {"de", "2013-11-08", "Im Herbst 2011 begann es.", "Herbst 2011", "DATE",
       "2011-FA", "2011-09-01", "2011-11-30"},
      {"en", "1998-02-23", "The deal collapsed last fall.", "last fall", "DATE",
       "1997-FA", "1997-09-01", "1997-11-30"},
      {"de", "2013-11-04", "In den 1990er Jahren wuchs die Stadt.",
       "den 1990er Jahren", "DATE", "199", "1990-01-01", "1999-12-31"},
      {"en", "2013-11-04", "The city grew in the 1990s.", "the 1990s", "DATE",
       "199", "1990-01-01", "1999-12-31"},
      {"de", "2011-02-16", "Ein Krieg des 20. Jahrhunderts.",
       "20. Jahrhunderts", "DATE", "19", "1900-01-01", "1999-12-31"},
      {"en", "2011-02-16", "The 20th century saw two wars.", "The 20th century",
       "DATE", "19", "1900-01-01", "1999-12-31"},
  };
  for (const auto& c : cases) Check(c);
}

TEST_CASE("durations, sets, fuzzy references", "[time]") {
  const Case cases[] = {
      {"de", "2013-11-04", "Die Verhandlungen dauerten drei Wochen.",
       "drei Wochen", "DURATION", "P3W", "", ""},
      {"en", "1998-08-18", "Albright, arriving after a 16-hour flight.",
       "16-hour", "DURATION", "PT16H", "", ""},
      {"en", "1989-10-27", "Sales rose in the past two months.",
       "the past two months", "DURATION", "P2M", "1989-08-27", "1989-10-27"},
      {"de", "2013-12-17", "Seit einigen Tagen wird gestreikt.",
       "einigen Tagen", "DURATION", "PXD", "", ""},
      {"de", "2016-01-05", "Die Direktoren kosten jährlich 2 Millionen.",
       "jährlich", "SET", "P1Y", "", ""},
      {"en", "2000-02-16", "The paper is published daily.", "daily", "SET",
       "P1D", "", ""},
      {"de", "2015-11-26", "Jetzt wissen wir mehr.", "Jetzt", "DATE",
       "PRESENT_REF", "2015-11-26", "2015-11-26"},
      {"en", "1989-10-30", "The firm recently cut jobs.", "recently", "DATE",
       "PAST_REF", "1989-09-30", "1989-10-30"},
      {"en", "1989-10-30", "Prices rose in recent years.", "recent years",
       "DURATION", "PXY", "1986-10-30", "1989-10-30"},
      {"de", "2013-10-05", "In den vergangenen Jahren stiegen die Preise.",
       "den vergangenen Jahren", "DURATION", "PXY", "2010-10-05", "2013-10-05"},
      {"de", "2013-11-04", "Vor kurzem wurde er gewählt.", "Vor kurzem", "DATE",
       "PAST_REF", "2013-10-05", "2013-11-04"},
  };
  for (const auto& c : cases) Check(c);
}

TEST_CASE("anaphora relative to the last date mentioned", "[time]") {
  const Case cases[] = {
      {"de", "2010-08-20",
       "Am 14. August kam es zum Unfall. Am nächsten Tag wurde er entlassen.",
       "nächsten Tag", "DATE", "2010-08-15", "2010-08-15", "2010-08-15"},
      {"en", "1998-03-05",
       "The attack came on March 2. The following day, troops left.",
       "The following day", "DATE", "1998-03-03", "1998-03-03", "1998-03-03"},
      {"en", "1998-03-05",
       "The attack came on March 2. The next day, troops left.", "The next day",
       "DATE", "1998-03-03", "1998-03-03", "1998-03-03"},
      {"de", "2013-09-20",
       "Am 9. September begann der Streik. Zwei Tage später gab es eine "
       "Einigung.",
       "Zwei Tage später", "DATE", "2013-09-11", "2013-09-11", "2013-09-11"},
      {"en", "1989-10-26",
       "Third-quarter net rose 5%. A year earlier, it fell.", "A year earlier",
       "DATE", "1988-Q3", "1988-07-01", "1988-09-30"},
  };
  for (const auto& c : cases) Check(c);
}

TEST_CASE("clock times", "[time]") {
  const Case cases[] = {
      {"de", "2010-02-20",
       "Treffen am Donnerstag, 25. Februar um 20.30 Uhr in Bozen.", "20.30 Uhr",
       "TIME", "2010-02-25T20:30", "2010-02-25", "2010-02-25"},
      {"de", "2013-11-30", "Theater im Kultursaal, 20 Uhr.", "20 Uhr", "TIME",
       "2013-11-30T20:00", "2013-11-30", "2013-11-30"},
      {"de", "2011-03-18", "Gestern Abend feierten sie.", "Gestern Abend",
       "TIME", "2011-03-17TEV", "2011-03-17", "2011-03-17"},
      {"en", "1998-08-08", "The blast occurred at about 10:35 a.m. local time.",
       "10:35 a.m.", "TIME", "1998-08-08T10:35", "1998-08-08", "1998-08-08"},
  };
  for (const auto& c : cases) Check(c);
}

TEST_CASE("expressions come in text order with valid byte offsets", "[time]") {
  std::string doc =
      "Übermorgen, am 6. November, und gestern – „Jänner“ 2014 – im Frühjahr.";
  auto all = Norm().Find(doc, D("2013-11-04"), "de");
  REQUIRE(all.size() >= 3);
  for (size_t k = 0; k < all.size(); ++k) {
    CHECK(all[k].end <= doc.size());
    CHECK(doc.substr(all[k].start, all[k].end - all[k].start) == all[k].text);
    if (k) CHECK(all[k - 1].end <= all[k].start);
  }
}

TEST_CASE("calendar helpers never throw", "[time]") {
  CHECK_FALSE(timecal::MakeDay(2013, 2, 30));
  CHECK_FALSE(timecal::MakeDay(0, 1, 1));
  CHECK(timecal::MakeDay(2012, 2, 29));
  CHECK_FALSE(timecal::AddDays(D("9999-12-31"), 1));
  CHECK_FALSE(timecal::AddMonths(D("1400-01-15"), -1));
  CHECK(*timecal::AddMonths(D("2013-01-31"), 1) == D("2013-02-28"));
  CHECK(timecal::WeekValue(D("2014-12-29")) == "2015-W01");
  CHECK(timecal::WeekValue(D("2013-11-02")) == "2013-W44");
}

TEST_CASE("geotl dates prints NDJSON with byte offsets", "[time][cli]") {
  std::string cmd =
      std::string("printf 'Am vergangenen Samstag und Im Oktober.' | ") +
      GEOTL_BINARY + " dates --dct 2013-11-04T10:00:00+01:00 --lang de";
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p);
  std::string out;
  char buf[512];
  while (fgets(buf, sizeof buf, p)) out += buf;
  CHECK(pclose(p) == 0);
  CHECK(out.find("\"start\":3,\"end\":22,\"text\":\"vergangenen "
                 "Samstag\",\"type\":\"DATE\","
                 "\"value\":\"2013-11-02\",\"from\":\"2013-11-02\",\"to\":"
                 "\"2013-11-02\","
                 "\"granularity\":\"day\"") != std::string::npos);
  CHECK(out.find("\"value\":\"2013-10\",\"from\":\"2013-10-01\",\"to\":\"2013-"
                 "10-31\"") != std::string::npos);
  CHECK(out.find("\"mod\"") == std::string::npos);
  std::string bad = std::string("echo x | ") + GEOTL_BINARY +
                    " dates --dct 2013-02-30 2>/dev/null";
  FILE* q = popen(bad.c_str(), "r");
  REQUIRE(q);
  while (fgets(buf, sizeof buf, q)) {
  }
  CHECK(WEXITSTATUS(pclose(q)) == 2);
}

}  // namespace
}  // namespace geotl
