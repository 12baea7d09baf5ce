#include "ingest/code/attribution.h"

namespace geotl::ingest::code {
namespace {

bool HasContentTrigger(const SentenceState& s, int first, int last) {
  for (const auto& h : s.hits)
    if (h.head >= first && h.head <= last &&
        s.lex.entry(h.entry).role != TriggerRole::kReport)
      return true;
  return false;
}

// One past the source of a lead that ends at token i + len.
int LeadEnd(const SentenceState& s, int i, int len) {
  const auto& toks = s.toks;
  int j = i + len;
  int depth = 0;
  for (; j < s.n; ++j) {
    const Token& t = toks[j];
    if (t.lower == "(") ++depth;
    if (t.lower == ")") {
      --depth;
      continue;
    }
    if (depth > 0) continue;
    if (t.punct) break;
    // German lead: the source's noun phrase ends where a lower-case word
    // (the finite verb) follows a capitalised one: "Nach Angaben von
    // Reuters | griffen …", "Laut einer Studie des italienischen …".
    constexpr uint64_t kInsideNounPhrase = kDeterminers | kOtherPreps |
                                           kRecipientPreps | kLocativePreps |
                                           kAgentPreps | kCoordination;
    if (s.de && !t.capitalized && j > i + len && toks[j - 1].capitalized &&
        !(s.cw[j] & kInsideNounPhrase))
      break;
  }
  return j;
}

}  // namespace

void MarkAttribution(SentenceState* s) {
  const auto& toks = s->toks;
  const int n = s->n;
  auto& clauses = s->clauses;
  auto& attributed = s->attributed;
  attributed.assign(n, 0);
  for (int i = 0; i < n; ++i) {
    int len = s->cues.attribution_lead.MatchAt(toks, i);
    if (len == 0) continue;
    // Only at a clause start ("Laut X", "According to X", ", berichtet X").
    if (i != clauses[s->clause_of[i]].first) continue;
    int j = LeadEnd(*s, i, len);
    for (int k = i; k < j; ++k) attributed[k] = 1;
  }
  // Tail attribution: the last clause(s) holding a reporting verb and no
  // action ("…, berichtet Business Insider.", "…, officials said Tuesday.").
  // Clauses of punctuation alone are skipped.
  for (int c = static_cast<int>(clauses.size()) - 1; c >= 1; --c) {
    const Clause& cl = clauses[c];
    bool has_report = false, only_punct = true;
    for (int i = cl.first; i <= cl.last; ++i) {
      if (toks[i].punct) continue;
      only_punct = false;
      if (s->cs[i] & kReportVerbs) has_report = true;
    }
    if (only_punct) continue;
    if (has_report && !HasContentTrigger(*s, cl.first, cl.last)) {
      for (int i = cl.first; i <= cl.last; ++i) attributed[i] = 1;
      clauses[c].attribution = true;
    }
    break;
  }
  // "X zufolge" (German postposed attribution) marks its own clause.
  for (int i = 0; i < n; ++i)
    if (s->cs[i] & kAttributionTail) {
      const Clause& cl = clauses[s->clause_of[i]];
      for (int k = cl.first; k <= i; ++k) attributed[k] = 1;
    }
}

}  // namespace geotl::ingest::code
