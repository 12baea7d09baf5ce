// TimeMatcher rules for clock times, day parts, fuzzy references, sets,
// lexicon phrases and parts (Anfang/Mitte/Ende, early/mid/late).
#include <cstdlib>

#include "ingest/time/calendar.h"
#include "ingest/time/time_matcher.h"

namespace geotl::ingest::time {

// Clock times: "20 Uhr", "20.30 Uhr", "10:35 a.m.", "14:30", "um 14.30",
// "midnight".
void TimeMatcher::TryTime(size_t i, Cand* best) const {
  core::Date day = anchor_ && anchor_->granularity == core::Granularity::kDay &&
                           anchor_->start == anchor_->end &&
                           anchor_sentence_ == t_[i].sentence
                       ? anchor_->start
                       : dct_;
  if (auto nt = lx_.named_times.find(W(i)); nt != lx_.named_times.end()) {
    if (W(i) == "mittag" && !(i > 0 && (W(i - 1) == "zu" || W(i - 1) == "um")))
      return;
    size_t last = i;
    FollowingDay(&last, &day);
    Offer(Make(i, last, "TIME", DayValue(day) + "T" + nt->second,
               core::DateRange::Day(day)),
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
  } else if (en_ && !colon && s == "in" && W(k + 1) == "the" &&
             (W(k + 2) == "morning" || W(k + 2) == "afternoon" ||
              W(k + 2) == "evening") &&
             h >= 1 && h <= 12) {
    suffix = true;  // "4 in the morning", "8 in the evening"
    if (W(k + 2) != "morning" && h < 12) h += 12;
    last = k + 2;
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
    // English writes clock times with a colon; "at 2.46" is a price.
    if (en_ || !(p == "um" || p == "ab" || p == "gegen" || p == "bis")) return;
  }
  FollowingDay(&last, &day);
  char b[32];
  std::snprintf(b, sizeof b, "T%02ld:%02ld", h, m);
  Offer(Make(i, last, "TIME", DayValue(day) + b, core::DateRange::Day(day)),
        best);
}

// A clock time followed by its day: "9 a.m. Tuesday", "4 a.m. EDT
// Thursday", "midnight Friday", "5 p.m. EST, Nov. 6", "20 Uhr am Samstag".
// The day joins the extent and gives the time its date.
void TimeMatcher::FollowingDay(size_t* last, core::Date* day) const {
  size_t k = *last + 1;
  if (k < n_ && t_[k].kind == TimeToken::kWord && t_[k].cap &&
      t_[k].lower.size() >= 2 && t_[k].lower.size() <= 4) {
    // A time zone in capitals: EDT, GMT, MEZ, CEST.
    std::string_view raw = text_.substr(t_[k].start, t_[k].end - t_[k].start);
    bool caps = true;
    for (char ch : raw) caps = caps && ch >= 'A' && ch <= 'Z';
    if (caps && !lx_.starters.count(t_[k].lower)) ++k;
  }
  if (en_ && P(k, ",")) ++k;  // German lists: "20 Uhr, morgen 10 Uhr"
  if (W(k) == (en_ ? "on" : "am")) ++k;
  if (k >= n_) return;
  Cand d;
  TryWeekday(k, &d);
  TryRelativeDay(k, &d);
  TryDayMonth(k, &d);
  TryMonth(k, &d);
  if (!d.ok || d.tx.type != "DATE" || !d.tx.range ||
      d.tx.range->granularity != core::Granularity::kDay)
    return;
  *last = d.last;
  *day = d.tx.range->start;
}

// Day parts: "am Nachmittag", "in der Nacht", "this morning", "last night".
void TimeMatcher::TryDayPart(size_t i, Cand* best) const {
  const std::string& w = W(i);
  if (en_ && (w == "mid" || w == "early" || w == "late")) {
    // "mid afternoon", "mid-afternoon yesterday", "late evening".
    size_t j = P(i + 1, "-") && Glued(i + 1) ? i + 2 : i + 1;
    auto dp = lx_.day_parts.find(W(j));
    if (dp == lx_.day_parts.end() || W(j) == "overnight") return;
    core::Date d = dct_;
    size_t last = j;
    if (auto rd = lx_.relative_days.find(W(j + 1));
        rd != lx_.relative_days.end() && W(j + 1) != "tonight") {
      d = AddDays(dct_, rd->second).value_or(dct_);
      last = j + 1;
    }
    Offer(Make(i, last, "TIME", DayValue(d) + "T" + dp->second,
               core::DateRange::Day(d)),
          best);
    return;
  }
  if (en_) {
    if ((w == "this" || w == "last") && lx_.day_parts.count(W(i + 1))) {
      const std::string& part = lx_.day_parts.at(W(i + 1));
      if (w == "last" && part != "NI") return;
      core::Date d = w == "last" ? AddDays(dct_, -1).value_or(dct_) : dct_;
      Offer(Make(i, i + 1, "TIME", DayValue(d) + "T" + part,
                 core::DateRange::Day(d)),
            best);
    }
    return;
  }
  auto dp = lx_.day_parts.find(w);
  if (dp == lx_.day_parts.end() || !Cap(i) || i == 0) return;
  // "am frühen Morgen", "am späten Abend".
  size_t pi = i - 1;
  if (pi > 0 && (W(pi) == "frühen" || W(pi) == "späten")) --pi;
  const std::string& p = W(pi);
  if (!(p == "am" || p == "in" || p == "im" || p == "zur" || p == "gegen" ||
        p == "der" || p == "den" || p == "bis"))
    return;
  // "(in der) Nacht zum Sonntag", "Nacht auf Mittwoch", "Nacht von Samstag
  // auf Sonntag", "Nacht zum 5. Mai": the night that starts the day before.
  if (dp->second == "NI") {
    size_t k = i + 1;
    if (W(k) == "von" && lx_.weekdays.count(W(k + 1))) k += 2;
    if (W(k) == "zum" || W(k) == "auf" || W(k) == "zu") {
      Cand day;
      TryWeekday(k + 1, &day);
      TryDayMonth(k + 1, &day);
      if (day.ok && day.tx.range &&
          day.tx.range->granularity == core::Granularity::kDay) {
        if (auto eve = AddDays(day.tx.range->start, -1)) {
          Offer(Make(i, day.last, "TIME", DayValue(*eve) + "TNI",
                     core::DateRange::Day(*eve)),
                best);
          return;
        }
      }
    }
  }
  // "am Morgen des 6. Juni", "am frühen Morgen des 21. März 1918", "am
  // Abend vom 3. Mai": the part of that day.
  if (W(i + 1) == "des" || W(i + 1) == "vom") {
    Cand day;
    TryDayMonth(i + 2, &day);
    TryNumericDate(i + 2, &day);
    if (day.ok && day.tx.range &&
        day.tx.range->granularity == core::Granularity::kDay) {
      core::Date dd = day.tx.range->start;
      Cand c = Make(i, day.last, "TIME", DayValue(dd) + "T" + dp->second,
                    core::DateRange::Day(dd));
      c.explicit_year = day.explicit_year;
      Offer(c, best);
      return;
    }
  }
  core::Date d = anchor_ && anchor_->granularity == core::Granularity::kDay
                     ? anchor_->start
                     : dct_;
  Offer(Make(i, i, "TIME", DayValue(d) + "T" + dp->second,
             core::DateRange::Day(d)),
        best);
}

// PRESENT_REF / PAST_REF / FUTURE_REF words.
void TimeMatcher::TryRef(size_t i, Cand* best) const {
  auto it = lx_.refs.find(W(i));
  if (it == lx_.refs.end()) return;
  const std::string& v = it->second;
  std::optional<core::DateRange> r;
  if (v == "PRESENT_REF") {
    r = core::DateRange::Day(dct_, core::Precision::kApproximate);
  } else if (lx_.near_refs.count(W(i))) {
    auto other = AddDays(dct_, v == "PAST_REF" ? -30 : 30);
    if (other)
      r = core::DateRange{
          v == "PAST_REF" ? *other : dct_, v == "PAST_REF" ? dct_ : *other,
          core::Granularity::kInterval, core::Precision::kApproximate, ""};
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
    while (k < ph.words.size() && i + k < n_ &&
           t_[i + k].kind != TimeToken::kNumber &&
           t_[i + k].lower == ph.words[k] &&
           (k == 0 || t_[i + k].kind == TimeToken::kWord || Glued(i + k)))
      ++k;
    if (k != ph.words.size()) continue;
    size_t last = i + k - 1;
    if (ph.kind == "ref") {
      std::optional<core::DateRange> r;
      bool near = lx_.near_refs.count([&] {
        std::string s;
        for (auto& x : ph.words) s += (s.empty() ? "" : " ") + x;
        return s;
      }());
      if (ph.value == "PRESENT_REF") {
        r = core::DateRange::Day(dct_, core::Precision::kApproximate);
      } else if (near) {
        auto o = AddDays(dct_, ph.value == "PAST_REF" ? -30 : 30);
        if (o)
          r = core::DateRange{ph.value == "PAST_REF" ? *o : dct_,
                              ph.value == "PAST_REF" ? dct_ : *o,
                              core::Granularity::kInterval,
                              core::Precision::kApproximate, ""};
      }
      Offer(Make(i, last, "DATE", ph.value, r, true), best);
    } else if (ph.kind == "anaphoric_day") {
      auto d = AddDays(AnchorDay(), ph.offset);
      if (d)
        Offer(
            Make(i, last, "DATE", DayValue(*d), core::DateRange::Day(*d), true),
            best);
    } else if (ph.kind == "movable") {
      // The feast in the year written after it, else the occurrence
      // nearest the DCT that the tense allows (as for "2. November").
      size_t y = last + 1;
      std::optional<core::Date> day;
      if (N(y, 4, 4)) {
        day = MovableDay(ph.value, static_cast<int>(V(y)));
        if (day) last = y;
      }
      if (!day) {
        int tense = Tense(i);
        long best_dist = 0;
        for (int yy = dct_.year() - 1; yy <= dct_.year() + 1; ++yy) {
          auto d = MovableDay(ph.value, yy);
          if (!d) continue;
          long dist = (*d - dct_).days();
          bool near = std::labs(dist) <= 60;
          if (!near && ((tense < 0 && dist > 0) || (tense > 0 && dist < 0)))
            continue;
          if (!day || std::labs(dist) < best_dist) {
            day = d;
            best_dist = std::labs(dist);
          }
        }
      }
      if (day) Offer(DayCand(i, last, *day), best);
    } else if (ph.kind == "unit_part") {
      // "year-end", "Jahresende (1789)", "Monatsanfang": that part of the
      // current unit, or of the year written after it.
      std::string unit = ph.value.substr(0, ph.value.find(':'));
      std::string mod = ph.value.substr(ph.value.find(':') + 1);
      core::Date base = Narrative(i) ? AnchorDay() : dct_;
      size_t e = last;
      bool year_given = false;
      if (unit == "Y" && N(last + 1, 4, 4)) {
        if (auto d = MakeDay(static_cast<int>(V(last + 1)), 1, 1)) {
          base = *d;
          e = last + 1;
          year_given = true;
        }
      }
      Cand c = UnitDate(i, e, unit, base, 0, core::Precision::kExact);
      if (!c.ok || !c.tx.range) continue;
      c.tx.mod = mod;
      c.tx.range = PartOf(*c.tx.range, mod);
      c.explicit_year = year_given;
      Offer(c, best);
    } else if (ph.kind == "holiday" && ph.value.size() == 5) {
      int m = std::atoi(ph.value.substr(0, 2).c_str());
      int d = std::atoi(ph.value.substr(3, 2).c_str());
      size_t y = last + 1;
      std::optional<core::Date> day;
      if (N(y, 4, 4)) {
        day = MakeDay(V(y), m, d);
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
  inner.tx.range = PartOf(*inner.tx.range, mod);
  inner.first = i;
  inner.takes_det = true;
  Offer(inner, best);
}

}  // namespace geotl::ingest::time
