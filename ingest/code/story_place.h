// Where a story happens when no dateline says so: the first place the
// gazetteer reads after a locative preposition ("in Baidoa") or the first
// town the recogniser names. It gives a note without dateline, publisher
// or named country its home; it moves a publisher's story abroad when the
// publisher's country is never named; and in a brief (a note of a few
// sentences about one event) it is the story's place. Pure functions;
// thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include "geo/gazetteer.h"
#include "ingest/code/cues.h"
#include "ingest/code/home_country.h"
#include "ingest/recognizer.h"
#include "ingest/text.h"

namespace geotl::ingest::code {

// A brief: a note or news brief of at most this many sentences, about one
// event; its first place named is the story's place.
inline constexpr size_t kBriefSentences = 4;

struct StoryHome {
  HomeCountry home;
  // home.place is the first place the story names, where it happens.
  bool story_place = false;
  // The story happens in its home country: a dateline's, a place's, or a
  // local outlet's brief ("Boko Haram raided a village", Camer.be: in
  // Cameroon). An event that names no place of its own takes it.
  bool home_is_place = false;
};

// `home` from FindHomeCountry for an article from `source`, refined by the
// story's places. `gazetteer` may be null (then only the recogniser's towns
// count); `mentions[i]` are the mentions of `sentences[i]`.
StoryHome ReadStoryPlace(HomeCountry home, std::string_view source,
                         const geo::Gazetteer* gazetteer, std::string_view text,
                         const std::vector<Sentence>& sentences,
                         const Cues& cues,
                         const std::vector<std::vector<Mention>>& mentions);

}  // namespace geotl::ingest::code
