#include "ingest/code/groups.h"

#include <set>
#include <string>

#include "ingest/code/clauses.h"
#include "ingest/code/mentions.h"

namespace geotl::ingest::code {
namespace {

// Token after the coordinated units starting at i (mention_at[i] >= 0);
// appends the most specific mention of each unit to g->members.
int ReadUnits(const SentenceState& s, int i, Group* g) {
  const auto& toks = s.toks;
  const int n = s.n;
  const Mention* best = nullptr;
  int j = i;
  while (j < n) {
    int mj = s.mention_at[j];
    if (mj >= 0) {
      const Mention* m = s.refs[mj].m;
      if (!best || Specificity(*m) > Specificity(*best)) best = m;
      j = s.refs[mj].last + 1;
      continue;
    }
    // coordination between units
    int cl = s.cues.coordination.MatchAt(toks, j);
    if (cl == 1 && toks[j].lower == "," && !CommaInActorList(s, j)) break;
    if (cl > 0 && best) {
      int k = j + cl;
      while (k < n && (s.cw[k] & kDeterminers)) ++k;
      // allow one lowercase adjective ("und russische Unterhändler")
      if (k < n && s.mention_at[k] < 0 && k + 1 < n &&
          s.mention_at[k + 1] >= 0 && !toks[k].punct && !toks[k].capitalized)
        ++k;
      if (k < n && s.mention_at[k] >= 0 &&
          !s.attributed[k] == !g->attribution) {
        g->members.push_back(best);
        best = nullptr;
        j = k;
        continue;
      }
    }
    break;
  }
  if (best) g->members.push_back(best);
  return j;
}

bool IsTriggerHead(const SentenceState& s, int k) {
  for (const auto& h : s.hits)
    if (h.head == k) return true;
  return false;
}

// German: does the genitive's head noun (ending at token k) follow a
// preposition? ("in der Teilnahme Japans")
bool HeadInPrepPhrase(const SentenceState& s, int k) {
  constexpr uint64_t kHeadPreps =
      kRecipientPreps | kLocativePreps | kOtherPreps | kAgentPreps;
  for (int q = k - 1, st = 0; q >= 0 && st < 4; --q, ++st) {
    if (s.toks[q].punct) break;
    if (s.cw[q] & kHeadPreps) return true;
    if (!(s.cw[q] & kDeterminers) && s.toks[q].capitalized) break;
  }
  return false;
}

// Walking from token `from` by `step`, within eight tokens and over
// commas only, the bracket `mark` comes before the other one.
bool BracketAt(const SentenceState& s, int from, int step,
               std::string_view mark, std::string_view other) {
  for (int q = from, k = 0; q >= 0 && q < s.n && k < 8; q += step, ++k) {
    const std::string& w = s.toks[q].lower;
    if (w == mark) return true;
    if (w == other || (s.toks[q].punct && w != ",")) return false;
  }
  return false;
}

// Every member is a place (a capital read as its government too), and the
// group stands in a bracketed list of names: "(Kabul, Kabul)".
bool AdminNames(const SentenceState& s, const Group& g) {
  if (g.members.empty()) return false;
  for (const Mention* m : g.members)
    if (m->kind != MentionKind::kPlace) return false;
  return BracketAt(s, g.first - 1, -1, "(", ")") &&
         BracketAt(s, g.last + 1, 1, ")", "(");
}

// German: does the name at token `first` carry a genitive -s ("Japans",
// "Merkels")? A person's name is genitive only in its genitive form: the
// "s" of "Doris Bures" or "Klaus Iohannis" is part of the name, and the
// noun before it is a title ("die Ausschussvorsitzende Doris Bures").
bool GenitiveS(const SentenceState& s, int first) {
  const int at = s.mention_at[first];
  if (at >= 0) {
    const Mention& m = *s.refs[at].m;
    const bool person = m.kind == MentionKind::kPerson ||
                        (m.actor && m.actor->kind == core::ActorKind::kPerson);
    if (person) return m.genitive;
  }
  return s.toks[first].lower.ends_with("s");
}

// Governing preposition: look back over determiners and adjectives; in
// German a capitalised noun right before the group makes it a genitive.
void ReadGovernor(const SentenceState& s, Group* g) {
  const auto& toks = s.toks;
  bool determiner = false;
  for (int k = g->first - 1, steps = 0; k >= 0 && steps < 4; --k, ++steps) {
    const Token& t = toks[k];
    if (t.punct) break;
    // English: a lower-case word before the phrase's determiner is no
    // adjective but a verb ("is expected to dominate a NATO summit": no
    // "to"-phrase).
    if (!s.de && determiner && !t.capitalized &&
        !(s.cw[k] & (kAnyPrep | kDeterminers | kCoordination)))
      break;
    if (s.cw[k] & kAnyPrep) {
      g->prep = t.lower;
      // A subordinator is a phrase list; its bit tells "after" (clause or
      // phrase) from "with".
      g->prep_cues = s.cw[k] | (s.cs[k] & kSubordinators);
      break;
    }
    if (s.cw[k] & kDeterminers) {
      determiner = true;
      continue;
    }
    if (IsTriggerHead(s, k)) break;
    if (!t.capitalized) continue;  // adjective, numeral, adverb
    // German: a capitalised noun right before the group (not the first
    // word of the sentence) makes it a genitive: "Teilnahme Japans".
    if (s.de && k > 0 && steps <= 1 && !toks[k - 1].punct &&
        (GenitiveS(s, g->first) ||
         (k + 1 < g->first && (s.cw[k + 1] & kGenitiveMarkers)))) {
      g->genitive = true;
      if (HeadInPrepPhrase(s, k)) g->head_in_pp = true;
    }
    if (!s.de) continue;  // English: capitalised modifiers ("Senior")
    break;
  }
  if (!s.de && (g->prep_cues & kGenitiveMarkers)) g->genitive = true;
  // German: a person's genitive before a noun nothing reads owns that noun
  // ("die Partei, die Sisis Machtübernahme unterstützt hatte", "Kerrys
  // Nahost-Reise"): no subject of its own.
  if (s.de && !g->genitive && g->first == g->last && g->last + 1 < s.n) {
    const Token& next = s.toks[g->last + 1];
    const int at = s.mention_at[g->first];
    if (at >= 0 && s.refs[at].m->genitive && next.capitalized && !next.punct &&
        s.mention_at[g->last + 1] < 0)
      g->genitive = true;
  }
}

// English "after Libya agreed", "before the troops had left": a
// preposition that also opens a clause, with a verb right after the group
// or after a day or an adverb ("after a federal appeals court Thursday
// refused"), opens that clause; the group is its subject, not the
// preposition's object.
bool OpensClause(const SentenceState& s, const Group& g) {
  if (s.de || !(g.prep_cues & kSubordinators)) return false;
  constexpr int kBetween = 2;  // words between the group and its verb
  for (int k = g.last + 1; k < s.n && k <= g.last + 1 + kBetween; ++k) {
    if (s.cw[k] & (kPassiveAux | kLocativeBreaks | kFutureAux)) return true;
    for (const auto& h : s.hits)
      if (h.first == k && s.lex.entry(h.entry).pos == TriggerPos::kVerb)
        return true;
    if (s.toks[k].punct || (s.cw[k] & (kDeterminers | kAnyPrep)) ||
        s.mention_at[k] >= 0)
      return false;
  }
  return false;
}

}  // namespace

void FindGroups(SentenceState* s) {
  const int n = s->n;
  for (int i = 0; i < n;) {
    int mi = s->mention_at[i];
    bool gref = false;
    int gref_len = 0;
    if (mi < 0) {
      gref_len = s->cues.group_refs.MatchAt(s->toks, i);
      gref = gref_len > 0 && !s->ctx.last_actors.empty();
      if (!gref) {
        ++i;
        continue;
      }
    }
    Group g;
    g.first = i;
    g.clause = s->clause_of[i];
    g.attribution = s->attributed[i];
    int j;
    if (gref) {
      g.group_ref = true;
      j = i + gref_len - 1;
    } else {
      j = ReadUnits(*s, i, &g) - 1;
    }
    g.last = j;
    g.bracketed = g.first > 0 && s->toks[g.first - 1].lower == "(" &&
                  g.last + 1 < n && s->toks[g.last + 1].lower == ")";
    g.admin_names = AdminNames(*s, g);
    ReadGovernor(*s, &g);
    if (OpensClause(*s, g)) {
      g.prep.clear();
      g.prep_cues = 0;
    }
    if (!g.members.empty() || g.group_ref) s->groups.push_back(std::move(g));
    i = j + 1;
  }
}

std::vector<core::Actor> GroupActors(const SentenceState& s, const Group& g) {
  std::vector<core::Actor> v;
  if (g.group_ref) {
    // "beide Länder", "the two governments": every party of the previous
    // event, actors and recipients, one per country.
    std::set<std::string> seen;
    for (const auto* side : {&s.ctx.last_actors, &s.ctx.last_recipients})
      for (const core::Actor& a : *side)
        if (a.country.empty() || seen.insert(a.country).second) v.push_back(a);
    return v;
  }
  for (const Mention* m : g.members)
    if (m->actor) v.push_back(*m->actor);
  return v;
}

}  // namespace geotl::ingest::code
