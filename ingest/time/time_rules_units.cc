// TimeMatcher rules built on units: shifted units ("letzte Woche"), ago
// and later ("vor zwei Wochen"), durations, quarters and halves, seasons.
#include <cstdlib>

#include "ingest/time/calendar.h"
#include "ingest/time/time_matcher.h"

namespace geotl::ingest::time {

namespace {
bool StartsWith(const std::string& s, std::string_view p) {
  return s.size() >= p.size() && s.compare(0, p.size(), p) == 0;
}
}  // namespace

// Earnings reports compare "the nine months" or "the first half" with "a
// year earlier": then the year-earlier period is a year, not a quarter.
bool TimeMatcher::SentenceNamesLongPeriod(size_t i) const {
  int sent = t_[i].sentence;
  size_t a = i;
  while (a > 0 && t_[a - 1].sentence == sent) --a;
  for (size_t j = a; j < n_ && t_[j].sentence == sent; ++j) {
    const std::string& w = W(j);
    if (w == "half" || w == "months") {
      if (w == "half") return true;
      auto num = j > 0 ? Number(j - 1) : std::nullopt;
      if (num && !num->fuzzy && num->v > 3) return true;
    }
  }
  return false;
}

// "letzte Woche", "nächstes Jahr", "this month", "am nächsten Tag", "the
// following week", "laufenden Jahres", "heuer", "im Vorjahr", "year-earlier";
// with bare_unit (after an article) also "the year", "des Monats".
void TimeMatcher::TryUnitShift(size_t i, Cand* best, bool bare_unit) const {
  const std::string& w = W(i);
  if (auto yw = lx_.year_words.find(w); yw != lx_.year_words.end()) {
    int shift = yw->second;
    if (en_) {  // "year-earlier" is written as one word here
      if (quarter_ > 0 && !SentenceNamesLongPeriod(i)) {
        long q = quarter_year_ * 4L + quarter_ - 1 - 4;
        auto r = QuarterRange(q / 4, q % 4 + 1, core::Precision::kExact);
        Cand c = Make(i, i, "DATE", QuarterValue(q / 4, q % 4 + 1), r, true);
        c.derived = true;
        Offer(c, best);
        return;
      }
      Offer(UnitDate(i, i, "Y", AnchorDay(), shift, core::Precision::kExact),
            best);
      return;
    }
    Offer(UnitDate(i, i, "Y", dct_, shift, core::Precision::kExact), best);
  }
  // "the fiscal year (ended March 31)": as "the year" below.
  if (en_ && bare_unit && w == "fiscal" && W(i + 1) == "year") {
    const std::string& after = W(i + 2);
    if (after == "ended" || after == "ending")
      Offer(DurationCand(i, i + 1, 1, false, "Y", 0), best);
    else
      Offer(UnitDate(i, i + 1, "Y", Narrative(i) ? AnchorDay() : dct_, 0,
                     core::Precision::kExact),
            best);
    return;
  }
  // "the full year", "the whole year": the DCT's (or the narrative's) year.
  if (en_ && (w == "full" || w == "whole" || w == "entire") &&
      W(i + 1) == "year") {
    Offer(UnitDate(i, i + 1, "Y", Narrative(i) ? AnchorDay() : dct_, 0,
                   core::Precision::kExact),
          best);
    return;
  }
  if (auto mw = lx_.month_words.find(w); mw != lx_.month_words.end())
    Offer(UnitDate(i, i, "M", dct_, mw->second, core::Precision::kExact), best);
  if (auto ww = lx_.week_words.find(w); ww != lx_.week_words.end())
    Offer(UnitDate(i, i, "W", dct_, ww->second, core::Precision::kExact), best);
  if (en_ && w == "year" && P(i + 1, "-") && Glued(i + 1) && Glued(i + 2) &&
      (W(i + 2) == "earlier" || W(i + 2) == "ago")) {
    if (quarter_ > 0 && !SentenceNamesLongPeriod(i)) {
      long q = quarter_year_ * 4L + quarter_ - 1 - 4;
      auto r = QuarterRange(q / 4, q % 4 + 1, core::Precision::kExact);
      Cand c = Make(i, i + 2, "DATE", QuarterValue(q / 4, q % 4 + 1), r, true);
      c.derived = true;
      Offer(c, best);
    } else {
      Offer(UnitDate(i, i + 2, "Y", dct_, -1, core::Precision::kExact), best);
    }
    return;
  }
  auto sh = lx_.shifts.find(w);
  if (sh == lx_.shifts.end()) {
    if (!en_ && i > 0 && Unit(i) && *Unit(i) == "WE" &&
        !lx_.plural_units.count(w)) {
      const std::string& p = W(i - 1);
      if (p == "am" || p == "übers" || p == "zum" || p == "vom")
        Offer(UnitDate(i, i, "WE", WeekendBase(i, 0, false), 0,
                       core::Precision::kExact),
              best);
    }
    if (bare_unit && Unit(i) && !lx_.plural_units.count(w)) {
      const std::string& u = *Unit(i);
      // "the year ended/ending March 31" is a fiscal year's length;
      // otherwise "(for) the year" is the current year.
      const std::string& after = W(i + 1);
      bool fiscal = after == "ended" || after == "ending";
      if (u == "Y" && en_ && fiscal) {
        Offer(DurationCand(i, i, 1, false, u, 0), best);
      } else if (u == "WE") {
        Offer(UnitDate(i, i, u, WeekendBase(i, 0, false), 0,
                       core::Precision::kExact),
              best);
      } else if (u == "Y" || u == "W" || u == "M") {
        Offer(UnitDate(i, i, u, Narrative(i) ? AnchorDay() : dct_, 0,
                       core::Precision::kExact),
              best);
      }
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
  core::Date base = anaphoric ? AnchorDay() : dct_;
  if (*u == "WE" && !anaphoric) {
    base = WeekendBase(i, shift, true);
    shift = 0;
  }
  // "the past year" is the year up to now, a duration.
  if (en_ && i > 0 && W(i - 1) == "the" && shift < 0 && w != "previous" &&
      w != "preceding" && w != "prior") {
    Offer(DurationCand(i, i + 1, 1, false, *u, -1), best);
    return;
  }
  Cand c = UnitDate(i, i + 1, *u, base, shift, core::Precision::kExact);
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
  } else if (lx_.later_after.count(W(ul + 1)) && W(ul + 1) != "after") {
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
      auto from = AddDays(dct_, -90);
      std::optional<core::DateRange> r;
      if (from && !anaphoric)
        r = core::DateRange{*from, dct_, core::Granularity::kInterval,
                            core::Precision::kApproximate, ""};
      Offer(Make(i, last, "DATE", "PAST_REF", r), best);
    } else {
      Offer(Make(i, last, "DATE", "FUTURE_REF", std::nullopt), best);
    }
    return;
  }
  double v = n->v;
  if (v <= 0 || v > 5000 || v != static_cast<long>(v)) return;
  int k = static_cast<int>(v) * dir;
  core::Date base = anaphoric ? AnchorDay() : dct_;
  if (*u == "Y" && quarter_ > 0 && en_ && static_cast<int>(v) == 1 &&
      !SentenceNamesLongPeriod(i) && (anaphoric || dir < 0)) {
    long q = quarter_year_ * 4L + quarter_ - 1 + 4 * k;
    auto r = QuarterRange(q / 4, q % 4 + 1, core::Precision::kExact);
    Cand c = Make(i, last, "DATE", QuarterValue(q / 4, q % 4 + 1), r);
    c.derived = true;
    Offer(c, best);
    return;
  }
  if (*u == "H" || *u == "MIN" || *u == "S") {
    Offer(Make(i, last, "DATE", DayValue(base), core::DateRange::Day(base)),
          best);
    return;
  }
  Cand c = UnitDate(i, last, *u, base, k, core::Precision::kExact);
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
  // English "recent years", "coming weeks", "the past few weeks": fuzzy
  // plural durations PX<unit> as in German ("in den vergangenen Monaten");
  // the past ones cover about three units up to the DCT.
  if (en_ && Unit(i + 1) && lx_.plural_units.count(W(i + 1)) &&
      (w == "recent" || w == "past" || w == "coming" || w == "next")) {
    bool past = w == "recent" || w == "past";
    Offer(DurationCand(i, i + 1, 0, true, *Unit(i + 1), past ? -1 : 0), best);
    return;
  }
  if (en_ && (w == "past" || w == "recent") && lx_.fuzzy_numbers.count(W(s)) &&
      Unit(s + 1) && lx_.plural_units.count(W(s + 1))) {
    Offer(DurationCand(i, s + 1, 0, true, *Unit(s + 1), -1), best);
    return;
  }
  // Ages are no durations: "37 years old", "38 Jahre alt", "years-old".
  auto age_after = [&](size_t unit_tok) {
    size_t k = unit_tok + 1;
    if (P(k, "-") && Glued(k)) ++k;
    return W(k) == "old" || W(k) == "alt" || W(k) == "älter";
  };
  // Plural unit alone: "Jahren", "years", "den vergangenen Monaten".
  if (const std::string* u = Unit(s); u && lx_.plural_units.count(W(s))) {
    if (age_after(s)) return;
    // Bare "quarters"/"minutes" are rarely time expressions of their own.
    if (s == i && en_ && (*u == "Q" || *u == "MIN" || *u == "S" || *u == "DE"))
      return;
    Offer(DurationCand(i, s, 0, true, *u, shift), best);
    return;
  }
  auto n = Number(s);
  if (!n) return;
  if (s == i + 1 && shift == 0 && !(lx_.ordinals.count(w))) return;
  // Rates are no durations: "$1.76 a year", "$500 million a year", "24
  // hours a day".
  if (en_ && s == i && (w == "a" || w == "an" || w == "per") && i > 0) {
    static const char* kRateBefore[] = {"million", "billion", "percent",
                                        "cents",   "dollars", "hours",
                                        "times",   "trillion"};
    bool rate = t_[i - 1].kind == TimeToken::kNumber;
    for (const char* r : kRateBefore) rate = rate || W(i - 1) == r;
    if (rate) return;
  }
  size_t ul = n->last + 1;
  // One qualifier between count and unit: "eight trading days", "an
  // additional year", "drei weitere Jahre".
  static const char* kQualifiers[] = {
      "trading",     "business",   "working", "straight",
      "consecutive", "full",       "more",    "additional",
      "calendar",    "successive", "weitere", "weiteren",
      "volle",       "vollen",     "ganze",   "ganzen"};
  if (!Unit(ul) && !n->fuzzy && Unit(ul + 1))
    for (const char* q : kQualifiers)
      if (W(ul) == q) {
        ++ul;
        break;
      }
  // Adjectival "16-hour", "two-year", "14-Tage", "100-jähriges".
  if (P(ul, "-") && Glued(ul) && Glued(ul + 1)) {
    const std::string& a = W(ul + 1);
    if (P(ul + 2, "-") && (W(ul + 3) == "old" || W(ul + 3) == "olds"))
      return;  // ages: "6-year-old"
    if (const std::string* u = Unit(ul + 1); u && *u != "Q") {
      Offer(DurationCand(i, ul + 1, n->v, n->fuzzy, *u, shift), best);
      return;
    }
    static const std::pair<const char*, const char*> kAdj[] = {
        {"jährig", "Y"},  {"tägig", "D"},   {"wöchig", "W"},
        {"monatig", "M"}, {"stündig", "H"}, {"minütig", "MIN"}};
    // "der 38-Jährige", "den 55-jährigen": ages, not durations.
    if (t_[ul + 1].cap || (i > 0 && lx_.determiners.count(W(i - 1))) ||
        StartsWith(W(i > 0 ? i - 1 : n_), "ein"))
      return;
    for (auto& [stem, unit] : kAdj)
      if (StartsWith(a, stem)) {
        Offer(DurationCand(i, ul + 1, n->v, n->fuzzy, unit, shift), best);
        return;
      }
    return;
  }
  const std::string* u = Unit(ul);
  if (!u) return;
  if (age_after(ul)) return;
  // "a minute and a half"
  if (W(ul + 1) == "and" && W(ul + 2) == "a" && W(ul + 3) == "half" &&
      !n->fuzzy) {
    Offer(DurationCand(i, ul + 3, n->v + 0.5, false, *u, shift), best);
    return;
  }
  // "a year-earlier loss" is the year-earlier date, no duration.
  if (P(ul + 1, "-") && Glued(ul + 1) &&
      (W(ul + 2) == "earlier" || W(ul + 2) == "ago"))
    return;
  if (!n->fuzzy && n->v == 1 && lx_.plural_units.count(W(ul)) &&
      !N(n->last, 1, 4))
    return;
  // A count above one with a singular unit is an adjective ("a two day
  // rally", "zwei Jahr" is not German): English only.
  if (n->v > 1 && !lx_.plural_units.count(W(ul)) && !N(n->last, 1, 4) && !en_ &&
      !((*u == "Y" || *u == "M") && W(ul).back() != 's'))
    return;
  Offer(DurationCand(i, ul, n->v, n->fuzzy, *u, shift), best);
}

// Quarters and halves: "third-quarter", "the third quarter (of 1989)",
// "im dritten Quartal", "Q3", "the latest quarter", "the year-ago quarter".
void TimeMatcher::TryQuarter(size_t i, Cand* best, bool after_det) const {
  int q = 0;
  size_t u = 0;
  const std::string& w0 = W(i);
  // "the 1988 (third) quarter", "this year's third quarter", "last year's
  // quarter": the year comes first.
  int pre_year = 0;
  size_t s = i;
  if (N(i, 4, 4) && V(i) >= 1000 && V(i) <= 2199) {
    pre_year = V(i);
    s = i + 1;
  } else if (en_ && lx_.shifts.count(w0) && W(i + 1) == "year" &&
             P(i + 2, "'") && W(i + 3) == "s") {
    pre_year = dct_.year() + lx_.shifts.at(w0);
    s = i + 4;
  }
  if (pre_year && Unit(s) && *Unit(s) == "Q" && !lx_.plural_units.count(W(s))) {
    long qq = quarter_ > 0 ? quarter_ : (dct_.month() - 1) / 3 + 1;
    if (!quarter_ && pre_year != dct_.year()) qq = (dct_.month() - 1) / 3;
    if (qq < 1) qq = 1;
    auto r = QuarterRange(pre_year, qq, core::Precision::kExact);
    Offer(Make(i, s, "DATE", QuarterValue(pre_year, qq), r, true), best);
    return;
  }
  if (pre_year) {
    Cand inner;
    TryQuarter(s, &inner, false);
    if (inner.ok && inner.tx.value.size() == 7 && inner.tx.value[5] == 'Q') {
      int qn = inner.tx.value[6] - '0';
      auto r = QuarterRange(pre_year, qn, core::Precision::kExact);
      Offer(Make(i, inner.last, "DATE", QuarterValue(pre_year, qn), r, true),
            best);
    }
    return;
  }
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
    if (un && (*un == "Q"))
      unit = "Q";
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
      int cur =
          unit == "Q" ? (dct_.month() - 1) / 3 + 1 : (dct_.month() - 1) / 6 + 1;
      year = dct_.year();
      if (q > cur && Tense(i) < 0) --year;
      if (q > cur && unit == "Q" && quarter_ > 0 && quarter_ == q)
        year = quarter_year_;
    }
    auto r = unit == "Q" ? QuarterRange(year, q, core::Precision::kExact)
                         : HalfRange(year, q, core::Precision::kExact);
    if (!r) return;
    std::string v = unit == "Q" ? QuarterValue(year, q)
                                : YearValue(year) + "-H" + std::to_string(q);
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
  // "the latest period" in an earnings report is its quarter.
  bool period = W(j) == "period" && j > i;
  if (!period && (!Unit(j) || *Unit(j) != "Q" || lx_.plural_units.count(W(j))))
    return;
  // The reporting quarter: the last one completed before the DCT.
  long qq = dct_.year() * 4L + (dct_.month() - 1) / 3 - 1;
  if (prev_year) qq -= 4;
  auto r = QuarterRange(qq / 4, qq % 4 + 1, core::Precision::kExact);
  Cand c = Make(i, j, "DATE", QuarterValue(qq / 4, qq % 4 + 1), r, true);
  c.derived = true;
  Offer(c, best);
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
  size_t sl = 0;
  if (N(y, 4, 4)) {
    year = V(y);
    last = y;
  } else if (int sy = SpelledYear(y, &sl); sy >= 1400 && sy <= 2099) {
    year = sy;  // "the winter of nineteen ninety-four"
    last = sl;
  }
  if (en_ && !has_shift && !year) {
    const std::string& p = i > 0 ? W(i - 1) : W(n_);
    if (!(p == "the" || p == "in" || p == "this" || p == "early" ||
          p == "late" || p == "during" || p == "last" || p == "next"))
      return;
  }
  if (!year && !has_shift && Narrative(i)) {
    year = anchor_->start.year();
    if (code == "WI" && anchor_->start.month() <= 2) --year;
  }
  if (!year) {
    // Occurrences y-1, y, y+1; pick by shift or tense.
    int tense = has_shift ? 0 : Tense(i);
    std::optional<core::DateRange> pick;
    for (int yy = dct_.year() - 2; yy <= dct_.year() + 1; ++yy) {
      auto r = SeasonRange(yy, code, core::Precision::kExact);
      if (!r) continue;
      bool contains = r->start <= dct_ && dct_ <= r->end;
      bool past = r->end<dct_, future = r->start> dct_;
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
  auto r = SeasonRange(year, code, core::Precision::kExact);
  if (!r) return;
  Offer(Make(i, last, "DATE", YearValue(year) + "-" + code, r, true), best);
}

}  // namespace geotl::ingest::time
