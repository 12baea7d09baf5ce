#include "ingest/code/surname_filter.h"

#include <algorithm>
#include <string>
#include <unordered_set>

namespace geotl::ingest::code {
namespace {

bool Bare(const Mention& m) {
  return m.kind == MentionKind::kPerson && m.actor &&
         m.actor->text.find(' ') == std::string::npos;
}

}  // namespace

void DropUnanchoredSurnames(std::vector<std::vector<Mention>>* mentions) {
  std::unordered_set<std::string> anchored;  // canonical names
  for (const auto& v : *mentions)
    for (const Mention& m : v)
      if (m.kind == MentionKind::kPerson && m.actor && !Bare(m))
        anchored.insert(m.actor->name);
  for (auto& v : *mentions)
    v.erase(std::remove_if(v.begin(), v.end(),
                           [&](const Mention& m) {
                             return Bare(m) && !anchored.count(m.actor->name);
                           }),
            v.end());
}

}  // namespace geotl::ingest::code
