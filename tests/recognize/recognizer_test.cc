// Recognisers, table-driven in German and English: countries (names,
// genitives, inflected adjectives, demonyms, metonyms, historical names),
// role nouns, persons with dated roles, organisations, groups, places with
// disambiguation, and a user lexicon from the PETRARCH importer.
#include "ingest/recognizer.h"

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/petrarch_import.h"

using namespace geotl::core;
using namespace geotl::ingest;

namespace geotl {
namespace {

std::shared_ptr<const Recognizer> Shared() {
  static std::shared_ptr<const Recognizer> rec = [] {
    auto r = Recognizer::Load({});  // only the shipped lexicons
    REQUIRE(r.ok());
    return *r;
  }();
  return rec;
}

std::vector<Mention> FindAll(const Recognizer& rec, const std::string& text,
                             const std::string& lang, Date as_of) {
  Sentence s{0, text.size()};
  return rec.Find(text, s, lang, as_of);
}

struct Case {
  const char* lang;
  const char* text;
  const char* span;  // expected mention text
  const char* code;  // expected actor code ("" = no actor)
  MentionKind kind;
  const char* date = "2013-11-04";
};

void Check(const Recognizer& rec, const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    std::string text = c.text;
    auto ms = FindAll(rec, text, c.lang, *ParseIsoDay(c.date));
    std::string got;
    bool found = false;
    for (const Mention& m : ms) {
      std::string span = text.substr(m.start, m.end - m.start);
      got += "[" + span + " " + (m.actor ? m.actor->code : "-") + "] ";
      if (span == c.span && m.kind == c.kind &&
          (m.actor ? m.actor->code : std::string()) == c.code)
        found = true;
    }
    INFO(c.lang << ": " << c.text << " @" << c.date << " -> " << got);
    CHECK(found);
  }
}

TEST_CASE("countries: names, genitives, adjectives, demonyms, metonyms",
          "[recognize]") {
  Check(*Shared(),
        {
            {"de", "Russland und Japan beschließen eine Kooperation.",
             "Russland", "RUS", MentionKind::kCountry},
            {"de", "Die Bestrebungen Chinas und Nordkoreas wachsen.",
             "Nordkoreas", "PRK", MentionKind::kCountry},
            {"de", "Das ist ein Eckpfeiler der japanischen Politik.",
             "japanischen", "JPN", MentionKind::kCountry},
            {"de", "Ein japanisches Schiff lief aus.", "japanisches", "JPN",
             MentionKind::kCountry},
            {"de", "Mit dem US-Raketenabwehr-Schirm ist Russland unzufrieden.",
             "US", "USA", MentionKind::kCountry},
            {"de", "Der Kreml reagierte gereizt.", "Kreml", "RUSGOV",
             MentionKind::kCountry},
            {"de", "Die Russen sind besorgt.", "Russen", "RUS",
             MentionKind::kCountry},
            {"de", "Die Sowjetunion zerfiel.", "Sowjetunion", "RUS",
             MentionKind::kCountry},
            {"de", "Peking protestierte scharf.", "Peking", "CHNGOV",
             MentionKind::kPlace},
            {"de", "Moskau wies das zurück.", "Moskau", "RUSGOV",
             MentionKind::kPlace},
            {"en", "Washington warned Moscow on Friday.", "Washington",
             "USAGOV", MentionKind::kPlace},
            {"en", "Washington warned Moscow on Friday.", "Moscow", "RUSGOV",
             MentionKind::kPlace},
            {"en", "The Kremlin denied it.", "Kremlin", "RUSGOV",
             MentionKind::kCountry},
            {"en", "The Pentagon sent ships.", "Pentagon", "USAMIL",
             MentionKind::kCountry},
            {"en", "Senior Hungarian officials agreed.", "Hungarian officials",
             "HUNGOV", MentionKind::kRole},
            {"en", "Burma released prisoners.", "Burma", "MMR",
             MentionKind::kCountry},
            {"en", "The U.S. and Jordan signed a pact.", "U.S", "USA",
             MentionKind::kCountry},
            {"en", "Israelis and Palestinians met.", "Palestinians", "PSE",
             MentionKind::kCountry},
        });
}

TEST_CASE("role nouns make actors with a country", "[recognize]") {
  Check(*Shared(),
        {
            {"de", "Japans Außenminister reiste ab.", "Japans Außenminister",
             "JPNGOV", MentionKind::kRole},
            {"de", "Der russische Verteidigungsminister kam.",
             "russische Verteidigungsminister", "RUSMIL", MentionKind::kRole},
            {"de", "Malische Soldaten griffen an.", "Malische Soldaten",
             "MLIMIL", MentionKind::kRole},
            {"de", "Die israelische Armee rückte vor.", "israelische Armee",
             "ISRMIL", MentionKind::kRole},
            {"de", "Die Regierung Japans widersprach.", "Regierung Japans",
             "JPNGOV", MentionKind::kRole},
            {"de", "Der NATO-Generalsekretär sprach.", "NATO-Generalsekretär",
             "NATOGOV", MentionKind::kRole},
            {"en", "Japan's foreign minister arrived.",
             "Japan's foreign minister", "JPNGOV", MentionKind::kRole},
            {"en", "The Russian defence minister spoke.",
             "Russian defence minister", "RUSMIL", MentionKind::kRole},
            {"en", "Malian soldiers attacked the town.", "Malian soldiers",
             "MLIMIL", MentionKind::kRole},
            {"en", "The Israeli army moved in.", "Israeli army", "ISRMIL",
             MentionKind::kRole},
            {"en", "The foreign minister of Japan left.",
             "foreign minister of Japan", "JPNGOV", MentionKind::kRole},
            {"en", "Egyptian police arrested him.", "Egyptian police", "EGYCOP",
             MentionKind::kRole},
            {"en", "UN peacekeepers withdrew.", "UN peacekeepers", "UNOMIL",
             MentionKind::kRole},
            {"en", "Iranian Foreign Minister Hossein Amirabdollahian said so.",
             "Iranian Foreign Minister Hossein Amirabdollahian", "IRNGOV",
             MentionKind::kRole},
        });
}

TEST_CASE("persons resolve as of the date; dated role beats role noun",
          "[recognize]") {
  Check(*Shared(),
        {
            // The sample: the article calls him foreign minister, he was MIL.
            {"de", "Doch Russlands Außenminister Sergei Schoigu ist skeptisch.",
             "Russlands Außenminister Sergei Schoigu", "RUSMIL",
             MentionKind::kPerson},
            {"de", "Japans Außenminister Fumio Kishida sagt das.",
             "Japans Außenminister Fumio Kishida", "JPNGOV",
             MentionKind::kPerson},
            {"en", "Sergei Shoigu inspected the troops.", "Sergei Shoigu",
             "RUSMIL", MentionKind::kPerson, "2015-06-01"},
            {"en", "Sergei Shoigu inspected the flood.", "Sergei Shoigu",
             "RUSGOV", MentionKind::kPerson, "2010-06-01"},
            {"en", "Шойгу прибыл.", "Шойгу", "RUSMIL", MentionKind::kPerson,
             "2020-01-01"},
            {"en", "Fumio Kishida spoke.", "Fumio Kishida", "JPN",
             MentionKind::kPerson, "2005-01-01"},
            {"de", "Angela Merkel reiste nach Paris.", "Angela Merkel",
             "DEUGOV", MentionKind::kPerson, "2010-01-01"},
            {"de", "Angela Merkel reiste nach Paris.", "Angela Merkel",
             "DEUOPP", MentionKind::kPerson, "2004-01-01"},
            {"en", "President Obama met them.", "President Obama", "USAGOV",
             MentionKind::kPerson, "2012-01-01"},
            {"en", "Kofi Annan visited Iraq.", "Kofi Annan", "UNOGOV",
             MentionKind::kPerson, "2003-01-01"},
        });
}

TEST_CASE("organisations and non-state groups", "[recognize]") {
  Check(*Shared(),
        {
            {"en", "NATO held a summit.", "NATO", "NATO",
             MentionKind::kOrganization},
            {"en", "The United Nations condemned it.", "United Nations", "UNO",
             MentionKind::kOrganization},
            {"de", "Die Vereinten Nationen verurteilten das.",
             "Vereinten Nationen", "UNO", MentionKind::kOrganization},
            {"de", "Die EU verhängte Sanktionen.", "EU", "EUR",
             MentionKind::kOrganization},
            {"de", "Die Afrikanische Union vermittelte.", "Afrikanische Union",
             "AFU", MentionKind::kOrganization},
            {"en", "ASEAN ministers met.", "ASEAN ministers", "ASEANGOV",
             MentionKind::kRole},
            {"en", "ASEAN said so.", "ASEAN", "ASEAN",
             MentionKind::kOrganization},
            {"de", "Die OSZE beobachtet die Wahl.", "OSZE", "OSC",
             MentionKind::kOrganization},
            {"en", "Hamas fired rockets.", "Hamas", "PSEREB",
             MentionKind::kGroup},
            {"de", "Die Hisbollah drohte.", "Hisbollah", "LBNREB",
             MentionKind::kGroup},
            {"de", "Die PKK griff an.", "PKK", "TURREB", MentionKind::kGroup},
            {"en", "The Taliban attacked Kabul.", "Taliban", "AFGREB",
             MentionKind::kGroup, "2015-01-01"},
            {"en", "The Taliban banned it.", "Taliban", "AFGGOV",
             MentionKind::kGroup, "2022-01-01"},
            // Active in several countries: the coder gives it the story's
            // country among them (article cases: SYRREB, BELREB).
            {"de", "Die Terrormiliz IS rückte vor.", "Terrormiliz IS", "REB",
             MentionKind::kGroup},
        });
}

const Place* PlaceOf(const std::vector<Mention>& ms, const std::string& text,
                     const std::string& span) {
  for (const Mention& m : ms) {
    if (m.place && text.substr(m.start, m.end - m.start) == span)
      return &*m.place;
  }
  return nullptr;
}

TEST_CASE("places: GeoNames names in many languages, disambiguation",
          "[recognize]") {
  struct PlaceCase {
    const char* lang;
    const char* text;
    const char* span;
    const char* name;
    const char* country;
    PlacePrecision precision;
  } cases[] = {
      {"de", "Radar in der japanischen Provinz Kyoto.", "Kyoto", "Kyoto", "JPN",
       PlacePrecision::kAdmin1},
      {"en", "A radar in Kyoto Prefecture.", "Kyoto", "Kyoto", "JPN",
       PlacePrecision::kAdmin1},
      {"en", "They met in Kyoto last week.", "Kyoto", "Kyoto", "JPN",
       PlacePrecision::kCity},
      {"de", "Ein Treffen in Tokio.", "Tokio", "Tokyo", "JPN",
       PlacePrecision::kCity},
      {"de", "Raketen aus Pjöngjang.", "Pjöngjang", "Pyongyang", "PRK",
       PlacePrecision::kCity},
      {"en", "Storms hit Atlanta, Georgia.", "Georgia", "Georgia", "USA",
       PlacePrecision::kAdmin1},
      {"en", "Georgia and Russia fought in 2008.", "Georgia", "Georgia", "GEO",
       PlacePrecision::kCountry},
      {"en", "Protests in Tbilisi, Georgia.", "Georgia", "Georgia", "GEO",
       PlacePrecision::kCountry},
      {"en", "Fighting in New York was heavy.", "New York", "New York", "USA",
       PlacePrecision::kCity},
      {"de", "Unruhen im Gazastreifen.", "Gazastreifen", "Gaza Strip", "PSE",
       PlacePrecision::kAdmin1},
      {"en", "Turkish authorities raided homes in Cizre.", "Cizre", "Cizre",
       "TUR", PlacePrecision::kCity},
  };
  for (const auto& c : cases) {
    std::string text = c.text;
    auto ms = FindAll(*Shared(), text, c.lang, *ParseIsoDay("2013-11-04"));
    const Place* p = PlaceOf(ms, text, c.span);
    INFO(c.text);
    REQUIRE(p != nullptr);
    CHECK(p->name == c.name);
    CHECK(p->country == c.country);
    CHECK(p->precision == c.precision);
    CHECK(!p->regions.empty());
  }
  std::string t = "Ein Treffen in Tokio.";
  auto ms = FindAll(*Shared(), t, "de", *ParseIsoDay("2013-11-04"));
  const Place* tokyo = PlaceOf(ms, t, "Tokio");
  REQUIRE(tokyo);
  REQUIRE(tokyo->lat);
  CHECK(*tokyo->lat == Approx(35.69).margin(0.1));
  CHECK(tokyo->regions == std::vector<std::string>{"030", "142"});
}

TEST_CASE("no places from people's names and common words", "[recognize]") {
  struct {
    const char* lang;
    const char* text;
    const char* span;
  } cases[] = {
      {"en", "President George Bush spoke.", "Bush"},
      {"en", "Eastern Europe is cold.", "Eastern"},
      {"de", "Im Norden war es ruhig.", "Norden"},
      {"de", "Auch die Lage blieb ruhig.", "Lage"},
  };
  for (const auto& c : cases) {
    std::string text = c.text;
    auto ms = FindAll(*Shared(), text, c.lang, *ParseIsoDay("2013-11-04"));
    INFO(c.text);
    CHECK(PlaceOf(ms, text, c.span) == nullptr);
  }
}

TEST_CASE("offsets are bytes into the original text", "[recognize]") {
  std::string text = "Header line\n»Japans Außenminister« sprach.";
  Sentence s{12, text.size()};
  auto ms = Shared()->Find(text, s, "de", *ParseIsoDay("2013-11-04"));
  REQUIRE(ms.size() == 1);
  CHECK(text.substr(ms[0].start, ms[0].end - ms[0].start) ==
        "Japans Außenminister");
  CHECK(ms[0].actor->text == "Japans Außenminister");
}

TEST_CASE("PETRARCH user lexicon: dated roles as of the date", "[recognize]") {
  std::istringstream in(
      "# test dictionary\n"
      "HANS_TESTMANN_  # CountryInfo.txt\n"
      "+CHANCELLOR_TESTMANN_\n"
      "\t[DEUELI 720101-000101]\n"
      "\t[DEUGOV >051122]\n"
      "\t[DEUELI]\n"
      "FARMER [~AGR]\n");
  PetrarchImportStats stats;
  auto lex = ImportPetrarch(in, "test", &stats);
  REQUIRE(lex.ok());
  CHECK(stats.actors == 1);
  CHECK(stats.aliases == 1);
  CHECK(stats.roles == 2);
  std::string path = std::string(std::tmpnam(nullptr)) + ".json";
  {
    std::ofstream o(path);
    o << lex->dump();
  }
  RecognizerOptions ro;
  ro.user_lexicons = {path};
  auto rec = Recognizer::Load(ro);
  REQUIRE(rec.ok());
  Check(**rec, {
                   {"en", "Hans Testmann spoke.", "Hans Testmann", "DEUGOV",
                    MentionKind::kPerson, "2010-01-01"},
                   {"en", "Hans Testmann spoke.", "Hans Testmann", "DEUELI",
                    MentionKind::kPerson, "2004-01-01"},
                   {"en", "Chancellor Testmann spoke.", "Chancellor Testmann",
                    "DEUGOV", MentionKind::kPerson, "2006-01-01"},
               });
  std::remove(path.c_str());
}

TEST_CASE("PETRARCH dates", "[recognize]") {
  CHECK(*PetrarchDate("051122") == "2005-11-22");
  CHECK(*PetrarchDate("720101") == "1972-01-01");
  CHECK(*PetrarchDate("20070101") == "2007-01-01");
  CHECK(!PetrarchDate("2004017").ok());
  CHECK(!PetrarchDate("051342").ok());
}

}  // namespace
}  // namespace geotl

namespace geotl {
namespace {

TEST_CASE("shipped recogniser lexicons match their schema", "[recognize]") {
  // Actor, role, region and capital lexicons against lexicon-actors; the
  // topic and confidence models against their own schemas.
  const std::string root = std::string(GEOTL_TEST_DATA) + "/../..";
  std::string cmd =
      "/usr/bin/python3 -c \"import glob,json,jsonschema; "
      "sch=lambda n: json.load(open('" +
      root +
      "/schemas/lexicon-'+n+'.schema.json')); "
      "S={'topic': sch('topic'), 'confidence': sch('confidence')}; "
      "A=sch('actors'); "
      "[jsonschema.Draft202012Validator.check_schema(x) for x in "
      "list(S.values())+[A]]; "
      "fs=[f for f in sorted(glob.glob('" +
      root +
      "/lexicons/*/*.json')) "
      "if 'kind' in json.load(open(f))]; "
      "assert len(fs) >= 10, fs; "
      "[jsonschema.validate(d, S.get(d['kind'], A)) for d in "
      "(json.load(open(f)) for f in fs)]\"";
  CHECK(std::system(cmd.c_str()) == 0);
}

TEST_CASE("user lexicons: named paths in order, then the user directory",
          "[recognize]") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(std::tmpnam(nullptr));
  fs::create_directories(dir / "user");
  for (const char* f : {"b.json", "a.json", "notes.txt"})
    std::ofstream(dir / "user" / f) << "{}";
  std::ofstream(dir / "one.json") << "{}";
  const std::string d = dir.string();
  RecognizerOptions ro;
  ro.user_lexicons = {d + "/first.json"};
  // A named file is kept even when missing (loading it is the error)...
  ro.user_lexicon_path = d + "/one.json::" + d + "/user:" + d + "/gone.json";
  CHECK(UserLexiconFiles(ro) ==
        std::vector<std::string>{d + "/first.json", d + "/one.json",
                                 d + "/user/a.json", d + "/user/b.json",
                                 d + "/gone.json"});
  // ...the default directory is read only if it exists.
  ro = {};
  ro.user_lexicon_dir = d + "/user";
  CHECK(UserLexiconFiles(ro) ==
        std::vector<std::string>{d + "/user/a.json", d + "/user/b.json"});
  ro.user_lexicon_dir = d + "/absent";
  CHECK(UserLexiconFiles(ro).empty());
  fs::remove_all(dir);
}

TEST_CASE("bad lexicons are errors, not crashes", "[recognize]") {
  std::string path = std::string(std::tmpnam(nullptr)) + ".json";
  { std::ofstream(path) << "{not json"; }
  RecognizerOptions ro;
  ro.user_lexicons = {path};
  auto r = Recognizer::Load(ro);
  CHECK(!r.ok());
  ro.user_lexicons = {"/nonexistent/user.json"};
  CHECK(!Recognizer::Load(ro).ok());
  ro.user_lexicons.clear();
  ro.lexicon_dir = "/nonexistent/lexicons";
  auto missing = Recognizer::Load(ro);
  CHECK(!missing.ok());
  CHECK(missing.status().code() == Code::kNotFound);
  std::remove(path.c_str());
}

}  // namespace
}  // namespace geotl
