#include "ingest/code/story_place.h"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>

#include "ingest/code/gazetteer_place.h"

namespace geotl::ingest::code {
namespace {

// Some sentence names `country` itself (its name, an adjective, one of its
// organs or people).
bool NamesCountry(const std::vector<std::vector<Mention>>& mentions,
                  const std::string& country) {
  for (const auto& v : mentions)
    for (const Mention& m : v)
      if (!m.home && ((m.actor && m.actor->country == country) ||
                      (m.place && m.place->country == country)))
        return true;
  return false;
}

// The countries the text names (names, adjectives, organs, places but
// small towns, which need a country of their own), in order, none twice.
std::vector<std::string> TextCountries(
    const std::vector<std::vector<Mention>>& mentions) {
  std::vector<std::string> out;
  for (const auto& v : mentions)
    for (const Mention& m : v) {
      if (m.home || m.small_town) continue;
      std::string c = m.place ? m.place->country : "";
      if (c.size() != 3 && m.actor) c = m.actor->country;
      if (c.size() == 3 && std::find(out.begin(), out.end(), c) == out.end())
        out.push_back(std::move(c));
    }
  return out;
}

}  // namespace

StoryHome ReadStoryPlace(HomeCountry home, std::string_view source,
                         const geo::Gazetteer* gazetteer, std::string_view text,
                         const std::vector<Sentence>& sentences,
                         const Cues& cues,
                         const std::vector<std::vector<Mention>>& mentions) {
  StoryHome out;
  const bool brief = sentences.size() <= kBriefSentences;
  // A note with no dateline, publisher or named country: the country of
  // its place ("Police clashed with ... in Kampala"); so too a story that
  // happens abroad, far from its publisher (a wire service's "in Sirte"
  // with the publisher's country never named).
  if (gazetteer &&
      (home.country.empty() || home.source == HomeSource::kPublisher)) {
    // A local outlet's country is context: its note's "in Tur" is no Tours
    // (geo::kForeignAlternateMaxPopulation), and a small town abroad needs
    // a country the text names (geo::PlaceContext::local_outlet).
    std::vector<std::string> context;
    if (!home.country.empty()) context.push_back(home.country);
    const bool local = home.source == HomeSource::kPublisher;
    if (local)
      for (std::string& c : TextCountries(mentions))
        if (c != home.country) context.push_back(std::move(c));
    std::optional<core::Place> first =
        FirstPlace(*gazetteer, text, sentences, cues, context, local);
    const std::string place = first ? first->country : "";
    if (!place.empty() && !home.country.empty() && place != home.country &&
        !NamesCountry(mentions, home.country)) {
      home.why =
          "gazetteer place (publisher " + std::string(source) + " abroad)";
      home.country = place;
      home.source = HomeSource::kPlace;
    } else if (!place.empty() && home.country.empty()) {
      home.country = place;
      home.why = "gazetteer place";
      home.source = HomeSource::kPlace;
    }
    // The story's place: the first one named, in the country the story is
    // at home in (a note's "in Baidoa"; a local paper's brief). A long
    // story's first place may be a passing one.
    if (first && home.country == place &&
        (home.source == HomeSource::kPlace || brief) &&
        first->precision != core::PlacePrecision::kCountry) {
      home.place = std::move(*first);
      home.place->text.clear();  // named elsewhere: no place of its own
      out.story_place = true;
    }
  }
  if (home.country.empty()) home = NoteHome(mentions);
  // A local paper's brief: the first town it names in its own country
  // ("20 teachers from a Kisangani primary school", Radio Okapi).
  if (brief && !out.story_place && !home.place &&
      home.source == HomeSource::kPublisher)
    if (HomeCountry note = NoteHome(mentions);
        note.place && note.country == home.country) {
      home.place = std::move(note.place);
      out.story_place = true;
    }
  out.home_is_place = home.source == HomeSource::kDateline ||
                      home.source == HomeSource::kPlace || out.story_place ||
                      (brief && home.source == HomeSource::kPublisher);
  out.home = std::move(home);
  return out;
}

}  // namespace geotl::ingest::code
