// The reader's building blocks: the UTF-8 validator against a table, the
// line reader across chunk borders, the JSON array splitter, and streaming in
// bounded memory.
#include <sys/resource.h>

#include <catch2/catch.hpp>
#include <sstream>
#include <streambuf>

#include "ingest/reader.h"
#include "ingest/reader_json.h"
#include "ingest/reader_lines.h"
#include "ingest/reader_text.h"

using namespace geotl;
using namespace geotl::ingest;

TEST_CASE("UTF-8 validation follows RFC 3629", "[reader]") {
  struct Case {
    std::string bytes;
    size_t bad;  // kNpos: valid
  };
  const std::vector<Case> cases = {
      {"", kNpos},
      {"plain ASCII text, long enough for the fast path", kNpos},
      {"Gr\xC3\xBC\xC3\x9F"
       "e",
       kNpos},                      // Grüße
      {"\xE2\x82\xAC", kNpos},      // €
      {"\xF0\x9F\x8C\x8D", kNpos},  // 🌍
      {"\xEF\xBB\xBF"
       "BOM",
       kNpos},                      // BOM is valid UTF-8
      {"\xF4\x8F\xBF\xBF", kNpos},  // U+10FFFF
      {"abc\x80", 3},               // lone continuation
      {"\xC0\xAF", 0},              // overlong '/'
      {"\xC1\xBF", 0},              // overlong
      {"\xE0\x80\xAF", 0},          // overlong 3-byte
      {"\xF0\x80\x80\xAF", 0},      // overlong 4-byte
      {"\xED\xA0\x80", 0},          // surrogate U+D800
      {"\xF4\x90\x80\x80", 0},      // above U+10FFFF
      {"\xF5\x80\x80\x80", 0},
      {"\xFF", 0},
      {"ok \xC3", 3},  // truncated at the end
      {"ok \xE2\x82", 3},
      {"\xC3\x28", 0},                   // bad continuation
      {"12345678\xE2\x82\xAC\xFE", 11},  // after the fast path
  };
  for (const auto& c : cases) {
    INFO(c.bytes);
    CHECK(FindInvalidUtf8(c.bytes) == c.bad);
  }
}

TEST_CASE("LineReader: chunk borders, CR LF, last line, too long", "[reader]") {
  // Lines of many lengths so that some straddle the 1 MiB chunk border.
  std::string data;
  std::vector<std::string> want;
  for (size_t len :
       {10u, (1u << 20) - 20, 30u, 1u << 20, 5u, (2u << 20) + 7, 0u, 3u}) {
    std::string line(len, static_cast<char>('a' + want.size()));
    want.push_back(line);
    data += line + (want.size() % 2 ? "\r\n" : "\n");
  }
  data += "tail";
  want.push_back("tail");
  std::istringstream in(data);
  LineReader lr(&in, size_t{3} << 20);
  std::string_view line;
  for (size_t i = 0; i < want.size(); ++i) {
    INFO(i);
    REQUIRE(lr.Next(&line) == LineReader::Status::kLine);
    CHECK(line == want[i]);
    CHECK(lr.line_number() == i + 1);
  }
  CHECK(lr.Next(&line) == LineReader::Status::kEnd);

  std::istringstream in2(data);
  LineReader small(&in2, (1 << 20) - 1);
  std::vector<LineReader::Status> got;
  while (true) {
    auto st = small.Next(&line);
    if (st == LineReader::Status::kEnd) break;
    got.push_back(st);
  }
  using S = LineReader::Status;
  CHECK(got == std::vector<S>{S::kLine, S::kLine, S::kLine, S::kTooLong,
                              S::kLine, S::kTooLong, S::kLine, S::kLine,
                              S::kLine});
}

TEST_CASE("JsonArraySplitter yields elements with their lines", "[reader]") {
  std::string doc = "[\n {\"a\": \"x,]}\"},\n\n [1, [2]] ,\n \"s\\\"\", 3\n]";
  JsonArraySplitter sp(doc);
  std::vector<std::pair<std::string, size_t>> got;
  size_t line = 0;
  while (auto e = sp.Next(&line)) {
    REQUIRE(e->ok());
    got.emplace_back(std::string((*e)->text), (*e)->line);
  }
  CHECK(got ==
        std::vector<std::pair<std::string, size_t>>{{"{\"a\": \"x,]}\"}", 2},
                                                    {"[1, [2]]", 4},
                                                    {"\"s\\\"\"", 5},
                                                    {"3", 5}});
}

TEST_CASE("ParseJsonLimited reports the line of a syntax error", "[reader]") {
  size_t line = 0;
  auto r = ParseJsonLimited("{\n\"a\": 1,\n\"b\": x}", 8, &line);
  REQUIRE_FALSE(r.ok());
  CHECK(line == 3);
  CHECK(r.status().message().rfind("malformed JSON: syntax error", 0) == 0);
  CHECK(ParseJsonLimited(std::string(8, '[') + std::string(8, ']'), 8).ok());
  CHECK_FALSE(
      ParseJsonLimited(std::string(9, '[') + std::string(9, ']'), 8).ok());
}

namespace {
// An input stream that produces `lines` NDJSON articles on the fly, so the
// test never holds the whole input either.
class GeneratedArticles : public std::streambuf {
 public:
  explicit GeneratedArticles(size_t lines) : left_(lines) {
    line_ = R"({"text": ")" + std::string(1000, 'x') +
            R"(", "published": "2013-11-04"})"
            "\n";
  }

 protected:
  int_type underflow() override {
    if (left_ == 0) return traits_type::eof();
    --left_;
    setg(line_.data(), line_.data(), line_.data() + line_.size());
    return traits_type::to_int_type(line_[0]);
  }

 private:
  size_t left_;
  std::string line_;
};

long MaxRssKb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss;
}
}  // namespace

TEST_CASE("NDJSON is streamed in bounded memory", "[reader]") {
  const size_t kLines = 150000;  // about 150 MB of input
  GeneratedArticles gen(kLines);
  std::istream in(&gen);
  ReaderOptions o;
  o.stdin_stream = &in;
  o.stdin_format = ReaderOptions::StdinFormat::kNdjson;
  long before = MaxRssKb();
  ArticleReader reader({"-"}, o);
  size_t n = 0, ok = 0;
  while (auto item = reader.Next()) {
    ok += item->ok();
    ++n;
  }
  CHECK(n == kLines);
  CHECK(ok == kLines);
  CHECK(MaxRssKb() - before < 64 * 1024);  // far below the 150 MB read
}
