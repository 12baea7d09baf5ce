#include "store/event_value.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/event_json.h"
#include "core/ontology.h"

namespace geotl::store {
namespace {

void PutStr(std::string* out, std::string_view s) {
  if (s.size() > 255) s = s.substr(0, 255);
  out->push_back(char(s.size()));
  out->append(s);
}

bool GetStr(std::string_view* in, std::string_view* out) {
  if (in->empty()) return false;
  size_t n = static_cast<unsigned char>((*in)[0]);
  if (in->size() < 1 + n) return false;
  *out = in->substr(1, n);
  in->remove_prefix(1 + n);
  return true;
}

bool GetByte(std::string_view* in, uint8_t* out) {
  if (in->empty()) return false;
  *out = static_cast<uint8_t>((*in)[0]);
  in->remove_prefix(1);
  return true;
}

void SortUnique(std::vector<std::string>* v) {
  std::sort(v->begin(), v->end());
  v->erase(std::unique(v->begin(), v->end()), v->end());
}

// --- RenderJsonLine: a direct writer for the ToJsonLine format ---

void Str(std::string* out, std::string_view s) {
  bool plain = true;
  for (unsigned char c : s)
    if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
      plain = false;
      break;
    }
  if (plain) {
    out->push_back('"');
    out->append(s);
    out->push_back('"');
    return;
  }
  // Escapes, UTF-8 checks and replacement exactly as the serializer does.
  *out += core::Json(std::string(s))
              .dump(-1, ' ', false, core::Json::error_handler_t::replace);
}

template <typename I>
void Int(std::string* out, I v) {
  char b[32];
  auto r = std::to_chars(b, b + sizeof b, v);
  out->append(b, r.ptr);
}

void Double(std::string* out, double v) {
  if (!std::isfinite(v)) {
    out->append("null");
    return;
  }
  char b[64];
  char* end = nlohmann::detail::to_chars(b, b + sizeof b, v);
  out->append(b, end);
}

void ActorJson(std::string* out, const core::Actor& a) {
  out->append("{\"text\":");
  Str(out, a.text);
  out->append(",\"name\":");
  Str(out, a.name);
  out->append(",\"code\":");
  Str(out, a.code);
  out->append(",\"country\":");
  Str(out, a.country);
  if (!a.sector.empty()) {
    out->append(",\"sector\":");
    Str(out, a.sector);
  }
  out->append(",\"kind\":");
  Str(out, ToString(a.kind));
  out->push_back('}');
}

}  // namespace

std::string RenderJsonLine(const core::Event& e) {
  std::string o;
  o.reserve(1024);
  o.append("{\"id\":");
  Str(&o, e.id);
  o.append(",\"type\":");
  Str(&o, e.type);
  o.append(",\"mode\":");
  Str(&o, e.mode);
  o.append(",\"cameo\":");
  Str(&o, e.cameo);
  o.append(",\"quad\":");
  Str(&o, e.quad);
  o.append(",\"label\":");
  Str(&o, e.label);
  o.append(",\"status\":");
  Str(&o, ToString(e.status));
  o.append(",\"date\":{\"start\":");
  Str(&o, core::FormatDate(e.date.start));
  o.append(",\"end\":");
  Str(&o, core::FormatDate(e.date.end));
  o.append(",\"granularity\":");
  Str(&o, ToString(e.date.granularity));
  o.append(",\"precision\":");
  Str(&o, ToString(e.date.precision));
  o.append(",\"text\":");
  Str(&o, e.date.text);
  o.append("},\"actors\":[");
  for (size_t i = 0; i < e.actors.size(); ++i) {
    if (i) o.push_back(',');
    ActorJson(&o, e.actors[i]);
  }
  o.append("],\"recipients\":[");
  for (size_t i = 0; i < e.recipients.size(); ++i) {
    if (i) o.push_back(',');
    ActorJson(&o, e.recipients[i]);
  }
  o.append("],\"location\":");
  if (!e.location) {
    o.append("null");
  } else {
    const core::Place& p = *e.location;
    o.append("{\"text\":");
    Str(&o, p.text);
    o.append(",\"name\":");
    Str(&o, p.name);
    o.append(",\"country\":");
    Str(&o, p.country);
    if (!p.admin1.empty()) {
      o.append(",\"admin1\":");
      Str(&o, p.admin1);
    }
    if (!p.admin2.empty()) {
      o.append(",\"admin2\":");
      Str(&o, p.admin2);
    }
    if (p.geonames_id) {
      o.append(",\"geonames_id\":");
      o.append(std::to_string(*p.geonames_id));
    }
    if (p.lat) {
      o.append(",\"lat\":");
      Double(&o, *p.lat);
    }
    if (p.lon) {
      o.append(",\"lon\":");
      Double(&o, *p.lon);
    }
    o.append(",\"precision\":");
    Str(&o, ToString(p.precision));
    o.append(",\"regions\":[");
    for (size_t i = 0; i < p.regions.size(); ++i) {
      if (i) o.push_back(',');
      Str(&o, p.regions[i]);
    }
    o.append("]}");
  }
  o.append(",\"fatalities\":");
  if (e.fatalities)
    Int(&o, *e.fatalities);
  else
    o.append("null");
  o.append(",\"size\":");
  if (e.size)
    Int(&o, *e.size);
  else
    o.append("null");
  o.append(",\"summary\":");
  Str(&o, e.summary);
  o.append(",\"language\":");
  Str(&o, e.language);
  o.append(",\"confidence\":");
  Double(&o, e.confidence);
  if (!e.coder.empty()) {
    o.append(",\"coder\":");
    Str(&o, e.coder);
  }
  o.append(",\"sources\":[");
  for (size_t i = 0; i < e.sources.size(); ++i) {
    const core::Source& s = e.sources[i];
    if (i) o.push_back(',');
    o.append("{\"article\":");
    Str(&o, s.article);
    o.append(",\"url\":");
    Str(&o, s.url);
    o.append(",\"publisher\":");
    Str(&o, s.publisher);
    o.append(",\"published\":");
    Str(&o, s.published);
    o.append(",\"sentence\":");
    Int(&o, s.sentence);
    o.append(",\"start\":");
    Int(&o, s.start);
    o.append(",\"end\":");
    Int(&o, s.end);
    o.append(",\"quote\":");
    Str(&o, s.quote);
    o.push_back('}');
  }
  o.append("],\"n_sources\":");
  Int(&o, e.n_sources);
  o.append(",\"n_publishers\":");
  Int(&o, e.n_publishers);
  o.append(",\"first_reported\":");
  Str(&o, e.first_reported);
  if (!e.merged_into.empty()) {
    o.append(",\"merged_into\":");
    Str(&o, e.merged_into);
  }
  o.push_back('}');
  return o;
}

uint8_t TypeIndex(std::string_view type) {
  const auto& types = core::EventTypes();
  for (size_t i = 0; i < types.size(); ++i)
    if (types[i].type == type) return uint8_t(i);
  return kUnknownType;
}

std::string_view TypeName(uint8_t index) {
  const auto& types = core::EventTypes();
  return index < types.size() ? types[index].type : std::string_view();
}

std::string EncodeEventValue(const core::Event& e) {
  std::string out;
  out.reserve(700);
  out.push_back(char(kValueVersion));
  out.push_back(char(TypeIndex(e.type)));
  out.push_back(char(e.status));
  size_t n = std::min<size_t>(255, e.actors.size() + e.recipients.size());
  out.push_back(char(n));
  size_t written = 0;
  for (int role = 0; role < 2; ++role)
    for (const core::Actor& a : role == 0 ? e.actors : e.recipients) {
      if (written++ >= n) break;
      out.push_back(char(role));
      PutStr(&out, a.country);
      PutStr(&out, a.code);
    }
  PutStr(&out, e.location ? std::string_view(e.location->country) : "");
  size_t nr =
      e.location ? std::min<size_t>(255, e.location->regions.size()) : 0;
  out.push_back(char(nr));
  for (size_t i = 0; i < nr; ++i) PutStr(&out, e.location->regions[i]);
  out += RenderJsonLine(e);
  return out;
}

core::Status DecodeEventValue(std::string_view in, EventView* out) {
  auto bad = [] { return core::Status::Corruption("malformed event value"); };
  uint8_t ver, status, n;
  if (!GetByte(&in, &ver) || ver != kValueVersion) return bad();
  if (!GetByte(&in, &out->type) || !GetByte(&in, &status) || status > 3)
    return bad();
  out->status = static_cast<core::EventStatus>(status);
  if (!GetByte(&in, &n)) return bad();
  out->parties.resize(n);
  for (auto& p : out->parties) {
    uint8_t role;
    if (!GetByte(&in, &role) || !GetStr(&in, &p.country) ||
        !GetStr(&in, &p.code))
      return bad();
    p.recipient = role != 0;
  }
  if (!GetStr(&in, &out->loc_country) || !GetByte(&in, &n)) return bad();
  out->regions.resize(n);
  for (auto& r : out->regions)
    if (!GetStr(&in, &r)) return bad();
  if (in.empty() || in[0] != '{') return bad();
  out->json = in;
  return core::Status::Ok();
}

std::optional<double> ConfidenceOf(std::string_view json) {
  // The first `,"confidence":` is the top-level key: inside a JSON string a
  // quote is always escaped, and no nested object has that key.
  static constexpr std::string_view kKey = ",\"confidence\":";
  size_t at = json.find(kKey);
  if (at == std::string_view::npos) return std::nullopt;
  const char* p = json.data() + at + kKey.size();
  double v = 0;
  auto r = std::from_chars(p, json.data() + json.size(), v);
  if (r.ec == std::errc::result_out_of_range &&
      std::string_view(p, r.ptr - p).find("e-") != std::string_view::npos)
    return 0.0;  // a subnormal number: as good as zero for a threshold
  if (r.ec != std::errc()) return std::nullopt;
  return v;
}

IndexCodes CodesOf(const EventView& v) {
  IndexCodes c;
  for (const auto& p : v.parties)
    if (!p.IndexCode().empty()) c.actor.emplace_back(p.IndexCode());
  if (!v.loc_country.empty()) c.country.emplace_back(v.loc_country);
  for (auto r : v.regions)
    if (!r.empty()) c.region.emplace_back(r);
  std::string_view t = TypeName(v.type);
  if (!t.empty()) c.type.emplace_back(t);
  SortUnique(&c.actor);
  // The innermost region is the first non-empty one listed.
  for (auto r : v.regions) {
    if (r.empty()) continue;
    if (c.region_index.empty()) {
      c.region_index.emplace_back(r);
    } else if (r != c.region_index[0]) {
      c.region_links.emplace_back(std::string(r), c.region_index[0]);
    }
  }
  std::sort(c.region_links.begin(), c.region_links.end());
  c.region_links.erase(
      std::unique(c.region_links.begin(), c.region_links.end()),
      c.region_links.end());
  SortUnique(&c.region);
  for (const auto& a : c.actor) c.actor_type.push_back(ActorTypeCode(a, t));
  for (size_t i = 0; i < c.actor.size(); ++i)
    for (size_t j = i + 1; j < c.actor.size(); ++j)
      c.dyad.push_back(DyadCode(c.actor[i], c.actor[j]));
  return c;
}

std::string ActorTypeCode(std::string_view actor, std::string_view type) {
  std::string s;
  s.reserve(actor.size() + 1 + type.size());
  s.append(actor);
  s.push_back('\x01');
  s.append(type);
  return s;
}

std::string DyadCode(std::string_view a, std::string_view b) {
  if (b < a) std::swap(a, b);
  std::string s;
  s.reserve(a.size() + 1 + b.size());
  s.append(a);
  s.push_back('\x01');
  s.append(b);
  return s;
}

}  // namespace geotl::store
