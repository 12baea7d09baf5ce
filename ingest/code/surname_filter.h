// Bare surnames: a single-word mention of a dictionary person ("Kurz",
// "Fischer") stands for that person only when the article also names the
// person in full ("Sebastian Kurz") or with a role noun ("Außenminister
// Kurz"); otherwise it is dropped (a namesake, or a common word). Pure
// function; thread-safe.
#pragma once

#include <vector>

#include "ingest/recognizer.h"

namespace geotl::ingest::code {

// `mentions[i]` are the mentions of sentence i, in place.
void DropUnanchoredSurnames(std::vector<std::vector<Mention>>* mentions);

}  // namespace geotl::ingest::code
