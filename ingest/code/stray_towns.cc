#include "ingest/code/stray_towns.h"

#include <set>

namespace geotl::ingest::code {

std::vector<MentionNote> DropStrayTowns(
    const std::string& home, bool local_outlet,
    std::vector<std::vector<Mention>>* mentions) {
  const auto stray = [&](const Mention& m) {
    return m.needs_country || (local_outlet && m.small_town);
  };
  std::set<std::string> named;
  if (!home.empty()) named.insert(home);
  for (const auto& v : *mentions)
    for (const Mention& m : v) {
      if (stray(m)) continue;
      if (m.actor && !m.actor->country.empty()) named.insert(m.actor->country);
      if (m.place && !m.place->country.empty()) named.insert(m.place->country);
    }
  return DropMentions(mentions, [&](const Mention& m) -> std::string {
    if (!stray(m) || !m.place || named.count(m.place->country)) return "";
    std::string why = "small town of " + m.place->country +
                      ", a country the article does not otherwise name";
    if (!home.empty()) why += " (home " + home + ")";
    return why;
  });
}

}  // namespace geotl::ingest::code
