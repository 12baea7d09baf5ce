#include "core/article_json.h"

#include "core/event_json.h"

namespace geotl::core {

std::string ArticleToJsonLine(const Article& a) {
  Json j;
  j["id"] = a.id;
  j["url"] = a.url;
  j["title"] = a.title;
  j["published"] = FormatDate(a.published);
  j["language"] = a.language;
  j["source"] = a.source;
  j["coder"] = a.coder;
  j["text"] = a.text;
  // replace: a text that is not valid UTF-8 must not end the run; the store
  // keeps no text for such an article anyway (StoredArticle::has_text).
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Result<Article> ArticleFromJsonText(std::string_view text) {
  Json j = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object())
    return Status::Invalid("article record is not a JSON object");
  Article a;
  std::string published;
  struct Field {
    const char* key;
    std::string* out;
  };
  for (const Field& f :
       {Field{"id", &a.id}, Field{"url", &a.url}, Field{"title", &a.title},
        Field{"published", &published}, Field{"language", &a.language},
        Field{"source", &a.source}, Field{"coder", &a.coder},
        Field{"text", &a.text}}) {
    auto it = j.find(f.key);
    if (it == j.end() || it->is_null()) continue;
    if (!it->is_string())
      return Status::Invalid(std::string("field '") + f.key +
                             "' must be a string");
    *f.out = it->get<std::string>();
  }
  if (a.id.empty()) return Status::Invalid("article record without 'id'");
  auto d = ParseIsoDay(published);
  if (!d.ok())
    return Status::Invalid("field 'published': " + d.status().message());
  a.published = *d;
  return a;
}

}  // namespace geotl::core
