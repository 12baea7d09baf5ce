#include "core/event_json.h"

namespace geotl::core {
namespace {

// Reads a field that must be a string if present.
Status GetStr(const Json& j, const char* key, std::string* out,
              bool required = false) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) {
    if (required)
      return Status::Invalid(std::string("missing field '") + key + "'");
    return Status::Ok();
  }
  if (!it->is_string())
    return Status::Invalid(std::string("field '") + key + "' must be a string");
  *out = it->get<std::string>();
  return Status::Ok();
}

Result<Actor> ActorFromJson(const Json& j) {
  if (!j.is_object()) return Status::Invalid("actor must be an object");
  Actor a;
  RETURN_IF_ERROR(GetStr(j, "text", &a.text));
  RETURN_IF_ERROR(GetStr(j, "name", &a.name));
  RETURN_IF_ERROR(GetStr(j, "code", &a.code));
  RETURN_IF_ERROR(GetStr(j, "country", &a.country));
  RETURN_IF_ERROR(GetStr(j, "sector", &a.sector));
  std::string kind = "country";
  RETURN_IF_ERROR(GetStr(j, "kind", &kind));
  ASSIGN_OR_RETURN(a.kind, ParseActorKind(kind));
  return a;
}

Result<DateRange> DateFromJson(const Json& j) {
  if (!j.is_object()) return Status::Invalid("date must be an object");
  DateRange d;
  std::string s, e, g = "day", p = "exact";
  RETURN_IF_ERROR(GetStr(j, "start", &s, true));
  RETURN_IF_ERROR(GetStr(j, "end", &e, true));
  RETURN_IF_ERROR(GetStr(j, "granularity", &g));
  RETURN_IF_ERROR(GetStr(j, "precision", &p));
  RETURN_IF_ERROR(GetStr(j, "text", &d.text));
  ASSIGN_OR_RETURN(d.start, ParseIsoDay(s));
  ASSIGN_OR_RETURN(d.end, ParseIsoDay(e));
  if (d.end < d.start) return Status::Invalid("date.end before date.start");
  ASSIGN_OR_RETURN(d.granularity, ParseGranularity(g));
  ASSIGN_OR_RETURN(d.precision, ParsePrecision(p));
  return d;
}

Result<std::vector<Actor>> ActorsFromJson(const Json& j, const char* key) {
  std::vector<Actor> out;
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return out;
  if (!it->is_array())
    return Status::Invalid(std::string("field '") + key + "' must be an array");
  for (const auto& a : *it) {
    ASSIGN_OR_RETURN(Actor actor, ActorFromJson(a));
    out.push_back(std::move(actor));
  }
  return out;
}

}  // namespace

Result<Place> PlaceFromJson(const Json& j) {
  if (!j.is_object()) return Status::Invalid("location must be an object");
  Place p;
  RETURN_IF_ERROR(GetStr(j, "text", &p.text));
  RETURN_IF_ERROR(GetStr(j, "name", &p.name));
  RETURN_IF_ERROR(GetStr(j, "country", &p.country));
  RETURN_IF_ERROR(GetStr(j, "admin1", &p.admin1));
  RETURN_IF_ERROR(GetStr(j, "admin2", &p.admin2));
  if (j.contains("geonames_id") && j["geonames_id"].is_number_unsigned())
    p.geonames_id = j["geonames_id"].get<uint32_t>();
  if (j.contains("lat") && j["lat"].is_number()) p.lat = j["lat"].get<double>();
  if (j.contains("lon") && j["lon"].is_number()) p.lon = j["lon"].get<double>();
  std::string prec = "country";
  RETURN_IF_ERROR(GetStr(j, "precision", &prec));
  ASSIGN_OR_RETURN(p.precision, ParsePlacePrecision(prec));
  if (j.contains("regions") && j["regions"].is_array())
    for (const auto& r : j["regions"])
      if (r.is_string()) p.regions.push_back(r.get<std::string>());
  return p;
}

Json ToJson(const DateRange& d) {
  Json j;
  j["start"] = FormatDate(d.start);
  j["end"] = FormatDate(d.end);
  j["granularity"] = ToString(d.granularity);
  j["precision"] = ToString(d.precision);
  j["text"] = d.text;
  return j;
}

Json ToJson(const Actor& a) {
  Json j;
  j["text"] = a.text;
  j["name"] = a.name;
  j["code"] = a.code;
  j["country"] = a.country;
  if (!a.sector.empty()) j["sector"] = a.sector;
  j["kind"] = ToString(a.kind);
  return j;
}

Json ToJson(const Place& p) {
  Json j;
  j["text"] = p.text;
  j["name"] = p.name;
  j["country"] = p.country;
  if (!p.admin1.empty()) j["admin1"] = p.admin1;
  if (!p.admin2.empty()) j["admin2"] = p.admin2;
  if (p.geonames_id) j["geonames_id"] = *p.geonames_id;
  if (p.lat) j["lat"] = *p.lat;
  if (p.lon) j["lon"] = *p.lon;
  j["precision"] = ToString(p.precision);
  j["regions"] = p.regions;
  return j;
}

Json ToJson(const Event& e) {
  Json j;
  j["id"] = e.id;
  j["type"] = e.type;
  j["mode"] = e.mode;
  j["cameo"] = e.cameo;
  j["quad"] = e.quad;
  j["label"] = e.label;
  j["status"] = ToString(e.status);
  j["date"] = ToJson(e.date);
  j["actors"] = Json::array();
  for (const auto& a : e.actors) j["actors"].push_back(ToJson(a));
  j["recipients"] = Json::array();
  for (const auto& a : e.recipients) j["recipients"].push_back(ToJson(a));
  j["location"] = e.location ? ToJson(*e.location) : Json(nullptr);
  j["fatalities"] = e.fatalities ? Json(*e.fatalities) : Json(nullptr);
  j["size"] = e.size ? Json(*e.size) : Json(nullptr);
  j["summary"] = e.summary;
  j["language"] = e.language;
  j["confidence"] = e.confidence;
  if (!e.coder.empty()) j["coder"] = e.coder;  // unknown: left out
  j["sources"] = Json::array();
  for (const auto& s : e.sources) {
    Json js;
    js["article"] = s.article;
    js["url"] = s.url;
    js["publisher"] = s.publisher;
    js["published"] = s.published;
    js["sentence"] = s.sentence;
    js["start"] = s.start;
    js["end"] = s.end;
    js["quote"] = s.quote;
    j["sources"].push_back(std::move(js));
  }
  j["n_sources"] = e.n_sources;
  j["n_publishers"] = e.n_publishers;
  j["first_reported"] = e.first_reported;
  if (!e.merged_into.empty()) j["merged_into"] = e.merged_into;
  return j;
}

std::string ToJsonLine(const Event& e) {
  // Replace invalid UTF-8 rather than throw: output must never crash.
  return ToJson(e).dump(-1, ' ', false, Json::error_handler_t::replace);
}

Result<Event> EventFromJson(const Json& j) {
  if (!j.is_object()) return Status::Invalid("event must be a JSON object");
  Event e;
  RETURN_IF_ERROR(GetStr(j, "id", &e.id, true));
  RETURN_IF_ERROR(GetStr(j, "type", &e.type, true));
  RETURN_IF_ERROR(GetStr(j, "mode", &e.mode));
  RETURN_IF_ERROR(GetStr(j, "cameo", &e.cameo));
  RETURN_IF_ERROR(GetStr(j, "quad", &e.quad));
  RETURN_IF_ERROR(GetStr(j, "label", &e.label));
  std::string status = "occurred";
  RETURN_IF_ERROR(GetStr(j, "status", &status));
  ASSIGN_OR_RETURN(e.status, ParseEventStatus(status));
  if (!j.contains("date")) return Status::Invalid("missing field 'date'");
  ASSIGN_OR_RETURN(e.date, DateFromJson(j["date"]));
  ASSIGN_OR_RETURN(e.actors, ActorsFromJson(j, "actors"));
  ASSIGN_OR_RETURN(e.recipients, ActorsFromJson(j, "recipients"));
  if (j.contains("location") && !j["location"].is_null()) {
    ASSIGN_OR_RETURN(Place p, PlaceFromJson(j["location"]));
    e.location = std::move(p);
  }
  if (j.contains("fatalities") && j["fatalities"].is_number_integer())
    e.fatalities = j["fatalities"].get<long>();
  if (j.contains("size") && j["size"].is_number_integer())
    e.size = j["size"].get<long>();
  RETURN_IF_ERROR(GetStr(j, "summary", &e.summary));
  RETURN_IF_ERROR(GetStr(j, "language", &e.language));
  if (j.contains("confidence") && j["confidence"].is_number())
    e.confidence = j["confidence"].get<double>();
  RETURN_IF_ERROR(GetStr(j, "coder", &e.coder));
  if (j.contains("sources") && j["sources"].is_array()) {
    for (const auto& js : j["sources"]) {
      if (!js.is_object()) return Status::Invalid("source must be an object");
      Source s;
      RETURN_IF_ERROR(GetStr(js, "article", &s.article, true));
      RETURN_IF_ERROR(GetStr(js, "url", &s.url));
      RETURN_IF_ERROR(GetStr(js, "publisher", &s.publisher));
      RETURN_IF_ERROR(GetStr(js, "published", &s.published));
      RETURN_IF_ERROR(GetStr(js, "quote", &s.quote));
      if (js.contains("sentence") && js["sentence"].is_number_integer())
        s.sentence = js["sentence"].get<int>();
      if (js.contains("start") && js["start"].is_number_unsigned())
        s.start = js["start"].get<size_t>();
      if (js.contains("end") && js["end"].is_number_unsigned())
        s.end = js["end"].get<size_t>();
      e.sources.push_back(std::move(s));
    }
  }
  if (j.contains("n_sources") && j["n_sources"].is_number_integer())
    e.n_sources = j["n_sources"].get<int>();
  if (j.contains("n_publishers") && j["n_publishers"].is_number_integer())
    e.n_publishers = j["n_publishers"].get<int>();
  RETURN_IF_ERROR(GetStr(j, "first_reported", &e.first_reported));
  RETURN_IF_ERROR(GetStr(j, "merged_into", &e.merged_into));
  return e;
}

Result<Event> EventFromJsonText(std::string_view text) {
  Json j = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Status::Invalid("malformed JSON");
  return EventFromJson(j);
}

}  // namespace geotl::core
