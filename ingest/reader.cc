#include "ingest/reader.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>

#include "ingest/reader_lines.h"
#include "ingest/reader_text.h"

namespace geotl::ingest {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kStdin = "<stdin>";

core::Status Reject(std::string_view file, size_t line, std::string_view reason,
                    core::Code code = core::Code::kInvalidArgument) {
  std::string m(file);
  m += ':';
  m += std::to_string(line);
  m += ": ";
  m += reason;
  return core::Status(code, std::move(m));
}

std::string Lower(std::string s) {
  for (char& c : s)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

enum class Kind { kTxt, kJson, kNdjson, kOther };

Kind KindOf(const fs::path& p) {
  std::string ext = Lower(p.extension().string());
  if (ext == ".txt") return Kind::kTxt;
  if (ext == ".json") return Kind::kJson;
  if (ext == ".ndjson" || ext == ".jsonl") return Kind::kNdjson;
  return Kind::kOther;
}

// Reads at most `max` bytes of `in`; error when there is more.
core::Result<std::string> ReadAllLimited(std::istream& in, std::string prefix,
                                         size_t max) {
  std::string out = std::move(prefix);
  char buf[1 << 16];
  while (in) {
    in.read(buf, sizeof buf);
    size_t n = static_cast<size_t>(in.gcount());
    if (out.size() + n > max)
      return core::Status::Invalid("input larger than " + std::to_string(max) +
                                   " bytes (use NDJSON for big inputs)");
    out.append(buf, n);
  }
  if (in.bad()) return core::Status::IOError("read error");
  return out;
}

core::Result<std::string> ReadFileLimited(const std::string& path, size_t max) {
  std::error_code ec;
  auto size = fs::file_size(path, ec);
  if (!ec && size > max)
    return core::Status::Invalid("file larger than " + std::to_string(max) +
                                 " bytes (use NDJSON for big inputs)");
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return core::Status::IOError(std::string("cannot open: ") +
                                 std::strerror(errno));
  return ReadAllLimited(in, "", max);
}

// A text read from a file: size, NUL bytes, UTF-8. Errors name the file.
core::Result<std::string> ReadTextFile(const std::string& path, size_t max) {
  auto raw = ReadFileLimited(path, max);
  if (!raw.ok())
    return Reject(path, 1, raw.status().message(), raw.status().code());
  size_t line = 1;
  std::string why = CheckRawText(*raw, &line);
  if (!why.empty()) return Reject(path, line, why);
  return raw;
}

// The first non-blank byte of `s`, or '\0'.
char FirstNonBlank(std::string_view s) {
  for (char c : s)
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return c;
  return '\0';
}

}  // namespace

struct ArticleReader::Impl {
  ReaderOptions opt;
  std::deque<std::pair<std::string, bool>> pending;  // path, named by the user
  std::deque<core::Result<core::Article>> ready;
  std::set<std::string> txt_done;  // .txt files read (a pair named twice)

  // NDJSON in progress.
  std::unique_ptr<LineReader> lines;
  std::string lines_file;
  std::optional<std::string> lines_base;  // where text_file resolves
  // JSON array in progress.
  std::string doc;
  std::string doc_file;
  std::optional<std::string> doc_base;
  std::optional<JsonArraySplitter> splitter;

  std::optional<core::Result<core::Article>> Next();
  void Open(const std::string& path, bool named);
  void OpenStdin();
  void ListDirectory(const std::string& path);
  core::Result<core::Article> ReadTxt(const std::string& path);
  void StartDocument(std::string data, const std::string& file,
                     std::optional<std::string> base, size_t first_line);
  std::optional<core::Result<core::Article>> FromLine(std::string_view line,
                                                      size_t n);
  core::Result<core::Article> FromObject(
      const core::Json& j, const std::string& file, size_t line,
      const std::optional<std::string>& base);
  core::Result<core::Article> FromText(std::string text,
                                       const std::string& file);
};

core::Result<core::Article> ArticleReader::Impl::FromObject(
    const core::Json& j, const std::string& file, size_t line,
    const std::optional<std::string>& base) {
  core::Result<core::Article> a = core::Status::Invalid("");
  if (j.is_object() && !j.contains("text") && j.contains("text_file") && base) {
    const core::Json& tf = j["text_file"];
    if (!tf.is_string() || tf.get<std::string>().empty())
      return Reject(file, line, "'text_file' must be a file name");
    std::string path = (fs::path(*base) / tf.get<std::string>()).string();
    ASSIGN_OR_RETURN(std::string text, ReadTextFile(path, opt.max_file_bytes));
    a = BuildArticle(j, &text, opt.overrides);
  } else {
    a = BuildArticle(j, nullptr, opt.overrides);
  }
  if (!a.ok()) return Reject(file, line, a.status().message());
  a->origin = file + ":" + std::to_string(line);
  return a;
}

core::Result<core::Article> ArticleReader::Impl::FromText(
    std::string text, const std::string& file) {
  auto a = BuildArticle(core::Json::object(), &text, opt.overrides);
  if (!a.ok()) return Reject(file, 1, a.status().message());
  a->origin = file + ":1";
  return a;
}

core::Result<core::Article> ArticleReader::Impl::ReadTxt(
    const std::string& path) {
  ASSIGN_OR_RETURN(std::string text, ReadTextFile(path, opt.max_file_bytes));
  fs::path side = fs::path(path).replace_extension(".json");
  std::error_code ec;
  if (!fs::is_regular_file(side, ec)) return FromText(std::move(text), path);

  const std::string sp = side.string();
  ASSIGN_OR_RETURN(std::string raw, ReadTextFile(sp, opt.max_file_bytes));
  size_t line = 1;
  auto j = ParseJsonLimited(raw, opt.max_json_depth, &line);
  if (!j.ok()) return Reject(sp, line, j.status().message());
  if (!j->is_object()) return Reject(sp, 1, "a sidecar must be a JSON object");
  if (j->contains("text"))
    return Reject(sp, 1,
                  "a sidecar must not contain 'text' (the text is " +
                      fs::path(path).filename().string() + ")");
  if (auto it = j->find("text_file"); it != j->end() && !it->is_null()) {
    bool same =
        it->is_string() &&
        (side.parent_path() / it->get<std::string>()).lexically_normal() ==
            fs::path(path).lexically_normal();
    if (!same)
      return Reject(
          sp, 1, "'text_file' must name " + fs::path(path).filename().string());
  }
  auto a = BuildArticle(*j, &text, opt.overrides);
  if (!a.ok()) return Reject(path, 1, a.status().message());
  a->origin = path + ":1";
  return a;
}

void ArticleReader::Impl::StartDocument(std::string data,
                                        const std::string& file,
                                        std::optional<std::string> base,
                                        size_t first_line) {
  size_t line = 1;
  std::string why = CheckRawText(data, &line);
  if (!why.empty()) {
    ready.push_back(Reject(file, first_line + line - 1, why));
    return;
  }
  char c = FirstNonBlank(data);
  if (c == '\0') {
    ready.push_back(Reject(file, first_line, "empty file"));
  } else if (c == '[') {
    doc = std::move(data);
    doc_file = file;
    doc_base = std::move(base);
    splitter.emplace(doc);
  } else if (c == '{') {
    auto j = ParseJsonLimited(data, opt.max_json_depth, &line);
    if (!j.ok()) {
      ready.push_back(
          Reject(file, first_line + line - 1, j.status().message()));
    } else {
      size_t at = first_line + LineOfOffset(data, data.find('{')) - 1;
      ready.push_back(FromObject(*j, file, at, base));
    }
  } else {
    ready.push_back(
        Reject(file, first_line, "expected a JSON object or array"));
  }
}

std::optional<core::Result<core::Article>> ArticleReader::Impl::FromLine(
    std::string_view line, size_t n) {
  if (IsBlank(line)) return std::nullopt;
  if (line.find('\0') != std::string_view::npos)
    return Reject(lines_file, n, "binary data (NUL byte in line)");
  size_t bad = FindInvalidUtf8(line);
  if (bad != kNpos)
    return Reject(lines_file, n,
                  "invalid UTF-8 (at column " + std::to_string(bad + 1) + ")");
  auto j = ParseJsonLimited(line, opt.max_json_depth);
  if (!j.ok()) return Reject(lines_file, n, j.status().message());
  return FromObject(*j, lines_file, n, lines_base);
}

void ArticleReader::Impl::ListDirectory(const std::string& path) {
  std::vector<std::string> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(
      path, fs::directory_options::skip_permission_denied, ec),
      end;
  for (; !ec && it != end; it.increment(ec)) {
    const fs::path& p = it->path();
    if (p.filename().string().rfind('.', 0) == 0) {  // hidden: editor files
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (KindOf(p) != Kind::kOther && it->is_regular_file(ec))
      files.push_back(p.string());
  }
  if (ec) {
    ready.push_back(Reject(path, 1, "cannot list directory: " + ec.message(),
                           core::Code::kIOError));
  }
  std::sort(files.begin(), files.end());
  for (auto f = files.rbegin(); f != files.rend(); ++f)
    pending.emplace_front(*f, false);
}

void ArticleReader::Impl::OpenStdin() {
  std::istream* in = opt.stdin_stream ? opt.stdin_stream : &std::cin;
  const std::string file(kStdin);
  lines_file = file;
  lines_base = fs::current_path().string();
  if (opt.stdin_format == ReaderOptions::StdinFormat::kNdjson) {
    lines = std::make_unique<LineReader>(in, opt.max_line_bytes);
    return;
  }
  // Auto: look at the first non-blank byte.
  std::string prefix;
  while (in->good()) {
    int c = in->peek();
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
    prefix.push_back(static_cast<char>(in->get()));
  }
  int c = in->peek();
  size_t skipped =
      static_cast<size_t>(std::count(prefix.begin(), prefix.end(), '\n'));
  if (c == std::char_traits<char>::eof()) {
    ready.push_back(Reject(file, 1, "empty input"));
  } else if (c == '[') {
    auto data = ReadAllLimited(*in, std::move(prefix), opt.max_file_bytes);
    if (!data.ok()) {
      ready.push_back(Reject(file, 1, data.status().message()));
    } else {
      StartDocument(std::move(*data), file, lines_base, 1);
    }
  } else if (c == '{') {
    // NDJSON, unless the first line is the start of one pretty-printed object.
    auto lr = std::make_unique<LineReader>(in, opt.max_line_bytes);
    lr->SkipLineNumbers(skipped);
    std::string_view first;
    LineReader::Status st = lr->Next(&first);
    if (st == LineReader::Status::kLine && FindInvalidUtf8(first) == kNpos &&
        first.find('\0') == std::string_view::npos) {
      auto j = ParseJsonLimited(first, opt.max_json_depth);
      if (!j.ok() && j.status().message().find("unexpected end of input") !=
                         std::string::npos) {
        std::string head =
            prefix + std::string(first) + "\n" + lr->TakeBuffered();
        auto data = ReadAllLimited(*in, std::move(head), opt.max_file_bytes);
        if (!data.ok()) {
          ready.push_back(Reject(file, 1, data.status().message()));
        } else {
          StartDocument(std::move(*data), file, lines_base, 1);
        }
        return;
      }
    }
    lines = std::move(lr);
    if (st == LineReader::Status::kLine) {
      if (auto r = FromLine(first, lines->line_number()))
        ready.push_back(std::move(*r));
    } else if (st == LineReader::Status::kTooLong) {
      ready.push_back(Reject(
          file, lines->line_number(),
          "line longer than " + std::to_string(opt.max_line_bytes) + " bytes"));
    }
  } else {
    // Plain text of one article.
    auto data = ReadAllLimited(*in, std::move(prefix), opt.max_file_bytes);
    if (!data.ok()) {
      ready.push_back(Reject(file, 1, data.status().message()));
      return;
    }
    size_t line = 1;
    std::string why = CheckRawText(*data, &line);
    ready.push_back(why.empty()
                        ? FromText(std::move(*data), file)
                        : core::Result<core::Article>(Reject(file, line, why)));
  }
}

void ArticleReader::Impl::Open(const std::string& path, bool named) {
  if (named && path == "-") {
    OpenStdin();
    return;
  }
  std::error_code ec;
  auto st = fs::status(path, ec);
  if (named && !fs::exists(st)) {
    ready.push_back(core::Status(core::Code::kNotFound,
                                 path + ": no such file or directory"));
    return;
  }
  if (fs::is_directory(st)) {
    ListDirectory(path);
    return;
  }
  fs::path p(path);
  std::string key = fs::absolute(p, ec).lexically_normal().string();
  switch (KindOf(p)) {
    case Kind::kTxt:
      if (txt_done.insert(key).second) ready.push_back(ReadTxt(path));
      return;
    case Kind::kJson: {
      fs::path txt = fs::path(p).replace_extension(".txt");
      if (fs::is_regular_file(txt, ec)) {
        // A sidecar is never an article itself; named alone, it stands for
        // its pair.
        std::string tkey = fs::absolute(txt, ec).lexically_normal().string();
        if (named && txt_done.insert(tkey).second)
          ready.push_back(ReadTxt(txt.string()));
        return;
      }
      auto data = ReadFileLimited(path, opt.max_file_bytes);
      if (!data.ok()) {
        ready.push_back(
            Reject(path, 1, data.status().message(), data.status().code()));
        return;
      }
      StartDocument(std::move(*data), path, p.parent_path().string(), 1);
      return;
    }
    case Kind::kNdjson: {
      auto in = std::make_unique<std::ifstream>(path, std::ios::binary);
      if (!*in) {
        ready.push_back(
            Reject(path, 1, std::string("cannot open: ") + std::strerror(errno),
                   core::Code::kIOError));
        return;
      }
      lines = std::make_unique<LineReader>(std::move(in), opt.max_line_bytes);
      lines_file = path;
      lines_base = p.parent_path().string();
      return;
    }
    case Kind::kOther:
      if (named)
        ready.push_back(Reject(path, 1,
                               "unsupported file type (expected .txt, "
                               ".json, .ndjson or .jsonl)"));
      return;
  }
}

std::optional<core::Result<core::Article>> ArticleReader::Impl::Next() {
  for (;;) {
    if (!ready.empty()) {
      core::Result<core::Article> r = std::move(ready.front());
      ready.pop_front();
      return r;
    }
    if (lines) {
      std::string_view line;
      switch (lines->Next(&line)) {
        case LineReader::Status::kLine:
          if (auto r = FromLine(line, lines->line_number())) return r;
          continue;
        case LineReader::Status::kTooLong:
          return Reject(lines_file, lines->line_number(),
                        "line longer than " +
                            std::to_string(opt.max_line_bytes) + " bytes");
        case LineReader::Status::kReadError: {
          size_t n = lines->line_number() + 1;
          lines.reset();
          return Reject(lines_file, n, "read error", core::Code::kIOError);
        }
        case LineReader::Status::kEnd:
          lines.reset();
          continue;
      }
    }
    if (splitter) {
      size_t line = 1;
      auto e = splitter->Next(&line);
      if (!e) {
        splitter.reset();
        std::string().swap(doc);
        continue;
      }
      if (!e->ok()) return Reject(doc_file, line, e->status().message());
      auto j = ParseJsonLimited((*e)->text, opt.max_json_depth, &line);
      if (!j.ok())
        return Reject(doc_file, (*e)->line + line - 1, j.status().message());
      return FromObject(*j, doc_file, (*e)->line, doc_base);
    }
    if (pending.empty()) return std::nullopt;
    auto [path, named] = std::move(pending.front());
    pending.pop_front();
    Open(path, named);
  }
}

ArticleReader::ArticleReader(std::vector<std::string> inputs,
                             ReaderOptions options)
    : impl_(std::make_unique<Impl>()) {
  impl_->opt = std::move(options);
  for (auto& in : inputs) impl_->pending.emplace_back(std::move(in), true);
}

ArticleReader::~ArticleReader() = default;

std::optional<core::Result<core::Article>> ArticleReader::Next() {
  return impl_->Next();
}

std::vector<core::Result<core::Article>> ReadArticlesFromBuffer(
    std::string_view data, std::string_view origin,
    const ReaderOptions& options) {
  std::vector<core::Result<core::Article>> out;
  ArticleReader::Impl impl;
  impl.opt = options;
  const std::string file(origin);
  char c = FirstNonBlank(data);
  bool ndjson = false;
  if (c == '{') {
    // One object, else NDJSON.
    auto j = ParseJsonLimited(data, options.max_json_depth);
    ndjson = !j.ok();
  }
  if (ndjson) {
    impl.lines_file = file;  // no base dir: text_file is not followed here
    size_t n = 0;
    size_t pos = 0;
    while (pos <= data.size()) {
      size_t nl = data.find('\n', pos);
      std::string_view line =
          data.substr(pos, nl == std::string_view::npos ? std::string_view::npos
                                                        : nl - pos);
      ++n;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (auto r = impl.FromLine(line, n)) out.push_back(std::move(*r));
      if (nl == std::string_view::npos) break;
      pos = nl + 1;
    }
    return out;
  }
  impl.StartDocument(std::string(data), file, std::nullopt, 1);
  while (auto r = impl.Next()) out.push_back(std::move(*r));
  return out;
}

}  // namespace geotl::ingest
