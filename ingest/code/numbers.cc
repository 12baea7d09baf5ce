#include "ingest/code/numbers.h"

#include <cctype>
#include <string>

namespace geotl::ingest::code {
namespace {

// The count a word gives ("1.200" -> 1200, "zwei" -> 2), -1 if none.
long NumberValue(const Cues& cues, const std::string& w) {
  long v = -1;
  if (!w.empty() && std::isdigit(static_cast<unsigned char>(w[0]))) {
    std::string digits;
    bool ok = true;
    for (char c : w) {
      if (std::isdigit(static_cast<unsigned char>(c)))
        digits.push_back(c);
      else if (c == '.' || c == ',')
        continue;
      else {
        ok = false;
        break;
      }
    }
    if (ok && !digits.empty() && digits.size() < 10) v = std::stol(digits);
    // a year is not a count
    if (v >= 1000 && v <= 2100 && w.find('.') == std::string::npos &&
        w.find(',') == std::string::npos)
      v = -1;
  } else if (auto it = cues.number_values.find(w);
             it != cues.number_values.end()) {
    v = it->second;
  }
  return v;
}

}  // namespace

void CountNumbers(const SentenceState& s, CandidateEvent* ev) {
  const core::EventTypeInfo type = TypeOf(ev->type);
  const bool counts_dead = type.force || type.crowd;
  bool death = false;
  for (int i = 0; i < s.n; ++i)
    if (s.cs[i] & kDeathWords) death = true;
  for (int i = 0; i < s.n; ++i) {
    const long v = NumberValue(s.cues, s.toks[i].lower);
    if (v <= 0) continue;
    // what follows: people / dead / crowd
    for (int k = i + 1; k < s.n && k <= i + 3; ++k) {
      if (s.toks[k].punct) break;
      const bool crowd = s.cs[k] & kCrowdWords;
      const bool dead = s.cs[k] & kDeathWords;
      const bool people = crowd || (s.cw[k] & kPeopleWords);
      if ((dead || (people && death)) && !ev->fatalities && counts_dead) {
        ev->fatalities = v;
        break;
      }
      if (crowd && type.crowd && !ev->size && !death) {
        ev->size = v;
        break;
      }
    }
  }
}

}  // namespace geotl::ingest::code
