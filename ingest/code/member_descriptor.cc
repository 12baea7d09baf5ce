#include "ingest/code/member_descriptor.h"

#include <sstream>
#include <string>

#include "ingest/code/tokens.h"

namespace geotl::ingest::code {
namespace {

// The gap between an organisation and a country is one or two member
// words, after a hyphen or a space: "-Land ", " member ", " member state ".
bool MemberWords(std::string_view gap, const CueList& member_nouns) {
  if (gap.empty() || (gap.front() != '-' && gap.front() != ' ') ||
      gap.back() != ' ')
    return false;
  std::istringstream in(FoldCase(gap.substr(1)));
  std::string w;
  int n = 0;
  while (in >> w) {
    if (!member_nouns.Has(w)) return false;
    ++n;
  }
  return n >= 1 && n <= 2;
}

}  // namespace

std::vector<MentionNote> DropMemberDescriptors(
    std::string_view text, const Cues& cues,
    std::vector<std::vector<Mention>>* mentions) {
  std::vector<MentionNote> dropped;
  for (size_t si = 0; si < mentions->size(); ++si) {
    std::vector<Mention>& v = (*mentions)[si];
    std::vector<Mention> kept;
    kept.reserve(v.size());
    for (size_t i = 0; i < v.size(); ++i) {
      const Mention& m = v[i];
      if (m.kind == MentionKind::kOrganization && i + 1 < v.size() &&
          v[i + 1].kind == MentionKind::kCountry && !v[i + 1].adjective &&
          !v[i + 1].demonym && v[i + 1].start > m.end &&
          MemberWords(text.substr(m.end, v[i + 1].start - m.end),
                      cues.member_nouns)) {
        dropped.push_back(MentionNote{
            si, m, "names what the country after it is, not a party"});
        continue;
      }
      kept.push_back(m);
    }
    v = std::move(kept);
  }
  return dropped;
}

}  // namespace geotl::ingest::code
