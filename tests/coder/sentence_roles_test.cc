// Table-driven tests of the sentence coder's role syntax and status in
// German and English. Mentions are given by the test (surface -> country),
// so these tests exercise the coder's syntax independently of the
// recogniser's dictionaries.
#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "ingest/code/cues.h"
#include "ingest/code/sentence_coder.h"
#include "ingest/code/trigger_lexicon.h"

using namespace geotl;
using namespace geotl::ingest::code;
using namespace geotl::core;
using namespace geotl::ingest;

namespace {

const std::string kLexicons = std::string(GEOTL_TEST_DATA) + "/../../lexicons";

struct Lang {
  std::shared_ptr<const TriggerLexicon> lex;
  std::shared_ptr<const Cues> cues;
};

const Lang& Get(const std::string& lang) {
  static std::map<std::string, Lang> cache;
  auto it = cache.find(lang);
  if (it != cache.end()) return it->second;
  auto lex = TriggerLexicon::Load(kLexicons, lang);
  auto cues = Cues::Load(kLexicons, lang);
  REQUIRE(lex.ok());
  REQUIRE(cues.ok());
  return cache[lang] = Lang{*lex, *cues};
}

struct M {
  const char* surface;
  const char* country;
  MentionKind kind = MentionKind::kCountry;
};

std::vector<Mention> Mentions(const std::string& text,
                              const std::vector<M>& ms) {
  std::vector<Mention> out;
  for (const M& m : ms) {
    size_t at = text.find(m.surface);
    REQUIRE(at != std::string::npos);
    Mention x;
    x.start = at;
    x.end = at + std::string(m.surface).size();
    x.kind = m.kind;
    Actor a;
    a.text = m.surface;
    a.name = m.country;
    a.country = m.country;
    a.code = m.country;
    a.kind = m.kind == MentionKind::kPerson         ? ActorKind::kPerson
             : m.kind == MentionKind::kOrganization ? ActorKind::kOrganization
             : m.kind == MentionKind::kGroup        ? ActorKind::kGroup
                                                    : ActorKind::kCountry;
    x.actor = a;
    out.push_back(x);
  }
  std::sort(out.begin(), out.end(), [](const Mention& a, const Mention& b) {
    return a.start < b.start;
  });
  return out;
}

std::set<std::string> Countries(const std::vector<Actor>& v) {
  std::set<std::string> s;
  for (const auto& a : v) s.insert(a.country);
  return s;
}

struct Row {
  const char* name;
  const char* lang;
  std::string text;
  std::vector<M> mentions;
  const char* type;
  std::set<std::string> actors, recipients;
  EventStatus status = EventStatus::kOccurred;
};

SentenceResult CodeRow(const Row& r, const SentenceContext& ctx = {}) {
  const Lang& l = Get(r.lang);
  SentenceCoder coder(l.lex.get(), l.cues.get());
  auto ms = Mentions(r.text, r.mentions);
  return coder.Code(r.text, 0, r.text.size(), ms, ctx);
}

const CandidateEvent* FindType(const SentenceResult& res,
                               const std::string& type, EventStatus st) {
  for (const auto& e : res.events)
    if (e.type == type && e.status == st) return &e;
  return nullptr;
}

}  // namespace

TEST_CASE("role patterns in German and English", "[coder][roles]") {
  using K = MentionKind;
  const Row rows[] = {
      {"coordination",
       "de",
       "Russland und Japan vereinbarten eine militärische Zusammenarbeit.",
       {{"Russland", "RUS"}, {"Japan", "JPN"}},
       "AGREE",
       {"RUS", "JPN"},
       {}},
      {"coordination",
       "en",
       "The United States and Jordan agreed on a new free-trade pact.",
       {{"United States", "USA"}, {"Jordan", "JOR"}},
       "AGREE",
       {"USA", "JOR"},
       {}},
      {"genitive role",
       "de",
       "Japans Außenminister kritisierte China.",
       {{"Japans Außenminister", "JPN", K::kRole}, {"China", "CHN"}},
       "ACCUSE",
       {"JPN"},
       {"CHN"}},
      {"possessive role",
       "en",
       "Japan's foreign minister criticized China.",
       {{"Japan's foreign minister", "JPN", K::kRole}, {"China", "CHN"}},
       "ACCUSE",
       {"JPN"},
       {"CHN"}},
      {"mit",
       "de",
       "Russland führte am Montag Gespräche mit Japan.",
       {{"Russland", "RUS"}, {"Japan", "JPN"}},
       "CONSULT",
       {"RUS"},
       {"JPN"}},
      {"with",
       "en",
       "Russia held talks with Japan on Monday.",
       {{"Russia", "RUS"}, {"Japan", "JPN"}},
       "CONSULT",
       {"RUS"},
       {"JPN"}},
      {"gegen + governor",
       "de",
       "Nordkorea drohte mit einem Angriff gegen Südkorea.",
       {{"Nordkorea", "PRK"}, {"Südkorea", "KOR"}},
       "THREATEN",
       {"PRK"},
       {"KOR"}},
      {"against",
       "en",
       "Iran threatened military action against Israel.",
       {{"Iran", "IRN"}, {"Israel", "ISR"}},
       "THREATEN",
       {"IRN"},
       {"ISR"}},
      {"zwischen",
       "de",
       "Zwischen Indien und Pakistan kam es zu Gefechten.",
       {{"Indien", "IND"}, {"Pakistan", "PAK"}},
       "ASSAULT",
       {"IND", "PAK"},
       {}},
      {"between",
       "en",
       "Fighting broke out between India and Pakistan.",
       {{"India", "IND"}, {"Pakistan", "PAK"}},
       "ASSAULT",
       {"IND", "PAK"},
       {}},
      {"in (V2, separable)",
       "de",
       "Am Montag marschierten russische Truppen in die Ukraine ein.",
       {{"russische Truppen", "RUS", K::kGroup}, {"Ukraine", "UKR"}},
       "ASSAULT",
       {"RUS"},
       {"UKR"}},
      {"in",
       "en",
       "Israel has strengthened its forces in Lebanon.",
       {{"Israel", "ISR"}, {"Lebanon", "LBN"}},
       "MOBILIZE",
       {"ISR"},
       {"LBN"}},
      {"nach",
       "de",
       "Merkel reiste nach China.",
       {{"Merkel", "DEU", K::kPerson}, {"China", "CHN"}},
       "CONSULT",
       {"DEU"},
       {"CHN"}},
      {"to",
       "en",
       "Obama paid a visit to Cuba.",
       {{"Obama", "USA", K::kPerson}, {"Cuba", "CUB"}},
       "CONSULT",
       {"USA"},
       {"CUB"}},
      {"passive",
       "de",
       "Japan wurde von Russland scharf kritisiert.",
       {{"Japan", "JPN"}, {"Russland", "RUS"}},
       "ACCUSE",
       {"RUS"},
       {"JPN"}},
      {"passive, verb-final",
       "de",
       "Drei Journalisten wurden in Teheran von iranischen Sicherheitskräften "
       "festgenommen.",
       {{"iranischen Sicherheitskräften", "IRN", K::kGroup}},
       "COERCE",
       {"IRN"},
       {}},
      {"passive",
       "en",
       "A camp for Congolese refugees was attacked by Burundian militiamen.",
       {{"Congolese refugees", "COD", K::kGroup},
        {"Burundian militiamen", "BDI", K::kGroup}},
       "ASSAULT",
       {"BDI"},
       {}},
      {"sagt, dass",
       "de",
       "Der Sprecher sagt, dass Russland den Vorschlag abgelehnt habe.",
       {{"Russland", "RUS"}},
       "REJECT",
       {"RUS"},
       {}},
      {"reported speech",
       "en",
       "Syria says it is willing to withdraw its troops from Lebanon.",
       {{"Syria", "SYR"}, {"Lebanon", "LBN"}},
       "AGREE",
       {"SYR"},
       {}},
      {"zitiert ... den Russen",
       "de",
       "„Wir sind besorgt über die Pläne der USA“, zitiert die Zeitung den "
       "Russen.",
       {{"USA", "USA"}, {"Russen", "RUS"}},
       "ACCUSE",
       {"RUS"},
       {"USA"}},
      {"nach Angaben von",
       "de",
       "Nach Angaben von Reuters griffen syrische Truppen die Stadt an.",
       {{"Reuters", "GBR", K::kOrganization},
        {"syrische Truppen", "SYR", K::kGroup}},
       "ASSAULT",
       {"SYR"},
       {}},
      {"according to",
       "en",
       "Russian aircraft bombed a village, according to Reuters.",
       {{"Russian aircraft", "RUS", K::kGroup},
        {"Reuters", "GBR", K::kOrganization}},
       "ASSAULT",
       {"RUS"},
       {}},
      {"tail attribution",
       "en",
       "Israeli soldiers arrested 100 Palestinians, military sources said.",
       {{"Israeli soldiers", "ISR", K::kGroup},
        {"Palestinians", "PSE", K::kGroup}},
       "COERCE",
       {"ISR"},
       {"PSE"}},
      {"V2 with adverbial first",
       "de",
       "Am Montag griffen israelische Kampfflugzeuge Ziele im Libanon an.",
       {{"israelische Kampfflugzeuge", "ISR", K::kGroup}, {"Libanon", "LBN"}},
       "ASSAULT",
       {"ISR"},
       {"LBN"}},
      {"verb-final + zufolge",
       "de",
       "Berichten zufolge hat Russland den Vorschlag der USA abgelehnt.",
       {{"Russland", "RUS"}, {"USA", "USA"}},
       "REJECT",
       {"RUS"},
       {"USA"}},
      {"X accused Y of",
       "en",
       "Russia accused Ukraine of attacking its border posts.",
       {{"Russia", "RUS"}, {"Ukraine", "UKR"}},
       "ACCUSE",
       {"RUS"},
       {"UKR"}},
      {"warf ... vor",
       "de",
       "Russland warf der Ukraine Angriffe auf Grenzposten vor.",
       {{"Russland", "RUS"}, {"Ukraine", "UKR"}},
       "ACCUSE",
       {"RUS"},
       {"UKR"}},
      {"relative clause subject",
       "de",
       "Polen rechnete mit Frankreich und Großbritannien, welche ein Ultimatum "
       "an das Deutsche Reich stellten.",
       {{"Polen", "POL"},
        {"Frankreich", "FRA"},
        {"Großbritannien", "GBR"},
        {"Deutsche Reich", "DEU"}},
       "THREATEN",
       {"FRA", "GBR"},
       {"DEU"}},
      {"genitive subject",
       "de",
       "Am 25. Juni überschritten die Truppen der Nordkoreanischen Volksarmee "
       "die Grenze.",
       {{"Nordkoreanischen Volksarmee", "PRK", K::kOrganization}},
       "ASSAULT",
       {"PRK"},
       {}},
  };
  for (const Row& r : rows) {
    INFO(r.name << " [" << r.lang << "]: " << r.text);
    auto res = CodeRow(r);
    const CandidateEvent* e = FindType(res, r.type, r.status);
    REQUIRE(e != nullptr);
    CHECK(Countries(e->actors) == r.actors);
    for (const auto& c : r.recipients)
      CHECK(Countries(e->recipients).count(c) == 1);
    // Attributions never become actors.
    CHECK(Countries(e->actors).count("GBR") ==
          (r.actors.count("GBR") ? 1u : 0u));
  }
}

TEST_CASE("status from modals, tense and negation", "[coder][status]") {
  using K = MentionKind;
  struct S {
    const char* lang;
    std::string text;
    std::vector<M> mentions;
    const char* type;
    EventStatus status;
  } rows[] = {
      {"de",
       "Es sollen mehr gemeinsame Militärübungen durchgeführt werden.",
       {},
       "COOPERATE",
       EventStatus::kPlanned},
      {"de",
       "Putin wird im Mai China besuchen.",
       {{"Putin", "RUS", K::kPerson}, {"China", "CHN"}},
       "CONSULT",
       EventStatus::kPlanned},
      {"de",
       "Putin will im Mai China besuchen.",
       {{"Putin", "RUS", K::kPerson}, {"China", "CHN"}},
       "AGREE",
       EventStatus::kOccurred},
      {"de",
       "Die USA wollen ein Raketenabwehr-Radar in Japan stationieren.",
       {{"USA", "USA"}, {"Japan", "JPN"}},
       "MOBILIZE",
       EventStatus::kPlanned},
      {"de",
       "Russland hat Japan nicht angegriffen.",
       {{"Russland", "RUS"}, {"Japan", "JPN"}},
       "ASSAULT",
       EventStatus::kNegated},
      {"de",
       "Es gab keine Gespräche mit Japan.",
       {{"Japan", "JPN"}},
       "CONSULT",
       EventStatus::kNegated},
      {"de",
       "Russland könnte Japan angreifen.",
       {{"Russland", "RUS"}, {"Japan", "JPN"}},
       "ASSAULT",
       EventStatus::kHypothetical},
      {"en",
       "German Foreign Minister Fischer wants to visit Albania in June.",
       {{"German Foreign Minister Fischer", "DEU", K::kPerson},
        {"Albania", "ALB"}},
       "AGREE",
       EventStatus::kOccurred},
      {"en",
       "German Foreign Minister Fischer will visit Albania in June.",
       {{"German Foreign Minister Fischer", "DEU", K::kPerson},
        {"Albania", "ALB"}},
       "CONSULT",
       EventStatus::kPlanned},
      {"en",
       "Radical French farmers said they would blockade Paris.",
       {{"French farmers", "FRA", K::kGroup}},
       "THREATEN",
       EventStatus::kOccurred},
      {"en",
       "Russia did not attack Ukraine.",
       {{"Russia", "RUS"}, {"Ukraine", "UKR"}},
       "ASSAULT",
       EventStatus::kNegated},
      {"en",
       "Russia could attack Ukraine.",
       {{"Russia", "RUS"}, {"Ukraine", "UKR"}},
       "ASSAULT",
       EventStatus::kHypothetical},
  };
  for (const auto& r : rows) {
    INFO(r.lang << ": " << r.text << " -> " << r.type);
    Row row{"status", r.lang, r.text, r.mentions, r.type, {}, {}, r.status};
    auto res = CodeRow(row);
    CHECK(FindType(res, r.type, r.status) != nullptr);
  }
}

TEST_CASE("numbers: fatalities and crowd size", "[coder][numbers]") {
  Row a{"fatalities",
        "de",
        "Bei dem Anschlag wurden mindestens 65 Menschen getötet.",
        {},
        "ASSAULT",
        {},
        {}};
  auto r1 = CodeRow(a);
  REQUIRE(!r1.events.empty());
  CHECK(r1.events[0].fatalities == 65);
  Row b{"fatalities",
        "en",
        "Sudanese rebels shelled Juba, killing about 20 people.",
        {{"Sudanese rebels", "SDN", MentionKind::kGroup}},
        "ASSAULT",
        {},
        {}};
  auto r2 = CodeRow(b);
  REQUIRE(FindType(r2, "ASSAULT", EventStatus::kOccurred));
  CHECK(FindType(r2, "ASSAULT", EventStatus::kOccurred)->fatalities == 20);
  Row c{
      "size", "en",      "About 5,000 protesters demonstrated in the capital.",
      {},     "PROTEST", {},
      {}};
  auto r3 = CodeRow(c);
  REQUIRE(FindType(r3, "PROTEST", EventStatus::kOccurred));
  CHECK(FindType(r3, "PROTEST", EventStatus::kOccurred)->size == 5000);
  // Years are not counts.
  Row d{"year", "de",    "Im Jahr 1990 wurde der Vertrag unterzeichnet.",
        {},     "AGREE", {},
        {}};
  auto r4 = CodeRow(d);
  for (const auto& e : r4.events) CHECK(!e.fatalities);
}

TEST_CASE("discourse: carried actors, group references, owners",
          "[coder][roles]") {
  SentenceContext ctx;
  Actor rus, jpn, usa;
  rus.country = rus.code = "RUS";
  jpn.country = jpn.code = "JPN";
  usa.country = usa.code = "USA";
  ctx.last_actors = {jpn, rus};
  Row a{"no actors",
        "de",
        "Dazu fand am vergangenen Samstag ein Treffen in Tokio statt.",
        {},
        "CONSULT",
        {},
        {}};
  auto r1 = CodeRow(a, ctx);
  REQUIRE(FindType(r1, "CONSULT", EventStatus::kOccurred));
  CHECK(Countries(FindType(r1, "CONSULT", EventStatus::kOccurred)->actors) ==
        std::set<std::string>{"RUS", "JPN"});
  Row b{"group ref",
        "de",
        "Es kamen die Außenminister beider Länder zusammen.",
        {},
        "CONSULT",
        {},
        {}};
  auto r2 = CodeRow(b, ctx);
  REQUIRE(FindType(r2, "CONSULT", EventStatus::kOccurred));
  CHECK(Countries(FindType(r2, "CONSULT", EventStatus::kOccurred)->actors) ==
        std::set<std::string>{"RUS", "JPN"});
  ctx.owners.push_back({"raketenabwehrschild", usa});
  Row c{"owner",
        "de",
        "Doch auch China fühlt sich bedroht und befürchtet, dass sich das "
        "Abwehrschild gegen China richtet.",
        {{"China", "CHN"}},
        "ACCUSE",
        {},
        {}};
  auto r3 = CodeRow(c, ctx);
  REQUIRE(FindType(r3, "ACCUSE", EventStatus::kOccurred));
  CHECK(Countries(FindType(r3, "ACCUSE", EventStatus::kOccurred)->recipients)
            .count("USA") == 1);
}
