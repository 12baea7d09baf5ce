// TimeMatcher rules for calendar dates: numeric and written dates, month
// names, years, decades and centuries, weekdays, relative days. Each Try*
// offers resolved candidates starting at token i; the longest wins.
#include <cstdio>
#include <cstdlib>

#include "ingest/time/calendar.h"
#include "ingest/time/time_matcher.h"

namespace geotl::ingest::time {

namespace {
bool StartsWith(const std::string& s, std::string_view p) {
  return s.size() >= p.size() && s.compare(0, p.size(), p) == 0;
}
}  // namespace

// 2013-11-02, 02.11.2013, 2.11., 11/2/2013 (English: month first).
void TimeMatcher::TryNumericDate(size_t i, Cand* best) const {
  if (N(i, 4, 4) && P(i + 1, "-") && Glued(i + 1) && N(i + 2, 1, 2) &&
      Glued(i + 2) && P(i + 3, "-") && Glued(i + 3) && N(i + 4, 1, 2) &&
      Glued(i + 4)) {
    if (auto d = MakeDay(V(i), V(i + 2), V(i + 4)))
      Offer(Explicit(DayCand(i, i + 4, *d)), best);
    return;
  }
  // English "on 27/06", "dated 22/06" (conflict notes write the day first;
  // an American writer the month): after a preposition of time, without a
  // year. A number above 12 is the day; else the reading nearer the
  // document's date wins ("01/07" in a note of 4 July is 1 July).
  if (en_ && i > 0 && lx_.slash_date_preps.count(W(i - 1)) && N(i, 1, 2) &&
      P(i + 1, "/") && Glued(i + 1) && N(i + 2, 1, 2) && Glued(i + 2) &&
      !(P(i + 3, "/") && Glued(i + 3))) {
    const long a = V(i), b = V(i + 2);
    std::optional<core::Date> pick;
    for (const auto& [month, day] : {std::pair{b, a}, std::pair{a, b}}) {
      if (month < 1 || month > 12 || day < 1 || day > 31) continue;
      auto d =
          ResolveDayMonth(static_cast<int>(month), static_cast<int>(day), i);
      if (d && (!pick || std::labs((*d - dct_).days()) <
                             std::labs((*pick - dct_).days())))
        pick = d;
    }
    if (pick) Offer(DayCand(i, i + 2, *pick), best);
    return;
  }
  if (!N(i, 1, 2) || !Glued(i + 1) || !Glued(i + 2) || !Glued(i + 3)) return;
  bool dots = P(i + 1, ".") && P(i + 3, ".");
  bool slashes = P(i + 1, "/") && P(i + 3, "/");
  if ((!dots && !slashes) || !N(i + 2, 1, 2)) return;
  long a = V(i), b = V(i + 2);
  long day = dots ? a : (en_ ? b : a), month = dots ? b : (en_ ? a : b);
  if (N(i + 4, 2, 4) && Glued(i + 4) && t_[i + 4].digits != 3) {
    long y = V(i + 4);
    if (t_[i + 4].digits == 2) y = TwoDigitYear(y);
    if (auto d = MakeDay(y, month, day))
      Offer(Explicit(DayCand(i, i + 4, *d)), best);
    return;
  }
  if (dots && !en_ && month >= 1 && month <= 12) {
    if (auto d = ResolveDayMonth(month, day, i))
      Offer(DayCand(i, i + 3, *d), best);
  }
}

// "2. November 2013", "2 November", "2nd of November".
void TimeMatcher::TryDayMonth(size_t i, Cand* best) const {
  if (!N(i, 1, 2) || V(i) < 1 || V(i) > 31) return;
  size_t j = i + 1;
  if (P(j, ".") && Glued(j)) {
    ++j;
  } else if (lx_.ordinal_suffixes.count(W(j)) && Glued(j)) {
    ++j;
  }
  if (en_ && W(j) == "of") ++j;
  size_t last;
  int m = MonthAt(j, &last);
  if (!m) {
    // The first days of lists and ranges that name the month once: "3. und
    // 4. November", "3., 4. und 5. Dezember", "3.-5. Mai", "zwischen dem 3.
    // und dem 10. Dezember", "3 to 5 May", "3, 4 and 5 June".
    // The second day of "Dec. 3 and 4", "May 3-5": the month came first
    // and the last date mentioned is its first day.
    if (i >= 3 && anchor_ && anchor_->granularity == core::Granularity::kDay &&
        N(i - 2, 1, 2) && V(i - 2) < V(i) &&
        (W(i - 1) == "and" || W(i - 1) == "to" || W(i - 1) == "und" ||
         W(i - 1) == "bis" || P(i - 1, "-") || P(i - 1, "\xE2\x80\x93")) &&
        static_cast<long>(anchor_->start.day()) == V(i - 2)) {
      size_t ml = 0, mf = P(i - 3, ".") && i >= 4 ? i - 4 : i - 3;
      if (MonthAt(mf, &ml) && ml == i - 3) {
        if (auto d =
                MakeDay(anchor_->start.year(), anchor_->start.month(), V(i))) {
          Cand c = DayCand(i, i, *d);
          c.derived = true;
          Offer(c, best);
        }
        return;
      }
    }
    size_t k = j;
    for (int item = 0; item < 6; ++item) {
      bool sep = false;
      if (P(k, ",") || P(k, "-") || P(k, "\xE2\x80\x93")) {
        ++k;
        sep = true;
      }
      const std::string& c = W(k);
      if (c == "und" || c == "bis" || c == "oder" || c == "and" || c == "to" ||
          c == "or") {
        ++k;
        sep = true;
      }
      if (!sep) return;
      if (W(k) == "dem" || W(k) == "zum" || W(k) == "the") ++k;
      if (!N(k, 1, 2) || V(k) < 1 || V(k) > 31 || V(k) <= V(i)) return;
      size_t e = k + 1;
      if ((P(e, ".") && Glued(e)) || lx_.ordinal_suffixes.count(W(e))) ++e;
      if (en_ && W(e) == "of") ++e;
      size_t l2;
      if (int m2 = MonthAt(e, &l2)) {
        std::optional<core::Date> d;
        size_t y = l2 + 1;
        if (P(y, ",")) ++y;
        if (N(y, 4, 4))
          d = MakeDay(V(y), m2, V(i));
        else
          d = ResolveDayMonth(m2, V(i), i);
        if (d) Offer(DayCand(i, j - 1, *d), best);
        return;
      }
      k = e;
    }
    return;
  }
  size_t k = last + 1;
  if (P(k, ",")) ++k;
  if (N(k, 4, 4)) {
    if (auto d = MakeDay(V(k), m, V(i)))
      Offer(Explicit(DayCand(i, k, *d)), best);
    return;
  }
  if (auto d = ResolveDayMonth(m, V(i), i)) Offer(DayCand(i, last, *d), best);
}

// "November 2013", "Nov. 2, 2013", "Aug. 7", "Oktober", "Juli dieses
// Jahres", "March of last year".
void TimeMatcher::TryMonth(size_t i, Cand* best) const {
  size_t last;
  if (auto sh = lx_.shifts.find(W(i));
      sh != lx_.shifts.end() && !lx_.anaphoric_shifts.count(W(i))) {
    int m = MonthAt(i + 1, &last);
    if (!m) return;
    int y = dct_.year(), cur = dct_.month();
    if (sh->second < 0) y = m < cur ? y : y - 1;
    if (sh->second > 0) y = m > cur ? y : y + 1;
    Offer(MonthCand(i, last, y, m), best);
    return;
  }
  int m = MonthAt(i, &last);
  if (!m) return;
  size_t k = last + 1;
  if (N(k, 1, 2) && V(k) >= 1 && V(k) <= 31 && !(P(k + 1, ".") && !en_)) {
    size_t e = k;
    if (lx_.ordinal_suffixes.count(W(k + 1)) && Glued(k + 1)) ++e;
    size_t y = e + 1;
    if (P(y, ",")) ++y;
    if (N(y, 4, 4)) {
      if (auto d = MakeDay(V(y), m, V(k)))
        Offer(Explicit(DayCand(i, y, *d)), best);
      return;
    }
    if (auto d = ResolveDayMonth(m, V(k), i)) {
      Offer(DayCand(i, e, *d), best);
      return;
    }
  }
  size_t y = k;
  if (P(y, ",")) ++y;
  if (N(y, 4, 4)) {
    Offer(Explicit(MonthCand(i, y, V(y), m)), best);
    return;
  }
  if (size_t sl = 0; int sy = SpelledYear(y, &sl)) {
    if (sy >= 1400 && sy <= 2099) {
      Offer(Explicit(MonthCand(i, sl, sy, m)), best);
      return;
    }
  }
  // Month + year reference: "dieses Jahres", "des Vorjahres", "of last year".
  size_t r = k;
  if (W(r) == "of") ++r;
  const std::string& w = W(r);
  auto sh = lx_.shifts.find(w);
  if (sh != lx_.shifts.end() && Unit(r + 1) && *Unit(r + 1) == "Y") {
    Offer(MonthCand(i, r + 1, dct_.year() + sh->second, m), best);
    return;
  }
  if ((w == "des" || w == "the") && lx_.year_words.count(W(r + 1))) {
    Offer(MonthCand(i, r + 1, dct_.year() + lx_.year_words.at(W(r + 1)), m),
          best);
    return;
  }
  Offer(MonthCand(i, last, ResolveMonthYear(m, i), m), best);
}

// Spelled-out years: "nineteen ninety-six", "nineteen hundred", "two
// thousand (and) one"; German "neunzehnhundertsechsundneunzig",
// "zweitausendeins". Returns the year (0 if none) and its last token.
int TimeMatcher::SpelledYear(size_t i, size_t* last) const {
  auto num = [&](const std::string& w) -> int {
    auto it = lx_.numbers.find(w);
    if (it != lx_.numbers.end() && it->second >= 1 && it->second < 100 &&
        it->second == static_cast<int>(it->second))
      return static_cast<int>(it->second);
    if (!en_) {  // "sechsundneunzig"
      size_t u = w.find("und");
      if (u != std::string::npos && u > 0) {
        auto a = lx_.numbers.find(w.substr(0, u));
        auto b = lx_.numbers.find(w.substr(u + 3));
        if (a != lx_.numbers.end() && b != lx_.numbers.end() &&
            a->second < 10 && b->second >= 20 && b->second < 100)
          return static_cast<int>(a->second + b->second);
      }
    }
    return 0;
  };
  const std::string& w = W(i);
  if (w.empty()) return 0;
  if (!en_) {
    for (const char* mid : {"hundert", "tausend"}) {
      size_t p = w.find(mid);
      if (p == std::string::npos || p == 0) continue;
      int head = num(w.substr(0, p));
      std::string rest = w.substr(p + std::string_view(mid).size());
      int base = mid[0] == 'h' ? head * 100 : head * 1000;
      if ((mid[0] == 'h' && (head < 11 || head > 20)) ||
          (mid[0] == 't' && head != 2))
        return 0;
      int tail = rest.empty() ? 0 : num(rest);
      if (!rest.empty() && !tail) return 0;
      *last = i;
      return base + tail;
    }
    return 0;
  }
  int head = num(w);
  if (head == 2 && W(i + 1) == "thousand") {
    size_t k = i + 2;
    if (W(k) == "and") ++k;
    int tail = 0;
    if (int a = num(W(k))) {
      tail = a;
      if (a >= 20 && a % 10 == 0 && P(k + 1, "-") && num(W(k + 2)) &&
          num(W(k + 2)) < 10) {
        tail += num(W(k + 2));
        k += 2;
      }
      *last = k;
    } else {
      *last = i + 1;
    }
    return 2000 + tail;
  }
  if (head < 11 || head > 20) return 0;
  if (W(i + 1) == "hundred") {
    *last = i + 1;
    return head * 100;
  }
  int tens = num(W(i + 1));
  if (tens < 20 || tens % 10 != 0) return 0;
  int unit = 0;
  size_t e = i + 1;
  if (P(i + 2, "-") && Glued(i + 2) && Glued(i + 3)) {
    unit = num(W(i + 3));
    if (unit >= 10) return 0;
    if (unit) e = i + 3;
  }
  *last = e;
  return head * 100 + tens + unit;
}

// A four-digit year ("1998", "im Jahr 2011" -> "Jahr 2011") or a spelled
// one ("in nineteen ninety-six", "the year two thousand").
void TimeMatcher::TryYear(size_t i, Cand* best) const {
  size_t first = i, y = i;
  {
    size_t s = i, sl = 0;
    const std::string& w = W(i);
    if (w == "year" || w == "jahr" || w == "jahre") s = i + 1;
    if (int sy = SpelledYear(s, &sl); sy >= 1400 && sy <= 2099) {
      // Bare "two thousand" is a count unless "year" or a preposition
      // comes first.
      const std::string& p = i > 0 ? W(i - 1) : W(n_);
      bool ctx = s != i || p == "in" || p == "since" || p == "until" ||
                 p == "of" || p == "by" || p == "im" || p == "seit" ||
                 p == "bis" || p == "von" || sy < 2000;
      if (ctx) {
        Cand c = Explicit(YearCand(i, sl, sy));
        c.takes_det = s != i;  // "the year two thousand"
        Offer(c, best);
        return;
      }
    }
  }
  if (!N(i, 4, 4)) {
    const std::string& w = W(i);
    if (!(w == "jahr" || w == "jahre" || w == "jahres" || w == "year" ||
          w == "fiscal") ||
        !N(i + 1, 4, 4))
      return;
    y = i + 1;
  }
  long v = V(y);
  if (v < 1000 || v > 2199) return;
  if (y > 0 && Glued(y)) {
    const std::string& p = t_[y - 1].lower;
    bool mid = p == "-" && y >= 2 && lx_.parts.count(W(y - 2));  // mid-1996
    if (!mid && (p == "$" || p == "\xE2\x82\xAC" || p == "#" || p == "." ||
                 p == "," || p == "/" || p == "-"))
      return;
  }
  if (y + 1 < n_ && Glued(y + 1)) {
    const TimeToken& nx = t_[y + 1];
    if (nx.kind == TimeToken::kWord) return;  // 1990s, 1990er: decades
    if ((nx.lower == "." || nx.lower == ",") && N(y + 2, 1, 9) && Glued(y + 2))
      return;
    if (nx.lower == "%") return;
  }
  static const char* kNotYear[] = {
      "euro",    "dollar",   "dollars",  "menschen",  "people",    "meter",
      "metres",  "meters",   "km",       "kilometer", "prozent",   "percent",
      "mark",    "franken",  "tonnen",   "tons",      "einwohner", "mitglieder",
      "members", "soldiers", "soldaten", "troops",    "shares",    "aktien",
      "stück",   "mal",      "times",    "points",    "punkte",    "feet",
      "miles",   "meilen",   "m",        "lire",      "yen"};
  const std::string& nw = W(y + 1);
  for (const char* s : kNotYear)
    if (nw == s) return;
  if (v < 1900 || v > 2099) {
    static const char* kYearCtx[] = {
        "im",   "in",     "jahr", "jahre",   "jahres",   "seit",
        "bis",  "von",    "um",   "ab",      "since",    "until",
        "of",   "by",     "from", "between", "zwischen", "anno",
        "year", "fiscal", "and",  "und"};
    bool ok = first != y;
    const std::string& pw = y > 0 ? W(y - 1) : W(n_);
    for (const char* s : kYearCtx) ok = ok || pw == s;
    if (!ok && y > 0 &&
        (P(y - 1, "-") || P(y - 1, "\xE2\x80\x93") || P(y - 1, "(")))
      ok = true;
    if (!ok) return;
  }
  Offer(Explicit(YearCand(first, y, static_cast<int>(v))), best);
}

// 1990s, 1990er (Jahre), '90s, 90er Jahre, the nineties, neunziger Jahre,
// 20. Jahrhundert, 20th century.
void TimeMatcher::TryDecadeCentury(size_t i, Cand* best) const {
  auto decade = [&](size_t first, size_t last, int y0) {
    size_t e = last;
    if (StartsWith(W(e + 1), "jahr") && !Unit(e + 1)) {
    } else if (Unit(e + 1) && *Unit(e + 1) == "Y") {
      ++e;
    }
    auto r = DecadeRange(y0, core::Precision::kExact);
    if (r)
      Offer(Make(first, e, "DATE", std::to_string(y0 / 10), r, true), best);
  };
  if (N(i, 4, 4) && Glued(i + 1) && V(i) % 10 == 0) {
    const std::string& s = W(i + 1);
    if (s == "s" || s == "er" || s == "ern" || s == "'s")
      decade(i, i + 1, V(i));
  }
  if (N(i, 2, 2) && Glued(i + 1) && V(i) % 10 == 0) {
    const std::string& s = W(i + 1);
    if ((s == "er" || s == "ern") && Unit(i + 2) && *Unit(i + 2) == "Y")
      decade(i, i + 1,
             static_cast<int>(V(i) <= 10 ? 2000 + V(i) : 1900 + V(i)));
    if (s == "s" && i > 0 && (P(i - 1, "'") || P(i - 1, "\xE2\x80\x99")))
      decade(i - 1, i + 1, 1900 + V(i));
  }
  if ((P(i, "'") || P(i, "\xE2\x80\x99")) && N(i + 1, 2, 2) && Glued(i + 1) &&
      W(i + 2) == "s" && Glued(i + 2) && V(i + 1) % 10 == 0)
    decade(i, i + 2, 1900 + V(i + 1));
  if (auto it = lx_.decade_words.find(W(i)); it != lx_.decade_words.end()) {
    bool years = Unit(i + 1) && *Unit(i + 1) == "Y";
    if (en_ || years) decade(i, i, 1900 + 10 * it->second);
  }
  // Centuries.
  size_t j = i;
  long c = 0;
  if (N(i, 1, 2) && Glued(i + 1) &&
      (P(i + 1, ".") || lx_.ordinal_suffixes.count(W(i + 1)))) {
    c = V(i);
    j = i + 2;
  }
  if (c >= 1 && c <= 21 && Unit(j) && *Unit(j) == "CE") {
    int y0 = static_cast<int>(c - 1) * 100;
    auto r =
        CenturyRange(y0 < kMinYear ? kMinYear : y0, core::Precision::kExact);
    char b[8];
    std::snprintf(b, sizeof b, "%02d", static_cast<int>(c - 1));
    // English articles belong to the extent ("the 20th century"); German
    // corpora leave "des" out.
    if (y0 >= kMinYear)
      Offer(Make(i, j, "DATE", b, r, en_), best);
    else
      Offer(Make(i, j, "DATE", b, std::nullopt, en_), best);
  }
}

// Weekdays with direction: "Samstag", "am vergangenen Samstag", "last
// Friday", "Montagvormittag", "Friday morning", "Donnerstag, 25. Februar".
void TimeMatcher::TryWeekday(size_t i, Cand* best) const {
  size_t w = i;
  int shift = 0;
  bool has_shift = false;
  if (auto sh = lx_.shifts.find(W(i)); sh != lx_.shifts.end()) {
    w = i + 1;
    shift = sh->second;
    has_shift = true;
  }
  const std::string& word = W(w);
  if (word.empty() || (!Cap(w) && !lx_.weekdays.count(word))) return;
  int wd = 0;
  std::string part;
  if (auto it = lx_.weekdays.find(word); it != lx_.weekdays.end()) {
    wd = it->second;
    if (lx_.weekday_sets.count(word)) {
      if (has_shift) return;
      char b[16];
      std::snprintf(b, sizeof b, "XXXX-WXX-%d", wd);
      Offer(Make(i, w, "SET", b, std::nullopt), best);
      return;
    }
  } else if (!en_ && word.size() > 7) {
    // German compounds: Montagvormittag, Dienstagabend, Samstagnacht.
    for (const auto& [name, d] : lx_.weekdays) {
      if (lx_.weekday_sets.count(name) || !StartsWith(word, name)) continue;
      auto dp = lx_.day_parts.find(word.substr(name.size()));
      if (dp != lx_.day_parts.end()) {
        wd = d;
        part = dp->second;
      }
      break;
    }
  }
  if (!wd) return;
  // "Tuesday nights", "Sunday mornings": a set.
  if (en_ && !has_shift) {
    const std::string& nx = W(w + 1);
    if (nx.size() > 1 && nx.back() == 's') {
      auto dp = lx_.day_parts.find(nx.substr(0, nx.size() - 1));
      if (dp != lx_.day_parts.end()) {
        char b[32];
        std::snprintf(b, sizeof b, "XXXX-WXX-%dT%s", wd, dp->second.c_str());
        Offer(Make(i, w + 1, "SET", b, std::nullopt), best);
        return;
      }
    }
  }
  size_t last = w;
  if (part.empty()) {
    auto dp = lx_.day_parts.find(W(w + 1));
    if (dp != lx_.day_parts.end() && !(W(w + 1) == "früh" && false)) {
      part = dp->second;
      last = w + 1;
    }
  }
  // An explicit date after the weekday decides.
  size_t k = w + 1;
  if (P(k, ",")) ++k;
  const std::string& det = W(k);
  if (det == "den" || det == "dem" || det == "the") ++k;
  if (part.empty() && k < n_) {
    Cand d;
    TryDayMonth(k, &d);
    TryMonth(k, &d);
    TryNumericDate(k, &d);
    if (d.ok && d.tx.range &&
        d.tx.range->granularity == core::Granularity::kDay) {
      d.first = i;
      Offer(d, best);
      return;
    }
  }
  core::Date day = ResolveWeekday(wd, shift, has_shift, i);
  if (!part.empty()) {
    Offer(Make(i, last, "TIME", DayValue(day) + "T" + part,
               core::DateRange::Day(day)),
          best);
  } else {
    Offer(DayCand(i, w, day), best);
  }
}

// gestern/heute/morgen, yesterday/today/tomorrow/tonight, with a day part.
void TimeMatcher::TryRelativeDay(size_t i, Cand* best) const {
  const std::string& w = W(i);
  auto it = lx_.relative_days.find(w);
  if (it == lx_.relative_days.end()) return;
  // German "Morgen" in mid-sentence is the noun (morning).
  if (!en_ && w == "morgen" && Cap(i) && !SentenceStart(i)) return;
  auto d = AddDays(dct_, it->second);
  if (!d) return;
  if (w == "tonight") {
    Offer(Make(i, i, "TIME", DayValue(*d) + "TNI", core::DateRange::Day(*d)),
          best);
    return;
  }
  auto dp = lx_.day_parts.find(W(i + 1));
  if (dp != lx_.day_parts.end()) {
    Offer(Make(i, i + 1, "TIME", DayValue(*d) + "T" + dp->second,
               core::DateRange::Day(*d)),
          best);
    return;
  }
  Offer(DayCand(i, i, *d), best);
}

}  // namespace geotl::ingest::time
