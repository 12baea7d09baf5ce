// WordParts (ingest/code/tokens): the parts of a hyphenated or dotted word,
// as the assertion rules ("Standard-Gespräch" holds "standard") and the bare
// offices ("SPÖ-Chef", "U.S.-Botschafter") read them.
#include <catch2/catch.hpp>
#include <string_view>
#include <vector>

#include "ingest/code/tokens.h"

using geotl::ingest::code::WordParts;
using Parts = std::vector<std::string_view>;

TEST_CASE("word parts: split at the separators, empty parts dropped") {
  CHECK(WordParts("standard-gespräch", "-") == Parts{"standard", "gespräch"});
  CHECK(WordParts("spö-chef", "-.") == Parts{"spö", "chef"});
  CHECK(WordParts("u.s.-botschafter", "-.") == Parts{"u", "s", "botschafter"});
  CHECK(WordParts("u.s.-botschafter", "-") == Parts{"u.s.", "botschafter"});
  CHECK(WordParts("--a--", "-") == Parts{"a"});
  CHECK(WordParts("kanzler", "-.") == Parts{"kanzler"});
  CHECK(WordParts("", "-").empty());
  CHECK(WordParts("-", "-").empty());
}
