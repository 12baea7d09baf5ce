// Bare surnames: a single-word mention of a dictionary person ("Kurz",
// "Fischer") stands for that person only when the article also names the
// person in full ("Sebastian Kurz") or with a role noun ("Außenminister
// Kurz"), or when the person held an office on the sentence's date and the
// word is no common word of the article (no lower-case "kurz" in its text);
// otherwise it is dropped (a namesake, or a common word). Pure function;
// thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include "ingest/code/mention_note.h"
#include "ingest/recognizer.h"

namespace geotl::ingest::code {

// `mentions[i]` are the mentions of sentence i of `text`, in place. Returns
// the surnames it dropped.
std::vector<MentionNote> DropUnanchoredSurnames(
    std::string_view text, std::vector<std::vector<Mention>>* mentions);

}  // namespace geotl::ingest::code
