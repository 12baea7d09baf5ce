// TimeMatcher rules for clock times, day parts, fuzzy references, sets,
// lexicon phrases and parts (Anfang/Mitte/Ende, early/mid/late).
#include <cstdlib>

#include "ingest/time/calendar.h"
#include "ingest/time/time_matcher.h"

namespace geotl {
namespace tc = timecal;

// Clock times: "20 Uhr", "20.30 Uhr", "10:35 a.m.", "14:30", "um 14.30",
// "midnight".
void TimeMatcher::TryTime(size_t i, Cand* best) const {
  Date day = anchor_ && anchor_->granularity == Granularity::kDay &&
                     anchor_->start == anchor_->end &&
                     anchor_sentence_ == t_[i].sentence
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
  if (!suffix && !colon && !en_) {
    // The first clock time of a range: "14-18 Uhr", "8.30-12 und ...".
    size_t r = last + 1;
    if ((P(r, "-") || P(r, "\xE2\x80\x93")) && N(r + 1, 1, 2)) {
      size_t e = r + 1;
      if ((P(e + 1, ".") || P(e + 1, ":")) && Glued(e + 1) && N(e + 2, 2, 2))
        e += 2;
      if (W(e + 1) == "uhr" || dotted) suffix = true;
    }
  }
  if (!suffix && !colon) {
    if (!dotted) return;
    const std::string& p = i > 0 ? W(i - 1) : W(n_);
    if (!(p == "um" || p == "ab" || p == "gegen" || p == "bis" || p == "at"))
      return;
  }
  char b[32];
  std::snprintf(b, sizeof b, "T%02ld:%02ld", h, m);
  Offer(Make(i, last, "TIME", tc::DayValue(day) + b, DateRange::Day(day)),
        best);
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
  Date d = anchor_ && anchor_->granularity == Granularity::kDay ? anchor_->start
                                                                : dct_;
  Offer(
      Make(i, i, "TIME", tc::DayValue(d) + "T" + dp->second, DateRange::Day(d)),
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
  Offer(Make(i, i, "DATE", v, r), best);
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
      bool near = lx_.near_refs.count([&] {
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
      if (d)
        Offer(Make(i, last, "DATE", tc::DayValue(*d), DateRange::Day(*d), true),
              best);
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
  if (en_ &&
      (w == "end" || w == "beginning" || w == "middle" || w == "start") &&
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
