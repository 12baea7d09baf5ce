// A mention an article-level rule removed (a stray town, an unanchored
// surname), kept with the reason so `geotl explain` can show it.
#pragma once

#include <cstddef>
#include <string>

#include "ingest/recognizer.h"

namespace geotl::ingest::code {

struct DroppedMention {
  size_t sentence = 0;  // index into the article's sentences
  Mention mention;
  std::string why;
};

}  // namespace geotl::ingest::code
