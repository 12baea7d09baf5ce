#include "ingest/code/mentions.h"

#include <string_view>

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

// A place phrase opening before token k: a border preposition ("near",
// "an") up to three words back, over determiners and modifiers ("nahe der
// 950 Kilometer langen Grenze" reads "nahe").
bool PlacePhraseBefore(const SentenceState& s, int k) {
  for (int q = k - 1, steps = 0; q >= 0 && steps < 4; --q, ++steps) {
    if (s.toks[q].punct) return false;
    if (s.cues.border_preps.Has(s.toks[q].lower)) return true;
  }
  return false;
}

// A border noun at token k used as a noun ("the Syrian border", "near
// Somalia border", "Kenya's border"), not the verb ("Syria borders
// Turkey"), and not the start of another mention ("Turkish border guards").
bool BorderNounAt(const SentenceState& s, const MentionRef& r, int k) {
  if (k >= s.n || s.toks[k].punct || !s.cues.border_nouns.Has(s.toks[k].lower))
    return false;
  for (const MentionRef& o : s.refs)
    if (o.m != r.m && k >= o.first && k <= o.last) return false;
  return true;
}

// A country named as a border in a place phrase says where, not who: "near
// the border with Somalia", "at the border between Kenya and Somalia",
// "near the Kenya-Somalia border", "an der Grenze zu Syrien", "an der
// türkisch-syrischen Grenze". A border crossed or closed ("überschritten
// die Grenze zum Irak") keeps its country: that is the act's target.
bool NamesBorder(const SentenceState& s, const MentionRef& r) {
  if (r.m->kind != MentionKind::kCountry) return false;
  const auto& toks = s.toks;
  // The rest of its word: "Syrien-Grenze".
  const Token& t = toks[r.last];
  if (r.m->end < t.end) {
    const std::string_view rest =
        std::string_view(t.lower).substr(r.m->end - t.start);
    const auto parts = WordParts(rest, "-");
    if (!parts.empty() && s.cues.border_nouns.Has(std::string(parts.back())))
      return PlacePhraseBefore(s, r.first);
  }
  // After it: "Somalia border", "Kenya's border".
  int k = r.last + 1;
  if (k + 1 < s.n && toks[k].punct &&
      (toks[k].lower == "'" || toks[k].lower == "\xE2\x80\x99") &&
      toks[k + 1].lower == "s")
    k += 2;
  if (BorderNounAt(s, r, k)) return PlacePhraseBefore(s, r.first);
  // Before it: "border with (the) Somalia", "Grenze zu Syrien"; the second
  // of a pair after "between": "the border between Kenya and Somalia".
  k = r.first - 1;
  while (k >= 0 && (s.cw[k] & kDeterminers)) --k;
  if (k < 0) return false;
  if (s.cw[k] & kCoordination) {
    for (const MentionRef& o : s.refs)
      if (o.m != r.m && o.last == k - 1 && o.border) return true;
    return false;
  }
  return k >= 1 && s.cues.border_links.Has(toks[k].lower) &&
         BorderNounAt(s, r, k - 1) && PlacePhraseBefore(s, k - 1);
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
  // In text order, so the second of "between Kenya and Somalia" sees the
  // first.
  for (MentionRef& r : s->refs) {
    r.border = NamesBorder(*s, r);
    if (r.border && s->ctx.want_dropped)
      s->out.dropped.push_back(
          DroppedReading{r.m->start, r.m->end,
                         "no party, no place: a country named as a border"});
    // "pro-Castro", "Anti-Erdogan-Demonstranten": the name is what a group
    // stands for or against, not who it is; after an opposing prefix it is
    // the group's target.
    r.stance = r.m->actor && !r.m->stance.empty();
    r.opposed = r.stance && s->cues.opposing_prefixes.Has(r.m->stance);
    if (r.stance && s->ctx.want_dropped)
      s->out.dropped.push_back(DroppedReading{
          r.m->start, r.m->end,
          "no party: named after \"" + r.m->stance +
              "-\", what a group stands " + (r.opposed ? "against" : "for")});
  }
  s->mention_at.assign(n, -1);
  const auto& refs = s->refs;
  for (size_t k = 0; k < refs.size(); ++k) {
    if (!refs[k].m->actor || refs[k].border || refs[k].stance) continue;
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

void DropActorNames(SentenceState* s) {
  std::erase_if(s->hits, [&](const TriggerHit& h) {
    if (!h.compound || h.first != h.last) return false;
    const int at = s->mention_at[h.head];
    if (at < 0) return false;
    const MentionRef& r = s->refs[at];
    const Token& t = s->toks[h.head];
    return !r.inside_token && r.first == h.head && r.last == h.head &&
           r.m->kind != MentionKind::kPlace && r.m->start == t.start &&
           r.m->end == t.end;
  });
}

}  // namespace geotl::ingest::code
