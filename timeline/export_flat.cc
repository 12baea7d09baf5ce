#include "timeline/export_flat.h"

#include <charconv>
#include <set>

#include "timeline/export.h"

namespace geotl::timeline {
namespace {

core::Json Names(const std::vector<core::Actor>& v) {
  core::Json a = core::Json::array();
  for (const auto& x : v) a.push_back(x.name.empty() ? x.text : x.name);
  return a;
}
core::Json Codes(const std::vector<core::Actor>& v) {
  core::Json a = core::Json::array();
  for (const auto& x : v) a.push_back(x.code);
  return a;
}
core::Json Countries(const std::vector<core::Actor>& v) {
  core::Json a = core::Json::array();
  std::set<std::string> seen;
  for (const auto& x : v)
    if (!x.country.empty() && seen.insert(x.country).second)
      a.push_back(x.country);
  return a;
}

}  // namespace

std::string NumberText(double v) {
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

const std::vector<std::string>& CsvColumns() {
  static const std::vector<std::string> k = {"id",
                                             "date_start",
                                             "date_end",
                                             "date_granularity",
                                             "date_precision",
                                             "date_text",
                                             "type",
                                             "mode",
                                             "label",
                                             "cameo",
                                             "quad",
                                             "status",
                                             "actors",
                                             "actor_codes",
                                             "actor_countries",
                                             "recipients",
                                             "recipient_codes",
                                             "recipient_countries",
                                             "location",
                                             "location_country",
                                             "location_admin1",
                                             "latitude",
                                             "longitude",
                                             "location_precision",
                                             "regions",
                                             "fatalities",
                                             "size",
                                             "summary",
                                             "language",
                                             "confidence",
                                             "coder",
                                             "n_sources",
                                             "n_publishers",
                                             "first_reported",
                                             "publishers",
                                             "urls",
                                             "articles",
                                             "quote"};
  return k;
}

core::Json FlatRecord(const core::Event& e) {
  core::Json j;
  j["id"] = e.id;
  j["date_start"] = core::FormatDate(e.date.start);
  j["date_end"] = core::FormatDate(e.date.end);
  j["date_granularity"] = ToString(e.date.granularity);
  j["date_precision"] = ToString(e.date.precision);
  j["date_text"] = e.date.text;
  j["type"] = e.type;
  j["mode"] = e.mode;
  j["label"] = e.label;
  j["cameo"] = e.cameo;
  j["quad"] = e.quad;
  j["status"] = ToString(e.status);
  j["actors"] = Names(e.actors);
  j["actor_codes"] = Codes(e.actors);
  j["actor_countries"] = Countries(e.actors);
  j["recipients"] = Names(e.recipients);
  j["recipient_codes"] = Codes(e.recipients);
  j["recipient_countries"] = Countries(e.recipients);
  const core::Place* p = e.location ? &*e.location : nullptr;
  j["location"] = p ? p->name : "";
  j["location_country"] = p ? p->country : "";
  j["location_admin1"] = p ? p->admin1 : "";
  j["latitude"] = p && p->lat ? core::Json(*p->lat) : core::Json(nullptr);
  j["longitude"] = p && p->lon ? core::Json(*p->lon) : core::Json(nullptr);
  j["location_precision"] = p ? std::string(ToString(p->precision)) : "";
  j["regions"] = p ? core::Json(p->regions) : core::Json::array();
  j["fatalities"] =
      e.fatalities ? core::Json(*e.fatalities) : core::Json(nullptr);
  j["size"] = e.size ? core::Json(*e.size) : core::Json(nullptr);
  j["summary"] = e.summary;
  j["language"] = e.language;
  j["confidence"] = e.confidence;
  j["coder"] = e.coder;
  j["n_sources"] = e.n_sources;
  j["n_publishers"] = e.n_publishers;
  j["first_reported"] = e.first_reported;
  core::Json pubs = core::Json::array(), urls = core::Json::array(),
             arts = core::Json::array();
  std::set<std::string> sp, su, sa;
  for (const auto& s : e.sources) {
    if (!s.publisher.empty() && sp.insert(s.publisher).second)
      pubs.push_back(s.publisher);
    if (!s.url.empty() && su.insert(s.url).second) urls.push_back(s.url);
    if (sa.insert(s.article).second) arts.push_back(s.article);
  }
  j["publishers"] = pubs;
  j["urls"] = urls;
  j["articles"] = arts;
  j["quote"] = e.sources.empty() ? "" : e.sources.front().quote;
  return j;
}

}  // namespace geotl::timeline
