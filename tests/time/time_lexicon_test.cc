// The time lexicons load, validate against schemas/lexicon-time.schema.json,
// and bad files give error values.
#include "ingest/time/time_lexicon.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <string>

#include "ingest/time/timex.h"

using namespace geotl::ingest;
using namespace geotl::ingest::time;

namespace geotl {
namespace {

TEST_CASE("time lexicons load and hold the regional forms", "[time]") {
  auto de = TimeLexicon::Load(GEOTL_SOURCE_DIR "/lexicons/de/time.json");
  REQUIRE(de.ok());
  CHECK(de->months.at("jänner") == 1);
  CHECK(de->months.at("feber") == 2);
  CHECK(de->starters.count("heuer"));
  auto en = TimeLexicon::Load(GEOTL_SOURCE_DIR "/lexicons/en/time.json");
  REQUIRE(en.ok());
  CHECK(en->weekdays.at("sunday") == 7);
}

TEST_CASE("time lexicons validate against the schema", "[time]") {
  std::string cmd =
      "/usr/bin/python3 -c \"import json,jsonschema,sys; "
      "s=json.load(open('" GEOTL_SOURCE_DIR
      "/schemas/lexicon-time.schema.json')); "
      "[jsonschema.validate(json.load(open('" GEOTL_SOURCE_DIR
      "/lexicons/'+l+'/time.json')),s) for l in ('de','en')]\"";
  CHECK(std::system(cmd.c_str()) == 0);
  std::string cal =
      "/usr/bin/python3 -c \"import json,jsonschema,sys; "
      "s=json.load(open('" GEOTL_SOURCE_DIR
      "/schemas/lexicon-time-calendar.schema.json')); "
      "[jsonschema.validate(json.load(open('" GEOTL_SOURCE_DIR
      "/lexicons/'+l+'/time_calendar.json')),s) for l in ('de','en')]\"";
  CHECK(std::system(cal.c_str()) == 0);
}

TEST_CASE("time_calendar.json: movable feasts and unit parts", "[time]") {
  auto de = TimeLexicon::Load(GEOTL_SOURCE_DIR "/lexicons/de/time.json");
  REQUIRE(de.ok());
  CHECK(de->starters.count("ostern"));
  CHECK(de->starters.count("jahresende"));
  auto en = TimeLexicon::Load(GEOTL_SOURCE_DIR "/lexicons/en/time.json");
  REQUIRE(en.ok());
  bool found = false;
  for (const auto& ph : en->phrases.at("thanksgiving"))
    found = found || (ph.kind == "movable" && ph.value == "11/4/4");
  CHECK(found);
  // The sibling file is validated too: a bad one makes the load fail.
  std::string dir = "/tmp/geotl_time_calendar_test";
  std::system(("mkdir -p " + dir).c_str());
  std::ofstream(dir + "/time.json") << "{\"language\": \"en\"}";
  CHECK(TimeLexicon::Load(dir + "/time.json").ok());  // no sibling: fine
  for (const char* body : {"[]", "{\"movable_holidays\": 3}",
                           "{\"movable_holidays\": {\"easter\": 1}}",
                           "{\"unit_parts\": {\"year - end\": \"Y\"}}"}) {
    std::ofstream(dir + "/time_calendar.json") << body;
    CHECK_FALSE(TimeLexicon::Load(dir + "/time.json").ok());
  }
  std::ofstream(dir + "/time_calendar.json")
      << "{\"movable_holidays\": {\"easter\": \"E+0\"}}";
  CHECK(TimeLexicon::Load(dir + "/time.json").ok());
}

TEST_CASE("bad time lexicons are errors, not crashes", "[time]") {
  std::string path = "/tmp/geotl_time_lexicon_test.json";
  for (const char* body : {"", "[]", "{\"months\": {\"jan\": \"x\"}}",
                           "{\"units\": [1, 2]}", "{\"months\": 3}"}) {
    std::ofstream(path) << body;
    CHECK_FALSE(TimeLexicon::Load(path).ok());
  }
  CHECK_FALSE(TimeLexicon::Load("/nonexistent/time.json").ok());
  CHECK_FALSE(TimeNormalizer::Load("/nonexistent-dir").ok());
}

}  // namespace
}  // namespace geotl
