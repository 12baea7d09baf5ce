// Hostile input table (docs/reliability.md): every row is one article, line or
// file that scraped input may hold (invalid UTF-8, NUL bytes, a 50 MB line,
// deep JSON, 100k sentences, years 0 and 9999, right-to-left and mixed scripts,
// emoji, control characters, CSV and HTML injection). One `geotl ingest` run
// over all of them must not crash, must name file:line and the reason of every
// rejected row and store every other row; then `check`, the exports and the
// HTML briefing must stay valid and neutralise what the rows smuggle in.
#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <set>

#include "core/event_json.h"
#include "store/store.h"
#include "tests/cli/cli_fixture.h"

using namespace geotl;
using namespace geotl::testing;
using namespace geotl::core;

namespace {

struct Row {
  std::string name;  // also the article id (when it has a valid one)
  std::string line;  // one NDJSON line, without the newline
  bool stored;       // false: rejected with `reason` at its line
  std::string reason;
};

std::string Article(const std::string& id, const std::string& text,
                    const std::string& published = "2013-11-04",
                    const Json& extra = Json::object()) {
  Json j = extra;
  j["id"] = id;
  j["text"] = text;
  j["published"] = published;
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

const std::string kMeeting =
    "Russland und Japan trafen sich am 3. November in Tokio.";

// 50 MB in one line: coded it would stall the batch for minutes.
std::string HugeLine() {
  std::string text;
  text.reserve(size_t{50} << 20);
  while (text.size() < (size_t{50} << 20)) text += kMeeting + " ";
  return "{\"id\":\"huge-50mb\",\"published\":\"2013-11-04\",\"text\":\"" +
         text + "\"}";
}

std::string HundredThousandSentences() {
  std::string text;
  const char* shorts[] = {"Ja.", "Nein!", "Gut?", "So."};
  for (int i = 0; i < 100000; ++i) {
    if (i) text += ' ';
    text += i % 1000 == 0 ? kMeeting : shorts[i % 4];
  }
  return text;
}

std::vector<Row> Rows() {
  std::vector<Row> rows;
  auto ok = [&](std::string name, std::string line) {
    rows.push_back({std::move(name), std::move(line), true, ""});
  };
  auto bad = [&](std::string name, std::string line, std::string reason) {
    rows.push_back(
        {std::move(name), std::move(line), false, std::move(reason)});
  };
  ok("good-first", Article("good-first", kMeeting));
  bad("utf8-raw-ff",
      "{\"id\":\"utf8-raw-ff\",\"published\":\"2013-11-04\",\"text\":"
      "\"Russland \xff\xfe und Japan\"}",
      "invalid UTF-8");
  bad("utf8-overlong",
      "{\"id\":\"utf8-overlong\",\"published\":\"2013-11-04\",\"text\":"
      "\"Russland \xc0\xaf und Japan\"}",
      "invalid UTF-8");
  bad("utf8-truncated",
      "{\"id\":\"utf8-truncated\",\"published\":\"2013-11-04\",\"text\":"
      "\"Russland und Japan \xe2\x82\"}",
      "invalid UTF-8");
  bad("utf8-lone-surrogate",
      "{\"id\":\"utf8-lone-surrogate\",\"published\":\"2013-11-04\",\"text\":"
      "\"Russland \\ud800 und Japan\"}",
      "malformed JSON");
  bad("nul-in-text",
      "{\"id\":\"nul-in-text\",\"published\":\"2013-11-04\",\"text\":"
      "\"Russland\\u0000Japan trafen sich.\"}",
      "NUL byte");
  ok("nul-in-title", Article("nul-in-title", kMeeting, "2013-11-04",
                             {{"title", std::string("a\0b", 3)}}));
  bad("deep-array", std::string(100000, '[') + std::string(100000, ']'),
      "nested deeper");
  {
    Json deep = Json::array();
    for (int i = 0; i < 40; ++i) deep = Json::array({deep});
    bad("deep-field",
        Article("deep-field", kMeeting, "2013-11-04", {{"extra", deep}}),
        "nested deeper");
  }
  bad("huge-50mb", HugeLine(), "more than the 4194304 geotl ingest codes");
  ok("sentences-100k", Article("sentences-100k", HundredThousandSentences()));
  bad("year-0", Article("year-0", kMeeting, "0000-01-01"), "year out of range");
  ok("year-9999",
     Article("year-9999",
             "Russland und Japan trafen sich am 31. Dezember 9999 in Tokio. Am "
             "Tag danach und im nächsten Jahr wollen sie sich wieder treffen. "
             "Im Jahr 0 und im Jahr 10000 nicht.",
             "9999-12-31"));
  ok("year-9999-en",
     Article("year-9999-en",
             "Russia and Japan will meet on December 31, 9999, again the next "
             "day and next year, and met in the year 0 and 400 BC.",
             "9999-12-30", {{"language", "en"}}));
  ok("year-1400",
     Article("year-1400",
             "Russland und Japan trafen sich gestern, am 1. Januar 1400, und "
             "vor zwei Jahren.",
             "1400-01-01"));
  ok("rtl-mixed",
     Article("rtl-mixed",
             "اجتمعت روسيا واليابان في طوكيو. נפגשו ברוסיה. Russland und "
             "Japan trafen sich am 3. November in \u202eoikoT\u202c und "
             "Rus\u200fsland. Россия и Япония встретились в Токио 東京.",
             "2013-11-04",
             {{"title", "\u202e\u0631\u0648\u0633\u064a\u0627"}}));
  ok("emoji",
     Article(
         "emoji",
         "\U0001F1F7\U0001F1FA Russland und \U0001F1EF\U0001F1F5 Japan "
         "trafen sich \U0001F91D am 3. November in Tokio \U0001F3EF. "
         "\U0001F468\u200D\U0001F469\u200D\U0001F467 Russ\U0001F600land.",
         "2013-11-04",
         {{"title", "\U0001F4A5 Breaking"}, {"source", "News \U0001F4F0"}}));
  ok("control-in-names",
     Article("control-in-names",
             "Russland und Ja\u007fpan trafen sich am 3. November in "
             "Tokio.\u001b[2J Russ\u0001land.",
             "2013-11-04",
             {{"title", "Ti\u0007tle\u001b[31m"},
              {"source", "Out\u0001let\u007f\u001b[31m"}}));
  bad("control-in-id", Article("control\u0001id", kMeeting),
      "without control characters");
  ok("csv-injection",
     Article("csv-injection",
             "=HYPERLINK(\"http://evil.example\";\"x\") Russland und Japan "
             "trafen sich am 3. November in Tokio.",
             "2013-11-04",
             {{"source", "=cmd|' /C calc'!A0"},
              {"title", "+SUM(A1:A9)"},
              {"url", "@http://evil.example"}}));
  ok("csv-injection-2",
     Article("csv-injection-2",
             "-2+3 Russland verhängte Sanktionen gegen Japan. @SUM(1+1) "
             "Frankreich kritisierte Polen scharf.",
             "2013-11-05", {{"source", "-1+1"}, {"title", "@x"}}));
  ok("html-injection",
     Article("html-injection",
             "<script>alert('x')</script> Indien und China trafen sich am 5. "
             "Dezember in Peking <img src=x onerror=alert(1)> & \"Freunde\".",
             "2013-12-06",
             {{"source", "<script>alert(1)</script>"},
              {"title", "<img src=x onerror=alert(2)>"},
              {"url", "http://x.example/?a=\"><script>alert(3)</script>"}}));
  ok("good-last", Article("good-last", kMeeting, "2013-11-07"));
  return rows;
}

// Files beside the NDJSON (path order: after batch.ndjson).
struct FileRow {
  std::string file;
  std::string bytes;
  bool stored;
  std::string where;  // "file:line:" of the rejection
  std::string reason;
};

std::vector<FileRow> FileRows() {
  return {
      {"c-utf8.txt", "Russland und Japan.\nTrafen sich.\nIn \xff Tokio.\n",
       false, "c-utf8.txt:3:", "invalid UTF-8"},
      {"d-nul.txt", std::string("Russland und\nJapan\0trafen sich.", 31), false,
       "d-nul.txt:2:", "NUL"},
      {"e-deep.json", std::string(1000000, '[') + std::string(1000000, ']'),
       false, "e-deep.json:1:", "nested deeper"},
      {"f-bom-crlf.txt",
       "\xEF\xBB\xBFRussland und Japan trafen sich\r\nam 3. "
       "November in Tokio.\r\n",
       true, "", ""},
  };
}

// Splits one CSV record stream (RFC 4180, CRLF) into rows of cells.
std::vector<std::vector<std::string>> ParseCsv(const std::string& s) {
  std::vector<std::vector<std::string>> rows(1);
  std::string cell;
  bool quoted = false, in_quotes = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (in_quotes) {
      if (c == '"' && i + 1 < s.size() && s[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        in_quotes = false;
      } else {
        cell += c;
      }
    } else if (c == '"' && cell.empty() && !quoted) {
      in_quotes = quoted = true;
    } else if (c == ',') {
      rows.back().push_back(cell);
      cell.clear();
      quoted = false;
    } else if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') {
      rows.back().push_back(cell);
      cell.clear();
      quoted = false;
      rows.emplace_back();
      ++i;
    } else {
      cell += c;
    }
  }
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

bool IsNumber(const std::string& s) {
  if (s.empty()) return false;
  char* end = nullptr;
  std::strtod(s.c_str(), &end);
  return end == s.c_str() + s.size();
}

bool HasControl(const std::string& s) {
  for (unsigned char c : s)
    if (c < 0x20 || c == 0x7f) return true;
  return false;
}

}  // namespace

TEST_CASE(
    "hostile input table: one ingest run, nothing crashes, every row "
    "accounted for",
    "[hostile]") {
  TempDir dir;
  const auto rows = Rows();
  const auto files = FileRows();
  {
    std::filesystem::create_directories(dir / "in");
    std::ofstream out(dir / "in/batch.ndjson", std::ios::binary);
    for (const auto& r : rows) out << r.line << '\n';
  }
  for (const auto& f : files) {
    dir.Write("in/" + f.file, f.bytes);
    if (f.file.size() > 4 && f.file.substr(f.file.size() - 4) == ".txt") {
      std::string stem = f.file.substr(0, f.file.size() - 4);
      dir.Write("in/" + stem + ".json",
                "{\"id\":\"" + stem + "\",\"published\":\"2013-11-04\"}");
    }
  }

  auto t0 = std::chrono::steady_clock::now();
  auto r = Geotl(dir, {"ingest", "--db", "db", "in"});
  double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0)
          .count();
  INFO("stderr: " << r.err.substr(0, 4000));
  INFO("stdout: " << r.out);
  REQUIRE(r.code == 3);  // done, some input rejected (not 1, not a signal)
  WARN("hostile batch ingested in " << secs << " s");

  size_t n_stored = 0, n_rejected = 0;
  for (size_t i = 0; i < rows.size(); ++i) {
    const Row& row = rows[i];
    std::string where = "batch.ndjson:" + std::to_string(i + 1) + ":";
    INFO("row " << row.name << " (" << where << ")");
    size_t at = r.err.find(where);
    if (row.stored) {
      ++n_stored;
      CHECK(at == std::string::npos);
    } else {
      ++n_rejected;
      REQUIRE(at != std::string::npos);
      std::string msg = r.err.substr(at, r.err.find('\n', at) - at);
      INFO("message: " << msg);
      CHECK(msg.find(row.reason) != std::string::npos);
      CHECK(msg.size() < 300);  // a 50 MB line is not echoed back
    }
  }
  for (const auto& f : files) {
    INFO("file " << f.file);
    if (f.stored) {
      ++n_stored;
      CHECK(r.err.find(f.file) == std::string::npos);
    } else {
      ++n_rejected;
      size_t at = r.err.find(f.where);
      REQUIRE(at != std::string::npos);
      std::string msg = r.err.substr(at, r.err.find('\n', at) - at);
      INFO("message: " << msg);
      CHECK(msg.find(f.reason) != std::string::npos);
    }
  }
  CHECK(r.out.find("ingested " + std::to_string(n_stored) + " articles: " +
                   std::to_string(n_stored) + " stored, 0 unchanged, " +
                   std::to_string(n_rejected) + " rejected") == 0);

  auto check = Geotl(dir, {"check", "--db", "db"});
  INFO(check.out << check.err);
  CHECK(check.code == 0);

  {
    geotl::store::StoreOptions so = geotl::store::StoreOptions::ForRead();
    auto store = store::Store::Open(dir / "db", so);
    REQUIRE(store.ok());
    for (const auto& row : rows) {
      if (!row.stored) continue;
      auto has = (*store)->HasArticle(row.name);
      REQUIRE(has.ok());
      INFO("article " << row.name);
      CHECK(*has);
    }
    auto has_txt = (*store)->HasArticle("f-bom-crlf");
    REQUIRE(has_txt.ok());
    CHECK(*has_txt);
  }

  // NDJSON export: strict JSON (nlohmann checks UTF-8), names without
  // control characters.
  auto nd = Geotl(dir, {"export", "--db", "db", "--format", "ndjson"});
  REQUIRE(nd.code == 0);
  std::set<std::string> with_events;
  size_t pos = 0;
  while (pos < nd.out.size()) {
    size_t nl = nd.out.find('\n', pos);
    std::string line = nd.out.substr(pos, nl - pos);
    pos = nl + 1;
    Json e = Json::parse(line, nullptr, false);
    REQUIRE(!e.is_discarded());
    for (const auto& s : e["sources"]) {
      with_events.insert(s["article"].get<std::string>());
      CHECK(!HasControl(s["publisher"].get<std::string>()));
    }
  }
  for (const char* id : {"good-first", "good-last", "csv-injection",
                         "html-injection", "control-in-names", "emoji"}) {
    INFO("events of " << id);
    CHECK(with_events.count(id) == 1);
  }

  // CSV: no text cell starts a formula; the injected cells are there, quoted.
  auto csv = Geotl(dir, {"export", "--db", "db", "--format", "csv"});
  REQUIRE(csv.code == 0);
  auto table = ParseCsv(csv.out);
  REQUIRE(table.size() > 1);
  size_t neutralised = 0;
  for (size_t i = 1; i < table.size(); ++i) {
    REQUIRE(table[i].size() == table[0].size());
    for (const auto& cell : table[i]) {
      if (cell.empty() || IsNumber(cell)) continue;
      INFO("cell " << cell);
      CHECK(std::string_view("=+-@\t\r").find(cell[0]) ==
            std::string_view::npos);
      if (cell.rfind("'=", 0) == 0 || cell.rfind("'-", 0) == 0 ||
          cell.rfind("'@", 0) == 0 || cell.rfind("'+", 0) == 0)
        ++neutralised;
    }
  }
  CHECK(neutralised >= 2);  // the =cmd publisher and the =HYPERLINK quote

  // HTML briefing and the JSON exports: injected markup comes out escaped.
  auto html = Geotl(dir, {"brief", "--db", "db", "--format", "html", "--from",
                          "2013-12", "--to", "2013-12"});
  REQUIRE(html.code == 0);
  CHECK(html.out.find("<script>alert") == std::string::npos);
  CHECK(html.out.find("<img src=x") == std::string::npos);
  CHECK(html.out.find("\"><script>") == std::string::npos);
  // The publisher is shown, escaped (so the check above could fail).
  CHECK(html.out.find("&lt;script&gt;alert(1)&lt;/script&gt;") !=
        std::string::npos);
  for (const char* fmt : {"geojson", "timelinejs"}) {
    auto j = Geotl(dir, {"export", "--db", "db", "--format", fmt});
    INFO(fmt << ": " << j.err);
    REQUIRE(j.code == 0);
    CHECK(!Json::parse(j.out, nullptr, false).is_discarded());
  }
}
