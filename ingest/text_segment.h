// Sentence segmentation of one block of text: ICU's sentence iterator, then
// repair of the splits it gets wrong in news text — German ordinals ("am
// 2. November"), abbreviations ("z. B.", "Dr.", "U.S.", "Nov."), initials
// ("George W. Bush"). Offsets are bytes into the caller's text. Thread-safe
// (one cached ICU iterator per thread and language).
#pragma once

#include <string_view>
#include <vector>

#include "ingest/text.h"

namespace geotl::ingest {

// Appends the sentences of text[begin, end) to `out`, trimmed of blanks.
// Single newlines inside the block end a sentence only after a short line
// (a headline); wrapped long lines are joined.
void SegmentBlock(std::string_view text, size_t begin, size_t end,
                  std::string_view language, std::vector<Sentence>* out);

// True if a sentence split after `before` (text up to the break) and before
// `after` should be undone (ordinal, abbreviation or initial).
bool ShouldJoin(std::string_view before, std::string_view after,
                std::string_view language);

}  // namespace geotl::ingest
