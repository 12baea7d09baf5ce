// The bodies of the libFuzzer targets (docs/reliability.md), shared by the
// fuzz_<name> binaries and by the fast suite, which replays the seed corpus and
// every regression input (tests/hostile/fuzz_regression_test.cc) in every
// build, the sanitizer build included. Each returns "" when the input kept the
// contract, else what it broke. Not thread-safe (function-local state).
#pragma once

#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <regex>
#include <string>
#include <string_view>

#include "core/event_json.h"
#include "ingest/coder.h"
#include "ingest/reader.h"
#include "ingest/time/timex.h"
#include "server/api.h"
#include "store/store.h"
#include "timeline/query.h"

namespace geotl::fuzz {

// The article reader on one in-memory document (JSON object, array, NDJSON
// or text): every input is articles or error values "origin:line: reason".
inline std::string FuzzReader(std::string_view doc) {
  ingest::ReaderOptions options;
  options.max_line_bytes = 1 << 20;
  for (const auto& item : ReadArticlesFromBuffer(doc, "fuzz", options)) {
    if (item.ok()) {
      if (item.value().text.empty()) return "article with an empty text";
      if (item.value().id.empty()) return "article without an id";
    } else if (item.status().message().rfind("fuzz", 0) != 0) {
      return "error without its origin: " + item.status().message();
    }
  }
  return "";
}

// The temporal normaliser on arbitrary bytes, both languages: offsets
// inside the document, ranges ordered.
inline std::string FuzzTime(std::string_view doc) {
  static auto normalizer = ingest::time::TimeNormalizer::Load("");
  if (!normalizer.ok()) return "cannot load: " + normalizer.status().message();
  core::Date dct(2013, 11, 4);
  for (const char* lang : {"de", "en"}) {
    for (const auto& t : (*normalizer)->Find(doc, dct, lang)) {
      if (t.start > t.end || t.end > doc.size()) return "offsets outside";
      if (t.range && t.range->end < t.range->start) return "range end < start";
    }
  }
  return "";
}

// The whole coder (text preparation, recognisers, dates, triggers) on
// arbitrary UTF-8 or garbage: source offsets inside the text, dates ordered,
// every event serialisable.
inline std::string FuzzCoder(std::string_view text) {
  static auto coder = ingest::Coder::Load(ingest::CoderOptions{});
  if (!coder.ok()) return "cannot load: " + coder.status().message();
  core::Article a;
  a.id = "fuzz";
  a.text.assign(text);
  a.published = core::Date(2013, 11, 4);
  a.language = text.size() % 2 ? "de" : "en";
  for (const auto& e : (*coder)->Code(a)) {
    for (const auto& s : e.sources)
      if (s.start > s.end || s.end > a.text.size()) return "source offsets";
    if (e.date.end < e.date.start) return "date end < start";
    if (ToJsonLine(e).empty()) return "empty JSON";
  }
  return "";
}

// Splits "name=value" lines.
template <typename Add>
void ForEachParam(std::string_view in, Add add) {
  while (!in.empty()) {
    size_t nl = in.find('\n');
    std::string_view line = in.substr(0, nl);
    in = nl == std::string_view::npos ? std::string_view() : in.substr(nl + 1);
    size_t eq = line.find('=');
    if (eq != std::string_view::npos)
      add(std::string(line.substr(0, eq)), std::string(line.substr(eq + 1)));
  }
}

// The query/filter parser on "name=value" lines: a Query or an error.
inline std::string FuzzQuery(std::string_view in) {
  timeline::Params params;
  ForEachParam(in, [&](std::string k, std::string v) {
    params.emplace(std::move(k), std::move(v));
  });
  auto q = timeline::ParseQuery(params);
  if (!q.ok()) {
    if (q.status().message().empty()) return "error without a message";
    (void)timeline::ErrorParameter(q.status());
  }
  return "";
}

// The HTTP handlers (server/api.h) on a small store. Input: first line
// "METHOD path", then "name=value" lines, a blank line and the body. Every
// request gets a status code; a JSON answer is valid JSON.
class HttpWorld {
 public:
  explicit HttpWorld(std::string dir) : dir_(std::move(dir)) {
    std::filesystem::remove_all(dir_);
    auto store = store::Store::Open(dir_, store::StoreOptions{});
    auto coder = ingest::Coder::Load(ingest::CoderOptions{});
    if (store.ok()) store_ = std::move(store).value();
    if (coder.ok()) coder_ = *coder;
    routes_ = server::ApiRoutes();
    for (const auto& r : routes_) patterns_.emplace_back(r.pattern);
  }
  ~HttpWorld() {
    store_.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

  std::string Run(std::string_view input) {
    if (!store_ || !coder_) return "cannot open the store or load the coder";
    std::string in(input);
    size_t nl = in.find('\n');
    std::string first = in.substr(0, nl);
    std::string rest = nl == std::string::npos ? "" : in.substr(nl + 1);
    size_t sp = first.find(' ');
    if (sp == std::string::npos) return "";
    std::string method = first.substr(0, sp), path = first.substr(sp + 1);
    server::Method m = method == "POST"     ? server::Method::kPost
                       : method == "DELETE" ? server::Method::kDelete
                                            : server::Method::kGet;
    size_t body_at = rest.find("\n\n");
    std::string head = rest.substr(0, body_at);
    std::string body =
        body_at == std::string::npos ? "" : rest.substr(body_at + 2);
    server::ApiRequest req;
    ForEachParam(head, [&](std::string k, std::string v) {
      req.params[std::move(k)].push_back(std::move(v));
    });
    req.body = body;
    req.authorization = "Bearer fuzz-token";
    server::ApiContext ctx;
    ctx.store = store_.get();
    ctx.coder = coder_;
    ctx.token = std::string("fuzz-token");
    ctx.write_mu = &mu_;
    for (size_t i = 0; i < routes_.size(); ++i) {
      std::smatch match;
      if (routes_[i].method != m ||
          !std::regex_match(path, match, patterns_[i]))
        continue;
      for (size_t k = 1; k < match.size(); ++k)
        req.path_args.push_back(match[k]);
      auto resp = routes_[i].handler(ctx, req);
      if (resp.status < 100 || resp.status > 599) return "bad status code";
      if (resp.content_type.rfind("application/json", 0) == 0 &&
          core::Json::parse(resp.body, nullptr, false).is_discarded())
        return "invalid JSON answer: " + resp.body.substr(0, 200);
      break;
    }
    return "";
  }

 private:
  std::string dir_;
  std::unique_ptr<store::Store> store_;
  std::shared_ptr<const ingest::Coder> coder_;
  std::mutex mu_;
  std::vector<server::Route> routes_;
  std::vector<std::regex> patterns_;
};

}  // namespace geotl::fuzz
