// TimeMatcher tense cues: which way an expression without a year or
// shift points (past or future), from the markers of its sentence. Used to
// resolve weekdays, months, day+month, seasons and feasts.
#include <string>

#include "ingest/time/time_matcher.h"

namespace geotl::ingest::time {

// Nearest tense marker in the same sentence (up to 15 tokens away). A
// regular past participle after "be"/"being" ("will be named", "is being
// traded") and un-adjectives ("unspecified") say nothing about the tense;
// a plan seen from the past ("had been due to", "previously planned") is
// past; "is to resume" is future.
int TimeMatcher::TenseScan(size_t i) const {
  int sent = t_[i].sentence;
  for (size_t d = 1; d <= 15; ++d) {
    for (int sign : {-1, 1}) {
      if (sign < 0 && d > i) continue;
      size_t j = sign < 0 ? i - d : i + d;
      if (j >= n_ || t_[j].sentence != sent) continue;
      const std::string& w = W(j);
      if (w.empty()) continue;
      if (en_ && w == "to" && (W(j - 1) == "is" || W(j - 1) == "are")) return 1;
      if (lx_.future_markers.count(w)) {
        for (size_t b = 1; en_ && b <= 2 && b <= j; ++b) {
          const std::string& p = W(j - b);
          if (p == "had" || p == "previously") return -1;
        }
        return 1;
      }
      if (lx_.past_markers.count(w)) return -1;
      if (en_ && w.size() > 4 && w.compare(w.size() - 2, 2, "ed") == 0 &&
          !t_[j].cap && w.compare(0, 2, "un") != 0 && W(j - 1) != "be" &&
          W(j - 1) != "being")
        return -1;
      if (!en_ && w.size() > 5 && w.compare(0, 2, "ge") == 0 &&
          (w.back() == 't' || w.compare(w.size() - 2, 2, "en") == 0) &&
          !t_[j].cap)
        return -1;
    }
  }
  return 0;
}

// +1 future, -1 past, 0 unknown. English "as early as Tuesday" and "as
// soon as May" are future; a deadline ("until (9 a.m.) Tuesday") is future
// unless the sentence is pluperfect ("Until Thursday, they had not ...");
// "by"/"through" + date are future only when nothing marks the past.
int TimeMatcher::Tense(size_t i) const {
  int sent = t_[i].sentence;
  if (en_ && i >= 3 && W(i - 1) == "as" &&
      (W(i - 2) == "early" || W(i - 2) == "soon") && W(i - 3) == "as")
    return 1;
  std::string deadline;
  for (size_t d = 1; en_ && d <= 4 && d <= i; ++d) {
    const std::string& w = W(i - d);
    if (t_[i - d].sentence != sent) break;
    if (w == "until" || w == "till" || w == "through" || w == "by") {
      deadline = w;
      break;
    }
    if (t_[i - d].kind == TimeToken::kWord && !lx_.starters.count(w) &&
        !lx_.time_suffixes.count(w) && w != "a" && w != "p" && w != "m")
      break;
  }
  // "since (shortly after) the Oct. 23 slaying", "seit dem 3. Mai": past.
  for (size_t d = 1; d <= 5 && d <= i; ++d) {
    const std::string& w = W(i - d);
    if (t_[i - d].sentence != sent) break;
    if (w == "since" || w == "seit") return -1;
    if (t_[i - d].kind == TimeToken::kWord && !lx_.starters.count(w) &&
        !lx_.determiners.count(w) && w != "dem" && w != "shortly" &&
        w != "after" && w != "kurz" && w != "nach")
      break;
  }
  int scan = TenseScan(i);
  if (deadline.empty()) return scan;
  if (deadline == "until" || deadline == "till") {
    size_t from = i > 12 ? i - 12 : 0;
    for (size_t j = from; j < n_ && j < i + 12; ++j)
      if (t_[j].sentence == sent && W(j) == "had") return -1;
    return 1;
  }
  return scan < 0 ? -1 : 1;
}

}  // namespace geotl::ingest::time
