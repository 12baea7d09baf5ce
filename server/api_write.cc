// Write endpoints: POST /v1/articles and DELETE /v1/articles/{id}. Both need
// the bearer token; the store writes each article as one WriteBatch, so a
// concurrent read sees all of an article or none of it.
#include "server/api_write.h"

#include "ingest/reader.h"
#include "server/auth.h"
#include "timeline/query.h"

namespace geotl::server {
namespace {

// 401 / 403 for a request that may not write, nullopt when it may.
std::optional<ApiResponse> RefuseWrite(const ApiContext& ctx,
                                       const ApiRequest& req) {
  switch (CheckBearer(req.authorization, ctx.token)) {
    case AuthOutcome::kOk:
      return std::nullopt;
    case AuthOutcome::kNotConfigured: {
      ApiResponse r = ErrorResponse(
          403, "this server takes no writes: start it with --token-file");
      return r;
    }
    case AuthOutcome::kUnauthorized:
      break;
  }
  ApiResponse r = ErrorResponse(
      401, "missing or wrong token: send 'Authorization: Bearer <token>'");
  return r;
}

// The single value of an optional parameter; a repeated one is an error.
core::Result<std::optional<std::string>> OneValue(const Params& params,
                                                  const std::string& name) {
  auto it = params.find(name);
  if (it == params.end() || it->second.empty())
    return std::optional<std::string>();
  if (it->second.size() > 1)
    return core::Status::Invalid(name + ": give it at most once");
  return std::optional<std::string>(it->second.front());
}

// ?published=&lang=&source= : the CLI's ingest flags, beating the articles'
// own fields. Error messages start with the parameter's name.
core::Result<ingest::ReaderOptions> ReaderOptionsFrom(const Params& params,
                                                      std::string* bad_param) {
  ingest::ReaderOptions opt;
  for (const auto& [name, values] : params) {
    if (name != "published" && name != "lang" && name != "source" &&
        name != "min_confidence") {
      *bad_param = name;
      return core::Status::Invalid(
          "unknown parameter '" + name +
          "' (POST takes published, lang, source, min_confidence)");
    }
  }
  for (const char* name : {"published", "lang", "source"}) {
    auto v = OneValue(params, name);
    if (!v.ok()) {
      *bad_param = name;
      return v.status();
    }
    if (!v->has_value()) continue;
    const std::string& value = **v;
    *bad_param = name;
    if (std::string_view(name) == "published") {
      auto d = core::ParsePublished(value);
      if (!d.ok())
        return core::Status::Invalid(
            "published: not an ISO date or date-time: '" + value + "'");
      opt.overrides.published = *d;
    } else if (std::string_view(name) == "lang") {
      auto l = ingest::NormalizeLanguage(value);
      if (!l.ok())
        return core::Status::Invalid("lang: " + l.status().message());
      opt.overrides.language = *l;
    } else {
      opt.overrides.source = value;
    }
  }
  bad_param->clear();
  return opt;
}

}  // namespace

ApiResponse PostArticles(const ApiContext& ctx, const ApiRequest& req) {
  if (auto refused = RefuseWrite(ctx, req)) return *refused;
  std::string bad_param;
  auto opt = ReaderOptionsFrom(req.params, &bad_param);
  if (!opt.ok()) return ErrorResponse(400, opt.status().message(), bad_param);
  // ?min_confidence= as `geotl ingest --min-confidence`: events below it are
  // not stored.
  double min_confidence = core::kDefaultMinConfidence;
  auto mc = OneValue(req.params, "min_confidence");
  if (!mc.ok())
    return ErrorResponse(400, mc.status().message(), "min_confidence");
  if (mc->has_value()) {
    auto v = timeline::ParseMinConfidence(**mc);
    if (!v.ok())
      return ErrorResponse(400, v.status().message(), "min_confidence");
    min_confidence = *v;
  }
  if (ctx.coder == nullptr)
    return ErrorResponse(503, "this server has no event coder loaded");

  auto read = ReadArticlesFromBuffer(req.body, "body", *opt);
  std::vector<core::Article> articles;
  articles.reserve(read.size());
  // All or nothing at the request level: one bad article refuses the request
  // before anything is written, so a client can fix and resend all of it.
  for (auto& r : read) {
    if (!r.ok()) return ErrorResponse(400, r.status().message(), "body");
    articles.push_back(std::move(r).value());
  }
  if (articles.empty())
    return ErrorResponse(400, "no article in the request body", "body");
  for (const core::Article& a : articles)
    if (a.text.size() > ingest::kMaxCodedTextBytes)
      return ErrorResponse(413,
                           "article " + a.id + ": text is " +
                               std::to_string(a.text.size()) +
                               " bytes, more than the " +
                               std::to_string(ingest::kMaxCodedTextBytes) +
                               " geotl codes (split the article)",
                           "body");

  // Coding is pure CPU work on the article: it runs outside the write lock,
  // so concurrent POSTs only queue for the store write itself.
  std::vector<std::vector<core::Event>> events;
  events.reserve(articles.size());
  for (core::Article& a : articles)
    events.push_back(CodeForStore(*ctx.coder, &a, min_confidence));

  core::Json ids = core::Json::array();
  size_t n_events = 0;
  {
    std::lock_guard<std::mutex> lock(*ctx.write_mu);
    for (size_t i = 0; i < articles.size(); ++i) {
      auto put = ctx.store->PutArticle(articles[i], events[i]);
      // Articles before this one are committed (each is its own batch); say
      // which, so the client knows what to resend.
      if (!put.ok())
        return ErrorResponse(500, "storing " + articles[i].id +
                                      " failed after " + std::to_string(i) +
                                      " stored: " + put.status().message());
      ids.push_back(articles[i].id);
      n_events += put->events;
    }
  }
  return JsonResponse(
      201,
      core::Json{{"data", {{"articles", std::move(ids)}, {"events", n_events}}},
                 {"meta", {{"as_of", AsOf(*ctx.store)}}}});
}

ApiResponse DeleteArticle(const ApiContext& ctx, const ApiRequest& req) {
  if (auto refused = RefuseWrite(ctx, req)) return *refused;
  const std::string& id = req.path_args.at(0);
  core::Status st;
  {
    std::lock_guard<std::mutex> lock(*ctx.write_mu);
    st = ctx.store->DeleteArticle(id);
  }
  if (st.code() == core::Code::kNotFound)
    return ErrorResponse(404, "no article " + id);
  if (!st.ok()) return StatusResponse(st);
  return JsonResponse(200,
                      core::Json{{"data", {{"article", id}, {"deleted", true}}},
                                 {"meta", {{"as_of", AsOf(*ctx.store)}}}});
}

}  // namespace geotl::server
