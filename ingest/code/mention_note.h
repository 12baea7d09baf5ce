// A mention an article-level rule removed (a stray town, an unanchored
// surname) or read anew (a bare office), kept with the reason so `geotl
// explain` can show it.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "ingest/recognizer.h"

namespace geotl::ingest::code {

struct MentionNote {
  size_t sentence = 0;  // index into the article's sentences
  Mention mention;
  std::string why;
};

// Removes from `mentions` (per sentence) every mention for which `why`
// (const Mention&) -> std::string gives a reason, and returns them with it.
template <class Why>
std::vector<MentionNote> DropMentions(
    std::vector<std::vector<Mention>>* mentions, Why why) {
  std::vector<MentionNote> dropped;
  for (size_t si = 0; si < mentions->size(); ++si) {
    std::vector<Mention>& v = (*mentions)[si];
    std::vector<Mention> kept;
    kept.reserve(v.size());
    for (Mention& m : v) {
      std::string reason = why(m);
      if (reason.empty())
        kept.push_back(std::move(m));
      else
        dropped.push_back(MentionNote{si, std::move(m), std::move(reason)});
    }
    v = std::move(kept);
  }
  return dropped;
}

}  // namespace geotl::ingest::code
