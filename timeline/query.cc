#include "timeline/query.h"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "core/ontology.h"
#include "geo/country.h"

namespace geotl::timeline {
namespace {

// Cursor bytes: big-endian u32s, as the index keys (docs/key_format.md).
void PutBE32(std::string* out, uint32_t v) {
  char b[4] = {char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
  out->append(b, 4);
}
uint32_t GetBE32(const char* p) {
  auto u = [&](int i) { return uint32_t(static_cast<unsigned char>(p[i])); };
  return u(0) << 24 | u(1) << 16 | u(2) << 8 | u(3);
}

core::Status Bad(std::string_view param, const std::string& why) {
  return core::Status::Invalid(std::string(param) + ": " + why);
}

std::string Upper(std::string_view s) {
  std::string u(s);
  for (char& c : u) c = char(std::toupper(static_cast<unsigned char>(c)));
  return u;
}

std::string Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
    s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
    s.remove_suffix(1);
  return std::string(s);
}

// A bare actor code: 3-15 upper-case letters or digits (IGO and sector codes).
bool LooksLikeCode(std::string_view s) {
  if (s.size() < 3 || s.size() > 15) return false;
  for (char c : s)
    if (!std::isupper(static_cast<unsigned char>(c)) &&
        !std::isdigit(static_cast<unsigned char>(c)))
      return false;
  return true;
}

core::Result<std::string> ResolveActor(std::string_view param,
                                       std::string_view v) {
  if (auto c = geo::CountryCodeForName(v)) return *c;
  if (LooksLikeCode(v)) return std::string(v);  // RUSGOV, NATO, EUR
  return Bad(param, "unknown actor '" + std::string(v) + "'");
}

core::Result<std::string> ResolveRegion(std::string_view v) {
  if (v.size() == 3 && std::all_of(v.begin(), v.end(),
                                   [](char c) { return c >= '0' && c <= '9'; }))
    return std::string(v);
  if (auto r = geo::RegionCodeForName(v)) return *r;
  return Bad("region", "unknown region '" + std::string(v) + "'");
}

core::Result<std::string> ResolveType(std::string_view v) {
  if (auto t = core::FindEventType(v)) return std::string(t->type);
  std::string lower(v);
  for (char& c : lower) c = char(std::tolower(static_cast<unsigned char>(c)));
  for (const auto& t : core::EventTypes())
    if (t.label == lower) return std::string(t.type);
  return Bad("type", "unknown event type or label '" + std::string(v) + "'");
}

core::Result<bool> ParseBool(std::string_view param, std::string_view v) {
  if (v.empty() || v == "true" || v == "1" || v == "yes") return true;
  if (v == "false" || v == "0" || v == "no") return false;
  return Bad(param, "expected true or false, got '" + std::string(v) + "'");
}

void AddUnique(std::vector<std::string>* v, std::string s) {
  if (std::find(v->begin(), v->end(), s) == v->end())
    v->push_back(std::move(s));
}

constexpr char kHex[] = "0123456789abcdef";

}  // namespace

core::Result<double> ParseMinConfidence(std::string_view s) {
  double v = -1;
  const char* end = s.data() + s.size();
  auto r = std::from_chars(s.data(), end, v);
  if (s.empty() || r.ec != std::errc() || r.ptr != end || !(v >= 0) || v > 1)
    return Bad("min_confidence",
               "expected a number from 0 to 1, got '" + std::string(s) + "'");
  return v;
}

core::Result<core::Date> ParseQueryDate(std::string_view s, bool upper_bound) {
  if (s.size() >= 10 && std::all_of(s.begin(), s.end(), [](char c) {
        return c >= '0' && c <= '9';
      })) {
    if (s.size() > 15)
      return core::Status::Invalid("epoch milliseconds out of range");
    long long ms = std::stoll(std::string(s));
    long long days = ms / 86400000LL;
    // Checked before any date arithmetic: Boost throws past year 9999.
    const core::Date epoch(1970, 1, 1);
    if (days > (core::Date(9999, 12, 31) - epoch).days())
      return core::Status::Invalid("date out of range (after 9999-12-31)");
    return epoch + boost::gregorian::days(days);
  }
  return upper_bound ? core::ParseBoundTo(s) : core::ParseBoundFrom(s);
}

std::string EncodeCursor(const store::IndexPosition& pos, bool desc) {
  std::string raw;
  raw.push_back(desc ? 'd' : 'a');
  PutBE32(&raw, pos.start);
  PutBE32(&raw, pos.end);
  raw += pos.id;
  std::string out;
  for (unsigned char c : raw) {
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 15]);
  }
  return out;
}

core::Result<store::IndexPosition> DecodeCursor(std::string_view s, bool desc) {
  auto bad = [] { return Bad("cursor", "not a cursor of this query"); };
  if (s.size() % 2 || s.size() < 20) return bad();
  std::string raw;
  for (size_t i = 0; i < s.size(); i += 2) {
    auto nib = [](char c) -> int {
      if (c >= '0' && c <= '9') return c - '0';
      if (c >= 'a' && c <= 'f') return c - 'a' + 10;
      return -1;
    };
    int hi = nib(s[i]), lo = nib(s[i + 1]);
    if (hi < 0 || lo < 0) return bad();
    raw.push_back(char(hi * 16 + lo));
  }
  if (raw[0] != (desc ? 'd' : 'a'))
    return Bad("cursor", "cursor was made for the other order");
  store::IndexPosition p;
  p.start = GetBE32(raw.data() + 1);
  p.end = GetBE32(raw.data() + 5);
  p.id = raw.substr(9);
  return p;
}

core::Result<Query> ParseQuery(const Params& params) {
  Query q;
  std::optional<std::string> cursor;
  for (const auto& [name, raw] : params) {
    std::string v = Trim(raw);
    if (name == "actor" || name == "with") {
      if (v.empty()) return Bad(name, "empty value");
      ASSIGN_OR_RETURN(std::string code, ResolveActor(name, v));
      AddUnique(name == "actor" ? &q.actors : &q.with, code);
    } else if (name == "role") {
      if (v == "actor")
        q.role = Role::kActor;
      else if (v == "recipient")
        q.role = Role::kRecipient;
      else if (v == "any" || v.empty())
        q.role = Role::kAny;
      else
        return Bad(name, "expected actor or recipient, got '" + v + "'");
    } else if (name == "country") {
      auto c = geo::CountryCodeForName(v);
      if (!c) return Bad(name, "unknown country '" + v + "'");
      AddUnique(&q.countries, *c);
    } else if (name == "region") {
      ASSIGN_OR_RETURN(std::string r, ResolveRegion(v));
      AddUnique(&q.regions, r);
    } else if (name == "from" || name == "to") {
      auto d = ParseQueryDate(v, name == "to");
      if (!d.ok()) return Bad(name, d.status().message());
      (name == "from" ? q.from : q.to) = *d;
    } else if (name == "within") {
      ASSIGN_OR_RETURN(q.within, ParseBool(name, v));
    } else if (name == "type") {
      ASSIGN_OR_RETURN(std::string t, ResolveType(v));
      AddUnique(&q.types, t);
    } else if (name == "status") {
      auto s = core::ParseEventStatus(v);
      if (!s.ok()) return Bad(name, s.status().message());
      if (std::find(q.statuses.begin(), q.statuses.end(), *s) ==
          q.statuses.end())
        q.statuses.push_back(*s);
    } else if (name == "text") {
      std::string word;
      for (char c : v + " ") {
        if (std::isspace(static_cast<unsigned char>(c))) {
          if (!word.empty()) AddUnique(&q.words, word);
          word.clear();
        } else {
          word.push_back(char(std::tolower(static_cast<unsigned char>(c))));
        }
      }
    } else if (name == "article") {
      if (v.empty()) return Bad(name, "empty value");
      AddUnique(&q.articles, v);
    } else if (name == "place") {
      if (v.empty()) return Bad(name, "empty value");
      AddUnique(&q.places, v);
    } else if (name == "min_confidence") {
      ASSIGN_OR_RETURN(q.min_confidence, ParseMinConfidence(v));
    } else if (name == "limit") {
      if (v.empty() || v.size() > 9 ||
          !std::all_of(v.begin(), v.end(),
                       [](char c) { return c >= '0' && c <= '9'; }))
        return Bad(name, "expected a number 1.." + std::to_string(kMaxLimit));
      size_t n = std::stoul(v);
      if (n < 1) return Bad(name, "must be at least 1");
      if (n > kMaxLimit)
        return Bad(name, "at most " + std::to_string(kMaxLimit) + " (got " + v +
                             "); page with cursor");
      q.limit = n;
    } else if (name == "cursor") {
      if (!v.empty()) cursor = v;
    } else if (name == "order") {
      if (v == "asc")
        q.desc = false;
      else if (v == "desc")
        q.desc = true;
      else
        return Bad(name, "expected asc or desc, got '" + v + "'");
    } else {
      return Bad(name, "unknown parameter");
    }
  }
  if (q.from && q.to && *q.to < *q.from) return Bad("to", "before from");
  if (!q.with.empty() && q.actors.empty() && q.role != Role::kAny)
    return Bad("role", "needs actor");
  if (cursor) {
    ASSIGN_OR_RETURN(store::IndexPosition p, DecodeCursor(*cursor, q.desc));
    q.cursor = p;
  }
  return q;
}

core::Result<Query> ParseQuery(
    const std::map<std::string, std::vector<std::string>>& params) {
  Params p;
  for (const auto& [k, vs] : params)
    for (const auto& v : vs) p.emplace(k, v);
  return ParseQuery(p);
}

std::string ErrorParameter(const core::Status& st) {
  if (st.code() != core::Code::kInvalidArgument) return "";
  size_t colon = st.message().find(':');
  if (colon == std::string::npos) return "";
  std::string name = st.message().substr(0, colon);
  for (char c : name)
    if (!std::islower(static_cast<unsigned char>(c)) && c != '_' && c != '-')
      return "";
  return name;
}

bool CountersCanCount(const Query& q) {
  return q.with.empty() && q.role == Role::kAny && !q.within &&
         q.words.empty() && q.articles.empty() && q.places.empty() &&
         MinConfidence(q) <= 0;  // counters know no confidence
}

std::vector<core::EventStatus> ListStatuses(const Query& q) {
  if (!q.statuses.empty()) return q.statuses;
  return {core::EventStatus::kOccurred, core::EventStatus::kPlanned,
          core::EventStatus::kHypothetical};
}

}  // namespace geotl::timeline
