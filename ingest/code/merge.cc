#include "ingest/code/merge.h"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "core/sha256.h"

namespace geotl::code {
namespace {

std::set<std::string> Countries(const std::vector<Actor>& v) {
  std::set<std::string> s;
  for (const Actor& a : v) s.insert(a.country);
  return s;
}

bool Symmetric(const std::string& t) {
  return t == "CONSULT" || t == "COOPERATE" || t == "AGREE";
}

int PrecisionRank(const DateRange& d) {
  switch (d.precision) {
    case Precision::kExact:
      return 0;
    case Precision::kRange:
      return 1;
    case Precision::kApproximate:
      return 2;
    default:
      return 3;
  }
}

bool SameParties(const Event& a, const Event& b) {
  if (Symmetric(a.type)) {
    auto x = Countries(a.actors), y = Countries(b.actors);
    for (const auto& c : Countries(a.recipients)) x.insert(c);
    for (const auto& c : Countries(b.recipients)) y.insert(c);
    return !x.empty() && x == y;
  }
  auto xa = Countries(a.actors), ya = Countries(b.actors);
  if (xa.empty() || xa != ya) return false;
  auto xr = Countries(a.recipients), yr = Countries(b.recipients);
  return xr.empty() || yr.empty() || xr == yr;
}

bool DatesAgree(const DateRange& a, const DateRange& b) {
  if (a.precision == Precision::kUnresolved ||
      b.precision == Precision::kUnresolved)
    return true;
  return a.Overlaps(b.start, b.end);
}

}  // namespace

std::string EventId(const std::string& article_id, int sentence,
                    size_t trigger_start, const std::string& type) {
  std::string key = article_id + "|" + std::to_string(sentence) + "|" +
                    std::to_string(trigger_start) + "|" + type;
  return "e-" + Sha256Hex(key).substr(0, 16);
}

void MergeDuplicates(std::vector<Event>* events) {
  // Candidates share type, status and actor countries: bucket by that key
  // so long articles stay linear.
  std::vector<Event> out;
  std::unordered_map<std::string, std::vector<size_t>> buckets;
  for (Event& e : *events) {
    std::string key = e.type + "|" + std::string(ToString(e.status)) + "|";
    std::set<std::string> parties = Countries(e.actors);
    if (Symmetric(e.type))
      for (const auto& c : Countries(e.recipients)) parties.insert(c);
    for (const auto& c : parties) key += c + ",";
    auto& bucket = buckets[key];
    Event* target = nullptr;
    for (size_t idx : bucket) {
      Event& o = out[idx];
      if (SameParties(o, e) && DatesAgree(o.date, e.date)) {
        target = &o;
        break;
      }
    }
    if (!target) {
      bucket.push_back(out.size());
      out.push_back(std::move(e));
      continue;
    }
    for (const Source& s : e.sources) {
      bool dup = false;
      for (const Source& t : target->sources)
        dup = dup || (t.sentence == s.sentence);
      if (!dup) target->sources.push_back(s);
    }
    if (PrecisionRank(e.date) < PrecisionRank(target->date))
      target->date = e.date;
    if (!target->location ||
        (e.location && e.location->precision < target->location->precision))
      if (e.location) target->location = e.location;
    if (target->recipients.empty()) target->recipients = e.recipients;
    // Prefer the more specific actor record (a person over a country).
    if (target->actors.size() == e.actors.size()) {
      for (size_t i = 0; i < e.actors.size(); ++i)
        if (target->actors[i].kind == ActorKind::kCountry &&
            e.actors[i].kind != ActorKind::kCountry &&
            target->actors[i].country == e.actors[i].country)
          target->actors[i] = e.actors[i];
    }
    if (e.fatalities &&
        (!target->fatalities || *e.fatalities > *target->fatalities))
      target->fatalities = e.fatalities;
    if (e.size && (!target->size || *e.size > *target->size))
      target->size = e.size;
    target->confidence =
        std::min(0.95, std::max(target->confidence, e.confidence) + 0.05);
  }
  *events = std::move(out);
}

}  // namespace geotl::code
