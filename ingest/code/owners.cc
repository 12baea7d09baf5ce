#include "ingest/code/owners.h"

#include <string>

namespace geotl::ingest::code {
namespace {

std::string NormNoun(const std::string& w) {
  std::string o;
  for (char c : w)
    if (c != '-') o.push_back(c);
  while (!o.empty() && (o.back() == 's')) o.pop_back();
  return o;
}

}  // namespace

void CollectOwners(SentenceState* s) {
  const auto& toks = s->toks;
  for (const auto& r : s->refs) {
    if (!r.m->actor || r.m->actor->country.empty() || r.border) continue;
    const Token& t = toks[r.first];
    if (r.inside_token && r.m->start == t.start && t.end > r.m->end + 4) {
      // "US-Raketenabwehr-Schirm": the rest of the token.
      std::string rest = t.lower.substr(r.m->end - t.start);
      s->out.new_owners.push_back({NormNoun(rest), *r.m->actor});
    } else if (s->de && r.first >= 2 &&
               (s->cw[r.first - 1] & kGenitiveMarkers) &&
               toks[r.first - 2].capitalized && !toks[r.first - 2].punct) {
      // "Schild der USA": the noun before the genitive.
      s->out.new_owners.push_back(
          {NormNoun(toks[r.first - 2].lower), *r.m->actor});
    }
  }
}

std::optional<core::Actor> OwnerIn(const SentenceState& s, int first, int last,
                                   const std::vector<core::Actor>& exclude) {
  const auto& owners = s.ctx.owners;
  for (int i = first; i <= last; ++i) {
    if (s.toks[i].punct || !s.toks[i].capitalized) continue;
    std::string w = NormNoun(s.toks[i].lower);
    if (w.size() < 6) continue;
    for (auto it = owners.rbegin(); it != owners.rend(); ++it) {
      const std::string& o = it->first;
      size_t k = 0;
      while (k < w.size() && k < o.size() &&
             w[w.size() - 1 - k] == o[o.size() - 1 - k])
        ++k;
      if (k >= 6) {
        bool ex = false;
        for (const auto& a : exclude)
          if (a.country == it->second.country) ex = true;
        if (!ex) return it->second;
      }
    }
  }
  return std::nullopt;
}

}  // namespace geotl::ingest::code
