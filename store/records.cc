// Encodings of the small records of the store: event locators, article
// records, article fingerprints, and the key plan of one event.
#include <algorithm>

#include "core/event_json.h"
#include "core/sha256.h"
#include "store/rocks_store.h"

namespace geotl::store {

const char* const kCfNames[kNumCf] = {
    "default",    "meta",      "articles",       "events",
    "idx_date",   "idx_actor", "idx_country",    "idx_region",
    "idx_type",   "counts",    "evidence",       "idx_evidence",
    "tombstones", "changes",   "idx_actor_type", "idx_dyad"};

Cf FamilyCf(IndexFamily f) {
  switch (f) {
    case IndexFamily::kDate:
      return kCfIdxDate;
    case IndexFamily::kActor:
      return kCfIdxActor;
    case IndexFamily::kCountry:
      return kCfIdxCountry;
    case IndexFamily::kRegion:
      return kCfIdxRegion;
    case IndexFamily::kType:
      return kCfIdxType;
    case IndexFamily::kActorType:
      return kCfIdxActorType;
    case IndexFamily::kDyad:
      return kCfIdxDyad;
  }
  return kCfIdxDate;
}

bool FamilyCovering(IndexFamily f) {
  // Type and country entries are key-only: their queries are rarer and the
  // value is fetched from idx_date (see docs/key_format.md).
  return CfCovering(FamilyCf(f));
}

bool CfCovering(Cf c) {
  return c == kCfIdxDate || c == kCfIdxActor || c == kCfIdxRegion;
}

std::string EncodeLocator(const Locator& l) {
  std::string v;
  v.push_back(char(l.cls));
  PutBE32(&v, l.start);
  PutBE32(&v, l.end);
  v += l.article;
  return v;
}

bool DecodeLocator(std::string_view v, Locator* out) {
  if (v.size() < 9 || static_cast<unsigned char>(v[0]) >= kNumClasses)
    return false;
  out->cls = v[0];
  out->start = GetBE32(v.data() + 1);
  out->end = GetBE32(v.data() + 5);
  out->article.assign(v.substr(9));
  return true;
}

EventWrites PlanEvent(std::string_view id, uint32_t start, uint32_t end,
                      const EventView& v) {
  EventWrites w;
  int cls = ClassIndex(start, end);
  w.date_key = IndexKey("", cls, start, end, id);
  IndexCodes codes = CodesOf(v);
  w.keys.emplace_back(kCfIdxDate, w.date_key);
  for (const auto& c : codes.actor)
    w.keys.emplace_back(kCfIdxActor, IndexKey(c, cls, start, end, id));
  for (const auto& c : codes.country)
    w.keys.emplace_back(kCfIdxCountry, IndexKey(c, cls, start, end, id));
  for (const auto& c : codes.region_index)
    w.keys.emplace_back(kCfIdxRegion, IndexKey(c, cls, start, end, id));
  for (const auto& c : codes.type)
    w.keys.emplace_back(kCfIdxType, IndexKey(c, cls, start, end, id));
  for (const auto& c : codes.actor_type)
    w.keys.emplace_back(kCfIdxActorType, IndexKey(c, cls, start, end, id));
  for (const auto& c : codes.dyad)
    w.keys.emplace_back(kCfIdxDyad, IndexKey(c, cls, start, end, id));
  for (const auto& [outer, inner] : codes.region_links)
    w.counter_keys.push_back(RegionLinkKey(outer, inner));
  core::Date d = core::FromDayKey(start);
  uint32_t month = uint32_t(d.year()) * 12 + uint32_t(d.month()) - 1;
  uint8_t status = uint8_t(v.status);
  auto add = [&](CountDim dim, std::string_view code) {
    w.counter_keys.push_back(CounterKey(dim, code, 'd', start, v.type, status));
    w.counter_keys.push_back(CounterKey(dim, code, 'm', month, v.type, status));
    w.counter_keys.push_back(CounterKey(dim, code, 'T', 0, v.type, status));
    // Months summed over types: dashboards rarely filter by type.
    w.counter_keys.push_back(
        CounterKey(dim, code, 'n', month, kAllTypes, status));
  };
  add(CountDim::kAll, "");
  for (const auto& c : codes.actor) add(CountDim::kActor, c);
  for (const auto& c : codes.country) add(CountDim::kCountry, c);
  for (const auto& c : codes.region) add(CountDim::kRegion, c);
  return w;
}

std::string ArticleFingerprint(const core::Article& a,
                               const std::vector<std::string>& values) {
  std::vector<std::string_view> views(values.begin(), values.end());
  return ArticleFingerprint(a, views.data(), views.size());
}

std::string ArticleFingerprint(const core::Article& a,
                               const std::string_view* values, size_t n) {
  std::string s;
  for (const std::string* f :
       {&a.id, &a.url, &a.title, &a.language, &a.source, &a.coder}) {
    s += *f;
    s.push_back('\0');
  }
  s += core::Sha256Hex(a.text);
  s += core::FormatDate(a.published);
  for (size_t i = 0; i < n; ++i) {
    s.push_back('\n');
    s += values[i];
  }
  return core::Sha256Hex(s);
}

std::string CommonCoder(const std::vector<core::Event>& events) {
  if (events.empty()) return "";
  for (const core::Event& e : events)
    if (e.coder != events[0].coder) return "";
  return events[0].coder;
}

bool ValidUtf8(std::string_view s) {
  // RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF (what
  // nlohmann's serializer accepts without replacing).
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t n;
    unsigned char lo = 0x80, hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) {
      n = 1;
    } else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      if (c == 0xe0) lo = 0xa0;
      if (c == 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      if (c == 0xf0) lo = 0x90;
      if (c == 0xf4) hi = 0x8f;
    } else {
      return false;
    }
    if (i + n >= s.size()) return false;  // truncated sequence
    for (size_t k = 1; k <= n; ++k) {
      unsigned char b = s[i + k];
      if (k == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xbf)) return false;
    }
    i += n + 1;
  }
  return true;
}

std::string EncodeArticleRecord(const core::Article& a, const std::string& fp,
                                const std::vector<std::string>& event_ids) {
  core::Json j;
  j["id"] = a.id;
  j["url"] = a.url;
  j["title"] = a.title;
  j["published"] =
      a.published.is_special() ? "" : core::FormatDate(a.published);
  j["language"] = a.language;
  j["source"] = a.source;
  j["text_bytes"] = a.text.size();
  j["fingerprint"] = fp;
  j["events"] = event_ids;
  j["coder"] = a.coder;
  // The text, for `geotl recode`: JSON carries valid UTF-8 only (the readers
  // accept nothing else); the family's zstd compresses it.
  if (!a.text.empty() && ValidUtf8(a.text)) j["text"] = a.text;
  return j.dump(-1, ' ', false, core::Json::error_handler_t::replace);
}

namespace {

core::Result<core::Json> ParseArticleJson(std::string_view v) {
  core::Json j = core::Json::parse(v, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("fingerprint") ||
      !j["fingerprint"].is_string() || !j.contains("events") ||
      !j["events"].is_array())
    return core::Status::Corruption("malformed article record");
  for (const auto& e : j["events"])
    if (!e.is_string())
      return core::Status::Corruption("malformed article record");
  return j;
}

std::string StrField(const core::Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

}  // namespace

core::Result<ArticleRecord> DecodeArticleRecord(std::string_view v) {
  ASSIGN_OR_RETURN(core::Json j, ParseArticleJson(v));
  ArticleRecord r;
  r.fingerprint = j["fingerprint"].get<std::string>();
  for (const auto& e : j["events"]) r.event_ids.push_back(e.get<std::string>());
  return r;
}

core::Result<StoredArticle> DecodeStoredArticle(std::string_view v) {
  ASSIGN_OR_RETURN(core::Json j, ParseArticleJson(v));
  StoredArticle s;
  core::Article& a = s.article;
  a.id = StrField(j, "id");
  a.url = StrField(j, "url");
  a.title = StrField(j, "title");
  std::string published = StrField(j, "published");
  if (!published.empty()) {
    auto d = core::ParseIsoDay(published);
    if (!d.ok()) return core::Status::Corruption("malformed article record");
    a.published = *d;
  }
  a.language = StrField(j, "language");
  a.source = StrField(j, "source");
  a.coder = StrField(j, "coder");  // absent in records of earlier geotls
  if (auto it = j.find("text"); it != j.end() && it->is_string()) {
    a.text = it->get<std::string>();
    s.has_text = true;
  }
  for (const auto& e : j["events"]) s.event_ids.push_back(e.get<std::string>());
  return s;
}

core::Status FromRocks(const rocksdb::Status& s, std::string_view what) {
  if (s.ok()) return core::Status::Ok();
  std::string m = std::string(what) + ": " + s.ToString();
  if (s.IsCorruption()) return core::Status::Corruption(m);
  if (s.IsNotFound()) return core::Status::NotFound(m);
  if (s.IsNotSupported()) return core::Status(core::Code::kUnsupported, m);
  if (s.IsInvalidArgument()) return core::Status::Invalid(m);
  if (s.IsIOError()) return core::Status::IOError(m);
  return core::Status::Internal(m);
}

}  // namespace geotl::store
