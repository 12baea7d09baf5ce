#include "ingest/code/organ_place.h"

#include "geo/country.h"

namespace geotl::ingest::code {

namespace {

// The country a place or country mention names, "" if none.
std::string CountryOf(const Mention& m) {
  if (m.kind == MentionKind::kPlace && m.place && m.place->country.size() == 3)
    return m.place->country;
  if (m.kind == MentionKind::kCountry && m.actor &&
      m.actor->country.size() == 3)
    return m.actor->country;
  return "";
}

}  // namespace

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
    const std::string country = CountryOf(place);
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
