#include "ingest/code/event_date.h"

#include <cstdlib>

namespace geotl::code {

std::vector<const Timex*> DatedTimexes(const std::vector<Timex>& all) {
  std::vector<const Timex*> out;
  for (const Timex& t : all)
    if (t.range && t.type != "SET") out.push_back(&t);
  return out;
}

DateRange EventDate(const std::vector<const Timex*>& timexes,
                    size_t trigger_start, size_t clause_start,
                    size_t clause_end, size_t sentence_start,
                    size_t sentence_end, const std::optional<DateRange>& story,
                    Date published, std::string* rule) {
  const Timex* best = nullptr;
  long best_dist = 0;
  bool best_in_clause = false;
  for (const Timex* t : timexes) {
    if (t->start < sentence_start || t->end > sentence_end) continue;
    bool in_clause = t->start >= clause_start && t->end <= clause_end;
    long dist = std::labs(static_cast<long>(t->start) -
                          static_cast<long>(trigger_start));
    if (!best || (in_clause && !best_in_clause) ||
        (in_clause == best_in_clause && dist < best_dist)) {
      best = t;
      best_dist = dist;
      best_in_clause = in_clause;
    }
  }
  if (best) {
    DateRange d = *best->range;
    d.text = best->text;
    if (rule)
      *rule =
          best_in_clause ? "date from its clause" : "date from its sentence";
    return d;
  }
  if (story) {
    DateRange d = *story;
    if (d.precision == Precision::kExact) d.precision = Precision::kApproximate;
    if (rule) *rule = "date = story reference date";
    return d;
  }
  DateRange d = DateRange::Day(published, Precision::kUnresolved);
  if (rule) *rule = "date = publication day (unresolved)";
  return d;
}

}  // namespace geotl::code
