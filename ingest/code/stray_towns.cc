#include "ingest/code/stray_towns.h"

#include <set>

namespace geotl::ingest::code {

std::vector<MentionNote> DropStrayTowns(
    const std::string& home, std::vector<std::vector<Mention>>* mentions) {
  std::set<std::string> named;
  if (!home.empty()) named.insert(home);
  for (const auto& v : *mentions)
    for (const Mention& m : v) {
      if (m.needs_country) continue;
      if (m.actor && !m.actor->country.empty()) named.insert(m.actor->country);
      if (m.place && !m.place->country.empty()) named.insert(m.place->country);
    }
  return DropMentions(mentions, [&](const Mention& m) -> std::string {
    if (!m.needs_country || !m.place || named.count(m.place->country))
      return "";
    std::string why = "small town of " + m.place->country +
                      ", a country the article does not otherwise name";
    if (!home.empty()) why += " (home " + home + ")";
    return why;
  });
}

}  // namespace geotl::ingest::code
