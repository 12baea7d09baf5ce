// Small towns as their own context: a one-word town under 100,000 people
// that is not a capital (Mention::needs_country, set by the recogniser) is
// read as that town only when the article is at home in its country or
// another mention anywhere in it names that country; otherwise it is a
// common word or a namesake ("Mut" in "Ehrlichkeit, Mut und
// Verantwortung" is no town in Turkey). In a local outlet's article (its
// home is its publisher's country) so is every small town of any length
// (Mention::small_town): a South African paper's "New Brighton" is no
// American town. docs/lexicons.md has the rule. Pure function; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "ingest/code/mention_note.h"
#include "ingest/recognizer.h"

namespace geotl::ingest::code {

// `mentions[i]` are the mentions of sentence i, changed in place; `home`
// is the article's home country (ISO alpha-3, "" when none), `local_outlet`
// whether it is its publisher's. Returns the towns it dropped.
std::vector<MentionNote> DropStrayTowns(
    const std::string& home, bool local_outlet,
    std::vector<std::vector<Mention>>* mentions);

}  // namespace geotl::ingest::code
