// The store keeps each article's text, metadata and coder version
// (Store::GetArticle, ForEachArticle), for `geotl recode`.
#include <catch2/catch.hpp>

#include "core/event_json.h"
#include "store/store.h"
#include "tests/store/test_util.h"

using namespace geotl::core;
using namespace geotl::store;

namespace geotl {
namespace {

using testing::EventGen;
using testing::TempDir;

std::unique_ptr<Store> MustOpen(const std::string& path) {
  auto r = Store::Open(path, StoreOptions());
  REQUIRE(r.ok());
  return std::move(r).value();
}

Article Full(const std::string& id) {
  Article a;
  a.id = id;
  a.url = "https://example.org/" + id;
  a.title = "Titel für " + id;
  a.text = "Titel für " + id + "\n\nBerlin und Warschau: \"Treffen\"\t\x01.";
  a.published = Date(2024, 3, 12);
  a.language = "de";
  a.source = "Tagesblatt";
  a.origin = "file.ndjson:3";
  a.coder = "0123456789ab";
  return a;
}

}  // namespace

TEST_CASE("store: an article's text, metadata and coder are kept") {
  TempDir dir;
  EventGen gen(7);
  {
    auto store = MustOpen(dir.Sub("db"));
    Article a = Full("a2");
    REQUIRE(store->PutArticle(a, {gen.MakeEvent("e1", "a2")}).ok());
    REQUIRE(store->PutArticle(Full("a1"), {}).ok());
    CHECK(store->Check().value().empty());
  }
  auto store = MustOpen(dir.Sub("db"));  // and after a reopen
  auto got = store->GetArticle("a2");
  REQUIRE(got.ok());
  REQUIRE(got->has_value());
  const StoredArticle& s = **got;
  Article want = Full("a2");
  CHECK(s.has_text);
  CHECK(s.article.id == want.id);
  CHECK(s.article.url == want.url);
  CHECK(s.article.title == want.title);
  CHECK(s.article.text == want.text);
  CHECK(s.article.published == want.published);
  CHECK(s.article.language == want.language);
  CHECK(s.article.source == want.source);
  CHECK(s.article.coder == want.coder);
  CHECK(s.article.origin.empty());
  CHECK(s.event_ids == std::vector<std::string>{"e1"});
  CHECK_FALSE(store->GetArticle("nope").value().has_value());

  std::vector<std::string> ids;
  REQUIRE(store
              ->ForEachArticle([&](const StoredArticle& x) {
                ids.push_back(x.article.id);
                CHECK(x.has_text);
                return Status::Ok();
              })
              .ok());
  CHECK(ids == std::vector<std::string>{"a1", "a2"});
  Status stop = store->ForEachArticle(
      [](const StoredArticle&) { return Status::Invalid("stop"); });
  CHECK(stop.code() == Code::kInvalidArgument);
}

TEST_CASE("store: the coder version of an article and its events") {
  TempDir dir;
  EventGen gen(8);
  auto store = MustOpen(dir.Sub("db"));
  // Without a version of its own, an article takes its events' common one.
  Article a = gen.MakeArticle("a1");
  std::vector<Event> ev = {gen.MakeEvent("e1", "a1"),
                           gen.MakeEvent("e2", "a1")};
  for (Event& e : ev) e.coder = "aaaaaaaaaaaa";
  REQUIRE(store->PutArticle(a, ev).ok());
  CHECK(store->GetArticle("a1").value()->article.coder == "aaaaaaaaaaaa");
  CHECK(store->GetEvent("e1").value()->coder == "aaaaaaaaaaaa");
  // The same events re-coded by another version are a change: written, and
  // the events carry the new version.
  for (Event& e : ev) e.coder = "bbbbbbbbbbbb";
  auto put = store->PutArticle(a, ev);
  REQUIRE(put.ok());
  CHECK(put->changed);
  CHECK(store->GetEvent("e2").value()->coder == "bbbbbbbbbbbb");
  // An article without events keeps the version it was coded by.
  Article b = gen.MakeArticle("b1");
  b.coder = "cccccccccccc";
  REQUIRE(store->PutArticle(b, {}).ok());
  CHECK(store->GetArticle("b1").value()->article.coder == "cccccccccccc");
  b.coder = "dddddddddddd";
  CHECK(store->PutArticle(b, {}).value().changed);
  CHECK(store->GetArticle("b1").value()->article.coder == "dddddddddddd");
  CHECK(store->Check().value().empty());
}

TEST_CASE("store: a text that is not valid UTF-8 is not kept") {
  TempDir dir;
  EventGen gen(9);
  auto store = MustOpen(dir.Sub("db"));
  for (const std::string& bad :
       {std::string("abc \xff def"), std::string("\xc3"),
        std::string("\xed\xa0\x80"), std::string("\xc0\xaf"),
        std::string("\xf4\x90\x80\x80")}) {
    Article a = gen.MakeArticle("bad");
    a.text = bad;
    REQUIRE(store->PutArticle(a, {}).ok());
    auto got = store->GetArticle("bad").value();
    REQUIRE(got.has_value());
    CHECK_FALSE(got->has_text);
    CHECK(got->article.text.empty());
  }
  Article ok = gen.MakeArticle("ok");
  ok.text = "Grüße \xf0\x9f\x8c\x8d \xe2\x82\xac";
  REQUIRE(store->PutArticle(ok, {}).ok());
  CHECK(store->GetArticle("ok").value()->article.text == ok.text);
  // No text at all (as `geotl load` makes them): nothing to re-code from.
  Article empty = gen.MakeArticle("empty");
  empty.text.clear();
  REQUIRE(store->PutArticle(empty, {}).ok());
  CHECK_FALSE(store->GetArticle("empty").value()->has_text);
}

}  // namespace geotl
