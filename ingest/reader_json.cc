#include "ingest/reader_json.h"

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "ingest/reader_text.h"

namespace geotl::ingest {
namespace {

// SAX handler that builds the DOM through nlohmann's own builder but stops at
// a depth limit and keeps the parse error instead of throwing.
class LimitedSax {
 public:
  LimitedSax(core::Json* root, int max_depth)
      : dom_(*root, false), max_(max_depth) {}

  bool null() { return dom_.null(); }
  bool boolean(bool v) { return dom_.boolean(v); }
  bool number_integer(core::Json::number_integer_t v) {
    return dom_.number_integer(v);
  }
  bool number_unsigned(core::Json::number_unsigned_t v) {
    return dom_.number_unsigned(v);
  }
  bool number_float(core::Json::number_float_t v, const std::string& s) {
    return dom_.number_float(v, s);
  }
  bool string(std::string& v) { return dom_.string(v); }
  bool binary(core::Json::binary_t& v) { return dom_.binary(v); }
  bool key(std::string& k) { return dom_.key(k); }
  bool start_object(std::size_t n) { return Enter() && dom_.start_object(n); }
  bool end_object() {
    --depth_;
    return dom_.end_object();
  }
  bool start_array(std::size_t n) { return Enter() && dom_.start_array(n); }
  bool end_array() {
    --depth_;
    return dom_.end_array();
  }
  bool parse_error(std::size_t, const std::string&,
                   const nlohmann::detail::exception& ex) {
    error_ = ex.what();
    return false;
  }

  bool too_deep() const { return too_deep_; }
  const std::string& error() const { return error_; }

 private:
  bool Enter() {
    if (++depth_ > max_) {
      too_deep_ = true;
      return false;
    }
    return true;
  }
  nlohmann::detail::json_sax_dom_parser<core::Json> dom_;
  int max_;
  int depth_ = 0;
  bool too_deep_ = false;
  std::string error_;
};

// "[json.exception.parse_error.101] parse error at line 2, column 5: syntax
// error while parsing value - invalid literal; last read: '…'" ->
// "syntax error while parsing value - invalid literal (column 5)", line 2.
std::string TidyParseError(const std::string& what, size_t* line) {
  std::string msg = what;
  size_t l = 1, c = 0;
  size_t at = msg.find(" at line ");
  if (at != std::string::npos) {
    const char* p = msg.c_str() + at + 9;
    char* end = nullptr;
    l = std::strtoul(p, &end, 10);
    if (end && std::strncmp(end, ", column ", 9) == 0)
      c = std::strtoul(end + 9, &end, 10);
    size_t colon = msg.find(": ", at);
    if (colon != std::string::npos) msg = msg.substr(colon + 2);
  } else if (msg.rfind("[json.exception", 0) == 0) {
    size_t close = msg.find("] ");
    if (close != std::string::npos) msg = msg.substr(close + 2);
  }
  // The echoed input may be long or not valid UTF-8: leave it out.
  size_t last = msg.find("; last read");
  if (last != std::string::npos) msg.resize(last);
  if (line) *line = l == 0 ? 1 : l;
  if (c > 0) msg += " (column " + std::to_string(c) + ")";
  return msg;
}

bool IsJsonSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Optional string field: absent or null -> untouched.
core::Status GetString(const core::Json& j, const char* key, std::string* out) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return core::Status::Ok();
  if (!it->is_string())
    return core::Status::Invalid(std::string("'") + key +
                                 "' must be a string, got " + it->type_name());
  *out = it->get<std::string>();
  return core::Status::Ok();
}

bool HasControl(std::string_view s) {
  for (unsigned char c : s)
    if (c < 0x20 || c == 0x7f) return true;
  return false;
}

// C0 controls and DEL -> ' ' (UTF-8 continuation bytes are >= 0x80).
void BlankControls(std::string* s) {
  for (char& c : *s)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
}

}  // namespace

core::Result<core::Json> ParseJsonLimited(std::string_view text, int max_depth,
                                          size_t* error_line) {
  core::Json root;
  LimitedSax sax(&root, max_depth);
  bool ok = core::Json::sax_parse(text.begin(), text.end(), &sax);
  if (ok) return root;
  if (sax.too_deep()) {
    if (error_line) *error_line = 1;
    return core::Status::Invalid("JSON nested deeper than " +
                                 std::to_string(max_depth) + " levels");
  }
  return core::Status::Invalid("malformed JSON: " +
                               TidyParseError(sax.error(), error_line));
}

JsonArraySplitter::JsonArraySplitter(std::string_view doc) : doc_(doc) {
  SkipSpace();
  if (pos_ < doc_.size() && doc_[pos_] == '[') {
    ++pos_;
  } else {
    done_ = true;
  }
}

void JsonArraySplitter::SkipSpace() {
  while (pos_ < doc_.size() && IsJsonSpace(doc_[pos_])) {
    if (doc_[pos_] == '\n') ++line_;
    ++pos_;
  }
}

std::optional<core::Result<JsonArraySplitter::Element>> JsonArraySplitter::Next(
    size_t* error_line) {
  if (done_) return std::nullopt;
  SkipSpace();
  auto fail = [&](std::string why) -> std::optional<core::Result<Element>> {
    done_ = true;
    *error_line = line_;
    return core::Result<Element>(core::Status::Invalid(std::move(why)));
  };
  if (pos_ >= doc_.size()) return fail("malformed JSON: unterminated array");
  if (doc_[pos_] == ']') {
    ++pos_;
    done_ = true;
    SkipSpace();
    if (pos_ < doc_.size()) {
      *error_line = line_;
      return core::Result<Element>(core::Status::Invalid(
          "malformed JSON: trailing data after the array"));
    }
    return std::nullopt;
  }
  if (!first_) {
    if (doc_[pos_] != ',')
      return fail("malformed JSON: expected ',' or ']' between array elements");
    ++pos_;
    SkipSpace();
    if (pos_ >= doc_.size()) return fail("malformed JSON: unterminated array");
  }
  first_ = false;
  // Scan one element: strings and bracket depth only; the element's own
  // parse reports everything else.
  Element e;
  e.line = line_;
  size_t start = pos_;
  int depth = 0;
  bool in_string = false;
  for (; pos_ < doc_.size(); ++pos_) {
    char c = doc_[pos_];
    if (c == '\n') ++line_;
    if (in_string) {
      if (c == '\\') {
        if (pos_ + 1 < doc_.size() && doc_[pos_ + 1] == '\n') ++line_;
        ++pos_;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      if (depth == 0) break;
      if (--depth == 0) {  // a compound element ends with its bracket
        ++pos_;
        break;
      }
    } else if (c == ',' && depth == 0) {
      break;
    }
  }
  if (pos_ >= doc_.size() && (in_string || depth > 0)) {
    *error_line = e.line;
    done_ = true;
    return core::Result<Element>(core::Status::Invalid(
        in_string ? "malformed JSON: unterminated string"
                  : "malformed JSON: unterminated object or array"));
  }
  size_t end = pos_;
  while (end > start && IsJsonSpace(doc_[end - 1])) --end;
  e.text = doc_.substr(start, end - start);
  if (e.text.empty()) return fail("malformed JSON: empty array element");
  return core::Result<Element>(e);
}

core::Result<std::string> NormalizeLanguage(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '-' || c == '_') break;
    out.push_back(
        static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  if (out == "auto" || (out.empty() && s.empty())) return std::string();
  bool ok = out.size() >= 2 && out.size() <= 3;
  for (char c : out) ok = ok && c >= 'a' && c <= 'z';
  if (!ok)
    return core::Status::Invalid(
        "'language' must be a language code like \"de\" or "
        "\"en\", got '" +
        std::string(s.substr(0, 20)) + "'");
  return out;
}

core::Result<core::Article> BuildArticle(const core::Json& fields,
                                         const std::string* text,
                                         const ReadOverrides& overrides) {
  if (!fields.is_object())
    return core::Status::Invalid(
        std::string("expected an article object, got ") + fields.type_name());
  core::Article a;
  if (text) {
    if (fields.contains("text"))
      return core::Status::Invalid("a sidecar must not contain 'text'");
    a.text = *text;
  } else {
    auto it = fields.find("text");
    if (it == fields.end() || it->is_null())
      return core::Status::Invalid("missing 'text'");
    if (!it->is_string())
      return core::Status::Invalid(
          std::string("'text' must be a string, got ") + it->type_name());
    a.text = it->get<std::string>();
    if (a.text.find('\0') != std::string::npos)
      return core::Status::Invalid("text contains a NUL byte");
  }
  if (IsBlank(a.text)) return core::Status::Invalid("empty text");

  std::string id, published, language;
  RETURN_IF_ERROR(GetString(fields, "id", &id));
  RETURN_IF_ERROR(GetString(fields, "url", &a.url));
  RETURN_IF_ERROR(GetString(fields, "title", &a.title));
  RETURN_IF_ERROR(GetString(fields, "published", &published));
  RETURN_IF_ERROR(GetString(fields, "language", &language));
  RETURN_IF_ERROR(GetString(fields, "source", &a.source));
  if (fields.contains("id") && !fields["id"].is_null()) {
    if (id.empty() || id.size() > 256 || HasControl(id))
      return core::Status::Invalid(
          "'id' must be 1 to 256 bytes without control characters");
  }

  if (overrides.published) {
    a.published = *overrides.published;
  } else if (published.empty()) {
    return core::Status::Invalid(
        "missing 'published' (give it in the article, its sidecar or with "
        "--published)");
  } else {
    auto d = core::ParsePublished(published);
    if (!d.ok()) return core::Status::Invalid("bad " + d.status().message());
    a.published = *d;
  }

  if (!overrides.language.empty() && overrides.language != "auto") {
    ASSIGN_OR_RETURN(a.language, NormalizeLanguage(overrides.language));
  } else {
    ASSIGN_OR_RETURN(a.language, NormalizeLanguage(language));
  }
  if (!overrides.source.empty()) a.source = overrides.source;
  if (a.title.empty()) a.title = DeriveTitle(a.text);
  BlankControls(&a.title);
  BlankControls(&a.source);
  if (!id.empty()) {
    a.id = id;
  } else {
    a.id = core::DerivedArticleId(a.url.empty() ? a.text : a.url);
  }
  return a;
}

}  // namespace geotl::ingest
