// Turns raw dictionary matches of one sentence into Mentions: joins country
// adjectives/genitives with role nouns and names ("Japans Außenminister
// Fumio Kishida", "the foreign minister of Japan"), resolves persons and
// groups as of a date (a dated role beats a role noun in the text), and
// picks among place readings by country context, admin words ("Provinz
// Kyoto") and population. Pure; thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include "ingest/recognize/dictionary.h"
#include "ingest/recognize/matcher.h"
#include "ingest/recognize/normalize.h"
#include "ingest/recognizer.h"

namespace geotl::ingest::recognize {

void Compose(const Dictionary& dict, std::string_view text,
             const TokenBuffer& tokens, const MatchBuffer& matches,
             core::Date as_of, std::string_view language,
             std::vector<Mention>* out);

// The role of `entity` on `as_of` (not_a_date_time: its latest role), or
// nullptr if none is active.
const DatedRole* ActiveRole(const Entity& entity, core::Date as_of);

}  // namespace geotl::ingest::recognize
