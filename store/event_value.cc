#include "store/event_value.h"

#include <algorithm>

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

}  // namespace

uint8_t TypeIndex(std::string_view type) {
  const auto& types = EventTypes();
  for (size_t i = 0; i < types.size(); ++i)
    if (types[i].type == type) return uint8_t(i);
  return kUnknownType;
}

std::string_view TypeName(uint8_t index) {
  const auto& types = EventTypes();
  return index < types.size() ? types[index].type : std::string_view();
}

std::string EncodeEventValue(const Event& e) {
  std::string out;
  out.reserve(700);
  out.push_back(char(kValueVersion));
  out.push_back(char(TypeIndex(e.type)));
  out.push_back(char(e.status));
  size_t n = std::min<size_t>(255, e.actors.size() + e.recipients.size());
  out.push_back(char(n));
  size_t written = 0;
  for (int role = 0; role < 2; ++role)
    for (const Actor& a : role == 0 ? e.actors : e.recipients) {
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
  out += ToJsonLine(e);
  return out;
}

Status DecodeEventValue(std::string_view in, EventView* out) {
  auto bad = [] { return Status::Corruption("malformed event value"); };
  uint8_t ver, status, n;
  if (!GetByte(&in, &ver) || ver != kValueVersion) return bad();
  if (!GetByte(&in, &out->type) || !GetByte(&in, &status) || status > 3)
    return bad();
  out->status = static_cast<EventStatus>(status);
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
  return Status::Ok();
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
  SortUnique(&c.region);
  return c;
}

}  // namespace geotl::store
