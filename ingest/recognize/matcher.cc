#include "ingest/recognize/matcher.h"

namespace geotl::ingest::recognize {
namespace {

bool CaseOk(const Entry& e, const TokenBuffer& tb, uint32_t first,
            uint32_t last) {
  switch (e.case_rule) {
    case CaseRule::kAny:
      return true;
    case CaseRule::kCapitalized:
      return tb.tokens[first].upper_first;
    case CaseRule::kAllCaps:
      for (uint32_t i = first; i <= last; ++i) {
        if (!tb.tokens[i].all_caps) return false;
      }
      return true;
  }
  return false;
}

}  // namespace

void MatchTokens(const Dictionary& dict, const TokenBuffer& tb,
                 uint32_t lang_bit, MatchBuffer* out) {
  const size_t n = tb.tokens.size();
  out->ids.resize(n);
  out->matches.clear();
  out->candidates.clear();
  for (size_t i = 0; i < n; ++i)
    out->ids[i] = dict.TokenId(tb.Norm(tb.tokens[i]));
  size_t i = 0;
  while (i < n) {
    uint32_t node = 0;
    int64_t best_last = -1;
    uint32_t best_begin = 0, best_end = 0;
    for (size_t j = i; j < n; ++j) {
      if (j > i && tb.tokens[j].hard_gap) break;
      uint32_t id = out->ids[j];
      if (id == Dictionary::kNoToken) break;
      uint32_t child = dict.Child(node, id);
      if (child == 0) break;
      node = child;
      const std::vector<uint32_t>& entries = dict.EntriesAt(node);
      if (entries.empty()) continue;
      uint32_t begin = static_cast<uint32_t>(out->candidates.size());
      for (uint32_t e : entries) {
        const Entry& entry = dict.entry(e);
        if ((entry.lang_mask & lang_bit) == 0) continue;
        if (!CaseOk(entry, tb, static_cast<uint32_t>(i),
                    static_cast<uint32_t>(j)))
          continue;
        out->candidates.push_back(e);
      }
      uint32_t end = static_cast<uint32_t>(out->candidates.size());
      if (end > begin) {
        // A longer match replaces the shorter one's candidates.
        if (best_last >= 0) {
          out->candidates.erase(out->candidates.begin() + best_begin,
                                out->candidates.begin() + best_end);
          begin -= best_end - best_begin;
          end -= best_end - best_begin;
        }
        best_last = static_cast<int64_t>(j);
        best_begin = begin;
        best_end = end;
      }
    }
    if (best_last >= 0) {
      out->matches.push_back({static_cast<uint32_t>(i),
                              static_cast<uint32_t>(best_last), best_begin,
                              best_end});
      i = static_cast<size_t>(best_last) + 1;
    } else {
      ++i;
    }
  }
}

}  // namespace geotl::ingest::recognize
