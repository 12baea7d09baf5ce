#include "ingest/code/opening_place.h"

namespace geotl::ingest::code {

std::string OpeningPlaceCountry(std::string_view text, const Sentence& sentence,
                                const std::vector<Mention>& mentions) {
  size_t at = sentence.start;
  // Opening quotes or a dash of a dateline are no part of the phrase.
  while (at < sentence.end && (text[at] == '"' || text[at] == ' ')) ++at;
  if (sentence.end - at < 4 || text.substr(at, 3) != "In ") return "";
  at += 3;
  for (const Mention& m : mentions) {
    if (m.start < at) continue;
    if (m.start > at) break;
    std::string country;
    if (m.place && m.place->country.size() == 3)
      country = m.place->country;
    else if (m.kind == MentionKind::kCountry && m.actor &&
             m.actor->country.size() == 3)
      country = m.actor->country;
    return country;
  }
  return "";
}

}  // namespace geotl::ingest::code
