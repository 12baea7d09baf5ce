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

enum class QuoteMark { kNone, kOpen, kClose, kToggle };

// The quote mark token i is, and how many tokens it spans. German quotes
// open with „ or » and close with “, ” or «; English ones open with “, «
// or a doubled backtick (``) and close with ”, » or a doubled apostrophe
// (''); a straight quote toggles.
QuoteMark QuoteAt(const SentenceState& s, int i, int* len) {
  const std::string_view p = s.toks[i].lower;
  *len = 1;
  if (p == kStraightQuote) return QuoteMark::kToggle;
  if (s.de) {
    if (p == kLowQuote || p == kRightGuillemet) return QuoteMark::kOpen;
    if (p == kLeftQuote || p == kRightQuote || p == kLeftGuillemet)
      return QuoteMark::kClose;
    return QuoteMark::kNone;
  }
  if (p == kLeftQuote || p == kLeftGuillemet) return QuoteMark::kOpen;
  if (p == kRightQuote || p == kRightGuillemet) return QuoteMark::kClose;
  if ((p == "`" || p == "'") && i + 1 < s.n && s.toks[i + 1].lower == p &&
      s.toks[i + 1].start == s.toks[i].end) {
    *len = 2;
    return p == "`" ? QuoteMark::kOpen : QuoteMark::kClose;
  }
  return QuoteMark::kNone;
}

}  // namespace

namespace {

// The index of the ")" closing a bracket that opens at i after a word, or
// of the "]" closing a square one anywhere, that holds at most 4 tokens and
// no punctuation; -1 otherwise.
int ShortBracketEnd(const SentenceState& s, int i) {
  // An analyst's square bracket names an actor the source implies ("a [al
  // Shabaab] surprise attack"), anywhere in the clause.
  if (s.toks[i].lower == "[") {
    for (int k = i + 1; k < s.n && k <= i + 5; ++k) {
      if (s.toks[k].lower == "]") return k > i + 1 ? k : -1;
      if (s.toks[k].punct && s.toks[k].lower != "-") return -1;
    }
    return -1;
  }
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
  // The clauses of the open quotation, from quote_first, and its words.
  int quote_first = 0, quote_words = 0;
  bool straight_open = false;  // opened by a straight quote
  auto set_quote_words = [&] {
    for (size_t c = quote_first; c < clauses.size(); ++c)
      if (clauses[c].quote) clauses[c].quote_words = quote_words;
  };
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
    int quote_len = 1;
    const QuoteMark quote =
        t.punct ? QuoteAt(*s, i, &quote_len) : QuoteMark::kNone;
    if (quote != QuoteMark::kNone || (t.punct && IsClauseMark(t.lower))) {
      if (quote == QuoteMark::kNone && CommaInActorList(*s, i)) {
        clause_of[i] = static_cast<int>(clauses.size());
        continue;
      }
      const bool was_in_quote = in_quote;
      if (quote == QuoteMark::kOpen) in_quote = true;
      if (quote == QuoteMark::kClose) in_quote = false;
      if (quote == QuoteMark::kToggle) in_quote = !in_quote;
      i += quote_len - 1;
      clause_of[i] = static_cast<int>(clauses.size());
      close(i);
      if (!was_in_quote && in_quote) {
        quote_first = static_cast<int>(clauses.size());
        quote_words = 0;
        straight_open = quote == QuoteMark::kToggle;
      } else if (was_in_quote && !in_quote) {
        set_quote_words();
      }
      continue;
    }
    if (in_quote && !t.punct) ++quote_words;
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
  // A straight quote left open is no quotation: a dash mangled into a
  // quote ("CAIRO (AP) \" Acting on …") or an inch sign. A typographic one
  // goes on in the next sentence.
  if (in_quote && straight_open)
    for (size_t c = quote_first; c < clauses.size(); ++c)
      clauses[c].quote = false;
  else if (in_quote)
    set_quote_words();
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
