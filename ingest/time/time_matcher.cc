// TimeMatcher core: token helpers, tense, resolution against the DCT and the
// anaphoric anchor, candidate builders and the driving loop. The rules live
// in time_rules.cc.
#include "ingest/time/time_matcher.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "ingest/time/calendar.h"

namespace geotl::ingest::time {

namespace {
const std::string kEmpty;

std::string FormatNumber(double v) {
  char b[32];
  if (std::fabs(v - std::round(v)) < 1e-9) {
    std::snprintf(b, sizeof b, "%ld", static_cast<long>(std::llround(v)));
  } else {
    std::snprintf(b, sizeof b, "%g", v);
  }
  return b;
}
}  // namespace

TimeMatcher::TimeMatcher(const TimeLexicon& lx, std::string_view text,
                         core::Date dct)
    : lx_(lx), text_(text), dct_(dct), en_(lx.language == "en") {
  TokenizeForTime(text, &t_);
  n_ = t_.size();
}

const std::string& TimeMatcher::W(size_t i) const {
  return (i < n_ && t_[i].kind == TimeToken::kWord) ? t_[i].lower : kEmpty;
}
bool TimeMatcher::P(size_t i, std::string_view c) const {
  return i < n_ && t_[i].kind == TimeToken::kPunct && t_[i].lower == c;
}
bool TimeMatcher::N(size_t i, int lo, int hi) const {
  return i < n_ && t_[i].kind == TimeToken::kNumber && t_[i].digits >= lo &&
         t_[i].digits <= hi;
}
bool TimeMatcher::SentenceStart(size_t i) const {
  if (i == 0) return true;
  if (t_[i - 1].sentence != t_[i].sentence) return true;
  const std::string& p = t_[i - 1].lower;
  return t_[i - 1].kind == TimeToken::kPunct &&
         (p == "\"" || p == "\xE2\x80\x9E" || p == "\xE2\x80\x9C" || p == "(" ||
          p == ":" || p == "-" || p == "\xE2\x80\x93");
}

// Month name at i (capitalised; abbreviations need a period or a number
// after them; English "May"/"March" need date context). Sets *last to the
// last token used (the abbreviation's period included).
int TimeMatcher::MonthAt(size_t i, size_t* last) const {
  const std::string& w = W(i);
  if (w.empty()) return 0;
  auto it = lx_.months.find(w);
  if (it == lx_.months.end()) return 0;
  // Lower case only for full names that are no ordinary words.
  if (!Cap(i) && (w.size() < 4 || lx_.month_abbreviations.count(w) ||
                  w == "may" || w == "march" || w == "august" || w == "mai"))
    return 0;
  *last = i;
  bool abbrev = lx_.month_abbreviations.count(w) > 0;
  bool period = P(i + 1, ".") && Glued(i + 1);
  if (abbrev) {
    if (period) {
      *last = i + 1;
    } else if (!N(i + 1, 1, 4)) {
      return 0;
    }
  }
  if (en_ && (w == "may" || w == "march")) {
    static const char* kCtx[] = {
        "in",     "of",   "early",   "late",  "mid",  "since",
        "until",  "by",   "through", "last",  "next", "this",
        "during", "from", "before",  "after", "end",  "and"};
    bool ok = N(i + 1, 1, 4);
    const std::string& p = W(i - 1 < n_ ? i - 1 : n_);
    if (i > 0) {
      for (const char* c : kCtx) ok = ok || p == c;
      ok = ok || N(i - 1, 1, 2) || P(i - 1, "-");
    }
    if (!ok) return 0;
  }
  return it->second;
}

std::optional<TimeMatcher::NumAt> TimeMatcher::Number(size_t i) const {
  if (i >= n_) return std::nullopt;
  if (N(i, 1, 4)) {
    // 1.700 / 1,700 / 2.5 are not small counts.
    if ((P(i + 1, ".") || P(i + 1, ",")) && Glued(i + 1) && N(i + 2, 1, 9) &&
        Glued(i + 2))
      return std::nullopt;
    // "2 1/2": a mixed fraction.
    if (N(i + 1, 1, 1) && P(i + 2, "/") && Glued(i + 2) && N(i + 3, 1, 1) &&
        Glued(i + 3) && V(i + 3) > V(i + 1) && V(i + 3) > 0)
      return NumAt{
          static_cast<double>(V(i)) + static_cast<double>(V(i + 1)) / V(i + 3),
          i + 3, false};
    return NumAt{static_cast<double>(V(i)), i, false};
  }
  const std::string& w = W(i);
  if (w.empty()) return std::nullopt;
  if (auto it = lx_.numbers.find(w); it != lx_.numbers.end()) {
    if (en_ && (w == "a" || w == "an") && lx_.fuzzy_numbers.count(W(i + 1)))
      return NumAt{0, i + 1, true};  // "a few"
    if (en_ && w == "a" && W(i + 1) == "couple" && W(i + 2) == "of")
      return NumAt{2, i + 2, false};  // "a couple of years"
    double v = it->second;
    size_t last = i;
    // "twenty four", "twenty-four"; "two thousand", "five hundred".
    size_t k = i + 1;
    if (P(k, "-") && Glued(k)) ++k;
    auto nx = lx_.numbers.find(W(k));
    if (nx != lx_.numbers.end() && v >= 20 && v < 100 &&
        static_cast<long>(v) % 10 == 0 && nx->second >= 1 && nx->second < 10 &&
        W(k) != "a" && W(k) != "an") {
      v += nx->second;
      last = k;
    } else if (nx != lx_.numbers.end() && k == i + 1 && v >= 1 && v < 100 &&
               (nx->second == 100 || nx->second == 1000) && W(i) != "a" &&
               W(i) != "an") {
      v *= nx->second;
      last = k;
    }
    // "two and a half"
    if (W(last + 1) == "and" && W(last + 2) == "a" && W(last + 3) == "half") {
      v += 0.5;
      last += 3;
    }
    return NumAt{v, last, false};
  }
  if (lx_.fuzzy_numbers.count(w)) return NumAt{0, i, true};
  // German compounds: "fünfundzwanzig" = fünf + und + zwanzig.
  if (!en_) {
    size_t u = w.find("und");
    if (u != std::string::npos && u > 0) {
      auto a = lx_.numbers.find(w.substr(0, u));
      auto b = lx_.numbers.find(w.substr(u + 3));
      if (a != lx_.numbers.end() && b != lx_.numbers.end() && b->second >= 20)
        return NumAt{(a->second == 1 ? 1 : a->second) + b->second, i, false};
    }
  }
  return std::nullopt;
}

const std::string* TimeMatcher::Unit(size_t i) const {
  const std::string& w = W(i);
  if (w.empty()) return nullptr;
  auto it = lx_.units.find(w);
  return it == lx_.units.end() ? nullptr : &it->second;
}

int TimeMatcher::ResolveMonthYear(int month, size_t i) const {
  if (Narrative(i)) {
    int ay = anchor_->start.year();
    if (anchor_->granularity >= core::Granularity::kYear) return ay;
    int diff = month - static_cast<int>(anchor_->start.month());
    return diff < -6 ? ay + 1 : diff > 6 ? ay - 1 : ay;
  }
  int y = dct_.year(), m = dct_.month();
  int diff = month - m;                   // same year
  if (diff >= -1 && diff <= 1) return y;  // next to the DCT's month
  if (diff == 11) return y - 1;           // December seen from January
  if (diff == -11) return y + 1;
  int tense = Tense(i);
  if (tense < 0) return diff <= 0 ? y : y - 1;
  if (tense > 0) return diff >= 0 ? y : y + 1;
  // No tense: news reports more often look back, so a month far ahead of
  // the DCT's is this year's (already past), one far behind is last year's.
  if (diff > 6) return y - 1;
  return y;
}

std::optional<core::Date> TimeMatcher::ResolveDayMonth(int month, int day,
                                                       size_t i) const {
  if (Narrative(i)) {
    int y = ResolveMonthYear(month, i);
    if (auto d = MakeDay(y, month, day)) return d;
  }
  // Within two months of the DCT the nearest date wins; beyond, the tense.
  int tense = Tense(i);
  for (int y = dct_.year() - 1; y <= dct_.year() + 1; ++y) {
    auto d = MakeDay(y, month, day);
    if (d && std::labs((*d - dct_).days()) <= 60) return d;
  }
  std::optional<core::Date> best;
  long best_dist = 0;
  // No tense: news looks back, as for bare months.
  if (tense == 0) tense = -1;
  for (int y = dct_.year() - 1; y <= dct_.year() + 1; ++y) {
    auto d = MakeDay(y, month, day);
    if (!d) continue;
    long dist = (*d - dct_).days();
    if (tense < 0 && dist > 0) continue;
    if (tense > 0 && dist < 0) continue;
    if (!best || std::labs(dist) < best_dist) {
      best = d;
      best_dist = std::labs(dist);
    }
  }
  if (!best) {  // tense ruled everything out (e.g. 29 February)
    for (int y = dct_.year(); y >= dct_.year() - 4 && !best; --y)
      best = MakeDay(y, month, day);
  }
  return best;
}

core::Date TimeMatcher::ResolveWeekday(int wd, int shift, bool has_shift,
                                       size_t i) const {
  int cur = dct_.day_of_week().as_number();
  if (cur == 0) cur = 7;
  int back = (cur - wd + 7) % 7;  // days since the last such weekday
  int fwd = (wd - cur + 7) % 7;
  long off;
  if (has_shift && shift < 0) {
    off = -(back == 0 ? 7 : back);
  } else if (has_shift && shift > 0) {
    off = fwd == 0 ? 7 : fwd;
  } else {
    int tense = has_shift ? Tense(i) : (back == 0 ? 0 : Tense(i));
    if (back == 0) {
      off = 0;
    } else if (tense > 0) {
      off = fwd;
    } else {
      off = -back;
    }
  }
  return AddDays(dct_, off).value_or(dct_);
}

core::Date TimeMatcher::WeekendBase(size_t i, int shift, bool has_shift) const {
  int wd = dct_.day_of_week().as_number();  // 0 = Sunday
  if (wd == 0 || wd == 6) {  // on a weekend day: this one, or by shift
    return AddDays(dct_, 7L * shift).value_or(dct_);
  }
  int dir = has_shift && shift != 0 ? shift : Tense(i);
  if (dir == 0) dir = wd <= 3 ? -1 : 1;  // Mon-Wed: the one just past
  return AddDays(dct_, dir < 0 ? -7 : 0).value_or(dct_);
}

bool TimeMatcher::Narrative(size_t i) const {
  // A sentence about the future ("is expected to ... in April") is no
  // history narrative. German future markers ("nächsten", "folgenden") are
  // also narrative-relative, so only English modals count here.
  if (en_ && explicit_year_ != 0 && far_years_ >= 2 && Tense(i) > 0)
    return false;
  return explicit_year_ != 0 && anchor_ && far_years_ >= 2 &&
         far_years_ > 2 * (near_years_ + deictic_) &&
         std::abs(explicit_year_ - static_cast<int>(dct_.year())) >= 2 &&
         t_[i].sentence - explicit_sentence_ <= 40;
}

int TimeMatcher::TwoDigitYear(long yy) const {
  int c = dct_.year() / 100 * 100;
  return yy <= dct_.year() % 100 ? c + yy : c - 100 + yy;
}

core::Date TimeMatcher::AnchorDay() const {
  return anchor_ ? anchor_->start : dct_;
}

TimeMatcher::Cand TimeMatcher::Make(size_t first, size_t last, const char* type,
                                    std::string value,
                                    std::optional<core::DateRange> range,
                                    bool takes_det) const {
  Cand c;
  c.ok = true;
  c.first = first;
  c.last = last;
  c.tx.type = type;
  c.tx.value = std::move(value);
  c.tx.range = std::move(range);
  c.takes_det = takes_det;
  return c;
}

TimeMatcher::Cand TimeMatcher::DayCand(size_t first, size_t last,
                                       core::Date d) const {
  return Make(first, last, "DATE", DayValue(d), core::DateRange::Day(d));
}
TimeMatcher::Cand TimeMatcher::MonthCand(size_t first, size_t last, int y,
                                         int m) const {
  if (!ValidYear(y)) return Cand{};
  return Make(first, last, "DATE", MonthValue(y, m),
              MonthRange(y, m, core::Precision::kExact));
}
TimeMatcher::Cand TimeMatcher::YearCand(size_t first, size_t last,
                                        int y) const {
  if (!ValidYear(y)) return Cand{};
  return Make(first, last, "DATE", YearValue(y),
              YearRange(y, core::Precision::kExact));
}

// The calendar unit `unit` containing base shifted by `shift` units.
TimeMatcher::Cand TimeMatcher::UnitDate(size_t first, size_t last,
                                        const std::string& unit,
                                        core::Date base, int shift,
                                        core::Precision p) const {
  if (unit == "D") {
    auto d = AddDays(base, shift);
    if (!d) return Cand{};
    return Make(first, last, "DATE", DayValue(*d), core::DateRange::Day(*d, p),
                true);
  }
  if (unit == "W" || unit == "WE") {
    auto d = AddDays(base, 7L * shift);
    if (!d) return Cand{};
    auto r = WeekRange(*d, p);
    if (!r) return Cand{};
    std::string v = WeekValue(*d);
    if (unit == "WE") {
      v += "-WE";
      r->start = *AddDays(r->start, 5);
    }
    return Make(first, last, "DATE", v, r, true);
  }
  if (unit == "M") {
    auto d = AddMonths(base, shift);
    if (!d) return Cand{};
    return Make(first, last, "DATE", MonthValue(d->year(), d->month()),
                MonthRange(d->year(), d->month(), p), true);
  }
  if (unit == "Q") {
    long q = base.year() * 4L + (base.month() - 1) / 3 + shift;
    int y = static_cast<int>(q / 4), qq = static_cast<int>(q % 4) + 1;
    auto r = QuarterRange(y, qq, p);
    if (!r) return Cand{};
    return Make(first, last, "DATE", QuarterValue(y, qq), r, true);
  }
  if (unit == "HALF") {
    long h = base.year() * 2L + (base.month() - 1) / 6 + shift;
    int y = static_cast<int>(h / 2), hh = static_cast<int>(h % 2) + 1;
    auto r = HalfRange(y, hh, p);
    if (!r) return Cand{};
    return Make(first, last, "DATE", YearValue(y) + "-H" + std::to_string(hh),
                r, true);
  }
  if (unit == "Y") {
    int y = base.year() + shift;
    auto r = YearRange(y, p);
    if (!r) return Cand{};
    return Make(first, last, "DATE", YearValue(y), r, true);
  }
  if (unit == "DE") {
    int y = (base.year() / 10 + shift) * 10;
    auto r = DecadeRange(y, p);
    if (!r) return Cand{};
    return Make(first, last, "DATE", std::to_string(y / 10), r, true);
  }
  if (unit == "CE") {
    int y = (base.year() / 100 + shift) * 100;
    auto r = CenturyRange(y, p);
    if (!r) return Cand{};
    return Make(first, last, "DATE", std::to_string(y / 100), r, true);
  }
  return Cand{};
}

// DURATION value P<n><U>; with shift -1 ("the past two months") the range
// ends at the DCT.
TimeMatcher::Cand TimeMatcher::DurationCand(size_t first, size_t last, double n,
                                            bool fuzzy, const std::string& unit,
                                            int shift) const {
  std::string u = unit, pre = "P";
  double k = n;
  if (en_ && unit == "DE" &&
      !fuzzy) {  // English corpora count decades in years
    k *= 10;
    u = "Y";
  }
  if (unit == "S" || unit == "MIN" || unit == "H") pre = "PT";
  if (unit == "H" && !fuzzy && k >= 24 && std::fmod(k, 24) == 0) {
    k /= 24;  // "24 Stunden", "the last twenty four hours" = P1D
    u = "D";
    pre = "P";
  }
  if (unit == "W" && !fuzzy && std::fabs(k - std::round(k)) > 1e-9) {
    k *= 7;  // two and a half weeks = P17DT12H
    u = "D";
  }
  if (unit == "MIN") u = "M";
  std::string v;
  if (!fuzzy && std::fabs(k - std::round(k)) > 1e-9) {
    // Mixed values: 2 1/2 years = P2Y6M, 5 1/2 hours = PT5H30M, a minute
    // and a half = PT1M30S, 1.5 days = P1DT12H.
    struct Sub {
      const char* unit;
      const char* whole;
      const char* part;
      double factor;
    };
    static const Sub kSubs[] = {
        {"Y", "P%gY", "%gM", 12},  {"M", "P%gM", "%gD", 30},
        {"W", "P%gW", "%gD", 7},   {"D", "P%gD", "T%gH", 24},
        {"H", "PT%gH", "%gM", 60}, {"MIN", "PT%gM", "%gS", 60}};
    for (const Sub& sub : kSubs) {
      if (u != sub.unit && !(u == "M" && unit == "MIN" && sub.unit[1] == 'I'))
        continue;
      double whole = std::floor(k);
      double part = std::round((k - whole) * sub.factor * 1000) / 1000;
      char a[32] = "", b[32] = "";
      if (whole > 0)
        std::snprintf(a, sizeof a, sub.whole, whole);
      else
        std::snprintf(a, sizeof a, "%s",
                      unit == "H" || unit == "MIN" ? "PT" : "P");
      std::snprintf(b, sizeof b, sub.part, part);
      if (whole <= 0 && unit == "D") std::snprintf(b, sizeof b, "T%gH", part);
      v = std::string(a) + b;
    }
  }
  if (v.empty()) v = pre + (fuzzy ? std::string("X") : FormatNumber(k)) + u;
  Cand c = Make(first, last, "DURATION", v, std::nullopt, true);
  if (shift < 0 && unit != "S" && unit != "MIN" && unit != "H") {
    // An interval ending at the DCT; fuzzy counts stand for about three.
    long amount = fuzzy ? 3 : static_cast<long>(std::ceil(n));
    std::optional<core::Date> s;
    if (unit == "D")
      s = AddDays(dct_, -amount);
    else if (unit == "W" || unit == "WE")
      s = AddDays(dct_, -7 * amount);
    else if (unit == "M")
      s = AddMonths(dct_, -static_cast<int>(amount));
    else if (unit == "Q")
      s = AddMonths(dct_, -3 * static_cast<int>(amount));
    else if (unit == "Y")
      s = AddMonths(dct_, -12 * static_cast<int>(amount));
    else if (unit == "DE")
      s = AddMonths(dct_, -120 * static_cast<int>(amount));
    if (s)
      c.tx.range = core::DateRange{
          *s, dct_, core::Granularity::kInterval,
          fuzzy ? core::Precision::kApproximate : core::Precision::kRange, ""};
  }
  return c;
}

void TimeMatcher::Offer(const Cand& c, Cand* best) const {
  if (!c.ok) return;
  if (!best->ok || c.last > best->last) *best = c;
}

TimeMatcher::Cand TimeMatcher::BestAt(size_t i, bool after_det) const {
  Cand best;
  const TimeToken& t = t_[i];
  if (t.kind == TimeToken::kNumber) {
    TryNumericDate(i, &best);
    TryDayMonth(i, &best);
    TryYear(i, &best);
    TryDecadeCentury(i, &best);
    TryTime(i, &best);
    TryAgoLater(i, &best);
    TryDuration(i, &best);
    TryQuarter(i, &best, after_det);
    return best;
  }
  if (t.kind == TimeToken::kPunct) {
    if (t.lower == "'" || t.lower == "\xE2\x80\x99") TryDecadeCentury(i, &best);
    return best;
  }
  if (!lx_.starters.count(t.lower)) {
    // Only German weekday compounds ("Dienstagabend") start elsewhere.
    if (!en_ && t.cap && t.lower.size() > 7) TryWeekday(i, &best);
    if (!en_ && (t.lower.find("hundert") != std::string::npos ||
                 t.lower.find("tausend") != std::string::npos))
      TryYear(i, &best);  // "neunzehnhundertneunzig"
    if (!en_ && t.lower.find("und") != std::string::npos) {
      TryAgoLater(i, &best);
      TryDuration(i, &best);
    }
    return best;
  }
  TryMonth(i, &best);
  TryDecadeCentury(i, &best);
  TryWeekday(i, &best);
  TryRelativeDay(i, &best);
  TryUnitShift(i, &best, after_det);
  TryAgoLater(i, &best);
  TryDuration(i, &best);
  TryQuarter(i, &best, after_det);
  TrySeason(i, &best);
  TryTime(i, &best);
  TryDayPart(i, &best);
  TryRef(i, &best);
  TrySet(i, &best);
  TryPhrase(i, &best);
  TryPart(i, &best);
  TryYear(i, &best);
  return best;
}

void TimeMatcher::Accept(const Cand& c, std::vector<Timex>* out) {
  Timex tx = c.tx;
  tx.start = t_[c.first].start;
  tx.end = t_[c.last].end;
  tx.text.assign(text_.substr(tx.start, tx.end - tx.start));
  if (tx.range) tx.range->text = tx.text;
  if (!c.derived && (tx.type == "DATE" || tx.type == "TIME") && tx.range &&
      tx.range->granularity != core::Granularity::kInterval &&
      tx.value.find("_REF") == std::string::npos) {
    anchor_ = tx.range;
    anchor_sentence_ = t_[c.first].sentence;
    // Deictic days ("Friday", "yesterday") near the DCT
    // mark a news story, whose bare months stay around the DCT.
    const std::string& w0 = t_[c.first].lower;
    if (!c.explicit_year && t_[c.first].kind == TimeToken::kWord &&
        (lx_.weekdays.count(w0) || lx_.relative_days.count(w0)) &&
        std::labs((tx.range->start - dct_).days()) <= 400)
      ++deictic_;
    if (c.explicit_year) {
      explicit_year_ = tx.range->start.year();
      if (std::abs(explicit_year_ - static_cast<int>(dct_.year())) >= 3) {
        ++far_years_;
      } else {
        ++near_years_;
      }
      explicit_sentence_ = t_[c.first].sentence;
    }
    const std::string& v = tx.value;
    if (v.size() == 7 && v[4] == '-' && v[5] == 'Q') {
      quarter_year_ = std::atoi(v.substr(0, 4).c_str());
      quarter_ = v[6] - '0';
    }
  }
  out->push_back(std::move(tx));
}

std::vector<Timex> TimeMatcher::Run() {
  std::vector<Timex> out;
  size_t i = 0;
  while (i < n_) {
    Cand best = BestAt(i, false);
    if (lx_.determiners.count(W(i)) && i + 1 < n_) {
      Cand d = BestAt(i + 1, true);
      if (d.ok && d.takes_det && (!best.ok || d.last > best.last)) {
        d.first = i;
        best = d;
      }
    }
    if (best.ok) {
      Accept(best, &out);
      i = best.last + 1;
    } else {
      ++i;
    }
  }
  return out;
}

}  // namespace geotl::ingest::time
