// Persons the article introduces with a role and a name ("U.S. Secretary of
// State Madeleine Albright", "Bürgermeister Klaus Schneeberger") are named
// by their surname afterwards ("Albright said", "so Schneeberger"). Each
// later capitalised occurrence of the surname, outside other mentions,
// becomes a mention of that person with the role's actor. Pure function;
// thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include "ingest/recognizer.h"
#include "ingest/text.h"

namespace geotl::ingest::code {

// `mentions[i]` are the mentions of `sentences[i]`, in place; run after the
// home country is applied, so that the copies carry it.
void AddSurnameMentions(std::string_view text,
                        const std::vector<Sentence>& sentences,
                        std::vector<std::vector<Mention>>* mentions);

}  // namespace geotl::ingest::code
