// Table-driven tests of the temporal normaliser (ingest/time) in German and
// English: the rows of tests/data/time/timex_cases.jsonl (every expression
// class of docs/dates.md, year boundaries, leap years, the sample article,
// anaphora; `group` names the class), and malformed dates that must not
// crash.
#include "ingest/time/timex.h"

#include <catch2/catch.hpp>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "ingest/time/calendar.h"
#include "tests/fixtures.h"

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

Date D(const char* s) { return *ParseIsoDay(s); }

// Finds the expression with exactly `span`; fails the test when missing.
std::optional<Timex> FindSpan(const std::vector<Timex>& all,
                              const std::string& span) {
  for (const auto& t : all)
    if (t.text == span) return t;
  return std::nullopt;
}

// One row of tests/data/time/timex_cases.jsonl: in `doc` (language
// `lang`, document date `dct`) the expression with exactly the extent `span`
// has `type` and `value`, and the calendar range [from, to] ("" = none).
void Check(const nlohmann::json& c) {
  const std::string text = c.at("doc"), span = c.at("span");
  const std::string from = c.at("from"), to = c.at("to");
  auto all = Norm().Find(text, D(c.at("dct").get<std::string>().c_str()),
                         c.at("lang").get<std::string>());
  INFO(c.at("group").get<std::string>()
       << ": " << c.at("lang").get<std::string>() << " dct="
       << c.at("dct").get<std::string>() << " text=\"" << text << "\"");
  std::string got;
  for (const auto& t : all) got += "[" + t.text + "|" + t.value + "] ";
  INFO("found: " << got);
  auto t = FindSpan(all, span);
  REQUIRE(t.has_value());
  CHECK(t->type == c.at("type").get<std::string>());
  CHECK(t->value == c.at("value").get<std::string>());
  if (!from.empty()) {
    REQUIRE(t->range.has_value());
    CHECK(FormatDate(t->range->start) == from);
    CHECK(FormatDate(t->range->end) == to);
  } else {
    CHECK_FALSE(t->range.has_value());
  }
  CHECK(std::string_view(text).substr(t->start, t->end - t->start) == t->text);
}

TEST_CASE("the expressions of tests/data/time/timex_cases.jsonl", "[time]") {
  CHECK(testing::ForEachCase(GEOTL_SOURCE_DIR
                             "/tests/data/time/timex_cases.jsonl",
                             Check) >= 174);
}

TEST_CASE("sample article (DCT 2013-11-04)", "[time]") {
  auto all = Norm().Find("In den vergangenen Monaten wuchsen die Spannungen.",
                         D("2013-11-04"), "de");
  REQUIRE(all.size() == 1);
  CHECK(all[0].range->precision == Precision::kApproximate);
  CHECK(all[0].range->granularity == Granularity::kInterval);
}

TEST_CASE("leap years and invalid dates", "[time]") {
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
  CHECK_FALSE(MakeDay(2013, 2, 30));
  CHECK_FALSE(MakeDay(0, 1, 1));
  CHECK(MakeDay(2012, 2, 29));
  CHECK_FALSE(AddDays(D("9999-12-31"), 1));
  CHECK_FALSE(AddMonths(D("1400-01-15"), -1));
  CHECK(*AddMonths(D("2013-01-31"), 1) == D("2013-02-28"));
  CHECK(WeekValue(D("2014-12-29")) == "2015-W01");
  CHECK(WeekValue(D("2013-11-02")) == "2013-W44");
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
