// Longest-match scan of a tokenised sentence against the Dictionary: at each
// token the longest token sequence with an entry acceptable for the language
// and the token case wins; matches never overlap and never cross hard
// punctuation. Pure; thread-safe (state lives in the caller's buffers).
#pragma once

#include <cstdint>
#include <vector>

#include "ingest/recognize/dictionary.h"
#include "ingest/recognize/normalize.h"

namespace geotl::ingest::recognize {

struct RawMatch {
  uint32_t first = 0, last = 0;           // token indexes, inclusive
  uint32_t cand_begin = 0, cand_end = 0;  // into MatchBuffer::candidates
};

struct MatchBuffer {
  std::vector<uint32_t> ids;  // token id per token
  std::vector<RawMatch> matches;
  std::vector<uint32_t> candidates;  // entry ids
};

void MatchTokens(const Dictionary& dict, const TokenBuffer& tokens,
                 uint32_t lang_bit, MatchBuffer* out);

}  // namespace geotl::ingest::recognize
