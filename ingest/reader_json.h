// JSON pieces of the article reader: a depth-limited parse that reports where
// and why JSON is malformed, a splitter that walks the elements of a top-level
// array (with their line numbers) without parsing the whole file into one
// tree, and the article field rules (precedence flags > fields > derived).
// Pure functions and a single-owner splitter; thread-safe to use per thread.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/article.h"
#include "core/event_json.h"
#include "core/status.h"

namespace geotl::ingest {

struct ReadOverrides;

// Parses one JSON value. Nesting deeper than `max_depth` is refused without
// building it. On error: kInvalidArgument "malformed JSON: …" or "JSON nested
// deeper than N levels", and *error_line (if given) is the 1-based line in
// `text` where the problem was found.
core::Result<core::Json> ParseJsonLimited(std::string_view text, int max_depth,
                                          size_t* error_line = nullptr);

// Walks a document whose first non-blank byte is '['. Each call yields the
// next element's text and 1-based line, or an error (unterminated array,
// missing comma, trailing data) after which the walk ends.
class JsonArraySplitter {
 public:
  struct Element {
    std::string_view text;
    size_t line = 1;
  };
  explicit JsonArraySplitter(std::string_view doc);
  // nullopt when the array is done. Errors carry *error_line.
  std::optional<core::Result<Element>> Next(size_t* error_line);

 private:
  void SkipSpace();
  std::string_view doc_;
  size_t pos_ = 0;
  size_t line_ = 1;
  bool first_ = true;
  bool done_ = false;
};

// Command-line values that beat the article's own fields.
struct ReadOverrides {
  std::optional<core::Date> published;  // --published
  std::string language;  // --lang de|en; "" or "auto": the article's
  std::string source;    // --source
};

// Builds an article from the object `fields`. When `text` is given (the .txt
// of a sidecar, or a text_file), `fields` must not hold "text" itself.
// Checks types and values and fills derived values: the title (first
// non-empty line), the id ("a-" + SHA-256 of url, else of text). Errors are
// plain reasons ("missing 'published' …"), without file or line. Control
// characters in title and source become spaces (they end up in CSV, HTML and
// terminals).
core::Result<core::Article> BuildArticle(const core::Json& fields,
                                         const std::string* text,
                                         const ReadOverrides& overrides);

// Normalises a language value ("DE", "de-AT" -> "de"; "auto" -> ""). Error
// for anything that is not a 2-3 letter code.
core::Result<std::string> NormalizeLanguage(std::string_view s);

}  // namespace geotl::ingest
