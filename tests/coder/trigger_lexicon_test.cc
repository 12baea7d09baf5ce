// Table-driven tests of the trigger lexicons: every trigger class of
// docs/ontology.md in German and English, German compounds by their heads,
// separable verbs, English inflections and phrasal verbs.
#include "ingest/code/trigger_lexicon.h"

#include <catch2/catch.hpp>
#include <cstdlib>

#include "ingest/code/german_verbs.h"
#include "ingest/code/tokens.h"

using namespace geotl;
using namespace geotl::ingest::code;
using namespace geotl::ingest;

namespace {

const std::string kLexicons = std::string(GEOTL_TEST_DATA) + "/../../lexicons";

const TriggerLexicon& Lex(const std::string& lang) {
  static auto de = TriggerLexicon::Load(kLexicons, "de");
  static auto en = TriggerLexicon::Load(kLexicons, "en");
  auto& r = lang == "de" ? de : en;
  REQUIRE(r.ok());
  return **r;
}

// Types of all hits, in order, as "TYPE/label".
std::vector<std::string> Types(const std::string& lang,
                               const std::string& text) {
  std::vector<Token> toks;
  Tokenize(text, 0, text.size(), &toks);
  std::vector<TriggerHit> hits;
  Lex(lang).Match(toks, &hits);
  std::vector<std::string> out;
  for (const auto& h : hits) out.push_back(Lex(lang).entry(h.entry).type);
  return out;
}

struct Case {
  const char* lang;
  const char* text;
  const char* type;  // expected type of the first hit
};

}  // namespace

TEST_CASE("every trigger class is recognised in both languages",
          "[coder][triggers]") {
  const Case cases[] = {
      // meeting, visit, talks
      {"de", "Die Minister trafen sich in Tokio", "CONSULT"},
      {"de", "ein Gipfeltreffen in Peking", "CONSULT"},
      {"de", "Der Staatsbesuch dauerte zwei Tage", "CONSULT"},
      {"de", "Die Friedensverhandlungen stockten", "CONSULT"},
      {"en", "the ministers met in Tokyo", "CONSULT"},
      {"en", "the president visited Beijing", "CONSULT"},
      {"en", "they held talks on Monday", "CONSULT"},
      // agreement, cooperation, joint exercise, deployment
      {"de", "Das Abkommen wurde gestern unterzeichnet", "AGREE"},
      {"de", "Beide Seiten vereinbarten ein Ende der Kämpfe", "AGREE"},
      {"de", "eine engere Militär-Kooperation", "COOPERATE"},
      {"de", "die militärische Zusammenarbeit", "COOPERATE"},
      {"de", "mehr Militärübungen", "MOBILIZE"},  // joint -> COOPERATE later
      {"de", "ein zweites Radar zu stationieren", "MOBILIZE"},
      {"en", "the two countries agreed on a pact", "AGREE"},
      {"en", "they will cooperate closely", "COOPERATE"},
      {"en", "naval exercises in the gulf", "MOBILIZE"},
      {"en", "Britain deployed troops", "MOBILIZE"},
      // statement, criticism, concern, warning, threat, demand, rejection
      {"de", "Der Minister sagte am Montag", "STATEMENT"},
      {"de", "Die Regierung kritisierte den Plan", "ACCUSE"},
      {"de", "Moskau ist besorgt über die Pläne", "ACCUSE"},
      {"de", "Die Kommission warnt vor Optimismus", "STATEMENT"},
      {"de", "Iran drohte mit einer Seeblockade", "THREATEN"},
      {"de", "Die Opposition forderte Neuwahlen", "REQUEST"},
      {"de", "Die Regierung lehnte den Vorschlag ab", "REJECT"},
      {"en", "the minister said on Monday", "STATEMENT"},
      {"en", "Albania denounced the crackdown", "ACCUSE"},
      {"en", "Moscow is concerned about the plan", "ACCUSE"},
      {"en", "Iran threatened to cut off electricity", "THREATEN"},
      {"en", "the council demanded a meeting", "REQUEST"},
      {"en", "Yemen rejected the request", "REJECT"},
      // sanction, arrest, ban
      {"de", "Der Völkerbund verhängte Sanktionen", "SANCTION"},
      {"de", "Die Polizei hat drei Männer festgenommen", "COERCE"},
      {"de", "Die Partei wurde verboten", "COERCE"},
      {"de", "eine nächtliche Ausgangssperre", "COERCE"},
      {"en", "Washington imposed sanctions", "SANCTION"},
      {"en", "soldiers arrested 100 people", "COERCE"},
      {"en", "the government banned the party", "COERCE"},
      // aid, attack, clash, killing
      {"de", "Deutschland schickte Hilfslieferungen", "AID"},
      {"de", "Ein Drohnenangriff traf das Dorf", "ASSAULT"},
      {"de", "Bei Gefechten an der Grenze", "ASSAULT"},
      {"de", "Dabei wurden 20 Menschen getötet", "ASSAULT"},
      {"en", "the UN will provide food aid", "AID"},
      {"en", "militants attacked a convoy", "ASSAULT"},
      {"en", "clashes broke out in the city", "ASSAULT"},
      {"en", "gunmen killed three people", "ASSAULT"},
      // protest, riot, support, opposition, release, resignation
      {"de", "Tausende demonstrierten in Berlin", "PROTEST"},
      {"de", "Es kam zu Unruhen in der Hauptstadt", "PROTEST"},
      {"de", "Schweden unterstützte Finnland", "SUPPORT"},
      {"de", "Nordkorea, Russland und China stellen sich gegen die Pläne",
       "REJECT"},
      {"de", "Die Rebellen ließen die Geiseln frei", "RETREAT"},
      {"de", "Der Premier trat am Montag zurück", "RETREAT"},
      {"en", "thousands protested in the capital", "PROTEST"},
      {"en", "prisoners rioted at a jail", "PROTEST"},
      {"en", "the official praised the reforms", "SUPPORT"},
      {"en", "rebels opposed the deployment", "REJECT"},
      {"en", "rebels released the hostages", "RETREAT"},
      {"en", "Avril resigned yesterday", "RETREAT"},
  };
  for (const Case& c : cases) {
    INFO(c.lang << ": " << c.text);
    auto t = Types(c.lang, c.text);
    REQUIRE(!t.empty());
    CHECK(t.front() == c.type);
  }
}

TEST_CASE("German compounds match by their heads", "[coder][triggers]") {
  CHECK(Types("de", "Militärübungen") == std::vector<std::string>{"MOBILIZE"});
  CHECK(Types("de", "Drohnenangriff") == std::vector<std::string>{"ASSAULT"});
  CHECK(Types("de", "Luftangriffen") == std::vector<std::string>{"ASSAULT"});
  CHECK(Types("de", "Raketenabwehr-Radar zu stationieren") ==
        std::vector<std::string>{"MOBILIZE"});
  // A head must end the word: "Angriffsplan" is a plan, not an attack.
  CHECK(Types("de", "Angriffsplanes").empty());
  // Lower-case words are not German nouns: no compound matching.
  CHECK(Types("de", "übungsweise").empty());
}

TEST_CASE("separable verbs and phrasal verbs span gaps", "[coder][triggers]") {
  CHECK(Types("de", "Russland schloss mit Japan ein Abkommen ab") ==
        std::vector<std::string>{"AGREE", "AGREE"});
  CHECK(Types("de",
              "Die Sowjetunion lehnte, unter anderem wegen des Risikos, die "
              "Hilfe ab")
            .front() == "REJECT");
  CHECK(Types("de",
              "Am 27. Dezember marschierten Truppen der 5. Division in "
              "Afghanistan ein")
            .front() == "ASSAULT");
  // the particle must be in the same sentence part: a semicolon ends it
  CHECK(Types("de", "Sie griffen; ab").empty());
  CHECK(Types("en", "the union called off the strike").front() == "CONCEDE");
  CHECK(Types("en", "they called the strike off").front() != "CONCEDE");
  CHECK(Types("en", "Israeli intelligence shared evidence with the U.S.")
            .front() == "COOPERATE");
}

TEST_CASE("English regular inflections", "[coder][triggers]") {
  CHECK(EnglishInflections("attack") ==
        std::vector<std::string>{"attack", "attacks", "attacked", "attacking"});
  CHECK(EnglishInflections("deploy") ==
        std::vector<std::string>{"deploy", "deploys", "deployed", "deploying"});
  CHECK(EnglishInflections("criticize") ==
        std::vector<std::string>{"criticize", "criticizes", "criticized",
                                 "criticizing"});
  CHECK(EnglishInflections("accompany") ==
        std::vector<std::string>{"accompany", "accompanies", "accompanied",
                                 "accompanying"});
  CHECK(Types("en", "they were bombing") ==
        std::vector<std::string>{"ASSAULT"});
}

TEST_CASE("German weak verbs: a preterite brings its other forms",
          "[coder][triggers]") {
  const std::vector<std::string> not_weak = {"nann", "brach"};
  struct WeakCase {
    std::string form;
    std::vector<std::string> want;
  };
  const std::vector<WeakCase> cases = {
      {"kritisierte",
       {"kritisiert", "kritisierten", "kritisieren", "kritisiere"}},
      {"lobte", {"lobt", "lobten", "loben", "lobe", "gelobt"}},
      {"einigte sich",
       {"einigt sich", "einigten sich", "einigen sich", "einige sich",
        "geeinigt"}},
      {"arbeitete",
       {"arbeitet", "arbeiteten", "arbeiten", "arbeite", "gearbeitet"}},
      {"verabschiedete",
       {"verabschiedet", "verabschiedeten", "verabschieden", "verabschiede"}},
      {"äußerte", {"äußert", "äußerten", "äußern", "äußere", "geäußert"}},
      {"lehnte ... ab",
       {"lehnt ... ab", "lehnten ... ab", "lehnen ... ab", "lehne ... ab"}},
      {"stemmte sich gegen",
       {"stemmt sich gegen", "stemmten sich gegen", "stemmen sich gegen",
        "stemme sich gegen"}},  // no bare participle
      {"nannte", {}},           // mixed verb: "nennen"
      {"brachte", {}},          // mixed verb: "bringen"
      {"traf", {}},             // strong verb: listed forms only
      {"gefordert", {}},        // a participle
  };
  for (const WeakCase& c : cases) {
    INFO(c.form);
    CHECK(GermanWeakVerbForms(c.form, not_weak) == c.want);
  }
  // Strong verbs: the subjunctive from the lexicon's table only.
  const std::unordered_map<std::string, std::string> stems = {
      {"warf", "werfe"}, {"wies", "weise"}};
  CHECK(GermanStrongSubjunctive("warf ... vor", stems) == "werfe ... vor");
  CHECK(GermanStrongSubjunctive("wies", stems) == "weise");
  CHECK(GermanStrongSubjunctive("traf", stems).empty());
  CHECK(GermanStrongSubjunctive("wiesen ... zurück", stems).empty());
  // In the lexicon: "lobte" is listed, "lobt" is matched.
  CHECK(Types("de", "Die Regierung lobt den Vorschlag") ==
        std::vector<std::string>{"SUPPORT"});
}

TEST_CASE("a separable particle after a gap closes its clause",
          "[coder][triggers]") {
  CHECK(Types("de", "Die Regierung lehnte den Plan ab.") ==
        std::vector<std::string>{"REJECT"});
  CHECK(Types("de", "Die Regierung lehnte den Plan ab und ging.") ==
        std::vector<std::string>{"REJECT"});
  // "zu" before an infinitive is no particle: "sagt" is a saying, no
  // promise ("sagte ... zu").
  CHECK(Types("de", "Sie sagt, sie habe vor zu kandidieren.") ==
        std::vector<std::string>{"STATEMENT"});
}

TEST_CASE("bad trigger files are errors, not crashes", "[coder][triggers]") {
  CHECK(!TriggerLexicon::FromJson("not json", "de").ok());
  CHECK(!TriggerLexicon::FromJson(
             R"({"triggers":[{"type":"NOPE","forms":["x"]}]})", "de")
             .ok());
  CHECK(!TriggerLexicon::FromJson(R"({"triggers":[{"type":"ASSAULT"}]})", "de")
             .ok());
  auto ok = TriggerLexicon::FromJson(
      R"({"triggers":[{"type":"assault","forms":["hit+"]}]})", "en");
  REQUIRE(ok.ok());
  CHECK((*ok)->entry(0).type == "ASSAULT");
  CHECK((*ok)->entry(0).cameo == "18");
}

TEST_CASE("trigger lexicons validate against their schema",
          "[coder][triggers]") {
  std::string root = std::string(GEOTL_TEST_DATA) + "/../..";
  std::string cmd =
      "/usr/bin/python3 -c \"import json,jsonschema;"
      "s=json.load(open('" +
      root +
      "/schemas/lexicon-triggers.schema.json'));"
      "[jsonschema.validate(json.load(open('" +
      root + "/lexicons/'+l+'/triggers.json')),s) for l in ('de','en')]\"";
  CHECK(std::system(cmd.c_str()) == 0);
}
