// Text preparation: page furniture detection, sentence segmentation (ICU plus
// German/English ordinal and abbreviation repair) and language
// identification. Every offset is a byte offset into the article text exactly
// as received. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace geotl::ingest {

struct Sentence {
  size_t start = 0, end = 0;  // byte offsets, end exclusive, trimmed of blanks
};

struct PreparedText {
  std::vector<Sentence> sentences;  // content sentences only, in text order
  // Byte ranges judged page furniture (comment forms, share buttons, empty
  // captions), excluded from `sentences`.
  std::vector<Sentence> furniture;
  std::string language;  // "de", "en", ... as given or detected
};

// `language`: "de", "en" or "" / "auto" to detect.
PreparedText PrepareText(std::string_view text, std::string_view language);

// Returns "de" or "en" (extensible by lexicon data); "en" when unsure.
std::string DetectLanguage(std::string_view text);

}  // namespace geotl::ingest
