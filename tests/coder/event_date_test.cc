// Table-driven tests of event dating (ingest/code/event_date): the date of
// an event comes from its own clause or sentence, else from the story's
// lede date while no other date intervened, else from the sentence just
// before, else the publication day (unresolved). The cases are data
// (tests/data/coder/event_dates.jsonl): German and English texts written for
// these tests, year boundaries and a leap day included.
#include "ingest/code/event_date.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

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

// Sentences of a test text: split after ". " (the texts avoid
// abbreviations and ordinals before a blank and capital).
std::vector<std::pair<size_t, size_t>> Sentences(const std::string& text) {
  std::vector<std::pair<size_t, size_t>> out;
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '.' && (i + 1 == text.size() || text[i + 1] == ' ')) {
      bool ordinal = i > 0 && text[i - 1] >= '0' && text[i - 1] <= '9';
      if (ordinal && i + 2 < text.size() && text[i + 2] >= 'A' &&
          text[i + 2] <= 'Z' && i + 1 != text.size()) {
        // "29. Februar": an ordinal, not a sentence end (our texts never
        // end a sentence with a number).
        continue;
      }
      out.push_back({start, i + 1});
      start = i + 2;
    }
  }
  if (start < text.size()) out.push_back({start, text.size()});
  return out;
}

// One row of tests/data/coder/event_dates.jsonl: the event whose trigger
// is the first occurrence of `trigger` in `doc` has the date [start, end]
// with `precision`, decided by `rule`; `noun` marks a noun trigger.
void Check(const nlohmann::json& c) {
  const std::string lang = c.at("lang"), text = c.at("doc");
  INFO(c.at("group").get<std::string>()
       << " / " << c.at("name").get<std::string>() << ": " << text);
  Date dct = *ParseIsoDay(c.at("dct").get<std::string>());
  std::vector<Timex> all = Norm().Find(text, dct, lang);
  std::vector<const Timex*> dated = code::DatedTimexes(all);
  auto sentences = Sentences(text);
  std::vector<std::pair<size_t, size_t>> lede(
      sentences.begin(),
      sentences.begin() + std::min<size_t>(3, sentences.size()));
  auto story = code::StoryDate(dated, lede);
  size_t trig = text.find(c.at("trigger").get<std::string>());
  REQUIRE(trig != std::string::npos);
  std::pair<size_t, size_t> sent{0, text.size()};
  for (const auto& s : sentences)
    if (s.first <= trig && trig < s.second) sent = s;
  std::string rule;
  DateRange d = code::EventDate(
      dated, trig, sent.first, sent.second, sent.first, sent.second, story, dct,
      &rule, false,
      code::ModifiersOf(code::NounModifierTimexes(dated, text, lang), trig,
                        c.value("noun", false)));
  INFO("rule: " << rule);
  auto precision = ParsePrecision(c.at("precision").get<std::string>());
  REQUIRE(precision.ok());
  CHECK(FormatDate(d.start) == c.at("start").get<std::string>());
  CHECK(FormatDate(d.end) == c.at("end").get<std::string>());
  CHECK(d.precision == *precision);
  CHECK(rule == c.at("rule").get<std::string>());
}

TEST_CASE("EventDate: the table of tests/data/coder/event_dates.jsonl",
          "[coder][dates]") {
  CHECK(testing::ForEachCase(GEOTL_SOURCE_DIR
                             "/tests/data/coder/event_dates.jsonl",
                             Check) >= 17);
}

TEST_CASE("StoryDate: the lede's first calendar date", "[coder][dates]") {
  std::string text =
      "In den vergangenen Monaten wuchsen die Spannungen. Am Montag kam es "
      "zu Kämpfen.";
  auto all = Norm().Find(text, *ParseIsoDay("2020-05-14"), "de");
  auto dated = code::DatedTimexes(all);
  auto story = code::StoryDate(dated, Sentences(text));
  REQUIRE(story.has_value());  // the fuzzy span is skipped
  CHECK(FormatDate(story->start) == "2020-05-11");
  CHECK(story->text == "Montag");
  CHECK_FALSE(code::StoryDate(dated, {}).has_value());
}

}  // namespace
}  // namespace geotl
