#include "ingest/recognize/dictionary.h"

#include <algorithm>

#include "ingest/recognize/normalize.h"

namespace geotl::ingest::recognize {

uint32_t Dictionary::LanguageBit(std::string_view lang) {
  if (lang.empty() || lang == "*") return ~0u;
  auto it = languages_.find(std::string(lang));
  if (it != languages_.end()) return it->second;
  uint32_t bit = languages_.size() < 30 ? 1u << languages_.size() : 0;
  languages_.emplace(std::string(lang), bit);
  return bit;
}

uint32_t Dictionary::LanguageBitConst(std::string_view lang) const {
  if (lang.empty() || lang == "*") return ~0u;
  auto it = languages_.find(std::string(lang));
  return it == languages_.end() ? 1u << 31 : it->second;
}

uint32_t Dictionary::CountryRef(std::string_view code) {
  auto it = country_refs_.find(std::string(code));
  if (it != country_refs_.end()) return it->second;
  uint32_t ref = static_cast<uint32_t>(countries.size());
  countries.emplace_back(code);
  country_refs_.emplace(std::string(code), ref);
  return ref;
}

void Dictionary::Add(std::string_view surface, Entry entry) {
  std::vector<std::string> tokens = FoldedTokens(surface);
  if (tokens.empty()) return;
  uint32_t node = 0;
  for (const std::string& t : tokens) {
    auto [tit, tnew] =
        token_ids_.emplace(t, static_cast<uint32_t>(token_ids_.size()));
    uint64_t key = (static_cast<uint64_t>(node) << 32) | tit->second;
    auto eit = edges_.find(key);
    if (eit == edges_.end()) {
      uint32_t child = static_cast<uint32_t>(node_entries_.size());
      node_entries_.emplace_back();
      eit = edges_.emplace(key, child).first;
    }
    node = eit->second;
  }
  // One entry per (type, ref, sector, case, languages) at a node.
  for (uint32_t id : node_entries_[node]) {
    Entry& e = entries_[id];
    if (e.type == entry.type && e.ref == entry.ref &&
        e.sector == entry.sector && e.case_rule == entry.case_rule) {
      e.lang_mask |= entry.lang_mask;
      return;
    }
  }
  node_entries_[node].push_back(static_cast<uint32_t>(entries_.size()));
  entries_.push_back(std::move(entry));
}

}  // namespace geotl::ingest::recognize
