#include "timeline/brief.h"

#include <catch2/catch.hpp>

#include "tests/fixtures.h"
#include "timeline/brief_phrases.h"

using namespace geotl;
using namespace geotl::testing;
using namespace geotl::core;

namespace {

Event MakeEvent(const std::string& id, const std::string& type, DateRange d) {
  Event e;
  e.id = id;
  e.type = type;
  e.date = d;
  e.language = "en";
  e.sources.push_back({"a-1", "https://example.org/x", "Example Post",
                       "2013-11-04", 0, 0, 10, "q"});
  e.first_reported = "2013-11-04";
  return e;
}

Actor Country(const std::string& c) {
  return {c, c, c, c, "", ActorKind::kCountry};
}

}  // namespace

TEST_CASE("dates are shown as precisely as they are known",
          "[knowledge][brief]") {
  using P = Precision;
  Date d(2013, 11, 2);
  CHECK(timeline::DateText(DateRange::Day(d), "", "en") == "2 November 2013");
  CHECK(timeline::DateText(DateRange::Day(d), "", "de") == "2. November 2013");
  CHECK(timeline::DateText(DateRange::Day(d, P::kApproximate), "", "en") ==
        "Around 2 November 2013");
  CHECK(timeline::DateText(DateRange::Day(d, P::kApproximate), "", "de") ==
        "Etwa 2. November 2013");
  CHECK(timeline::DateText(DateRange::Month(2013, 10), "", "en") ==
        "October 2013");
  CHECK(timeline::DateText(DateRange::Month(2013, 10), "", "de") ==
        "Oktober 2013");
  CHECK(timeline::DateText(DateRange::Year(2013), "", "en") == "2013");
  CHECK(timeline::DateText(DateRange::Day(d, P::kUnresolved), "2013-11-04",
                           "en") == "Date unclear (reported 4 November 2013)");
  CHECK(timeline::DateText(DateRange::Day(d, P::kUnresolved), "2013-11-04",
                           "de") ==
        "Datum unklar (gemeldet am 4. November 2013)");
  DateRange span{Date(2013, 10, 28), Date(2013, 11, 2), Granularity::kInterval,
                 P::kExact, ""};
  CHECK(timeline::DateText(span, "", "en") == "28 October – 2 November 2013");
  CHECK(timeline::DateText(span, "", "de") == "28. Oktober – 2. November 2013");
  DateRange q{Date(2013, 10, 1), Date(2013, 12, 31), Granularity::kQuarter,
              P::kExact, ""};
  CHECK(timeline::DateText(q, "", "en") == "Q4 2013");
  CHECK(timeline::DateText(q, "", "de") == "4. Quartal 2013");
  CHECK(timeline::DayText(d, "en", true) == "2 Nov 2013");
  CHECK(timeline::DayText(d, "de", true) == "2. Nov. 2013");
}

TEST_CASE("an event line says who did what to whom, where",
          "[knowledge][brief]") {
  Event e = MakeEvent("e1", "ACCUSE", DateRange::Day(Date(2013, 11, 2)));
  e.label = "criticism";
  e.actors = {
      {"Schoigu", "Sergei Shoigu", "RUSMIL", "RUS", "MIL", ActorKind::kPerson},
      Country("RUS")};
  e.recipients = {Country("JPN"), Country("USA")};
  CHECK(timeline::EventLine(e, "en") ==
        "Criticism: Sergei Shoigu (Russia) → Japan and United States");
  CHECK(timeline::EventLine(e, "de") ==
        "Kritik: Sergei Shoigu (Russland) → Japan und Vereinigte Staaten");
  Event m = MakeEvent("e2", "CONSULT", DateRange::Day(Date(2013, 11, 2)));
  m.label = "meeting";
  m.status = EventStatus::kPlanned;
  m.actors = {Country("RUS")};
  m.recipients = {Country("JPN")};
  Place tokyo;
  tokyo.text = "Tokio";
  tokyo.name = "Tokyo";
  tokyo.country = "JPN";
  tokyo.precision = PlacePrecision::kCity;
  m.location = tokyo;
  CHECK(timeline::EventLine(m, "en") ==
        "Meeting (planned): Russia and Japan in Tokyo");
  m.language = "de";
  CHECK(timeline::EventLine(m, "de") ==
        "Treffen (geplant): Russland und Japan in Tokio");
}

TEST_CASE("events sharing actors nest under a thread, days stay in order",
          "[knowledge][brief]") {
  std::vector<Event> ev;
  ev.push_back(MakeEvent("b", "CONSULT", DateRange::Day(Date(2013, 11, 3))));
  ev.push_back(MakeEvent("a", "AGREE", DateRange::Day(Date(2013, 11, 2))));
  ev.push_back(MakeEvent("c", "ASSAULT", DateRange::Day(Date(2013, 11, 2))));
  ev[0].actors = {Country("RUS"), Country("JPN")};
  ev[1].actors = {Country("JPN")};
  ev[1].recipients = {Country("RUS")};
  ev[2].actors = {Country("SYR")};
  timeline::BriefOptions o;
  o.format = timeline::BriefFormat::kText;
  std::string t = timeline::RenderBrief(ev, o);
  auto p2 = t.find("\n2 November 2013\n"), p3 = t.find("\n3 November 2013\n");
  REQUIRE(p2 != std::string::npos);
  REQUIRE(p3 != std::string::npos);
  CHECK(p2 < p3);
  CHECK(t.find("  Japan · Russia (ongoing, 2 events)\n    - Agreement: Japan "
               "and Russia") != std::string::npos);
  CHECK(t.find("  - Attack: Syria — Source: Example Post, 4 Nov 2013 "
               "<https://example.org/x>") != std::string::npos);
}

TEST_CASE("HTML briefing is standalone and escapes everything",
          "[knowledge][brief]") {
  Event e = MakeEvent("e<1>", "PROTEST", DateRange::Day(Date(2013, 11, 2)));
  e.actors = {{"<script>alert(1)</script>", "<script>alert(1)</script>", "X",
               "", "", ActorKind::kGroup}};
  e.sources[0].url = "javascript:alert(1)";
  e.sources[0].publisher = "A & B \"News\"";
  timeline::BriefOptions o;
  o.format = timeline::BriefFormat::kHtml;
  o.filter = {{"text", "<b>"}};
  std::string h = timeline::RenderBrief({e}, o);
  CHECK(h.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(h.find("<meta charset=\"utf-8\">") != std::string::npos);
  CHECK(h.find("@media print") != std::string::npos);
  CHECK(h.find("<script>") == std::string::npos);
  CHECK(h.find("&lt;script&gt;") != std::string::npos);
  CHECK(h.find("javascript:") == std::string::npos);
  CHECK(h.find("A &amp; B &quot;News&quot;") != std::string::npos);
  CHECK(h.find("<b>") == std::string::npos);
  CHECK(h.find("</html>") != std::string::npos);
}

TEST_CASE("Markdown escapes characters that would change the markup",
          "[knowledge][brief]") {
  Event e = MakeEvent("e1", "PROTEST", DateRange::Day(Date(2013, 11, 2)));
  e.actors = {
      {"*bold* [x](y)", "*bold* [x](y)", "X", "", "", ActorKind::kGroup}};
  std::string m = timeline::RenderBrief({e}, timeline::BriefOptions{});
  CHECK(m.find("\\*bold\\* \\[x\\](y)") != std::string::npos);
  CHECK(m.find("[Example Post](https://example.org/x)") != std::string::npos);
}

TEST_CASE("the title names the filter in the output language",
          "[knowledge][brief]") {
  timeline::BriefOptions o;
  o.filter = {{"actor", "RUS"},
              {"region", "030"},
              {"from", "2013-10"},
              {"type", "CONSULT"}};
  CHECK(timeline::BriefTitle(o) ==
        "Briefing: actor Russia, region Eastern Asia, from 2013-10, type "
        "meeting");
  o.lang = "de";
  CHECK(BriefTitle(o) ==
        "Lagebericht: Akteur Russland, Region Ostasien, von 2013-10, Typ "
        "Treffen");
  o.filter.clear();
  CHECK(BriefTitle(o) == "Lagebericht: alle Ereignisse");
}

TEST_CASE("the change summary compares with the previous period",
          "[knowledge][brief]") {
  std::vector<Event> cur, prev;
  for (int i = 0; i < 3; ++i)
    cur.push_back(MakeEvent("c" + std::to_string(i), "CONSULT",
                            DateRange::Day(Date(2013, 11, 5))));
  cur.push_back(MakeEvent("c9", "ASSAULT", DateRange::Day(Date(2013, 11, 5))));
  prev.push_back(
      MakeEvent("p1", "ASSAULT", DateRange::Day(Date(2013, 10, 30))));
  prev.push_back(
      MakeEvent("p2", "ASSAULT", DateRange::Day(Date(2013, 10, 30))));
  prev.push_back(
      MakeEvent("p3", "CONSULT", DateRange::Day(Date(2013, 10, 30))));
  timeline::BriefChanges c = timeline::CompareWithPrevious(
      cur, prev, Date(2013, 11, 4), Date(2013, 11, 10), Date(2013, 10, 28),
      Date(2013, 11, 3));
  CHECK(c.current_total == 4);
  CHECK(c.previous_total == 3);
  REQUIRE(c.by_type.size() == 2);
  CHECK(std::get<0>(c.by_type[0]) == "CONSULT");
  timeline::BriefOptions o;
  o.format = timeline::BriefFormat::kText;
  o.changes = c;
  std::string t = timeline::RenderBrief(cur, o);
  CHECK(t.find("Change from the previous period (previous period: 28 October – "
               "3 November 2013)") != std::string::npos);
  CHECK(t.find("4 events vs 3 (+1)") != std::string::npos);
  CHECK(t.find("More: meeting +2") != std::string::npos);
  CHECK(t.find("Fewer: attack −1") != std::string::npos);
}

TEST_CASE("briefing of the hand-written sample events (golden)",
          "[knowledge][brief][golden]") {
  auto ev = ReadEvents(DataPath("knowledge/sample_events_handwritten.ndjson"));
  REQUIRE(ev.size() == 10);
  for (const char* lang : {"en", "de"})
    for (auto [fmt, ext] : {std::pair{timeline::BriefFormat::kMarkdown, "md"},
                            std::pair{timeline::BriefFormat::kHtml, "html"},
                            std::pair{timeline::BriefFormat::kText, "txt"}}) {
      timeline::BriefOptions o;
      o.format = fmt;
      o.lang = lang;
      o.filter = {{"actor", "JPN"}};
      CheckGolden(
          std::string("knowledge/golden/handwritten.") + lang + "." + ext,
          timeline::RenderBrief(ev, o));
    }
}
