// Page furniture detection: which lines of a scraped article are comment
// forms, share buttons, navigation or empty captions ("Chinas Reaktion …:"
// with nothing after it) rather than content. Works on whole lines so no
// content sentence is ever cut. Pure functions; thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include "ingest/text.h"

namespace geotl::ingest {

// One line of the text: byte range without its line terminator.
struct Line {
  size_t start = 0, end = 0;
};

// Splits `text` into lines (\n, \r\n or \r terminated).
std::vector<Line> SplitLines(std::string_view text);

// Marks each line furniture (true) or not. Blank lines are never furniture.
std::vector<bool> FurnitureLines(std::string_view text,
                                 const std::vector<Line>& lines);

// True if the single line (trimmed) is a known furniture phrase.
bool IsFurniturePhrase(std::string_view line);

}  // namespace geotl::ingest
