// ArticleReader: turns command-line inputs (files, directories, "-" for
// stdin) into Articles by the input rules of docs/architecture.md ("Article
// input"): .txt with a same-stem .json sidecar, .json (object or array),
// .ndjson/.jsonl (one object per line), directories recursively in path
// order, flags > sidecar/object fields > derived values. Streams: NDJSON is
// read line by line, directories are listed when reached. Each bad file or
// line comes back as an error value "file:line: reason" and the rest goes on.
// Not thread-safe: one reader per thread.
//
//   ArticleReader reader({"examples/", "-"}, options);
//   while (auto item = reader.Next()) {
//     if (!item->ok()) { report(item->status().message()); continue; }
//     Use(item->value());
//   }
#pragma once

#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"
#include "core/status.h"
#include "ingest/reader_json.h"

namespace geotl::ingest {

struct ReaderOptions {
  ReadOverrides overrides;  // --published, --lang, --source
  // What "-" holds. kAuto: a JSON object or array, NDJSON, or (anything else)
  // the plain text of one article. kNdjson: NDJSON only (geotl extract).
  enum class StdinFormat { kAuto, kNdjson } stdin_format = StdinFormat::kAuto;
  std::istream* stdin_stream = nullptr;       // nullptr = std::cin
  size_t max_line_bytes = size_t{64} << 20;   // longer NDJSON lines: rejected
  size_t max_file_bytes = size_t{256} << 20;  // bigger .txt/.json: rejected
  int max_json_depth = 32;
};

class ArticleReader;
std::vector<core::Result<core::Article>> ReadArticlesFromBuffer(
    std::string_view data, std::string_view origin,
    const ReaderOptions& options);

class ArticleReader {
 public:
  ArticleReader(std::vector<std::string> inputs, ReaderOptions options);
  ~ArticleReader();
  ArticleReader(const ArticleReader&) = delete;
  ArticleReader& operator=(const ArticleReader&) = delete;

  // The next article or rejection in input order; nullopt when all input is
  // read. A rejection's message is "file:line: reason"; its code is
  // kInvalidArgument for bad input, kNotFound / kIOError for a named path
  // that does not exist or cannot be read. Article::origin is "file:line".
  std::optional<core::Result<core::Article>> Next();

 private:
  friend std::vector<core::Result<core::Article>> ReadArticlesFromBuffer(
      std::string_view, std::string_view, const ReaderOptions&);
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Articles from one in-memory document, as `geotl serve` receives them: a
// JSON object, a JSON array or NDJSON. `origin` names it in messages.
std::vector<core::Result<core::Article>> ReadArticlesFromBuffer(
    std::string_view data, std::string_view origin,
    const ReaderOptions& options);

}  // namespace geotl::ingest
