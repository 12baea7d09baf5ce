// Where a brief happens when it names no place but a seat of government:
// "protested in front of Parliament", "outside the Ministry of Finance",
// "vor dem Präsidentenpalast" happen in the capital of the story's country
// (the capitals of lexicons/en/capitals.json, read through the gazetteer).
// Pure functions; thread-safe.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/event.h"
#include "core/status.h"
#include "geo/gazetteer.h"
#include "ingest/code/cues.h"

namespace geotl::ingest::code {

// Country alpha-3 -> its capital's English GeoNames name.
using Capitals = std::map<std::string, std::string>;

// Reads <dir>/en/capitals.json ("entries": [{"country", "city"}]); NotFound
// when the file is missing.
core::Result<Capitals> LoadCapitals(const std::string& dir);

// The capital of `country` when `text` names one of the cue list
// `seat_nouns` (whole words, case folded); nothing otherwise or when the
// gazetteer does not know the capital.
std::optional<core::Place> SeatPlace(const geo::Gazetteer& g,
                                     std::string_view text, const Cues& cues,
                                     const Capitals& capitals,
                                     const std::string& country);

}  // namespace geotl::ingest::code
