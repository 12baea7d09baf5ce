// The article-level stages around the sentence coder: the home country of
// parties and offices named without one, the gate (an event needs an actor
// or a named place), the topic model and the calibrated confidence model.
// Article cases are data: tests/data/coder/article_cases.jsonl.
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "core/date_range.h"
#include "ingest/code/confidence.h"
#include "ingest/code/topic_model.h"
#include "ingest/coder.h"
#include "tests/coder/shared_coder.h"

using namespace geotl;
using namespace geotl::core;
using namespace geotl::ingest;

namespace {

using testing::SharedCoder;

std::multiset<std::string> Codes(const std::vector<Actor>& v) {
  std::multiset<std::string> s;
  for (const Actor& a : v) s.insert(a.code);
  return s;
}

std::multiset<std::string> Codes(const nlohmann::json& v) {
  std::multiset<std::string> s;
  for (const auto& c : v) s.insert(c.get<std::string>());
  return s;
}

}  // namespace

TEST_CASE("article cases: home country and the gate", "[coder][article]") {
  std::ifstream in(std::string(GEOTL_TEST_DATA) + "/coder/article_cases.jsonl");
  REQUIRE(in);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    auto c = nlohmann::json::parse(line);
    ++n;
    INFO(c["name"].get<std::string>());
    Article a;
    a.id = "case-" + std::to_string(n);
    a.text = c["article"]["text"];
    a.language = c["article"]["language"];
    a.source = c["article"]["source"];
    // "published": the day the roles of named persons are read as of.
    a.published = Date(2016, 1, 15);
    if (c["article"].contains("published")) {
      auto day = ParseIsoDay(c["article"]["published"].get<std::string>());
      REQUIRE(day.ok());
      a.published = *day;
    }
    std::vector<PlaceReading> places;
    auto events = SharedCoder()->Code(a, nullptr, &places);
    // "not_place_countries": no place the coder reads, and no event's place,
    // lies in these countries.
    for (const auto& c :
         c.value("not_place_countries", nlohmann::json::array())) {
      INFO("no place in " << c.get<std::string>());
      for (const PlaceReading& r : places) CHECK(r.place.country != c);
      for (const Event& e : events)
        CHECK((!e.location || e.location->country != c));
    }
    // "not_place_text": words of the article no event's place is.
    for (const auto& t : c.value("not_place_text", nlohmann::json::array())) {
      INFO("no place named " << t.get<std::string>());
      for (const Event& e : events)
        CHECK((!e.location || e.location->text != t.get<std::string>()));
    }
    // "absent": types the article must not yield (an act told again).
    for (const auto& type : c.value("absent", nlohmann::json::array())) {
      int n_type = 0;
      for (const Event& e : events) n_type += e.type == type;
      INFO("absent " << type.get<std::string>());
      CHECK(n_type == 0);
    }
    if (c["expect"].empty()) {
      for (const Event& e : events) {
        INFO("unexpected " << e.type << " " << e.summary);
        CHECK(e.actors.empty());
        CHECK((e.location && !e.location->text.empty()));
      }
      if (c["name"].get<std::string>().find("no event") != std::string::npos)
        CHECK(events.empty());
      continue;
    }
    for (const auto& want : c["expect"]) {
      // "count": how many events match (one act told twice is one event;
      // two acts are two); without it, at least one.
      int found = 0;
      for (const Event& e : events)
        found +=
            (e.type == want["type"] &&
             Codes(e.actors) == Codes(want["actors"]) &&
             (!want.contains("recipients") ||
              Codes(e.recipients) == Codes(want["recipients"])) &&
             (!want.contains("status") ||
              ToString(e.status) == want["status"]) &&
             // "place": the English name of the event's place
             (!want.contains("place") ||
              (e.location && e.location->name == want["place"])) &&
             // "place_country": its country (alpha-3)
             (!want.contains("place_country") ||
              (e.location && e.location->country == want["place_country"])) &&
             // "place_text": the words of the article that name it
             (!want.contains("place_text") ||
              (e.location && e.location->text == want["place_text"])));
      INFO("expected " << want.dump());
      for (const Event& e : events)
        INFO("got " << e.type << " " << ToString(e.status) << " " << e.summary
                    << " at "
                    << (e.location ? e.location->name : std::string("-")));
      if (want.contains("count"))
        CHECK(found == want["count"].get<int>());
      else
        CHECK(found > 0);
    }
  }
  CHECK(n >= 8);
}

TEST_CASE("topic model: folded words of three letters, mean weight",
          "[coder][topic]") {
  auto m = code::TopicModel::FromJson(
      R"({"prior": -1, "scale": 10, "weights": {"regierung": 1, "tor": -1,
         "äußerte": 0.5}})");
  REQUIRE(m.ok());
  // 5 words ("ab" is too short): regierung +1, Tor -1, ÄUßERTE folds to
  // äußerte +0.5, die and kritik 0 -> mean 0.1 -> -1 + 10 * 0.1.
  CHECK((*m)->Score("Die Regierung ab Tor ÄUßERTE Kritik") ==
        Approx(-1 + 10 * 0.5 / 5));
  CHECK((*m)->Score("") == Approx(-1));
  CHECK(!code::TopicModel::FromJson(R"({"weights": {"a": "x"}})").ok());
  CHECK(!code::TopicModel::FromJson("[]").ok());
}

TEST_CASE("confidence model: logistic over named features",
          "[coder][confidence]") {
  auto m = code::ConfidenceModel::FromJson(
      R"({"bias": -1, "weights": {"actor": 2, "topic": 0.5},
         "type_weights": {"SUPPORT": -1.5}})");
  REQUIRE(m.ok());
  code::EventFeatures f;
  CHECK((*m)->Predict(f, "ACCUSE") == Approx(1 / (1 + std::exp(1.0))));
  f.value[code::kFeatActor] = 1;
  f.value[code::kFeatTopic] = 2;
  CHECK((*m)->Predict(f, "ACCUSE") == Approx(1 / (1 + std::exp(-2.0))));
  // A type's own offset: -1 + 2 + 1 - 1.5.
  CHECK((*m)->Predict(f, "SUPPORT") == Approx(1 / (1 + std::exp(-0.5))));
  CHECK(!code::ConfidenceModel::FromJson(R"({"weights": {"nope": 1}})").ok());
  CHECK(!code::ConfidenceModel::FromJson(
             R"({"weights": {}, "type_weights": {"AGREE": "x"}})")
             .ok());
  for (int i = 0; i < code::kFeatCount; ++i)
    CHECK(!code::FeatureName(i).empty());
}

TEST_CASE("explain traces carry the confidence model's features",
          "[coder][confidence]") {
  Article a;
  a.id = "t-features";
  a.text = "Russland kritisierte Japan.";
  a.published = Date(2013, 11, 4);
  a.language = "de";
  std::vector<EventTrace> traces;
  auto events = SharedCoder()->Code(a, &traces);
  REQUIRE(events.size() == 1);
  REQUIRE(traces.size() == 1);
  REQUIRE(traces[0].features.size() == code::kFeatCount);
  CHECK(traces[0].features[code::kFeatActor].first == "actor");
  CHECK(traces[0].features[code::kFeatActor].second == 1.0);
}
