// The article input rules of docs/architecture.md, one rule per test case:
// .txt + sidecar, .json object/array, .ndjson/.jsonl, directories in path
// order, stdin, precedence flags > fields > derived values, ids.
#include <catch2/catch.hpp>
#include <sstream>

#include "core/sha256.h"
#include "ingest/reader.h"
#include "ingest/reader_text.h"
#include "tests/reader/reader_fixture.h"

using namespace geotl;
using namespace geotl::core;
using namespace geotl::ingest;
using geotl::testing::ReadAll;
using geotl::testing::TempDir;

namespace {

ReaderOptions WithPublished(const char* day) {
  ReaderOptions o;
  o.overrides.published = *ParseIsoDay(day);
  return o;
}

std::vector<std::string> Origins(const std::vector<Result<Article>>& items) {
  std::vector<std::string> out;
  for (const auto& r : items)
    out.push_back(r.ok() ? r->origin : "ERR " + r.status().message());
  return out;
}

}  // namespace

TEST_CASE(".txt: whole file is the text, first non-empty line the title",
          "[reader]") {
  TempDir dir;
  const std::string text = "\n\n  Treffen in Tokio  \nErster Absatz.\n";
  std::string path = dir.Write("a.de.txt", text);
  auto items = ReadAll({path}, WithPublished("2013-11-04"));
  REQUIRE(items.size() == 1);
  REQUIRE(items[0].ok());
  const Article& a = *items[0];
  CHECK(a.text == text);  // as received, title line included
  CHECK(a.title == "Treffen in Tokio");
  CHECK(a.id == DerivedArticleId(text));
  CHECK(a.id == "a-" + Sha256Hex(text).substr(0, 16));
  CHECK(FormatDate(a.published) == "2013-11-04");
  CHECK(a.language.empty());
  CHECK(a.origin == path + ":1");
}

TEST_CASE(".txt without a date and without --published is rejected",
          "[reader]") {
  TempDir dir;
  std::string path = dir.Write("a.txt", "Titel\nText.\n");
  auto items = ReadAll({path});
  REQUIRE(items.size() == 1);
  REQUIRE_FALSE(items[0].ok());
  CHECK(items[0].status().message() ==
        path +
            ":1: missing 'published' (give it in the article, its sidecar "
            "or with --published)");
}

TEST_CASE(".txt takes its same-stem .json sidecar", "[reader]") {
  TempDir dir;
  std::string txt = dir.Write("x.de.txt", "Titel im Text\nInhalt.\n");
  dir.Write("x.de.json",
            R"({"id": "given-id", "title": "Titel im Sidecar",
                "published": "2013-11-04T09:30:00+09:00", "language": "de",
                "source": "Hypothetische Zeitung", "url": "https://example.org/x",
                "text_file": "x.de.txt"})");
  auto items = ReadAll({txt});
  REQUIRE(items.size() == 1);
  REQUIRE(items[0].ok());
  const Article& a = *items[0];
  CHECK(a.id == "given-id");
  CHECK(a.title == "Titel im Sidecar");
  CHECK(FormatDate(a.published) == "2013-11-04");  // local calendar day
  CHECK(a.language == "de");
  CHECK(a.source == "Hypothetische Zeitung");
  CHECK(a.url == "https://example.org/x");
  CHECK(a.text == "Titel im Text\nInhalt.\n");
}

TEST_CASE("a sidecar is never an article itself", "[reader]") {
  TempDir dir;
  dir.Write("x.txt", "T\nText.\n");
  std::string side = dir.Write("x.json", R"({"published": "2013-11-04"})");
  SECTION("in a directory only the pair is read") {
    auto items = ReadAll({dir.path()});
    REQUIRE(items.size() == 1);
    REQUIRE(items[0].ok());
    CHECK(items[0]->origin == dir / "x.txt:1");
  }
  SECTION("named alone it stands for its pair") {
    auto items = ReadAll({side});
    REQUIRE(items.size() == 1);
    REQUIRE(items[0].ok());
    CHECK(items[0]->text == "T\nText.\n");
  }
  SECTION("pair named twice is read once") {
    auto items = ReadAll({dir / "x.txt", side, dir.path()});
    CHECK(items.size() == 1);
  }
}

TEST_CASE("precedence: flags > sidecar or object fields > derived values",
          "[reader]") {
  TempDir dir;
  std::string nd = dir.Write(
      "a.ndjson",
      R"({"text": "Body one", "published": "2013-11-04", "language": "de", "source": "S"})"
      "\n"
      R"({"text": "Body two", "published": "2013-11-05"})"
      "\n");
  ReaderOptions o;
  SECTION("no flags: fields, else derived") {
    auto items = ReadAll({nd}, o);
    REQUIRE(items.size() == 2);
    CHECK(FormatDate(items[0]->published) == "2013-11-04");
    CHECK(items[0]->language == "de");
    CHECK(items[0]->source == "S");
    CHECK(items[0]->title == "Body one");
    CHECK(items[1]->language.empty());
    CHECK(items[1]->source.empty());
  }
  SECTION("flags beat fields") {
    o.overrides.published = *ParseIsoDay("2020-01-02");
    o.overrides.language = "en";
    o.overrides.source = "Flag Source";
    auto items = ReadAll({nd}, o);
    REQUIRE(items.size() == 2);
    for (const auto& a : items) {
      REQUIRE(a.ok());
      CHECK(FormatDate(a->published) == "2020-01-02");
      CHECK(a->language == "en");
      CHECK(a->source == "Flag Source");
    }
  }
  SECTION("--lang auto keeps the article's language") {
    o.overrides.language = "auto";
    auto items = ReadAll({nd}, o);
    CHECK(items[0]->language == "de");
    CHECK(items[1]->language.empty());
  }
}

TEST_CASE("ids: input id verbatim, else hash of url, else hash of text",
          "[reader]") {
  struct Case {
    const char* line;
    std::string id;
  };
  const std::vector<Case> cases = {
      {R"({"id": " Mixed/Case id ", "url": "u", "text": "t", "published": "2013-01-01"})",
       " Mixed/Case id "},
      {R"({"url": "https://example.org/a", "text": "t", "published": "2013-01-01"})",
       DerivedArticleId("https://example.org/a")},
      {R"({"text": "nur Text", "published": "2013-01-01"})",
       DerivedArticleId("nur Text")},
      {R"({"id": null, "url": "", "text": "nur Text", "published": "2013-01-01"})",
       DerivedArticleId("nur Text")},
  };
  for (const auto& c : cases) {
    auto r = ReadArticlesFromBuffer(c.line, "<buf>", {});
    REQUIRE(r.size() == 1);
    REQUIRE(r[0].ok());
    CHECK(r[0]->id == c.id);
  }
}

TEST_CASE(".json: one object or an array, origins carry element lines",
          "[reader]") {
  TempDir dir;
  std::string one = dir.Write(
      "one.json",
      R"({"text": "Ein Text", "published": "2013-11-04", "title": "T"})");
  std::string arr = dir.Write(
      "arr.json",
      "[\n"
      "  {\"text\": \"A\", \"published\": \"2013-11-04\"},\n"
      "  {\n    \"text\": \"B\",\n    \"published\": \"2013-11-05\"\n  }\n"
      "]\n");
  auto items = ReadAll({one, arr});
  CHECK(Origins(items) ==
        std::vector<std::string>{one + ":1", arr + ":2", arr + ":3"});
  CHECK(items[0]->title == "T");
  CHECK(items[2]->text == "B");
  CHECK(ReadAll({dir.Write("empty.json", "[]")}).empty());
}

TEST_CASE(".ndjson and .jsonl: one object per line, blank lines and CRLF",
          "[reader]") {
  TempDir dir;
  std::string nd =
      dir.Write("a.ndjson",
                "{\"text\": \"A\", \"published\": \"2013-11-04\"}\r\n"
                "\r\n"
                "   \n"
                "{\"text\": \"B\", \"published\": \"2013-11-05\"}");
  std::string jl = dir.Write(
      "b.JSONL", "{\"text\": \"C\", \"published\": \"2013-11-06\"}\n");
  auto items = ReadAll({nd, jl});
  CHECK(Origins(items) ==
        std::vector<std::string>{nd + ":1", nd + ":4", jl + ":1"});
  CHECK(items[0]->text == "A");
  CHECK(items[1]->text == "B");  // last line without newline
}

TEST_CASE("directories: recursive, path order, other files skipped silently",
          "[reader]") {
  TempDir dir;
  const char* art = R"({"text": "x", "published": "2013-11-04"})";
  dir.Write("b.ndjson", std::string(art) + "\n");
  dir.Write("a/z.json", art);
  dir.Write("a/sub/y.jsonl", std::string(art) + "\n");
  dir.Write("a.txt", "Text a\n");
  dir.Write("a.json", R"({"published": "2013-11-04"})");  // sidecar of a.txt
  dir.Write("notes.md", "# not an article");
  dir.Write("image.png", std::string("\x89PNG\0\0", 6));
  dir.Write(".hidden.txt", "editor file");
  dir.Write(".git/x.json", art);
  auto items = ReadAll({dir.path()});
  CHECK(Origins(items) ==
        std::vector<std::string>{dir / "a.txt:1", dir / "a/sub/y.jsonl:1",
                                 dir / "a/z.json:1", dir / "b.ndjson:1"});
}

TEST_CASE("stdin '-': NDJSON, JSON array, one object, or plain text",
          "[reader]") {
  struct Case {
    const char* name;
    std::string input;
    std::vector<std::string> origins;
  };
  const std::vector<Case> cases = {
      {"ndjson",
       "\n{\"text\": \"A\", \"published\": \"2013-11-04\"}\n"
       "{\"text\": \"B\", \"published\": \"2013-11-04\"}\n",
       {"<stdin>:2", "<stdin>:3"}},
      {"array",
       "[{\"text\": \"A\", \"published\": \"2013-11-04\"},\n"
       " {\"text\": \"B\", \"published\": \"2013-11-04\"}]",
       {"<stdin>:1", "<stdin>:2"}},
      {"pretty object",
       "{\n  \"text\": \"A\",\n  \"published\": \"2013-11-04\"\n}\n",
       {"<stdin>:1"}},
      {"ndjson, bad first line",
       "{\"text\": }\n{\"text\": \"A\", \"published\": \"2013-11-04\"}\n",
       {"ERR <stdin>:1: malformed JSON: syntax error while parsing value - "
        "unexpected '}'; expected '[', '{', or a literal (column 10)",
        "<stdin>:2"}},
      {"empty", " \n", {"ERR <stdin>:1: empty input"}},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    std::istringstream in(c.input);
    ReaderOptions o;
    o.stdin_stream = &in;
    CHECK(Origins(ReadAll({"-"}, o)) == c.origins);
  }
  SECTION("plain text takes --published") {
    std::istringstream in("Titel\n\nText über ein Treffen.\n");
    ReaderOptions o = WithPublished("2013-11-04");
    o.stdin_stream = &in;
    auto items = ReadAll({"-"}, o);
    REQUIRE(items.size() == 1);
    REQUIRE(items[0].ok());
    CHECK(items[0]->title == "Titel");
    CHECK(items[0]->text == "Titel\n\nText über ein Treffen.\n");
  }
  SECTION("NDJSON mode (extract) does not guess") {
    std::istringstream in("{\n\"text\": \"A\"}\n");
    ReaderOptions o;
    o.stdin_stream = &in;
    o.stdin_format = ReaderOptions::StdinFormat::kNdjson;
    auto items = ReadAll({"-"}, o);
    REQUIRE(items.size() == 2);
    CHECK_FALSE(items[0].ok());
    CHECK_FALSE(items[1].ok());
  }
}

TEST_CASE("published: ISO date or date-time on its local day", "[reader]") {
  struct Case {
    const char* published;
    const char* day;  // nullptr: rejected
  };
  const std::vector<Case> cases = {
      {"2013-11-04", "2013-11-04"},
      {"2013-11-04T23:30:00-05:00", "2013-11-04"},
      {"2013-11-04T00:10:00Z", "2013-11-04"},
      {"2013-11-04 08:00", "2013-11-04"},
      {"04.11.2013", nullptr},
      {"2013-13-01", nullptr},
      {"2013-02-30", nullptr},
      {"yesterday", nullptr},
      {"", nullptr},
  };
  for (const auto& c : cases) {
    INFO(c.published);
    std::string line =
        std::string(R"({"text": "t", "published": ")") + c.published + "\"}";
    auto r = ReadArticlesFromBuffer(line, "<buf>", {});
    REQUIRE(r.size() == 1);
    if (c.day) {
      REQUIRE(r[0].ok());
      CHECK(FormatDate(r[0]->published) == c.day);
    } else {
      CHECK_FALSE(r[0].ok());
    }
  }
}

TEST_CASE("language codes are normalised", "[reader]") {
  struct Case {
    const char* in;
    const char* out;  // nullptr: rejected
  };
  for (const auto& c : std::vector<Case>{{"de", "de"},
                                         {"DE", "de"},
                                         {"en-GB", "en"},
                                         {"de_AT", "de"},
                                         {"auto", ""},
                                         {"", ""},
                                         {"deutsch", nullptr},
                                         {"d", nullptr},
                                         {"1a", nullptr}}) {
    INFO(c.in);
    auto r = NormalizeLanguage(c.in);
    if (c.out) {
      REQUIRE(r.ok());
      CHECK(*r == c.out);
    } else {
      CHECK_FALSE(r.ok());
    }
  }
}

TEST_CASE("text_file in a standalone .json names the text", "[reader]") {
  TempDir dir;
  dir.Write("texts/body.md", "Titel\nText.\n");
  std::string j =
      dir.Write("meta.json",
                R"({"published": "2013-11-04", "text_file": "texts/body.md"})");
  auto items = ReadAll({j});
  REQUIRE(items.size() == 1);
  REQUIRE(items[0].ok());
  CHECK(items[0]->text == "Titel\nText.\n");
  CHECK(items[0]->title == "Titel");
  SECTION("never followed for in-memory documents (HTTP POST)") {
    auto r = ReadArticlesFromBuffer(
        R"({"published": "2013-11-04", "text_file": "/etc/passwd"})", "<post>",
        {});
    REQUIRE(r.size() == 1);
    CHECK_FALSE(r[0].ok());
    CHECK(r[0].status().message() == "<post>:1: missing 'text'");
  }
}

TEST_CASE("ReadArticlesFromBuffer: object, array or NDJSON", "[reader]") {
  const char* a = R"({"text": "A", "published": "2013-11-04"})";
  const char* b = R"({"text": "B", "published": "2013-11-04"})";
  CHECK(Origins(ReadArticlesFromBuffer(a, "<post>", {})) ==
        std::vector<std::string>{"<post>:1"});
  CHECK(Origins(ReadArticlesFromBuffer(std::string("[") + a + ",\n" + b + "]",
                                       "<post>", {})) ==
        std::vector<std::string>{"<post>:1", "<post>:2"});
  CHECK(Origins(ReadArticlesFromBuffer(std::string(a) + "\n" + b + "\n",
                                       "<post>", {})) ==
        std::vector<std::string>{"<post>:1", "<post>:2"});
}

TEST_CASE("derived titles skip a BOM and are cut at a character boundary",
          "[reader]") {
  CHECK(DeriveTitle("\xEF\xBB\xBF  Titel\nText") == "Titel");
  CHECK(DeriveTitle("\n \t\n") == "");
  std::string longline(299, 'a');
  longline += "\xC3\xA4\xC3\xA4";  // "ää" crosses byte 300
  std::string t = DeriveTitle(longline, 300);
  CHECK(t == std::string(299, 'a'));
}
