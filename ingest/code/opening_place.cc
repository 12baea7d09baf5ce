#include "ingest/code/opening_place.h"

#include <utility>

namespace geotl::ingest::code {

std::string MentionCountry(const Mention& m) {
  if (m.place && m.place->country.size() == 3) return m.place->country;
  if (m.kind == MentionKind::kCountry && m.actor &&
      m.actor->country.size() == 3)
    return m.actor->country;
  return "";
}

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
    std::string country = MentionCountry(m);
    if (country.empty()) return {};
    return {&m, std::move(country)};
  }
  return {};
}

}  // namespace geotl::ingest::code
