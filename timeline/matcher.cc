#include "timeline/matcher.h"

#include <algorithm>
#include <cctype>

#include "core/event_json.h"

namespace geotl::timeline {
namespace {

using store::EventView;
using store::PartyView;

int Compare(const store::IndexEntry& a, const store::IndexEntry& b) {
  if (a.start != b.start) return a.start < b.start ? -1 : 1;
  if (a.end != b.end) return a.end < b.end ? -1 : 1;
  return a.id.compare(b.id);
}

bool ContainsWord(const std::string& hay_lower, const std::string& w) {
  return hay_lower.find(w) != std::string::npos;
}

std::string Lower(std::string s) {
  for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Whether the event JSON has a source from one of `articles`. An id of
// plain characters that does not occur in the JSON at all is ruled out
// without parsing it (most events of a scan).
bool HasSourceFrom(std::string_view json,
                   const std::vector<std::string>& articles) {
  auto plain = [](const std::string& id) {
    return std::all_of(id.begin(), id.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || c == '-' ||
             c == '_' || c == '.' || c == ':';
    });
  };
  bool maybe = false;
  for (const auto& a : articles)
    maybe |= !plain(a) || json.find(a) != std::string_view::npos;
  if (!maybe) return false;
  core::Json j = core::Json::parse(json, nullptr, false);
  if (j.is_discarded() || !j.contains("sources") || !j["sources"].is_array())
    return false;
  for (const auto& s : j["sources"]) {
    if (!s.contains("article") || !s["article"].is_string()) continue;
    const auto& id = s["article"].get_ref<const std::string&>();
    if (std::find(articles.begin(), articles.end(), id) != articles.end())
      return true;
  }
  return false;
}

// Index codes under which events matching `code` of an actor filter live.
std::vector<std::string> ActorIndexCodes(const std::string& code) {
  std::vector<std::string> v{code};
  if (code.size() > 3) v.push_back(code.substr(0, 3));
  return v;
}

}  // namespace

Matcher::Matcher(const Query& q, std::vector<core::EventStatus> statuses)
    : q_(q),
      statuses_(std::move(statuses)),
      places_(q.places, SharedGazetteer()) {
  lo_ = q.from ? core::DayKey(*q.from) : 0;
  hi_ = q.to ? core::DayKey(*q.to) : 0xffffffffu;
  for (const auto& t : q.types) types_.push_back(store::TypeIndex(t));
  min_confidence_ = MinConfidence(q);
}

bool Matcher::PartyMatches(const PartyView& p, const std::string& code) const {
  if (p.IndexCode() == code) return true;
  return code.size() > 3 && p.country == std::string_view(code).substr(0, 3) &&
         p.code.substr(0, code.size()) == code;
}

bool Matcher::Matches(uint32_t start, uint32_t end, const EventView& v) const {
  if (q_.within) {
    if (start < lo_ || end > hi_) return false;
  } else if (end < lo_ || start > hi_) {
    return false;
  }
  if (std::find(statuses_.begin(), statuses_.end(), v.status) ==
      statuses_.end())
    return false;
  if (!types_.empty() &&
      std::find(types_.begin(), types_.end(), v.type) == types_.end())
    return false;
  if (!q_.countries.empty() &&
      std::find(q_.countries.begin(), q_.countries.end(), v.loc_country) ==
          q_.countries.end())
    return false;
  if (!q_.regions.empty()) {
    bool any = false;
    for (auto r : v.regions)
      any |= std::find(q_.regions.begin(), q_.regions.end(), r) !=
             q_.regions.end();
    if (!any) return false;
  }
  auto involved = [&](const std::vector<std::string>& codes, bool use_role) {
    for (const auto& p : v.parties) {
      if (use_role && q_.role == Role::kActor && p.recipient) continue;
      if (use_role && q_.role == Role::kRecipient && !p.recipient) continue;
      for (const auto& c : codes)
        if (PartyMatches(p, c)) return true;
    }
    return false;
  };
  if (!q_.actors.empty() && !involved(q_.actors, true)) return false;
  if (!q_.with.empty() && !involved(q_.with, false)) return false;
  if (min_confidence_ > 0) {  // a post-filter: no index holds confidence
    auto c = store::ConfidenceOf(v.json);
    if (!c || !core::MeetsMinConfidence(*c, min_confidence_)) return false;
  }
  if (!q_.articles.empty() && !HasSourceFrom(v.json, q_.articles)) return false;
  if (!places_.empty() && !places_.Matches(v)) return false;
  if (!q_.words.empty()) {
    core::Json j = core::Json::parse(v.json, nullptr, false);
    if (j.is_discarded()) return false;
    std::string hay;
    if (j.contains("summary") && j["summary"].is_string())
      hay += j["summary"].get<std::string>();
    if (j.contains("sources") && j["sources"].is_array())
      for (const auto& s : j["sources"])
        if (s.contains("quote") && s["quote"].is_string())
          hay += "\n" + s["quote"].get<std::string>();
    hay = Lower(std::move(hay));
    for (const auto& w : q_.words)
      if (!ContainsWord(hay, w)) return false;
  }
  return true;
}

core::Result<std::unique_ptr<Scan>> Scan::Start(
    const store::Store& store, const Query& q,
    std::vector<core::EventStatus> statuses, const store::ReadView* view) {
  std::unique_ptr<Scan> s(new Scan(q, std::move(statuses)));
  // Candidate families with their scan codes. A composite family is a
  // subset of its parents (actor+type of the actor and of the type family,
  // dyad of both actor families), so it replaces them; the remaining
  // candidates are compared by their all-time counts, key-only families
  // (each entry costs a probe of a covering family) weighted.
  struct Plan {
    store::IndexFamily family;
    std::vector<std::string> codes;  // scanned
    std::vector<std::pair<store::IndexFamily, std::string>>
        counted;  // for cost
    uint64_t weight = 1;
  };
  auto index_codes = [](const std::vector<std::string>& codes) {
    std::vector<std::string> out;
    for (const auto& c : codes)
      for (auto& ic : ActorIndexCodes(c))
        if (std::find(out.begin(), out.end(), ic) == out.end())
          out.push_back(ic);
    return out;
  };
  auto actor_plan = [&](const std::vector<std::string>& ics) {
    Plan p{store::IndexFamily::kActor, {}, {}, 1};
    if (q.types.empty()) {
      p.codes = ics;
      for (const auto& c : ics)
        p.counted.emplace_back(store::IndexFamily::kActor, c);
      return p;
    }
    p.family = store::IndexFamily::kActorType;
    p.weight = 2;
    for (const auto& c : ics)
      for (const auto& t : q.types) {
        p.codes.push_back(store::ActorTypeCode(c, t));
        p.counted.emplace_back(store::IndexFamily::kActorType, p.codes.back());
      }
    return p;
  };
  std::vector<Plan> plans;
  const auto ia = index_codes(q.actors), iw = index_codes(q.with);
  bool disjoint = !ia.empty() && !iw.empty();
  for (const auto& a : ia)
    disjoint &= std::find(iw.begin(), iw.end(), a) == iw.end();
  if (disjoint) {
    // Every match has a party matching an actor code and another party, of
    // another index code, matching a with code: the pair's entry exists.
    Plan p{store::IndexFamily::kDyad, {}, {}, 1};
    for (const auto& a : ia)
      for (const auto& w : iw) {
        p.codes.push_back(store::DyadCode(a, w));
        p.counted.emplace_back(store::IndexFamily::kDyad, p.codes.back());
      }
    plans.push_back(std::move(p));
  } else {
    if (!ia.empty()) plans.push_back(actor_plan(ia));
    if (!iw.empty()) plans.push_back(actor_plan(iw));
  }
  if (!q.regions.empty()) {
    Plan p{store::IndexFamily::kRegion, {}, {}, 1};
    for (const auto& r : q.regions) {
      ASSIGN_OR_RETURN(auto members, store.RegionMembers(r, view));
      for (auto& m : members)
        if (std::find(p.codes.begin(), p.codes.end(), m) == p.codes.end())
          p.codes.push_back(std::move(m));
      p.counted.emplace_back(store::IndexFamily::kRegion, r);
    }
    plans.push_back(std::move(p));
  }
  if (!q.countries.empty()) {
    Plan p{store::IndexFamily::kCountry, q.countries, {}, 8};
    for (const auto& c : q.countries)
      p.counted.emplace_back(store::IndexFamily::kCountry, c);
    plans.push_back(std::move(p));
  }
  if (!q.types.empty() && ia.empty() && iw.empty()) {
    Plan p{store::IndexFamily::kType, q.types, {}, 8};
    for (const auto& t : q.types)
      p.counted.emplace_back(store::IndexFamily::kType, t);
    plans.push_back(std::move(p));
  }
  Plan chosen{store::IndexFamily::kDate, {""}, {}, 1};
  if (plans.size() == 1) {
    chosen = plans[0];
  } else if (plans.size() > 1) {
    uint64_t best = UINT64_MAX;
    for (const auto& p : plans) {
      uint64_t cost = 0;
      for (const auto& [f, c] : p.counted) {
        ASSIGN_OR_RETURN(uint64_t n, store.CodeTotal(f, c));
        cost += n;
      }
      cost *= p.weight;
      if (cost < best) {
        best = cost;
        chosen = p;
      }
    }
  }
  s->family_ = chosen.family;
  uint32_t lo = q.from ? core::DayKey(*q.from) : 0;
  uint32_t hi = q.to ? core::DayKey(*q.to) : 0xffffffffu;
  for (store::DurationClass cls : store::kDurationClasses) {
    auto maxdays = store.ClassMaxDays(cls);
    if (!maxdays) continue;
    store::ScanSpec spec;
    spec.family = chosen.family;
    spec.duration_class = cls;
    spec.lo_start = q.within ? lo : (lo > *maxdays ? lo - *maxdays : 0);
    spec.hi_start = hi;
    if (!q.within) spec.min_end = lo;
    spec.desc = q.desc;
    spec.after = q.cursor;
    for (const auto& c : chosen.codes) {
      spec.code = c;
      s->its_.push_back(store.NewIndexIterator(spec, view));
    }
  }
  return s;
}

int Scan::PickHead() const {
  int best = -1;
  for (size_t i = 0; i < its_.size(); ++i) {
    if (!its_[i]->Valid()) continue;
    if (best < 0) {
      best = int(i);
      continue;
    }
    int c = Compare(its_[i]->entry(), its_[best]->entry());
    if (q_.desc ? c > 0 : c < 0) best = int(i);
  }
  return best;
}

bool Scan::Next() {
  if (pending_advance_ >= 0) {
    its_[pending_advance_]->Next();
    pending_advance_ = -1;
  }
  while (true) {
    int h = PickHead();
    if (h < 0) {
      for (const auto& it : its_)
        if (!it->status().ok()) status_ = it->status();
      return false;
    }
    const store::IndexEntry& e = its_[h]->entry();
    // Copy the head before advancing duplicates (views die on Next).
    cur_id_.assign(e.id);
    cur_.start = e.start;
    cur_.end = e.end;
    cur_.value = e.value;
    bool matched = store::DecodeEventValue(e.value, &view_).ok() &&
                   matcher_.Matches(e.start, e.end, view_);
    if (matched) {
      // Keep the head iterator parked on this entry (its value backs view_);
      // advance only the other iterators holding the same event.
      for (size_t i = 0; i < its_.size(); ++i)
        if (int(i) != h && its_[i]->Valid() &&
            its_[i]->entry().start == cur_.start &&
            its_[i]->entry().end == cur_.end && its_[i]->entry().id == cur_id_)
          its_[i]->Next();
      cur_.id = cur_id_;
      pending_advance_ = h;
      return true;
    }
    for (auto& it : its_)
      if (it->Valid() && it->entry().start == cur_.start &&
          it->entry().end == cur_.end && it->entry().id == cur_id_)
        it->Next();
  }
}

}  // namespace geotl::timeline
