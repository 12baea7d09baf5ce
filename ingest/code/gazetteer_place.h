// GazetteerPlace: the event's place from the GeoNames gazetteer, for names
// the recogniser does not know ("in Handwara (Kupwara, Jammu and
// Kashmir)", "near Yola, Adamawa state", "in the town of Mandera"). A run
// of capitalised words after a locative preposition (optionally after "the
// town/village/district of") is looked up longest first; admin names
// written next to it and the countries of the sentence and the article
// disambiguate (geo/place_resolver.h). Pure; thread-safe.
#pragma once

#include <optional>

#include "core/event.h"
#include "ingest/code/sentence_state.h"
#include "ingest/text.h"

namespace geotl::ingest::code {

struct GazetteerHit {
  core::Place place;        // text = the words of the article
  int first = 0, last = 0;  // tokens of the name
  int distance = 0;         // to the trigger, +50 outside its clause
  // A name the gazetteer does not know, placed in the story's country
  // (UnknownPlace in gazetteer_place.cc): the place's text, the country's
  // name and precision.
  bool unknown = false;
  // Read from the word for a settlement after it, not from a preposition
  // ("raided Gouzoudou village").
  bool settlement = false;
};

// Every place name the gazetteer reads after a locative preposition of the
// sentence, in text order, then every name before a word for a settlement
// (distance unset). `actor_countries` add context.
std::vector<GazetteerHit> GazetteerPlaces(
    const SentenceState& s, const std::vector<std::string>& actor_countries);

// The place nearest the predicate's trigger, or nothing (no gazetteer, no
// name, or an ambiguous one). `actor_countries` are the event's parties.
std::optional<GazetteerHit> GazetteerPlace(
    const SentenceState& s, const Predicate& p,
    const std::vector<std::string>& actor_countries);

// The sentence's place readings for `geotl explain`: every name
// GazetteerPlaces reads, and every recognised town ResolveMention re-reads,
// in text order.
std::vector<SentencePlace> PlaceReadings(const SentenceState& s);

// Re-resolves a recognised place mention's text with the sentence's
// context; nothing when the gazetteer does not know it.
std::optional<core::Place> ResolveMention(
    const SentenceState& s, const core::Place& known, std::string_view text,
    const std::vector<std::string>& countries);

// The first place name after a locative preposition that the gazetteer
// resolves with no context but `countries` (the publisher's, say), in the
// first three sentences (its `text` as written); nothing if none. The
// place, and home country, of a note with no dateline ("Two people were
// killed ... in Baidoa"). `local_outlet`: `countries` opens with a local
// outlet's country (geo::PlaceContext::local_outlet).
std::optional<core::Place> FirstPlace(
    const geo::Gazetteer& g, std::string_view text,
    const std::vector<Sentence>& sentences, const Cues& cues,
    const std::vector<std::string>& countries = {}, bool local_outlet = false);

}  // namespace geotl::ingest::code
