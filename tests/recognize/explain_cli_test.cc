// `geotl explain` end to end on the sample article (read from ../shared at
// run time): JSON shape, byte offsets, resolved spans.
#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

namespace {

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// `geotl explain --format json` of one article (no user lexicons).
nlohmann::json Explain(const nlohmann::json& article) {
  std::string in = std::tmpnam(nullptr), out = std::tmpnam(nullptr);
  { std::ofstream(in) << article.dump() << "\n"; }
  std::string cmd = std::string("GEOTL_USER_LEXICONS= ") + GEOTL_BINARY +
                    " explain --format json < " + in + " > " + out;
  const int rc = std::system(cmd.c_str());
  std::string line = ReadAll(out);
  std::remove(in.c_str());
  std::remove(out.c_str());
  REQUIRE(rc == 0);
  return nlohmann::json::parse(line, nullptr, false);
}

TEST_CASE("geotl explain --format json on the sample article", "[recognize]") {
  const std::string sample =
      std::string(GEOTL_SHARED_DIR) +
      "/samples/russland-japan-militaerkooperation.de.txt";
  std::string text = ReadAll(sample);
  if (text.empty()) return;  // the sample is not shipped with the project
  nlohmann::json article = {{"id", "sample"},
                            {"text", text},
                            {"published", "2013-11-04"},
                            {"language", "de"}};
  auto j = Explain(article);
  REQUIRE(!j.is_discarded());
  CHECK(j["article"] == "sample");
  CHECK(j["language"] == "de");
  REQUIRE(j["sentences"].size() >= 25);
  for (const auto& s : j["sentences"]) {
    CHECK(s["start"].get<size_t>() < s["end"].get<size_t>());
    CHECK(s["end"].get<size_t>() <= text.size());
  }
  bool shoigu = false, kishida = false, kyoto = false, tokio = false;
  for (const auto& s : j["spans"]) {
    size_t b = s["start"], e = s["end"];
    REQUIRE(e <= text.size());
    CHECK(text.substr(b, e - b) == s["text"].get<std::string>());
    CHECK(!s["rule"].get<std::string>().empty());
    const std::string t = s["text"];
    if (t == "Russlands Außenminister Sergei Schoigu") {
      shoigu = s["code"] == "RUSMIL" && s["kind"] == "person" &&
               s["name"] == "Sergei Shoigu";
    }
    if (t == "Japans Außenminister Fumio Kishida")
      kishida = s["code"] == "JPNGOV";
    if (t == "Kyoto")
      kyoto = s["place"]["precision"] == "admin1" && s["country"] == "JPN";
    if (t == "Tokio") tokio = s["place"]["name"] == "Tokyo";
  }
  CHECK(shoigu);
  CHECK(kishida);
  CHECK(kyoto);
  CHECK(tokio);
  CHECK(j["furniture"].size() == 6);
  CHECK(j["events"].is_array());
}

// The coder's place readings: a town the recogniser does not know, read
// from the gazetteer after "in" (with the article's home country as
// context), and a recognised town stays that town ("in Washington" is not
// the state).
TEST_CASE("geotl explain lists the coder's place readings", "[recognize]") {
  const std::string text =
      "Schlussendlich wurde in Floridsdorf die SPÖ stimmenstärkste Partei. "
      "Die Ministerin traf in Washington ihren Amtskollegen.";
  nlohmann::json article = {{"id", "places"},
                            {"text", text},
                            {"published", "2015-10-12"},
                            {"source", "derStandard"},
                            {"language", "de"}};
  auto j = Explain(article);
  REQUIRE(!j.is_discarded());
  REQUIRE(j["places"].is_array());
  bool floridsdorf = false, washington = false;
  for (const auto& r : j["places"]) {
    size_t b = r["start"], e = r["end"];
    REQUIRE(e <= text.size());
    CHECK(text.substr(b, e - b) == r["text"].get<std::string>());
    if (r["text"] == "Floridsdorf")
      floridsdorf = r["place"]["geonames_id"] == 2779469 &&
                    r["place"]["country"] == "AUT" && r["sentence"] == 0;
    if (r["text"] == "Washington")
      washington = r["place"]["precision"] == "city" &&
                   r["place"]["country"] == "USA" && r["sentence"] == 1;
  }
  CHECK(floridsdorf);
  CHECK(washington);
}

TEST_CASE("geotl explain shows the article's decisions", "[recognize]") {
  // "Mut" is a small Turkish town; the article names Turkey nowhere else.
  // "Fischer" is a bare surname: no full name, no office on the day.
  const std::string text =
      "Die ÖVP fordert eine Politik, die von Ehrlichkeit, Mut und "
      "Verantwortung bestimmt ist. Fischer kritisierte die Regierung.";
  nlohmann::json article = {{"id", "notes"},
                            {"text", text},
                            {"published", "2030-10-12"},
                            {"source", "derStandard"},
                            {"language", "de"}};
  auto j = Explain(article);
  REQUIRE(!j.is_discarded());
  REQUIRE(j["notes"].is_array());
  bool home = false, town = false, surname = false;
  for (const auto& n : j["notes"]) {
    const std::string rule = n["rule"];
    if (!n.contains("sentence")) {
      home = home || rule == "home country AUT (publisher derStandard)";
      continue;
    }
    size_t b = n["start"], e = n["end"];
    REQUIRE(e <= text.size());
    CHECK(text.substr(b, e - b) == n["text"].get<std::string>());
    if (n["text"] == "Mut")
      town =
          n["sentence"] == 0 && rule.starts_with("dropped: small town of TUR");
    if (n["text"] == "Fischer")
      surname = n["sentence"] == 1 && rule.starts_with("dropped: bare surname");
  }
  CHECK(home);
  CHECK(town);
  CHECK(surname);
}

// The "no event: …" notes of an explain result, keyed by the trigger's
// text, or by "sentence:text" with `by_sentence`; each note's offsets must
// cut its text out of `text`.
std::map<std::string, std::string> NoEventNotes(const nlohmann::json& j,
                                                const std::string& text,
                                                bool by_sentence) {
  std::map<std::string, std::string> why;
  for (const auto& n : j["notes"]) {
    if (!n.contains("sentence")) continue;
    const std::string rule = n["rule"];
    if (!rule.starts_with("no event: ")) continue;
    size_t b = n["start"], e = n["end"];
    REQUIRE(e <= text.size());
    CHECK(text.substr(b, e - b) == n["text"].get<std::string>());
    const std::string word = n["text"];
    why[by_sentence ? std::to_string(n["sentence"].get<int>()) + ":" + word
                    : word] = rule;
  }
  return why;
}

TEST_CASE("geotl explain says why a trigger made no event", "[recognize]") {
  // Sentence 0: what may happen; 1: an event; 2: an act with neither an
  // actor nor a place; 3: another verb ("räumt … ein").
  const std::string text =
      "Die Regierung könnte Sanktionen verhängen. Die ÖVP kritisierte "
      "das. Ein Anschlag forderte Opfer. Die Polizei räumt ein, dass es eng "
      "wird.";
  nlohmann::json article = {{"id", "dropped"},
                            {"text", text},
                            {"published", "2016-01-15"},
                            {"source", "derStandard"},
                            {"language", "de"}};
  auto j = Explain(article);
  REQUIRE(!j.is_discarded());
  auto why = NoEventNotes(j, text, false);
  CHECK(why["Sanktionen"] == "no event: SANCTION / sanction, hypothetical");
  CHECK(why["forderte"] ==
        "no event: ASSAULT / fatalities, neither an actor nor a place named");
  CHECK(why["räumt"] ==
        "no event: RETREAT / withdrawal, another verb: a separable particle "
        "closes its clause");
  // What was coded has no such note.
  CHECK(why.count("kritisierte") == 0);
}

TEST_CASE("geotl explain says why a trigger was passed over", "[recognize]") {
  // 0: a question; 1: an act a governor says, and the verb naming who
  // is quoted; 2: a verb and its event noun; 3: two acts of one type.
  const std::string text =
      "Did Russia attack Ukraine? Russia denied that its troops attacked "
      "Ukraine, the minister said. Protesters marched through Kyiv in a "
      "protest against the war. Russia bombed Kyiv and the assault killed "
      "ten.";
  auto j = Explain({{"id", "passed"},
                    {"text", text},
                    {"published", "2022-03-01"},
                    {"language", "en"}});
  REQUIRE(!j.is_discarded());
  auto why = NoEventNotes(j, text, true);
  CHECK(why["0:attack"] ==
        "no event: ASSAULT / attack, a question asserts nothing");
  CHECK(why["1:attacked"] ==
        "no event: ASSAULT / attack, what \"denied\" says or intends (one "
        "event with it)");
  CHECK(why["1:said"] ==
        "no event: STATEMENT / statement, names who is quoted (attribution)");
  CHECK(why["2:protest"] ==
        "no event: PROTEST / protest, one event with \"marched\" (a clause's "
        "verb and its event noun)");
  CHECK(why["3:killed"] ==
        "no event: ASSAULT / killing, one event with \"bombed\" (one event "
        "per type and status in a sentence)");
  CHECK(why.count("1:denied") == 0);
}

TEST_CASE("geotl explain names a habit and a possible act", "[recognize]") {
  // 0: a habit; 1: a possible act.
  const std::string text =
      "Belarusian police regularly arrest protesters in Minsk. Ukraine "
      "reported a possible Russian attack on Kharkiv.";
  auto j = Explain({{"id", "habit"},
                    {"text", text},
                    {"published", "2022-03-01"},
                    {"language", "en"}});
  REQUIRE(!j.is_discarded());
  auto why = NoEventNotes(j, text, true);
  CHECK(why["0:arrest"] ==
        "no event: COERCE / arrest, a habit: its clause says it is done again "
        "and again");
  CHECK(why["1:attack"] == "no event: ASSAULT / attack, hypothetical");
}

}  // namespace

// Article-level decisions behind a mention's country are notes: an office
// in a sentence that opens with a foreign place belongs to that place's
// country, and a party family takes the country the article names most
// that has such a party.
TEST_CASE("geotl explain notes the opening place and the party family",
          "[recognize]") {
  const std::string text =
      "Wien – Die Regierung lobte den Plan. In Havanna kritisierte das "
      "Außenministerium die Sanktionen. Die Republikaner forderten von "
      "Obama und den USA Neuwahlen.";
  auto j = Explain({{"id", "notes"},
                    {"text", text},
                    {"published", "2015-10-12"},
                    {"source", "derStandard"},
                    {"language", "de"}});
  REQUIRE(!j.is_discarded());
  REQUIRE(j["notes"].is_array());
  bool opening = false, family = false;
  for (const auto& n : j["notes"]) {
    const std::string rule = n["rule"];
    if (!n.contains("text")) continue;
    if (n["text"] == "Havanna" && rule.starts_with("opening place:"))
      opening = rule.find("belong to CUB") != std::string::npos;
    if (n["text"] == "Republikaner" && rule.starts_with("party family -> "))
      family = rule.find("-> USA") != std::string::npos;
  }
  CHECK(opening);
  CHECK(family);
}
