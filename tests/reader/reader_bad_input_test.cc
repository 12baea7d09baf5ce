// Every class of bad input is reported as "file:line: reason" and skipped
// while the rest of the input is still read. Table-driven: each case writes
// one bad file next to a good one and reads the whole folder.
#include <catch2/catch.hpp>
#include <chrono>

#include "ingest/reader.h"
#include "tests/reader/reader_fixture.h"

using namespace geotl;
using namespace geotl::core;
using namespace geotl::ingest;
using geotl::testing::ReadAll;
using geotl::testing::TempDir;

namespace {

const std::string kGood = R"({"text": "Gut.", "published": "2013-11-04"})";

std::string Nested(int depth) {
  return R"({"text": "t", "published": "2013-11-04", "x": )" +
         std::string(depth, '[') + std::string(depth, ']') + "}";
}

struct BadCase {
  const char* name;
  std::string file;  // relative path of the bad file
  std::string content;
  std::string where;         // expected "file:line" (relative)
  std::string reason;        // expected start of the reason
  size_t good_inside = 0;    // good articles in the bad file itself
  std::string sidecar = "";  // optional sidecar content (file stem + .json)
};

}  // namespace

TEST_CASE("bad input is reported as file:line: reason and skipped",
          "[reader]") {
  const std::vector<BadCase> cases = {
      {"malformed JSON line", "a.ndjson",
       kGood + "\n{\"text\": \"x\", \"published\": }\n" + kGood + "\n",
       "a.ndjson:2", "malformed JSON: syntax error", 2},
      {"malformed .json", "a.json", "{\"text\": \"x\",\n \"published\" 1}",
       "a.json:2", "malformed JSON: syntax error"},
      {"malformed array element, others kept", "a.json",
       "[" + kGood + ",\n{\"text\": tru},\n" + kGood + "]", "a.json:2",
       "malformed JSON", 2},
      {"unterminated array", "a.json", "[" + kGood + ",\n" + kGood, "a.json:2",
       "malformed JSON: unterminated", 2},
      {"unterminated string in array", "a.json",
       "[" + kGood + ",\n{\"text\": \"x}]", "a.json:2",
       "malformed JSON: unterminated string", 1},
      {"trailing data after array", "a.json", "[" + kGood + "]\n]", "a.json:2",
       "malformed JSON: trailing data", 1},
      {"missing comma in array", "a.json", "[" + kGood + "\n" + kGood + "]",
       "a.json:2", "malformed JSON: expected ','", 1},
      {"JSON scalar", "a.json", "42", "a.json:1",
       "expected a JSON object or array"},
      {"array element not an object", "a.json", "[1, " + kGood + "]",
       "a.json:1", "expected an article object, got number", 1},
      {"NDJSON line is an array", "a.ndjson", "[" + kGood + "]\n", "a.ndjson:1",
       "expected an article object, got array"},
      {"empty .json", "a.json", "  \n", "a.json:1", "empty file"},
      {"invalid UTF-8 in .txt", "a.txt", "Titel\nGr\xfc\xdf Gott\n", "a.txt:2",
       "invalid UTF-8 (byte 0xfc at offset 8)"},
      {"overlong UTF-8 in .txt", "a.txt", "T\n\xC0\x80", "a.txt:2",
       "invalid UTF-8"},
      {"UTF-16 surrogate as UTF-8", "a.txt", "T\n\xED\xA0\x80", "a.txt:2",
       "invalid UTF-8"},
      {"truncated UTF-8 at end", "a.txt", "T\n\xE2\x82", "a.txt:2",
       "invalid UTF-8"},
      {"Latin-1 .txt with sidecar", "a.txt",
       "Stra\xdf"
       "e\n",
       "a.txt:1", "invalid UTF-8", 0, R"({"published": "2013-11-04"})"},
      {"invalid UTF-8 in NDJSON line", "a.ndjson",
       "{\"text\": \"Gr\xfc\xdf\", \"published\": \"2013-11-04\"}\n" + kGood +
           "\n",
       "a.ndjson:1", "invalid UTF-8 (at column 13)", 1},
      {"invalid UTF-8 in .json", "a.json", "{\"text\": \"\xff\"}", "a.json:1",
       "invalid UTF-8"},
      {"binary .txt", "a.txt",
       std::string("\x7f"
                   "ELF\x02\x01\x01\0\0\0",
                   10),
       "a.txt:1", "binary file (NUL byte at offset 7)"},
      {"binary .json", "a.json", std::string("{\"text\":\0}", 10), "a.json:1",
       "binary file"},
      {"NUL byte in NDJSON line", "a.ndjson",
       kGood + "\n" + std::string("{\"text\": \"a\0b\"}", 15) + "\n",
       "a.ndjson:2", "binary data (NUL byte in line)", 1},
      {"escaped NUL in text", "a.ndjson",
       R"({"text": "a\u0000b", "published": "2013-11-04"})", "a.ndjson:1",
       "text contains a NUL byte"},
      {"empty .txt", "a.txt", " \n\t\r\n", "a.txt:1", "empty text", 0,
       R"({"published": "2013-11-04"})"},
      {"empty text field", "a.ndjson",
       R"({"text": "  ", "published": "2013-11-04"})", "a.ndjson:1",
       "empty text"},
      {"missing text", "a.ndjson",
       R"({"title": "x", "published": "2013-11-04"})", "a.ndjson:1",
       "missing 'text'"},
      {"text not a string", "a.ndjson",
       R"({"text": 5, "published": "2013-11-04"})", "a.ndjson:1",
       "'text' must be a string, got number"},
      {"missing date", "a.ndjson", kGood + "\n" + R"({"text": "ohne Datum"})",
       "a.ndjson:2", "missing 'published'", 1},
      {"missing date in .txt", "a.txt", "Titel\nText\n", "a.txt:1",
       "missing 'published'"},
      {"unparseable date", "a.ndjson",
       R"({"text": "t", "published": "4. Nov. 2013"})", "a.ndjson:1",
       "bad published: expected an ISO date"},
      {"date not a string", "a.ndjson",
       R"({"text": "t", "published": 20131104})", "a.ndjson:1",
       "'published' must be a string, got number"},
      {"impossible date", "a.ndjson",
       R"({"text": "t", "published": "2013-02-29"})", "a.ndjson:1",
       "bad published"},
      {"bad id", "a.ndjson",
       R"({"id": "", "text": "t", "published": "2013-11-04"})", "a.ndjson:1",
       "'id' must be 1 to 256 bytes"},
      {"id with control character", "a.ndjson",
       R"({"id": "a\nb", "text": "t", "published": "2013-11-04"})",
       "a.ndjson:1", "'id' must be"},
      {"bad language", "a.ndjson",
       R"({"text": "t", "published": "2013-11-04", "language": "Deutsch"})",
       "a.ndjson:1", "'language' must be a language code"},
      {"deeply nested JSON line", "a.ndjson", Nested(100) + "\n" + kGood,
       "a.ndjson:1", "JSON nested deeper than 32 levels", 1},
      {"deeply nested .json (a million levels)", "a.json",
       std::string(1000000, '[') + std::string(1000000, ']'), "a.json:1",
       "JSON nested deeper than 32 levels"},
      {"malformed sidecar", "a.txt", "Titel\n", "a.json:2", "malformed JSON", 0,
       "{\"published\":\n \"2013-11-04\",}"},
      {"sidecar with text", "a.txt", "Titel\n", "a.json:1",
       "a sidecar must not contain 'text' (the text is a.txt)", 0,
       R"({"published": "2013-11-04", "text": "x"})"},
      {"sidecar not an object", "a.txt", "Titel\n", "a.json:1",
       "a sidecar must be a JSON object", 0, "[]"},
      {"sidecar names another text_file", "a.txt", "Titel\n", "a.json:1",
       "'text_file' must name a.txt", 0,
       R"({"published": "2013-11-04", "text_file": "b.txt"})"},
      {"sidecar without a date", "a.txt", "Titel\n", "a.txt:1",
       "missing 'published'", 0, R"({"title": "x"})"},
      {"text_file missing", "a.json",
       R"({"published": "2013-11-04", "text_file": "gone.txt"})", "gone.txt:1",
       "cannot open"},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    TempDir dir;
    dir.Write(c.file, c.content);
    if (!c.sidecar.empty()) {
      std::string stem = c.file.substr(0, c.file.rfind('.'));
      dir.Write(stem + ".json", c.sidecar);
    }
    dir.Write("zz-good.ndjson", kGood + "\n");
    auto items = ReadAll({dir.path()});
    size_t good = 0, bad = 0;
    for (const auto& r : items) {
      if (r.ok()) {
        ++good;
        continue;
      }
      ++bad;
      const std::string& m = r.status().message();
      std::string prefix = dir / c.where + ": ";
      CHECK(m.substr(0, prefix.size()) == prefix);
      CHECK(m.substr(prefix.size(), c.reason.size()) == c.reason);
      CHECK(m.find('\n') == std::string::npos);  // one line
      UNSCOPED_INFO(m);
    }
    CHECK(bad == 1);
    CHECK(good == c.good_inside + 1);
    CHECK(items.back().ok());  // the good file after the bad one was read
  }
}

TEST_CASE("a named path that does not exist is an error, the rest goes on",
          "[reader]") {
  TempDir dir;
  std::string good = dir.Write("g.ndjson", kGood + "\n");
  auto items = ReadAll({dir / "nope.txt", good});
  REQUIRE(items.size() == 2);
  CHECK(items[0].status().code() == Code::kNotFound);
  CHECK(items[0].status().message() ==
        dir / "nope.txt: no such file or directory");
  CHECK(items[1].ok());
}

TEST_CASE("a named file of another type is reported, not skipped", "[reader]") {
  TempDir dir;
  std::string md = dir.Write("notes.md", "# notes");
  auto items = ReadAll({md});
  REQUIRE(items.size() == 1);
  CHECK(items[0].status().message() ==
        md + ":1: unsupported file type (expected .txt, .json, .ndjson or "
             ".jsonl)");
}

TEST_CASE("huge lines are skipped without buffering them", "[reader]") {
  TempDir dir;
  std::string huge = R"({"text": ")" + std::string(3 << 20, 'x') +
                     R"(", "published": "2013-11-04"})";
  std::string nd =
      dir.Write("a.ndjson", kGood + "\n" + huge + "\n" + kGood + "\n");
  ReaderOptions o;
  o.max_line_bytes = 1 << 20;
  auto items = ReadAll({nd}, o);
  REQUIRE(items.size() == 3);
  CHECK(items[0].ok());
  CHECK(items[1].status().message() ==
        nd + ":2: line longer than 1048576 bytes");
  REQUIRE(items[2].ok());
  CHECK(items[2]->origin == nd + ":3");
}

TEST_CASE("files over the size limit are rejected", "[reader]") {
  TempDir dir;
  std::string txt = dir.Write("big.txt", std::string(2000, 'a'));
  ReaderOptions o;
  o.max_file_bytes = 1000;
  o.overrides.published = *ParseIsoDay("2013-11-04");
  auto items = ReadAll({txt}, o);
  REQUIRE(items.size() == 1);
  CHECK(items[0].status().message().rfind(
            txt + ":1: file larger than 1000 bytes", 0) == 0);
}

TEST_CASE("a 50 MB single-line article is read whole", "[reader]") {
  TempDir dir;
  std::string body;
  body.reserve(50u << 20);
  const std::string sentence =
      "Am Montag trafen sich die Au\xC3\x9F"
      "enminister in Genf. ";
  while (body.size() < (50u << 20)) body += sentence;
  std::string nd =
      dir.Write("big.ndjson", R"({"id": "big", "text": ")" + body +
                                  R"(", "published": "2013-11-04"})"
                                  "\n" +
                                  kGood + "\n");
  std::string txt = dir.Write("big.txt", body);
  ReaderOptions o;
  o.overrides.published = *ParseIsoDay("2013-11-04");
  auto t0 = std::chrono::steady_clock::now();
  auto items = ReadAll({nd, txt}, o);
  double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0)
          .count();
  REQUIRE(items.size() == 3);
  REQUIRE(items[0].ok());
  CHECK(items[0]->id == "big");
  CHECK(items[0]->text.size() == body.size());
  CHECK(items[0]->title.size() <= 300);
  CHECK(items[1].ok());
  REQUIRE(items[2].ok());
  CHECK(items[2]->text == body);
  CHECK(secs < 20.0);
}
