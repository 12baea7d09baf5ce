// Token folding with byte offsets, separator classes, and generated forms.
#include "ingest/recognize/normalize.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "ingest/recognize/inflect.h"

namespace geotl::ingest::recognize {
namespace {

TEST_CASE("tokens fold but keep byte offsets", "[recognize]") {
  struct {
    const char* text;
    std::vector<std::string> folded;
  } cases[] = {
      {"Außenminister", {"aussenminister"}},
      {"Pjöngjang", {"pjongjang"}},
      {"Côte d’Ivoire", {"cote", "d", "ivoire"}},
      {"US-Raketenabwehr", {"us", "raketenabwehr"}},
      {"U.S. Navy", {"u", "s", "navy"}},
      {"Шойгу", {"шоигу"}},
      {"Russia's army", {"russia", "s", "army"}},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(FoldedTokens(c.text) == c.folded);
  }
  std::string text = "»Japans Außenminister«, sagte er.";
  TokenBuffer tb;
  Tokenize(text, 0, text.size(), &tb);
  REQUIRE(tb.tokens.size() == 4);
  CHECK(text.substr(tb.tokens[1].start,
                    tb.tokens[1].end - tb.tokens[1].start) == "Außenminister");
  CHECK(tb.tokens[0].upper_first);
  CHECK(!tb.tokens[0].all_caps);
  CHECK(tb.tokens[0].hard_gap);   // the opening guillemet
  CHECK(!tb.tokens[1].hard_gap);  // a blank
  CHECK(tb.tokens[2].hard_gap);   // "«,"
  CHECK(!tb.tokens[2].upper_first);
}

TEST_CASE("generated German and English forms", "[recognize]") {
  CHECK(GermanGenitives("Russland") == std::vector<std::string>{"Russlands"});
  CHECK(GermanGenitives("USA").empty());
  CHECK(GermanGenitives("Schweiz").empty());
  CHECK(GermanAdjectiveForms("japanisch") ==
        std::vector<std::string>{"japanisch", "japanische", "japanischen",
                                 "japanischer", "japanisches", "japanischem"});
  auto russe = GermanDemonymForms("Russe");
  CHECK(std::find(russe.begin(), russe.end(), "Russen") != russe.end());
  CHECK(std::find(russe.begin(), russe.end(), "Russin") != russe.end());
  auto japaner = GermanDemonymForms("Japaner");
  CHECK(std::find(japaner.begin(), japaner.end(), "Japanerin") !=
        japaner.end());
  auto soldat = GermanNounForms("Soldat");
  CHECK(std::find(soldat.begin(), soldat.end(), "Soldaten") != soldat.end());
  CHECK(EnglishPlurals("army") == std::vector<std::string>{"army", "armies"});
  CHECK(EnglishPlurals("Japanese") == std::vector<std::string>{"Japanese"});
  CHECK(EnglishPlurals("Russian") ==
        std::vector<std::string>{"Russian", "Russians"});
}

}  // namespace
}  // namespace geotl::ingest::recognize
