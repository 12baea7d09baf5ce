#include "ingest/code/opening_place.h"

namespace geotl::ingest::code {

OpeningPlace FindOpeningPlace(std::string_view text, const Sentence& sentence,
                              const std::vector<Mention>& mentions) {
  size_t at = sentence.start;
  // Opening quotes or a dash of a dateline are no part of the phrase.
  while (at < sentence.end && (text[at] == '"' || text[at] == ' ')) ++at;
  if (sentence.end - at < 4 || text.substr(at, 3) != "In ") return {};
  at += 3;
  for (const Mention& m : mentions) {
    if (m.start < at) continue;
    if (m.start > at) break;
    if (m.place && m.place->country.size() == 3) return {&m, m.place->country};
    if (m.kind == MentionKind::kCountry && m.actor &&
        m.actor->country.size() == 3)
      return {&m, m.actor->country};
    return {};
  }
  return {};
}

}  // namespace geotl::ingest::code
