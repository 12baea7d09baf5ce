// Encodings of the evidence, evidence index and tombstone families.
#include "store/evidence.h"

#include "core/event_json.h"
#include "store/dedup.h"
#include "store/key_codec.h"

namespace geotl::store {

std::string EncodeEvidence(std::string_view article, const core::Event& e) {
  std::string v;
  PutBE32(&v, static_cast<uint32_t>(article.size()));
  v.append(article);
  if (e.merged_into.empty()) {
    v += ToJsonLine(e);
  } else {
    core::Event copy = e;
    copy.merged_into.clear();
    v += ToJsonLine(copy);
  }
  return v;
}

core::Result<EvidenceRecord> DecodeEvidence(std::string_view value) {
  if (value.size() < 4)
    return core::Status::Corruption("malformed evidence record");
  uint32_t n = GetBE32(value.data());
  if (value.size() < 4 + size_t(n))
    return core::Status::Corruption("malformed evidence record");
  EvidenceRecord r;
  r.article.assign(value.substr(4, n));
  auto e = core::EventFromJsonText(value.substr(4 + n));
  if (!e.ok())
    return core::Status::Corruption("malformed evidence event: " +
                                    e.status().message());
  r.event = std::move(e).value();
  return r;
}

std::string EvidencePrefix(std::string_view dedup_key) {
  std::string k(dedup_key);
  for (char& c : k)
    if (c == '\0') c = '?';
  k.push_back('\0');
  return k;
}

std::string EvidenceKey(std::string_view dedup_key, uint32_t start,
                        std::string_view id) {
  std::string k = EvidencePrefix(dedup_key);
  PutBE32(&k, start);
  k.append(id);
  return k;
}

std::string EvidenceKeyOf(const core::Event& e) {
  return EvidenceKey(DedupKey(e), core::DayKey(e.date.start), e.id);
}

std::string EvidenceIndexValue(uint32_t end) {
  std::string v;
  PutBE32(&v, end);
  return v;
}

std::optional<EvidenceKeyParts> ParseEvidenceKey(std::string_view key) {
  size_t nul = key.find('\0');
  if (nul == std::string_view::npos || key.size() < nul + 1 + 4 + 1)
    return std::nullopt;
  EvidenceKeyParts p;
  p.dedup_key = key.substr(0, nul);
  p.start = GetBE32(key.data() + nul + 1);
  p.id = key.substr(nul + 5);
  return p;
}

}  // namespace geotl::store
