#include "ingest/code/organ_place.h"

#include "geo/country.h"
#include "ingest/code/opening_place.h"

namespace geotl::ingest::code {

std::vector<MentionNote> PlaceOrgans(std::string_view text, size_t sentence,
                                     std::vector<Mention>* mentions) {
  std::vector<MentionNote> notes;
  std::vector<Mention>& v = *mentions;
  for (size_t i = 0; i + 1 < v.size(); ++i) {
    Mention& organ = v[i];
    // A bare organ or office (not a person named without a country).
    if (!organ.home || !organ.actor || !organ.actor->country.empty() ||
        organ.actor->kind == core::ActorKind::kPerson ||
        !organ.home_among.empty())
      continue;
    const Mention& place = v[i + 1];
    if (place.start < organ.end ||
        text.substr(organ.end, place.start - organ.end) != " in ")
      continue;
    const std::string country = MentionCountry(place);
    if (country.empty()) continue;
    organ.home = false;
    organ.actor->country = country;
    organ.actor->code = country + organ.actor->code;
    if (organ.actor->name.empty())
      organ.actor->name = geo::CountryName(country, "en");
    organ.rule +=
        " (in " +
        std::string(text.substr(place.start, place.end - place.start)) + ": " +
        country + ")";
    notes.push_back(MentionNote{
        sentence, organ,
        "an organ in a place: " + country + ", not the home country"});
  }
  return notes;
}

}  // namespace geotl::ingest::code
