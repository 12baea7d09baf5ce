#include "ingest/code/clauses.h"

#include <string_view>

namespace geotl::ingest::code {
namespace {

constexpr std::string_view kStraightQuote = "\"";
constexpr std::string_view kLowQuote = "\xE2\x80\x9E";    // „
constexpr std::string_view kLeftQuote = "\xE2\x80\x9C";   // “
constexpr std::string_view kRightQuote = "\xE2\x80\x9D";  // ”
constexpr std::string_view kLeftGuillemet = "\xC2\xAB";   // «
constexpr std::string_view kRightGuillemet = "\xC2\xBB";  // »

bool IsQuoteMark(std::string_view p) {
  return p == kStraightQuote || p == kLowQuote || p == kLeftQuote ||
         p == kRightQuote || p == kLeftGuillemet || p == kRightGuillemet;
}

// German quotes open with „ or » and close with “, ” or «; a straight
// quote toggles.
bool OpensQuote(std::string_view p) {
  return p == kLowQuote || p == kRightGuillemet;
}
bool ClosesQuote(std::string_view p) {
  return p == kLeftQuote || p == kRightQuote || p == kLeftGuillemet;
}

}  // namespace

namespace {

// The index of the ")" closing a bracket that opens at i after a word and
// holds at most 4 tokens and no punctuation; -1 otherwise.
int ShortBracketEnd(const SentenceState& s, int i) {
  if (s.toks[i].lower != "(" || i == 0 || s.toks[i - 1].punct) return -1;
  for (int k = i + 1; k < s.n && k <= i + 5; ++k) {
    if (s.toks[k].lower == ")") return k > i + 1 ? k : -1;
    if (s.toks[k].punct && s.toks[k].lower != "-") return -1;
  }
  return -1;
}

// The index of the comma closing an inserted adverbial that opens with the
// comma at i ("The Nigerian Senate, yesterday, began …", "…, on Monday, …"):
// at most three words, each of cue list inserted_adverbs; -1 otherwise.
int InsertedAdverbEnd(const SentenceState& s, int i) {
  if (s.toks[i].lower != "," || i == 0 || s.toks[i - 1].punct) return -1;
  for (int k = i + 1; k < s.n && k <= i + 4; ++k) {
    if (s.toks[k].lower == ",") return k > i + 1 ? k : -1;
    if (s.toks[k].punct || !s.cues.inserted_adverbs.Has(s.toks[k].lower))
      return -1;
  }
  return -1;
}

}  // namespace

void SplitClauses(SentenceState* s) {
  const auto& toks = s->toks;
  const auto& cw = s->cw;
  const auto& cs = s->cs;
  const int n = s->n;
  auto& clauses = s->clauses;
  auto& clause_of = s->clause_of;
  clause_of.assign(n, 0);
  Clause cur;
  cur.first = 0;
  bool in_quote = false;
  auto close = [&](int last) {
    cur.last = last;
    if (cur.last >= cur.first) clauses.push_back(cur);
    cur = Clause();
    cur.first = last + 1;
    cur.quote = in_quote;
  };
  for (int i = 0; i < n; ++i) {
    const Token& t = toks[i];
    // A short bracket inside a clause ("Manuela Khom (ÖVP) kritisierte",
    // "die Afrikanische Union (AU) nimmt") is part of it: a party, an
    // abbreviation, not a clause of its own.
    if (const int close_at = ShortBracketEnd(*s, i); close_at > i) {
      for (int k = i; k <= close_at; ++k)
        clause_of[k] = static_cast<int>(clauses.size());
      i = close_at;
      continue;
    }
    if (const int close_at = InsertedAdverbEnd(*s, i); close_at > i) {
      for (int k = i; k <= close_at; ++k)
        clause_of[k] = static_cast<int>(clauses.size());
      i = close_at;
      continue;
    }
    if (t.punct && IsClauseMark(t.lower)) {
      if (CommaInActorList(*s, i)) {
        clause_of[i] = static_cast<int>(clauses.size());
        continue;
      }
      if (IsQuoteMark(t.lower)) {
        if (OpensQuote(t.lower))
          in_quote = true;
        else if (ClosesQuote(t.lower))
          in_quote = false;
        else
          in_quote = !in_quote;
      }
      clause_of[i] = static_cast<int>(clauses.size());
      close(i);
      continue;
    }
    if (i > cur.first && !t.punct && (cs[i] & kSubordinators) &&
        !(cw[i] & kNotClauseOpeners)) {
      close(i - 1);
      cur.subordinate = true;
    } else if (i > cur.first && !t.punct && (cw[i] & kCoordination) &&
               i + 1 < n && (cw[i + 1] & kPronouns)) {
      // "… geredet und wir sind besorgt …": a new subject after a
      // coordinator starts a clause of its own.
      close(i - 1);
    } else if (i == cur.first && !t.punct &&
               ((cs[i] & kSubordinators) ||
                (cur.first > 0 && toks[cur.first - 1].lower == "," &&
                 (cw[i] & kRelatives)))) {
      cur.subordinate = true;
    }
    clause_of[i] = static_cast<int>(clauses.size());
  }
  cur.last = n - 1;
  if (cur.last >= cur.first) clauses.push_back(cur);
  if (clauses.empty()) clauses.push_back(Clause{0, n - 1});
  for (int c = 0; c < static_cast<int>(clauses.size()); ++c)
    for (int i = clauses[c].first; i <= clauses[c].last && i < n; ++i)
      clause_of[i] = c;
}

bool CommaInActorList(const SentenceState& s, int i) {
  const int n = s.n;
  if (s.toks[i].lower != "," || i == 0 || i + 1 >= n || s.mention_at[i - 1] < 0)
    return false;
  int k = i + 1;
  if (k + 1 < n && (s.cw[k] & kDeterminers) && s.mention_at[k] < 0) ++k;
  if (s.mention_at[k] < 0) return false;
  while (k < n && s.mention_at[k] >= 0) ++k;
  return k < n && ((s.cw[k] & kCoordination) || s.toks[k].lower == ",");
}

bool HasFirstPersonSubject(const SentenceState& s, int clause) {
  const Clause& cl = s.clauses[clause];
  for (int i = cl.first; i <= cl.last; ++i) {
    if (!s.cues.first_person_subjects.Has(s.toks[i].lower)) continue;
    // A capital "I" inside a name is a numeral ("Munich I Regional Court",
    // "World War I"), not the speaker.
    const bool in_name =
        !s.de && s.toks[i].capitalized &&
        ((i > 0 && s.toks[i - 1].capitalized && !s.toks[i - 1].punct) ||
         (i + 1 < s.n && s.toks[i + 1].capitalized && !s.toks[i + 1].punct));
    if (!in_name) return true;
  }
  return false;
}

}  // namespace geotl::ingest::code
