#include "ingest/code/bare_groups.h"

#include <string>
#include <string_view>

#include "ingest/code/tokens.h"

namespace geotl::ingest::code {

bool BareGroup(const core::Actor& a) {
  return a.country.empty() && a.kind == core::ActorKind::kGroup &&
         a.code == a.sector;
}

bool ProtestGroup(const SentenceState& s, const core::Actor& a) {
  if (!BareGroup(a)) return false;
  const size_t space = a.text.rfind(' ');
  return s.cues.protest_groups.Has(FoldCase(std::string_view(a.text).substr(
      space == std::string::npos ? 0 : space + 1)));
}

}  // namespace geotl::ingest::code
