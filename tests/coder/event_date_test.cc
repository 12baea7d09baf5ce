// Table-driven tests of event dating (ingest/code/event_date): the date of
// an event comes from its own clause or sentence, else from the story's
// lede date while no other date intervened, else from the sentence just
// before, else the publication day (unresolved). German and English texts
// written for these tests, year boundaries and a leap day included.
#include "ingest/code/event_date.h"

#include <catch2/catch.hpp>
#include <string>
#include <utility>
#include <vector>

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

struct Case {
  const char* name;
  const char* lang;
  const char* dct;
  const char* text;
  const char* trigger;  // first occurrence marks the event
  const char* start;
  const char* end;
  Precision precision;
  const char* rule;
  bool noun = false;  // the trigger is a noun
};

void Check(const Case& c) {
  INFO(c.name << ": " << c.text);
  std::string text = c.text;
  Date dct = *ParseIsoDay(c.dct);
  std::vector<Timex> all = Norm().Find(text, dct, c.lang);
  std::vector<const Timex*> dated = code::DatedTimexes(all);
  auto sentences = Sentences(text);
  std::vector<std::pair<size_t, size_t>> lede(
      sentences.begin(),
      sentences.begin() + std::min<size_t>(3, sentences.size()));
  auto story = code::StoryDate(dated, lede);
  size_t trig = text.find(c.trigger);
  REQUIRE(trig != std::string::npos);
  std::pair<size_t, size_t> sent{0, text.size()};
  for (const auto& s : sentences)
    if (s.first <= trig && trig < s.second) sent = s;
  std::string rule;
  DateRange d = code::EventDate(
      dated, trig, sent.first, sent.second, sent.first, sent.second, story, dct,
      &rule, false,
      code::ModifiersOf(code::NounModifierTimexes(dated, text, c.lang), trig,
                        c.noun));
  INFO("rule: " << rule);
  CHECK(FormatDate(d.start) == c.start);
  CHECK(FormatDate(d.end) == c.end);
  CHECK(d.precision == c.precision);
  CHECK(rule == c.rule);
}

TEST_CASE("EventDate: incident reports dated by their opening day",
          "[coder][dates]") {
  const Case cases[] = {
      {"en lede, event in the lede", "en", "2020-05-12",
       "On 9 May 2020, gunmen attacked a village near the border. Police "
       "arrested three suspects.",
       "attacked", "2020-05-09", "2020-05-09", Precision::kExact,
       "date from its clause"},
      {"en lede, later sentence without a date", "en", "2020-05-12",
       "On 9 May 2020, gunmen attacked a village near the border. Police "
       "arrested three suspects.",
       "arrested", "2020-05-09", "2020-05-09", Precision::kApproximate,
       "date = story reference date"},
      {"de Am Montag, later sentence", "de", "2020-05-14",
       "Am Montag griffen Rebellen ein Dorf im Norden an. Die Polizei nahm "
       "drei Verdächtige fest.",
       "nahm", "2020-05-11", "2020-05-11", Precision::kApproximate,
       "date = story reference date"},
      {"de Am Montag, event in the lede", "de", "2020-05-14",
       "Am Montag griffen Rebellen ein Dorf im Norden an. Die Polizei nahm "
       "drei Verdächtige fest.",
       "griffen", "2020-05-11", "2020-05-11", Precision::kExact,
       "date from its clause"},
      {"en a date modifying a noun does not date another act", "en",
       "2016-07-05",
       "On 2 July 2016, teachers protested over the payment of June salaries.",
       "protested", "2016-07-02", "2016-07-02", Precision::kExact,
       "date from its clause"},
      {"en the 2011 coup dates the coup, not the protest", "en", "2016-07-05",
       "Former soldiers who took part in the 2011 coup protested on Monday.",
       "protested", "2016-07-04", "2016-07-04", Precision::kExact,
       "date from its clause"},
      {"en a date modifying an event noun dates it", "en", "1998-08-18",
       "Officials hoped for aid after the August 7 bombings of the embassies.",
       "bombings", "1998-08-07", "1998-08-07", Precision::kExact,
       "date from its clause", true},
      {"en own date beats the lede", "en", "2020-05-12",
       "On 9 May 2020, gunmen attacked a village. On Sunday, troops "
       "arrived in the area.",
       "arrived", "2020-05-10", "2020-05-10", Precision::kExact,
       "date from its clause"},
      {"de year boundary: lede in December seen from January", "de",
       "2014-01-03",
       "Am 30. Dezember stürmten Soldaten das Parlament. Die Regierung "
       "verurteilte den Angriff.",
       "verurteilte", "2013-12-30", "2013-12-30", Precision::kApproximate,
       "date = story reference date"},
      {"en leap day", "en", "2016-03-02",
       "On 29 February, the ministers met in Tokyo. They signed an "
       "agreement.",
       "signed", "2016-02-29", "2016-02-29", Precision::kApproximate,
       "date = story reference date"},
  };
  for (const auto& c : cases) Check(c);
}

TEST_CASE("EventDate: the lede date yields to other date contexts",
          "[coder][dates]") {
  const Case cases[] = {
      {"en a coarser background date intervenes", "en", "2020-05-12",
       "On 9 May 2020, gunmen attacked a village. In April, troops had "
       "deployed to the region. Officials criticised the deployment.",
       "criticised", "2020-05-12", "2020-05-12", Precision::kUnresolved,
       "date = publication day (unresolved)"},
      {"de the previous sentence dates the next (sample article)", "de",
       "2013-11-04",
       "Russland und Japan beschließen Zusammenarbeit. Beide Länder wollen "
       "die Region sichern. Russland ist unzufrieden. Japan und Russland "
       "möchten die Zusammenarbeit vertiefen. Dazu fand "
       "am vergangenen Samstag ein Treffen in Tokio statt. Es kamen die "
       "Außen- und Verteidigungsminister beider Länder zusammen.",
       "kamen", "2013-11-02", "2013-11-02", Precision::kApproximate,
       "date from the previous sentence"},
      {"de coarse stays coarse (sample article)", "de", "2013-11-04",
       "Doch Russlands Minister ist skeptisch. Im Oktober hatten die USA "
       "bekanntgegeben, ein Radar in Kyoto zu stationieren.",
       "stationieren", "2013-10-01", "2013-10-31", Precision::kExact,
       "date from its clause"},
      {"de the meeting of the sample article", "de", "2013-11-04",
       "Japan und Russland möchten die Zusammenarbeit vertiefen. Dazu fand "
       "am vergangenen Samstag ein Treffen in Tokio statt.",
       "Treffen", "2013-11-02", "2013-11-02", Precision::kExact,
       "date from its clause"},
      {"en far from any date", "en", "2020-05-12",
       "The army has new orders. Patrols are busy. The ministry spoke. "
       "Troops were deployed last Friday, officials said. The deployment "
       "is one of many steps that the government, the army and several "
       "allied militias have taken over the years to secure the long and "
       "porous border region, where smuggling, kidnapping and attacks on "
       "villages have been reported by residents and aid workers, and "
       "where the state has only a thin presence outside the few towns "
       "along the main road. Critics condemned the plan.",
       "condemned", "2020-05-12", "2020-05-12", Precision::kUnresolved,
       "date = publication day (unresolved)"},
      {"en no date at all", "en", "2020-05-12",
       "Rebels attacked a convoy. The army responded.", "responded",
       "2020-05-12", "2020-05-12", Precision::kUnresolved,
       "date = publication day (unresolved)"},
      {"en a later lede-date mention keeps the story", "en", "2020-05-12",
       "On 9 May 2020, gunmen attacked a village. Witnesses said the "
       "attack on 9 May 2020 lasted hours. Police arrested two men.",
       "arrested", "2020-05-09", "2020-05-09", Precision::kApproximate,
       "date = story reference date"},
  };
  for (const auto& c : cases) Check(c);
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
