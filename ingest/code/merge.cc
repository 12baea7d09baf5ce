#include "ingest/code/merge.h"

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <set>
#include <unordered_map>

#include "core/sha256.h"
#include "geo/country.h"

namespace geotl::ingest::code {
namespace {

std::set<std::string> Countries(const std::vector<core::Actor>& v) {
  std::set<std::string> s;
  for (const core::Actor& a : v) s.insert(a.country);
  return s;
}

bool Symmetric(const std::string& t) {
  return t == "CONSULT" || t == "COOPERATE" || t == "AGREE";
}

int PrecisionRank(const core::DateRange& d) {
  switch (d.precision) {
    case core::Precision::kExact:
      return 0;
    case core::Precision::kRange:
      return 1;
    case core::Precision::kApproximate:
      return 2;
    default:
      return 3;
  }
}

bool SameParties(const core::Event& a, const core::Event& b) {
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

// The named persons and groups among the actors (not a bare role or a
// country, whose name is its country's).
std::set<std::string> NamedActors(const std::vector<core::Actor>& v) {
  std::set<std::string> out;
  for (const core::Actor& a : v)
    if (a.kind != core::ActorKind::kCountry && !a.name.empty() &&
        a.name != geo::CountryName(a.country, "en"))
      out.insert(a.name);
  return out;
}

// Both name their doers and no doer is the same: two parties' acts ("Die
// Grünen verweigerten …", "Die KPÖ erteilte … eine Absage").
bool OtherDoers(const core::Event& a, const core::Event& b) {
  const std::set<std::string> x = NamedActors(a.actors);
  const std::set<std::string> y = NamedActors(b.actors);
  if (x.empty() || y.empty()) return false;
  for (const std::string& n : x)
    if (y.count(n)) return false;
  return true;
}

bool DatesAgree(const core::DateRange& a, const core::DateRange& b) {
  if (a.precision == core::Precision::kUnresolved ||
      b.precision == core::Precision::kUnresolved)
    return true;
  return a.Overlaps(b.start, b.end);
}

bool PlacesAgree(const std::optional<core::Place>& a,
                 const std::optional<core::Place>& b) {
  return !a || !b || a->country.empty() || b->country.empty() ||
         a->country == b->country;
}

// The headline (sentence 0) names what the article reports anywhere; a
// sentence in the body only what is told around it (two sentences).
bool Near(const core::Event& mention, const core::Event& o) {
  if (mention.sources.empty() || o.sources.empty()) return false;
  int m = mention.sources[0].sentence;
  if (m == 0) return true;
  for (const core::Source& s : o.sources)
    if (std::abs(s.sentence - m) <= 2) return true;
  return false;
}

std::string PartyKey(const core::Event& e) {
  std::string k;
  for (const auto& c : Countries(e.actors)) k += c + ",";
  k += "|";
  for (const auto& c : Countries(e.recipients)) k += c + ",";
  return k;
}

// A mention of an event without any party ("Staatsbesuch in Paris",
// "Angriff auf Grenzposten", a headline) is the event the article reports
// with its parties elsewhere: same type and status, dates and places that
// agree, near it (Near), and only one party set among those candidates. It
// becomes one more source of that event; otherwise it stays as it is.
void FoldPartyless(std::vector<core::Event>* events) {
  std::vector<core::Event>& v = *events;
  std::vector<bool> gone(v.size(), false);
  for (size_t i = 0; i < v.size(); ++i) {
    core::Event& e = v[i];
    if (!e.actors.empty() || !e.recipients.empty()) continue;
    std::optional<size_t> target;
    bool ambiguous = false;
    for (size_t j = 0; j < v.size(); ++j) {
      const core::Event& o = v[j];
      if (j == i || gone[j] || o.type != e.type || o.status != e.status ||
          (o.actors.empty() && o.recipients.empty()) ||
          !DatesAgree(o.date, e.date) || !PlacesAgree(o.location, e.location) ||
          !Near(e, o))
        continue;
      if (target && PartyKey(v[*target]) != PartyKey(o)) ambiguous = true;
      if (!target) target = j;
    }
    if (!target || ambiguous) continue;
    core::Event& t = v[*target];
    for (const core::Source& s : e.sources) {
      bool dup = false;
      for (const core::Source& u : t.sources)
        dup = dup || (u.sentence == s.sentence);
      if (!dup) t.sources.push_back(s);
    }
    if (e.location &&
        (!t.location || (e.location->country == t.location->country &&
                         e.location->precision < t.location->precision)))
      t.location = e.location;
    if (PrecisionRank(e.date) < PrecisionRank(t.date)) t.date = e.date;
    gone[i] = true;
  }
  std::vector<core::Event> kept;
  for (size_t i = 0; i < v.size(); ++i)
    if (!gone[i]) kept.push_back(std::move(v[i]));
  v = std::move(kept);
}

// Two reports of one act: the headline and any sentence, or body sentences
// at most two apart (as Near). Farther apart, the same type by the same
// country is another act: on the dev articles 32 such pairs were both
// annotated as events and merging them lost one.
bool TellsAgain(const core::Event& a, const core::Event& b) {
  for (const core::Source& x : a.sources)
    for (const core::Source& y : b.sources)
      if (x.sentence == 0 || y.sentence == 0 ||
          std::abs(x.sentence - y.sentence) <= 2)
        return true;
  return false;
}

// The later report carries a fact the first lacks: a place named in its own
// text or a date of its own (annotation: an act told again is annotated
// again when the sentence adds a place or a date). The other side named
// later ("Schoigu ist skeptisch" … "besorgt über die Teilnahme Japans") is
// the same act told in full: they merge.
bool NewFacts(const core::Event& first, const core::Event& again,
              int body_start) {
  if (again.location && !again.location->text.empty() &&
      (!first.location || first.location->text.empty()))
    return true;
  if (again.date.text.empty()) return false;
  if (first.date.text.empty()) return true;
  // A teaser before the dateline that only borrowed its day from the lead
  // (approximate), told again in the lead with the day written: "Belgien
  // klagt zweite Person an" … "Brüssel – … hat am Sonntag … Anklage
  // erhoben". (In a note without a dateline, a later sentence that dates
  // the same fighting is the same report.)
  return body_start > 0 && !first.sources.empty() && !again.sources.empty() &&
         first.sources.front().sentence < body_start &&
         again.sources.front().sentence >= body_start &&
         first.date.precision == core::Precision::kApproximate &&
         again.date.precision == core::Precision::kExact;
}

}  // namespace

std::string EventId(const std::string& article_id, int sentence,
                    size_t trigger_start, const std::string& type) {
  std::string key = article_id + "|" + std::to_string(sentence) + "|" +
                    std::to_string(trigger_start) + "|" + type;
  return "e-" + core::Sha256Hex(key).substr(0, 16);
}

void MergeDuplicates(std::vector<core::Event>* events, int body_start) {
  // Candidates share type, status and actor countries: bucket by that key
  // so long articles stay linear.
  std::vector<core::Event> out;
  std::unordered_map<std::string, std::vector<size_t>> buckets;
  for (core::Event& e : *events) {
    std::string key = e.type + "|" + std::string(ToString(e.status)) + "|";
    std::set<std::string> parties = Countries(e.actors);
    if (Symmetric(e.type))
      for (const auto& c : Countries(e.recipients)) parties.insert(c);
    for (const auto& c : parties) key += c + ",";
    auto& bucket = buckets[key];
    core::Event* target = nullptr;
    for (size_t idx : bucket) {
      core::Event& o = out[idx];
      if (SameParties(o, e) && DatesAgree(o.date, e.date) && TellsAgain(o, e) &&
          !NewFacts(o, e, body_start) && !OtherDoers(o, e)) {
        target = &o;
        break;
      }
    }
    if (!target) {
      bucket.push_back(out.size());
      out.push_back(std::move(e));
      continue;
    }
    for (const core::Source& s : e.sources) {
      bool dup = false;
      for (const core::Source& t : target->sources)
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
        if (target->actors[i].kind == core::ActorKind::kCountry &&
            e.actors[i].kind != core::ActorKind::kCountry &&
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
  FoldPartyless(&out);
  *events = std::move(out);
}

}  // namespace geotl::ingest::code
