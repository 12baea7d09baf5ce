// The token patterns of TimeMatcher. Each Try* looks at the tokens starting
// at i and offers resolved candidates; the longest wins (time_matcher.cc).
#include <cstdlib>

#include "ingest/time/calendar.h"
#include "ingest/time/time_matcher.h"

namespace geotl {
namespace tc = timecal;

namespace {
bool StartsWith(const std::string& s, std::string_view p) {
  return s.size() >= p.size() && s.compare(0, p.size(), p) == 0;
}
int TwoDigitYear(long y) { return y < 50 ? 2000 + y : 1900 + y; }
}  // namespace

// 2013-11-02, 02.11.2013, 2.11., 11/2/2013 (English: month first).
void TimeMatcher::TryNumericDate(size_t i, Cand* best) const {
  if (N(i, 4, 4) && P(i + 1, "-") && Glued(i + 1) && N(i + 2, 1, 2) &&
      Glued(i + 2) && P(i + 3, "-") && Glued(i + 3) && N(i + 4, 1, 2) &&
      Glued(i + 4)) {
    if (auto d = tc::MakeDay(V(i), V(i + 2), V(i + 4)))
      Offer(DayCand(i, i + 4, *d), best);
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
    if (auto d = tc::MakeDay(y, month, day)) Offer(DayCand(i, i + 4, *d), best);
    return;
  }
  if (dots && !en_ && month >= 1 && month <= 12) {
    if (auto d = ResolveDayMonth(month, day, i)) Offer(DayCand(i, i + 3, *d), best);
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
  if (!m) return;
  size_t k = last + 1;
  if (P(k, ",")) ++k;
  if (N(k, 4, 4)) {
    if (auto d = tc::MakeDay(V(k), m, V(i))) Offer(DayCand(i, k, *d), best);
    return;
  }
  if (auto d = ResolveDayMonth(m, V(i), i)) Offer(DayCand(i, last, *d), best);
}

// "November 2013", "Nov. 2, 2013", "Aug. 7", "Oktober", "Juli dieses
// Jahres", "March of last year".
void TimeMatcher::TryMonth(size_t i, Cand* best) const {
  size_t last;
  int m = MonthAt(i, &last);
  if (!m) return;
  size_t k = last + 1;
  if (N(k, 1, 2) && V(k) >= 1 && V(k) <= 31 && !(P(k + 1, ".") && !en_)) {
    size_t e = k;
    if (lx_.ordinal_suffixes.count(W(k + 1)) && Glued(k + 1)) ++e;
    size_t y = e + 1;
    if (P(y, ",")) ++y;
    if (N(y, 4, 4)) {
      if (auto d = tc::MakeDay(V(y), m, V(k))) Offer(DayCand(i, y, *d), best);
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
    Offer(MonthCand(i, y, V(y), m), best);
    return;
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

// A four-digit year ("1998", "im Jahr 2011" -> "Jahr 2011").
void TimeMatcher::TryYear(size_t i, Cand* best) const {
  size_t first = i, y = i;
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
    if (p == "$" || p == "\xE2\x82\xAC" || p == "#" || p == "." || p == "," ||
        p == "/" || p == "-")
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
      "euro", "dollar", "dollars", "menschen", "people", "meter", "metres",
      "meters", "km", "kilometer", "prozent", "percent", "mark", "franken",
      "tonnen", "tons", "einwohner", "mitglieder", "members", "soldiers",
      "soldaten", "troops", "shares", "aktien", "stück", "mal", "times",
      "points", "punkte", "feet", "miles", "meilen", "m", "lire", "yen"};
  const std::string& nw = W(y + 1);
  for (const char* s : kNotYear)
    if (nw == s) return;
  if (v < 1900 || v > 2099) {
    static const char* kYearCtx[] = {"im", "in", "jahr", "jahre", "jahres",
                                     "seit", "bis", "von", "um", "ab",
                                     "since", "until", "of", "by", "from",
                                     "between", "zwischen", "anno", "year",
                                     "fiscal", "and", "und"};
    bool ok = first != y;
    const std::string& pw = y > 0 ? W(y - 1) : W(n_);
    for (const char* s : kYearCtx) ok = ok || pw == s;
    if (!ok && y > 0 && (P(y - 1, "-") || P(y - 1, "\xE2\x80\x93") ||
                         P(y - 1, "(")))
      ok = true;
    if (!ok) return;
  }
  Offer(YearCand(first, y, static_cast<int>(v)), best);
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
    auto r = tc::DecadeRange(y0, Precision::kExact);
    if (r) Offer(Make(first, e, "DATE", std::to_string(y0 / 10), r, true), best);
  };
  if (N(i, 4, 4) && Glued(i + 1) && V(i) % 10 == 0) {
    const std::string& s = W(i + 1);
    if (s == "s" || s == "er" || s == "ern" || s == "'s") decade(i, i + 1, V(i));
  }
  if (N(i, 2, 2) && Glued(i + 1) && V(i) % 10 == 0) {
    const std::string& s = W(i + 1);
    if ((s == "er" || s == "ern") && Unit(i + 2) && *Unit(i + 2) == "Y")
      decade(i, i + 1, TwoDigitYear(V(i)) < 1930 && V(i) >= 20 ? 1900 + V(i)
                                                             : 1900 + V(i));
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
    auto r = tc::CenturyRange(y0 < tc::kMinYear ? tc::kMinYear : y0,
                              Precision::kExact);
    char b[8];
    std::snprintf(b, sizeof b, "%02d", static_cast<int>(c - 1));
    if (y0 >= tc::kMinYear) Offer(Make(i, j, "DATE", b, r, true), best);
    else Offer(Make(i, j, "DATE", b, std::nullopt, true), best);
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
  if (word.empty() || !Cap(w)) return;
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
    if (d.ok && d.tx.range && d.tx.range->granularity == Granularity::kDay) {
      d.first = i;
      Offer(d, best);
      return;
    }
  }
  Date day = ResolveWeekday(wd, shift, has_shift, i);
  if (!part.empty()) {
    Offer(Make(i, last, "TIME", tc::DayValue(day) + "T" + part,
               DateRange::Day(day)),
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
  auto d = tc::AddDays(dct_, it->second);
  if (!d) return;
  if (w == "tonight") {
    Offer(Make(i, i, "TIME", tc::DayValue(*d) + "TNI", DateRange::Day(*d)), best);
    return;
  }
  auto dp = lx_.day_parts.find(W(i + 1));
  if (dp != lx_.day_parts.end()) {
    Offer(Make(i, i + 1, "TIME", tc::DayValue(*d) + "T" + dp->second,
               DateRange::Day(*d)),
          best);
    return;
  }
  Offer(DayCand(i, i, *d), best);
}

// "letzte Woche", "nächstes Jahr", "this month", "am nächsten Tag", "the
// following week", "laufenden Jahres", "heuer", "im Vorjahr", "year-earlier";
// with bare_unit (after an article) also "the year", "des Monats".
void TimeMatcher::TryUnitShift(size_t i, Cand* best, bool bare_unit) const {
  const std::string& w = W(i);
  if (auto yw = lx_.year_words.find(w); yw != lx_.year_words.end()) {
    int shift = yw->second;
    if (en_) {  // "year-earlier" is written as one word here
      if (quarter_ > 0) {
        long q = quarter_year_ * 4L + quarter_ - 1 - 4;
        auto r = tc::QuarterRange(q / 4, q % 4 + 1, Precision::kExact);
        Offer(Make(i, i, "DATE", tc::QuarterValue(q / 4, q % 4 + 1), r, true),
              best);
        return;
      }
      Offer(UnitDate(i, i, "Y", AnchorDay(), shift, Precision::kExact), best);
      return;
    }
    Offer(UnitDate(i, i, "Y", dct_, shift, Precision::kExact), best);
  }
  if (auto mw = lx_.month_words.find(w); mw != lx_.month_words.end())
    Offer(UnitDate(i, i, "M", dct_, mw->second, Precision::kExact), best);
  if (auto ww = lx_.week_words.find(w); ww != lx_.week_words.end())
    Offer(UnitDate(i, i, "W", dct_, ww->second, Precision::kExact), best);
  if (en_ && w == "year" && P(i + 1, "-") && Glued(i + 1) && Glued(i + 2) &&
      (W(i + 2) == "earlier" || W(i + 2) == "ago")) {
    if (quarter_ > 0) {
      long q = quarter_year_ * 4L + quarter_ - 1 - 4;
      auto r = tc::QuarterRange(q / 4, q % 4 + 1, Precision::kExact);
      Offer(Make(i, i + 2, "DATE", tc::QuarterValue(q / 4, q % 4 + 1), r, true),
            best);
    } else {
      Offer(UnitDate(i, i + 2, "Y", dct_, -1, Precision::kExact), best);
    }
    return;
  }
  auto sh = lx_.shifts.find(w);
  if (sh == lx_.shifts.end()) {
    if (bare_unit && Unit(i) && !lx_.plural_units.count(w)) {
      const std::string& u = *Unit(i);
      if (u == "Y" || u == "W" || u == "WE" || u == "M")
        Offer(UnitDate(i, i, u, dct_, 0, Precision::kExact), best);
    }
    return;
  }
  const std::string* u = Unit(i + 1);
  if (!u || lx_.plural_units.count(W(i + 1))) return;
  int shift = sh->second;
  bool anaphoric = *u == "D" || lx_.anaphoric_shifts.count(w) > 0;
  if (*u == "D" && shift == 0 && w != "gleichen" && w != "selben" &&
      w != "same" && w != "that" && w != "demselben")
    return;  // "this day"
  Date base = anaphoric ? AnchorDay() : dct_;
  // "the past year" is the year up to now, a duration.
  if (en_ && i > 0 && W(i - 1) == "the" && shift < 0 && w != "previous" &&
      w != "preceding" && w != "prior") {
    Offer(DurationCand(i, i + 1, 1, false, *u, -1), best);
    return;
  }
  Cand c = UnitDate(i, i + 1, *u, base, shift, Precision::kExact);
  // German postposed "darauf": "der Woche darauf".
  Offer(c, best);
}

// "vor zwei Wochen", "two weeks ago", "a year earlier", "drei Tage später",
// "in drei Tagen" (future only).
void TimeMatcher::TryAgoLater(size_t i, Cand* best) const {
  const std::string& w = W(i);
  bool vor = lx_.ago_before.count(w) > 0;
  bool in = lx_.future_before.count(w) > 0;
  size_t s = (vor || in) ? i + 1 : i;
  auto num = Number(s);
  size_t ul;
  std::optional<NumAt> n = num;
  if (!n) {
    if (!vor || !Unit(s) || !lx_.plural_units.count(W(s))) return;
    n = NumAt{0, s - 1, true};  // "vor Jahren"
  }
  ul = n->last + 1;
  const std::string* u = Unit(ul);
  if (!u) return;
  int dir = 0;
  size_t last = ul;
  bool anaphoric = false;
  if (vor) {
    dir = -1;
  } else if (in) {
    if (en_ && Tense(i) <= 0) return;
    dir = 1;
  } else if (lx_.ago_after.count(W(ul + 1))) {
    dir = -1;
    last = ul + 1;
  } else if (lx_.later_after.count(W(ul + 1)) &&
             W(ul + 1) != "after") {
    dir = 1;
    last = ul + 1;
    anaphoric = true;
  } else if (lx_.earlier_after.count(W(ul + 1)) && W(ul + 1) != "before" &&
             W(ul + 1) != "prior") {
    dir = -1;
    last = ul + 1;
    anaphoric = true;
  } else {
    return;
  }
  if (n->fuzzy) {
    if (dir < 0) {
      auto from = tc::AddDays(dct_, -90);
      std::optional<DateRange> r;
      if (from && !anaphoric)
        r = DateRange{*from, dct_, Granularity::kInterval,
                      Precision::kApproximate, ""};
      Offer(Make(i, last, "DATE", "PAST_REF", r), best);
    } else {
      Offer(Make(i, last, "DATE", "FUTURE_REF", std::nullopt), best);
    }
    return;
  }
  double v = n->v;
  if (v <= 0 || v > 5000 || v != static_cast<long>(v)) return;
  int k = static_cast<int>(v) * dir;
  Date base = anaphoric ? AnchorDay() : dct_;
  if (*u == "Y" && quarter_ > 0 && en_ && static_cast<int>(v) == 1 &&
      (anaphoric || dir < 0)) {
    long q = quarter_year_ * 4L + quarter_ - 1 + 4 * k;
    auto r = tc::QuarterRange(q / 4, q % 4 + 1, Precision::kExact);
    Offer(Make(i, last, "DATE", tc::QuarterValue(q / 4, q % 4 + 1), r), best);
    return;
  }
  if (*u == "H" || *u == "MIN" || *u == "S") {
    Offer(Make(i, last, "DATE", tc::DayValue(base), DateRange::Day(base)), best);
    return;
  }
  Cand c = UnitDate(i, last, *u, base, k, Precision::kExact);
  c.takes_det = false;
  Offer(c, best);
}

// "drei Wochen", "two weeks", "16-hour", "einigen Tagen", "Jahren", "the
// past two months", "in den vergangenen Monaten", "recent years",
// "100-jähriges", "the first nine months".
void TimeMatcher::TryDuration(size_t i, Cand* best) const {
  size_t s = i;
  int shift = 0;
  const std::string& w = W(i);
  if (auto sh = lx_.shifts.find(w); sh != lx_.shifts.end() && sh->second < 0) {
    shift = -1;
    s = i + 1;
  } else if (w == "recent" || w == "jüngsten" || w == "letzter") {
    shift = -1;
    s = i + 1;
  } else if (lx_.ordinals.count(w) && lx_.ordinals.at(w) == 1) {
    s = i + 1;  // "the first nine months"
  }
  // Plural unit alone: "Jahren", "years", "den vergangenen Monaten".
  if (const std::string* u = Unit(s); u && lx_.plural_units.count(W(s))) {
    Offer(DurationCand(i, s, 0, true, *u, shift), best);
    return;
  }
  auto n = Number(s);
  if (!n) return;
  if (s == i + 1 && shift == 0 && !(lx_.ordinals.count(w))) return;
  size_t ul = n->last + 1;
  // Adjectival "16-hour", "two-year", "14-Tage", "100-jähriges".
  if (P(ul, "-") && Glued(ul) && Glued(ul + 1)) {
    const std::string& a = W(ul + 1);
    if (const std::string* u = Unit(ul + 1)) {
      Offer(DurationCand(i, ul + 1, n->v, n->fuzzy, *u, shift), best);
      return;
    }
    static const std::pair<const char*, const char*> kAdj[] = {
        {"jährig", "Y"}, {"tägig", "D"}, {"wöchig", "W"},
        {"monatig", "M"}, {"stündig", "H"}, {"minütig", "MIN"}};
    for (auto& [stem, unit] : kAdj)
      if (StartsWith(a, stem)) {
        Offer(DurationCand(i, ul + 1, n->v, n->fuzzy, unit, shift), best);
        return;
      }
    return;
  }
  const std::string* u = Unit(ul);
  if (!u) return;
  if (!n->fuzzy && n->v == 1 && lx_.plural_units.count(W(ul)) &&
      !N(n->last, 1, 4))
    return;
  if (n->v > 1 && !lx_.plural_units.count(W(ul)) && !N(n->last, 1, 4) &&
      !(!en_ && (*u == "Y" || *u == "M") && W(ul).back() != 's'))
    return;
  Offer(DurationCand(i, ul, n->v, n->fuzzy, *u, shift), best);
}

// Quarters and halves: "third-quarter", "the third quarter (of 1989)",
// "im dritten Quartal", "Q3", "the latest quarter", "the year-ago quarter".
void TimeMatcher::TryQuarter(size_t i, Cand* best, bool after_det) const {
  int q = 0;
  size_t u = 0;
  const std::string& w = W(i);
  if (w == "q" && N(i + 1, 1, 1) && Glued(i + 1) && V(i + 1) >= 1 &&
      V(i + 1) <= 4) {
    q = V(i + 1);
    u = i + 1;
  } else if (auto o = lx_.ordinals.find(w); o != lx_.ordinals.end()) {
    q = o->second;
    u = i + 1;
    if (P(u, "-") && Glued(u)) ++u;
  } else if (N(i, 1, 1) && Glued(i + 1) &&
             (P(i + 1, ".") || lx_.ordinal_suffixes.count(W(i + 1)))) {
    q = V(i);
    u = i + 2;
  }
  std::string unit;
  if (q && u) {
    const std::string* un = Unit(u);
    if (un && (*un == "Q")) unit = "Q";
    else if (W(u) == "half" || W(u) == "halbjahr" || W(u) == "jahreshälfte" ||
             W(u) == "hälfte")
      unit = "HALF";
  }
  if (!unit.empty()) {
    int max = unit == "Q" ? 4 : 2;
    if (q < 1 || q > max) return;
    size_t last = u;
    int year = 0;
    size_t y = u + 1;
    if (W(y) == "of" || W(y) == "des") ++y;
    if (W(y) == "fiscal") ++y;
    if (N(y, 4, 4)) {
      year = V(y);
      last = y;
    }
    if (!year) {
      int cur = unit == "Q" ? (dct_.month() - 1) / 3 + 1
                            : (dct_.month() - 1) / 6 + 1;
      year = dct_.year();
      if (q > cur && Tense(i) < 0) --year;
      if (q > cur && unit == "Q" && quarter_ > 0 && quarter_ == q)
        year = quarter_year_;
    }
    auto r = unit == "Q" ? tc::QuarterRange(year, q, Precision::kExact)
                         : tc::HalfRange(year, q, Precision::kExact);
    if (!r) return;
    std::string v = unit == "Q" ? tc::QuarterValue(year, q)
                                : tc::YearValue(year) + "-H" + std::to_string(q);
    Offer(Make(i, last, "DATE", v, r, true), best);
    return;
  }
  if (!en_) return;
  // "the quarter", "the latest quarter", "the year-ago quarter".
  size_t j = i;
  bool prev_year = false;
  if (w == "latest" || w == "recent" || w == "fiscal") {
    j = i + 1;
  } else if (w == "most" && W(i + 1) == "recent") {
    j = i + 2;
  } else if ((w == "year" && P(i + 1, "-") && Glued(i + 2) &&
              (W(i + 2) == "earlier" || W(i + 2) == "ago"))) {
    j = i + 3;
    prev_year = true;
  } else if (!after_det) {
    return;
  }
  if (!Unit(j) || *Unit(j) != "Q" || lx_.plural_units.count(W(j))) return;
  long qq;
  if (quarter_ > 0) {
    qq = quarter_year_ * 4L + quarter_ - 1;
  } else {
    qq = dct_.year() * 4L + (dct_.month() - 1) / 3 - 1;  // last completed
  }
  if (prev_year) qq -= 4;
  auto r = tc::QuarterRange(qq / 4, qq % 4 + 1, Precision::kExact);
  Offer(Make(i, j, "DATE", tc::QuarterValue(qq / 4, qq % 4 + 1), r, true), best);
}

// Seasons: "Herbst 2011", "im Herbst", "last fall", "this summer".
void TimeMatcher::TrySeason(size_t i, Cand* best) const {
  size_t s = i;
  int shift = 0;
  bool has_shift = false;
  if (auto sh = lx_.shifts.find(W(i)); sh != lx_.shifts.end()) {
    s = i + 1;
    shift = sh->second;
    has_shift = true;
  }
  auto it = lx_.seasons.find(W(s));
  if (it == lx_.seasons.end()) return;
  const std::string& code = it->second;
  size_t last = s;
  int year = 0;
  size_t y = s + 1;
  if (W(y) == "of") ++y;
  if (N(y, 4, 4)) {
    year = V(y);
    last = y;
  }
  if (en_ && !has_shift && !year) {
    const std::string& p = i > 0 ? W(i - 1) : W(n_);
    if (!(p == "the" || p == "in" || p == "this" || p == "early" ||
          p == "late" || p == "during" || p == "last" || p == "next"))
      return;
  }
  if (!year) {
    // Occurrences y-1, y, y+1; pick by shift or tense.
    int tense = has_shift ? 0 : Tense(i);
    std::optional<DateRange> pick;
    for (int yy = dct_.year() - 2; yy <= dct_.year() + 1; ++yy) {
      auto r = tc::SeasonRange(yy, code, Precision::kExact);
      if (!r) continue;
      bool contains = r->start <= dct_ && dct_ <= r->end;
      bool past = r->end < dct_, future = r->start > dct_;
      if (has_shift && shift < 0 && past) pick = r, year = yy;
      if (has_shift && shift > 0 && future && !pick) pick = r, year = yy;
      if (has_shift && shift == 0 && (contains || (!pick && yy == dct_.year())))
        pick = r, year = yy;
      if (!has_shift && tense < 0 && (past || contains)) pick = r, year = yy;
      if (!has_shift && tense > 0 && (future || contains) && !pick)
        pick = r, year = yy;
      if (!has_shift && tense == 0 && (contains || yy == dct_.year()) && !pick)
        pick = r, year = yy;
    }
    if (!pick) return;
  }
  auto r = tc::SeasonRange(year, code, Precision::kExact);
  if (!r) return;
  Offer(Make(i, last, "DATE", tc::YearValue(year) + "-" + code, r, true), best);
}

// Clock times: "20 Uhr", "20.30 Uhr", "10:35 a.m.", "14:30", "um 14.30",
// "midnight".
void TimeMatcher::TryTime(size_t i, Cand* best) const {
  Date day = anchor_ && anchor_->granularity == Granularity::kDay &&
                     anchor_->start == anchor_->end
                 ? anchor_->start
                 : dct_;
  if (auto nt = lx_.named_times.find(W(i)); nt != lx_.named_times.end()) {
    if (W(i) == "mittag" && !(i > 0 && (W(i - 1) == "zu" || W(i - 1) == "um")))
      return;
    Offer(Make(i, i, "TIME", tc::DayValue(day) + "T" + nt->second,
               DateRange::Day(day)),
          best);
    return;
  }
  if (!N(i, 1, 2) || V(i) > 24) return;
  long h = V(i), m = 0;
  size_t last = i;
  bool colon = false, dotted = false;
  if ((P(i + 1, ":") || P(i + 1, ".")) && Glued(i + 1) && N(i + 2, 2, 2) &&
      Glued(i + 2) && V(i + 2) < 60) {
    colon = P(i + 1, ":");
    dotted = !colon;
    m = V(i + 2);
    last = i + 2;
  }
  size_t k = last + 1;
  bool suffix = false;
  const std::string& s = W(k);
  if (s == "uhr" && !en_) {
    suffix = true;
    last = k;
  } else if (en_ && (s == "a" || s == "p") && P(k + 1, ".") && Glued(k + 1) &&
             W(k + 2) == "m" && Glued(k + 2)) {
    suffix = true;
    if (s == "p" && h < 12) h += 12;
    if (s == "a" && h == 12) h = 0;
    last = P(k + 3, ".") && Glued(k + 3) ? k + 3 : k + 2;
  } else if (en_ && lx_.am_pm.count(s)) {
    suffix = true;
    h = (h % 12) + lx_.am_pm.at(s);
    last = k;
  } else if (en_ && s == "o'clock") {
    suffix = true;
    last = k;
  }
  if (!suffix && !colon) {
    if (!dotted) return;
    const std::string& p = i > 0 ? W(i - 1) : W(n_);
    if (!(p == "um" || p == "ab" || p == "gegen" || p == "bis" || p == "at"))
      return;
  }
  char b[32];
  std::snprintf(b, sizeof b, "T%02ld:%02ld", h, m);
  Offer(Make(i, last, "TIME", tc::DayValue(day) + b, DateRange::Day(day)), best);
}

// Day parts: "am Nachmittag", "in der Nacht", "this morning", "last night".
void TimeMatcher::TryDayPart(size_t i, Cand* best) const {
  const std::string& w = W(i);
  if (en_) {
    if ((w == "this" || w == "last") && lx_.day_parts.count(W(i + 1))) {
      const std::string& part = lx_.day_parts.at(W(i + 1));
      if (w == "last" && part != "NI") return;
      Date d = w == "last" ? tc::AddDays(dct_, -1).value_or(dct_) : dct_;
      Offer(Make(i, i + 1, "TIME", tc::DayValue(d) + "T" + part,
                 DateRange::Day(d)),
            best);
    }
    return;
  }
  auto dp = lx_.day_parts.find(w);
  if (dp == lx_.day_parts.end() || !Cap(i) || i == 0) return;
  const std::string& p = W(i - 1);
  if (!(p == "am" || p == "in" || p == "im" || p == "zur" || p == "gegen" ||
        p == "der" || p == "den" || p == "bis"))
    return;
  Date d = anchor_ && anchor_->granularity == Granularity::kDay
               ? anchor_->start
               : dct_;
  Offer(Make(i, i, "TIME", tc::DayValue(d) + "T" + dp->second,
             DateRange::Day(d)),
        best);
}

// PRESENT_REF / PAST_REF / FUTURE_REF words.
void TimeMatcher::TryRef(size_t i, Cand* best) const {
  auto it = lx_.refs.find(W(i));
  if (it == lx_.refs.end()) return;
  const std::string& v = it->second;
  std::optional<DateRange> r;
  if (v == "PRESENT_REF") {
    r = DateRange::Day(dct_, Precision::kApproximate);
  } else if (lx_.near_refs.count(W(i))) {
    auto other = tc::AddDays(dct_, v == "PAST_REF" ? -30 : 30);
    if (other)
      r = DateRange{v == "PAST_REF" ? *other : dct_,
                    v == "PAST_REF" ? dct_ : *other, Granularity::kInterval,
                    Precision::kApproximate, ""};
  }
  Offer(Make(i, i, "DATE", v, r, true), best);
}

// Sets: "täglich", "daily", "jeden Tag", "every two weeks", "jeden Montag".
void TimeMatcher::TrySet(size_t i, Cand* best) const {
  const std::string& w = W(i);
  if (auto it = lx_.sets.find(w); it != lx_.sets.end()) {
    Offer(Make(i, i, "SET", it->second, std::nullopt), best);
    return;
  }
  if (!lx_.set_words.count(w)) return;
  size_t j = i + 1;
  if (auto wd = lx_.weekdays.find(W(j)); wd != lx_.weekdays.end()) {
    char b[16];
    std::snprintf(b, sizeof b, "XXXX-WXX-%d", wd->second);
    Offer(Make(i, j, "SET", b, std::nullopt), best);
    return;
  }
  double n = 1;
  if (auto num = Number(j); num && !num->fuzzy) {
    n = num->v;
    j = num->last + 1;
  }
  const std::string* u = Unit(j);
  if (!u) return;
  Cand c = DurationCand(i, j, n, false, *u, 0);
  c.tx.type = "SET";
  c.takes_det = false;
  Offer(c, best);
}

// Multi-word lexicon phrases: fuzzy references ("vor kurzem", "the
// future"), anaphoric days ("tags darauf", "the next day") and holidays.
void TimeMatcher::TryPhrase(size_t i, Cand* best) const {
  auto it = lx_.phrases.find(W(i));
  if (it == lx_.phrases.end()) return;
  for (const auto& ph : it->second) {
    size_t k = 0;
    while (k < ph.words.size() && W(i + k) == ph.words[k]) ++k;
    if (k != ph.words.size()) continue;
    size_t last = i + k - 1;
    if (ph.kind == "ref") {
      std::optional<DateRange> r;
      bool near = lx_.near_refs.count(
          [&] {
            std::string s;
            for (auto& x : ph.words) s += (s.empty() ? "" : " ") + x;
            return s;
          }());
      if (ph.value == "PRESENT_REF") {
        r = DateRange::Day(dct_, Precision::kApproximate);
      } else if (near) {
        auto o = tc::AddDays(dct_, ph.value == "PAST_REF" ? -30 : 30);
        if (o)
          r = DateRange{ph.value == "PAST_REF" ? *o : dct_,
                        ph.value == "PAST_REF" ? dct_ : *o,
                        Granularity::kInterval, Precision::kApproximate, ""};
      }
      Offer(Make(i, last, "DATE", ph.value, r, true), best);
    } else if (ph.kind == "anaphoric_day") {
      auto d = tc::AddDays(AnchorDay(), ph.offset);
      if (d) Offer(Make(i, last, "DATE", tc::DayValue(*d), DateRange::Day(*d),
                        true), best);
    } else if (ph.kind == "holiday" && ph.value.size() == 5) {
      int m = std::atoi(ph.value.substr(0, 2).c_str());
      int d = std::atoi(ph.value.substr(3, 2).c_str());
      size_t y = last + 1;
      std::optional<Date> day;
      if (N(y, 4, 4)) {
        day = tc::MakeDay(V(y), m, d);
        if (day) last = y;
      }
      if (!day) day = ResolveDayMonth(m, d, i);
      if (day) Offer(DayCand(i, last, *day), best);
    }
  }
}

// Anfang/Mitte/Ende, early/mid/late, the end of, earlier this (month) +
// a month, year, season or shifted unit: the inner value with a mod and the
// matching third of its range.
void TimeMatcher::TryPart(size_t i, Cand* best) const {
  auto it = lx_.parts.find(W(i));
  if (it == lx_.parts.end()) return;
  const std::string& w = W(i);
  if (en_ && (w == "earlier" || w == "later") && W(i + 1) != "this") return;
  if (en_ && (w == "end" || w == "beginning" || w == "middle" || w == "start") &&
      !(i > 0 && W(i - 1) == "the"))
    return;
  size_t j = i + 1;
  if (P(j, "-") && Glued(j)) ++j;  // mid-October
  bool det = false;
  if (W(j) == "of") ++j;
  if (lx_.determiners.count(W(j))) {
    ++j;
    det = true;
  }
  if (j >= n_) return;
  Cand inner;
  TryMonth(j, &inner);
  TryYear(j, &inner);
  TryUnitShift(j, &inner, det || !en_);
  TrySeason(j, &inner);
  TryDecadeCentury(j, &inner);
  TryWeekday(j, &inner);
  if (!inner.ok || inner.tx.type != "DATE" || !inner.tx.range) return;
  const std::string& mod = it->second;
  inner.tx.mod = mod;
  inner.tx.range = tc::PartOf(*inner.tx.range, mod);
  inner.first = i;
  inner.takes_det = true;
  Offer(inner, best);
}

}  // namespace geotl
