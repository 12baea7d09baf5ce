// An organisation named only to say what the country after it is ("das
// Nato-Land Türkei", "EU-Mitglied Ungarn", "NATO member Turkey"): the
// country is the party; the organisation's mention is dropped. The words
// between are the cue list `member_nouns`. Pure function; thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include "ingest/code/cues.h"
#include "ingest/code/mention_note.h"
#include "ingest/recognizer.h"

namespace geotl::ingest::code {

// `mentions[i]` are the mentions of sentence i of `text`, in place. Returns
// the organisations it dropped.
std::vector<MentionNote> DropMemberDescriptors(
    std::string_view text, const Cues& cues,
    std::vector<std::vector<Mention>>* mentions);

}  // namespace geotl::ingest::code
