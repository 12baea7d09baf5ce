#include "ingest/text.h"

#include <array>
#include <cctype>
#include <string>

#include "ingest/text_furniture.h"
#include "ingest/text_segment.h"

namespace geotl::ingest {
namespace {

// Language profiles: frequent function words. Adding a language = adding a
// row (and its lexicons under lexicons/<lang>/).
struct Profile {
  std::string_view language;
  std::array<std::string_view, 24> words;
};

constexpr std::array<Profile, 2> kProfiles = {{
    {"de", {"der", "die", "das",  "und",  "ist",  "nicht", "mit",  "von",
            "den", "dem", "sich", "auf",  "für",  "eine",  "ein",  "zu",
            "im",  "des", "auch", "wird", "sind", "wurde", "nach", "bei"}},
    {"en", {"the",  "and",  "of",   "to",  "is", "in",   "that", "for",
            "was",  "with", "on",   "are", "by", "from", "has",  "have",
            "said", "were", "this", "it",  "at", "an",   "be",   "its"}},
}};

}  // namespace

std::string DetectLanguage(std::string_view text) {
  // Score the first ~4 KB: count function words per profile.
  std::string_view sample = text.substr(0, 4096);
  std::array<int, kProfiles.size()> score{};
  size_t i = 0;
  std::string word;
  while (i < sample.size()) {
    while (i < sample.size() &&
           !(std::isalpha(static_cast<unsigned char>(sample[i])) ||
             static_cast<unsigned char>(sample[i]) >= 0x80))
      ++i;
    word.clear();
    while (i < sample.size() &&
           (std::isalpha(static_cast<unsigned char>(sample[i])) ||
            static_cast<unsigned char>(sample[i]) >= 0x80)) {
      char c = sample[i++];
      word.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
    }
    if (word.empty()) continue;
    for (size_t p = 0; p < kProfiles.size(); ++p) {
      for (std::string_view w : kProfiles[p].words) {
        if (w == word) {
          ++score[p];
          break;
        }
      }
    }
  }
  size_t best = 1;  // "en" when unsure
  for (size_t p = 0; p < kProfiles.size(); ++p) {
    if (score[p] > score[best]) best = p;
  }
  return std::string(kProfiles[best].language);
}

PreparedText PrepareText(std::string_view text, std::string_view language) {
  PreparedText out;
  out.language = (language.empty() || language == "auto")
                     ? DetectLanguage(text)
                     : std::string(language);
  std::vector<Line> lines = SplitLines(text);
  std::vector<bool> furniture = FurnitureLines(text, lines);
  auto blank_line = [&](const Line& l) {
    for (size_t i = l.start; i < l.end; ++i) {
      char c = text[i];
      if (c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != '\v')
        return false;
    }
    return true;
  };
  // Blocks: runs of non-blank content lines; furniture lines end a block.
  size_t block_start = 0, block_end = 0;
  bool in_block = false;
  auto flush = [&] {
    if (in_block) {
      SegmentBlock(text, block_start, block_end, out.language, &out.sentences);
    }
    in_block = false;
  };
  for (size_t k = 0; k < lines.size(); ++k) {
    const Line& l = lines[k];
    if (blank_line(l)) {
      flush();
      continue;
    }
    if (furniture[k]) {
      flush();
      size_t b = l.start, e = l.end;
      while (b < e && (text[b] == ' ' || text[b] == '\t')) ++b;
      while (e > b &&
             (text[e - 1] == ' ' || text[e - 1] == '\t' || text[e - 1] == '\r'))
        --e;
      out.furniture.push_back({b, e});
      continue;
    }
    if (!in_block) {
      in_block = true;
      block_start = l.start;
    }
    block_end = l.end;
  }
  flush();
  return out;
}

}  // namespace geotl::ingest
