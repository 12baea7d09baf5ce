// The closed-class cue lists of lexicons/<lang>/coder_cues.json that the
// coder's rules read: each list loads, German words in German, English in
// English, and affix lists stay out of the per-token masks.
#include <catch2/catch.hpp>

#include "ingest/code/cues.h"
#include "ingest/code/status.h"
#include "ingest/code/tokens.h"

using namespace geotl;
using namespace geotl::ingest::code;
using namespace geotl::ingest;

namespace {

const std::string kLexicons = std::string(GEOTL_TEST_DATA) + "/../../lexicons";

const Cues& CuesFor(const std::string& lang) {
  static auto de = Cues::Load(kLexicons, "de");
  static auto en = Cues::Load(kLexicons, "en");
  auto& r = lang == "de" ? de : en;
  REQUIRE(r.ok());
  return **r;
}

// The single-word mask of each token of `text`.
std::vector<uint64_t> Masks(const std::string& lang, const std::string& text) {
  std::vector<Token> toks;
  Tokenize(text, 0, text.size(), &toks);
  std::vector<uint64_t> word, start;
  CuesFor(lang).Annotate(toks, &word, &start);
  return word;
}

struct Case {
  const char* lang;
  const char* word;
  uint64_t bit;
};

}  // namespace

TEST_CASE("the coder's word lists are lexicon data", "[coder]") {
  const Case cases[] = {
      {"de", "werde", kFutureAux},
      {"de", "worden", kPastPassiveAux},
      {"de", "zu", kInfinitiveMarkers},
      {"de", "für", kPurposePreps},
      {"en", "for", kPurposePreps},
      {"de", "diese", kDefiniteDeterminers},
      {"en", "this", kDefiniteDeterminers},
      {"de", "war", kLocativeBreaks},
      {"en", "war", kLocativeBreaks},
      {"de", "des", kGenitiveMarkers},
      {"en", "of", kGenitiveMarkers},
      {"de", "matrosen", kPeopleWords},
      {"en", "civilians", kPeopleWords},
      {"de", "infolge", kBackgroundPreps},
      {"en", "amid", kBackgroundPreps},
      {"de", "als", kNotClauseOpeners},
      {"en", "as", kNotClauseOpeners},
  };
  for (const auto& c : cases) {
    INFO(c.lang << " " << c.word);
    auto m = Masks(c.lang, c.word);
    REQUIRE(m.size() == 1);
    CHECK((m[0] & c.bit) != 0);
  }
  // Each list in its own language only.
  CHECK((Masks("en", "ist")[0] & kLocativeBreaks) == 0);
  CHECK((Masks("de", "the")[0] & kDefiniteDeterminers) == 0);
}

TEST_CASE("participles by the language's affixes and forms", "[coder]") {
  CHECK(IsParticiple(CuesFor("de"), "getötet"));
  CHECK(IsParticiple(CuesFor("de"), "festgenommen"));
  CHECK(IsParticiple(CuesFor("de"), "stationiert"));
  CHECK_FALSE(IsParticiple(CuesFor("de"), "angreifen"));
  CHECK(IsParticiple(CuesFor("en"), "attacked"));
  CHECK(IsParticiple(CuesFor("en"), "held"));
  CHECK_FALSE(IsParticiple(CuesFor("en"), "attack"));
  // Affixes are not words: "ge" alone is no cue of any token list.
  CHECK(Masks("de", "ge")[0] == 0);
}
