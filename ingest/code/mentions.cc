#include "ingest/code/mentions.h"

namespace geotl::ingest::code {

int Specificity(const Mention& m) {
  switch (m.kind) {
    case MentionKind::kPerson:
      return 4;
    case MentionKind::kRole:
      return 3;
    case MentionKind::kOrganization:
      return 3;
    case MentionKind::kGroup:
      return 2;
    case MentionKind::kCountry:
      return 1;
    default:
      return 0;
  }
}

namespace {

// A place mention right after a locative preposition (up to 3 words back).
bool AfterLocative(const SentenceState& s, int first) {
  for (int q = first - 1, steps = 0; q >= 0 && steps < 3; --q, ++steps) {
    if (s.toks[q].punct) break;
    if (s.cw[q] & (kLocativePreps | kBetweenPreps)) return true;
  }
  return false;
}

// A dateline: a place opening the sentence, possibly followed by more
// places ("NAIROBI, Kenya (AP) _", "Addis Abeba/Bujumbura –"), then a dash,
// an underscore or a bracket. It says where the story is filed, not who
// acts.
bool InDateline(const SentenceState& s, const MentionRef& r) {
  int q = 0;
  bool listed = false;  // a comma or slash since the mention
  for (; q < s.n && q < 8; ++q) {
    const Token& t = s.toks[q];
    if (q >= r.first && q <= r.last) continue;
    if (!t.punct) {
      // More names around it, listed after it: "CAIRO, Egypt (AP) _",
      // not "Die rumänische Staatsanwaltschaft (DNA)".
      if (!t.capitalized || (s.cw[q] & kDeterminers)) return false;
      if (q > r.last && !listed) return false;
      continue;
    }
    if (t.lower == "," || t.lower == "/") {
      listed = listed || q > r.last;
      continue;
    }
    break;
  }
  if (q >= s.n || q < r.last) return false;
  const std::string& m = s.toks[q].lower;
  return m == "\xE2\x80\x93" || m == "\xE2\x80\x94" || m == "-" || m == "_" ||
         m == "(";
}

}  // namespace

void MapMentions(const std::vector<Mention>& mentions, SentenceState* s) {
  const auto& toks = s->toks;
  const int n = s->n;
  for (const Mention& m : mentions) {
    if (m.start < s->start || m.end > s->end) continue;
    MentionRef r;
    r.m = &m;
    r.first = -1;
    for (int i = 0; i < n; ++i) {
      if (toks[i].end > m.start && toks[i].start < m.end) {
        if (r.first < 0) r.first = i;
        r.last = i;
      }
    }
    if (r.first < 0) continue;
    r.inside_token = r.first == r.last && (m.start > toks[r.first].start ||
                                           m.end < toks[r.first].end);
    s->refs.push_back(r);
    // Persons: dictionary persons, surnames and person roles ("Tanzanian
    // Foreign Minister Jakaya Kikwete"), in the order they are named.
    if (m.actor && (m.kind == MentionKind::kPerson ||
                    (m.kind == MentionKind::kRole &&
                     m.actor->kind == core::ActorKind::kPerson)))
      s->out.persons.push_back(*m.actor);
  }
  s->mention_at.assign(n, -1);
  const auto& refs = s->refs;
  for (size_t k = 0; k < refs.size(); ++k) {
    if (!refs[k].m->actor) continue;
    const MentionKind kind = refs[k].m->kind;
    if (kind == MentionKind::kPlace && AfterLocative(*s, refs[k].first))
      continue;
    // "CAIRO, Egypt (AP) _": the dateline's country is no actor either.
    if ((kind == MentionKind::kPlace || kind == MentionKind::kCountry) &&
        InDateline(*s, refs[k]))
      continue;
    for (int i = refs[k].first; i <= refs[k].last; ++i) {
      int& at = s->mention_at[i];
      if (at < 0 || Specificity(*refs[k].m) > Specificity(*refs[at].m))
        at = static_cast<int>(k);
    }
  }
}

}  // namespace geotl::ingest::code
