// Golden test: the sample article of ../shared/samples (published
// 2013-11-04) yields the events of its README table, and nothing from the
// attributions or the footer.
#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <set>
#include <sstream>

#include "core/event_json.h"
#include "ingest/coder.h"
#include "tests/coder/shared_coder.h"
#include "tests/samples.h"

using namespace geotl;
using namespace geotl::core;
using namespace geotl::ingest;

namespace {

using testing::SharedCoder;

std::set<std::string> Countries(const std::vector<Actor>& v) {
  std::set<std::string> s;
  for (const auto& a : v) s.insert(a.country);
  return s;
}

Article Sample() {
  std::string dir = std::string(GEOTL_SHARED_DIR) + "/samples/";
  std::ifstream in(dir + "russland-japan-militaerkooperation.de.txt",
                   std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  Article a;
  a.id = "sample-de-russland-japan-2013";
  a.text = ss.str();
  a.published = Date(2013, 11, 4);
  a.language = "de";
  a.source = "sample";
  return a;
}

struct Row {
  std::set<std::string> types;
  std::set<std::string> actors;      // must all be actors
  std::set<std::string> recipients;  // must all be recipients
  std::string location;              // "" = none required
  EventStatus status;
};

const Event* Find(const std::vector<Event>& events, const Row& r) {
  for (const Event& e : events) {
    if (!r.types.count(e.type) || e.status != r.status) continue;
    auto a = Countries(e.actors), rc = Countries(e.recipients);
    std::set<std::string> both = a;
    both.insert(rc.begin(), rc.end());
    bool ok = true;
    for (const auto& c : r.actors)
      ok = ok && (a.count(c) || (r.recipients.empty() && both.count(c)));
    for (const auto& c : r.recipients) ok = ok && rc.count(c);
    if (!r.location.empty())
      ok = ok && e.location && e.location->name == r.location;
    if (ok) return &e;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("sample article yields the README events", "[coder][golden]") {
  GEOTL_SKIP_WITHOUT_SAMPLES();
  Article a = Sample();
  REQUIRE(!a.text.empty());
  std::vector<EventTrace> traces;
  auto events = SharedCoder()->Code(a, &traces);
  REQUIRE(events.size() == traces.size());
  const Row rows[] = {
      {{"AGREE", "COOPERATE"}, {"RUS", "JPN"}, {}, "", EventStatus::kOccurred},
      {{"CONSULT"}, {"RUS", "JPN"}, {}, "Tokyo", EventStatus::kOccurred},
      {{"COOPERATE"}, {"RUS", "JPN"}, {}, "", EventStatus::kPlanned},
      {{"COOPERATE"}, {"RUS", "JPN"}, {}, "", EventStatus::kOccurred},
      {{"STATEMENT", "SUPPORT"}, {"JPN"}, {}, "", EventStatus::kOccurred},
      {{"ACCUSE"}, {"RUS"}, {"JPN", "USA"}, "", EventStatus::kOccurred},
      {{"MOBILIZE"}, {"USA"}, {"JPN"}, "Kyoto", EventStatus::kPlanned},
      {{"ACCUSE"}, {"CHN"}, {"USA"}, "", EventStatus::kOccurred},
      {{"REJECT"}, {"PRK", "RUS", "CHN"}, {"USA"}, "", EventStatus::kOccurred},
      {{"SUPPORT"}, {"JPN", "KOR"}, {"USA"}, "", EventStatus::kOccurred},
  };
  for (const Row& r : rows) {
    INFO("expected " << *r.types.begin() << " by " << *r.actors.begin());
    CHECK(Find(events, r) != nullptr);
  }

  // Dates: the meeting on Saturday 2013-11-02, the radar announced in
  // October 2013 (a month), the exercises of the past months an approximate
  // interval ending at publication.
  const Event* meeting = Find(events, rows[1]);
  REQUIRE(meeting);
  CHECK(FormatDate(meeting->date.start) == "2013-11-02");
  CHECK(meeting->date.granularity == Granularity::kDay);
  CHECK(meeting->sources.size() == 2);  // "Treffen" + "kamen … zusammen"
  const Event* radar = Find(events, rows[6]);
  REQUIRE(radar);
  CHECK(FormatDate(radar->date.start) == "2013-10-01");
  CHECK(FormatDate(radar->date.end) == "2013-10-31");
  CHECK(radar->date.granularity == Granularity::kMonth);
  const Event* past = Find(events, rows[3]);
  REQUIRE(past);
  CHECK(past->date.precision == Precision::kApproximate);
  CHECK(FormatDate(past->date.end) == "2013-11-04");

  // The defence minister's dated role wins over the article's wording.
  const Event* concern = Find(events, rows[5]);
  REQUIRE(concern);
  bool shoigu = false;
  for (const Actor& x : concern->actors)
    shoigu = shoigu || (x.kind == ActorKind::kPerson && x.sector == "MIL");
  CHECK(shoigu);

  for (const Event& e : events) {
    INFO(ToJsonLine(e));
    // Provenance: article id verbatim, offsets mark the quoted sentence.
    for (const Source& s : e.sources) {
      CHECK(s.article == "sample-de-russland-japan-2013");
      CHECK(a.text.substr(s.start, s.end - s.start) == s.quote);
      CHECK(s.published == "2013-11-04");
      // Nothing from the footer or the empty captions; Taiwan's advantage
      // is a claim inside China's view.
      CHECK(s.quote.find("Kommentar") == std::string::npos);
      CHECK(s.quote.find("E-Mail") == std::string::npos);
      CHECK(s.quote.find("Reaktion auf") == std::string::npos);
      CHECK(s.quote.find("Taiwan") == std::string::npos);
    }
    // Attributions are not actors.
    for (const auto* v : {&e.actors, &e.recipients})
      for (const Actor& x : *v) {
        CHECK(x.text.find("Business Insider") == std::string::npos);
        CHECK(x.text.find("Star Online") == std::string::npos);
        CHECK(x.text.find("Novosti") == std::string::npos);
      }
    CHECK(e.id.rfind("e-", 0) == 0);
    CHECK(e.language == "de");
    CHECK(e.confidence > 0.0);
    CHECK(e.confidence <= 1.0);
  }
  // Wrong readings the README lists: fighting pirates together is no clash
  // between Russia and Japan, and the USA is no party to the talks.
  for (const Event& e : events) {
    INFO(ToJsonLine(e));
    std::set<std::string> parties = Countries(e.actors);
    for (const auto& c : Countries(e.recipients)) parties.insert(c);
    if (e.type == "ASSAULT" || e.type == "COERCE" || e.type == "THREATEN")
      CHECK(!(parties.count("RUS") && parties.count("JPN")));
    if (e.type == "CONSULT") CHECK(!parties.count("USA"));
  }

  // Deterministic: the same article gives the same ids and bytes.
  auto again = SharedCoder()->Code(a);
  REQUIRE(again.size() == events.size());
  for (size_t i = 0; i < events.size(); ++i)
    CHECK(ToJsonLine(again[i]) == ToJsonLine(events[i]));
}

TEST_CASE("an undated event gets the publication day, unresolved", "[coder]") {
  Article a;
  a.id = "t-undated";
  a.text = "Russland kritisierte Japan.";
  a.published = Date(2013, 11, 4);
  a.language = "de";
  auto events = SharedCoder()->Code(a);
  REQUIRE(events.size() == 1);
  CHECK(events[0].type == "ACCUSE");
  CHECK(FormatDate(events[0].date.start) == "2013-11-04");
  CHECK(events[0].date.precision == Precision::kUnresolved);
}

TEST_CASE("incident reports that open with their day date their events",
          "[coder]") {
  Article a;
  a.id = "t-dated-lede";
  a.text =
      "On 9 May 2020, Israeli aircraft bombed targets in Gaza.\n"
      "Hamas fired rockets at Israel.";
  a.published = Date(2020, 5, 11);
  a.language = "en";
  auto events = SharedCoder()->Code(a);
  REQUIRE(events.size() >= 2);
  for (const Event& e : events) CHECK(FormatDate(e.date.start) == "2020-05-09");
}
