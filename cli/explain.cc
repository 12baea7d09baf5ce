// `geotl explain [--lang auto|de|en] [--format text|json]`: articles NDJSON on
// stdin; for each article every sentence, every recognised span with what it
// resolved to and the lexicon entry or rule that produced it, and the coded
// events with their traces. JSON: one object per article per line,
// {"article","language","sentences":[{start,end}],"furniture":[…],
//  "spans":[{start,end,sentence,text,kind,name,code,country,sector,rule,…}],
//  "places":[{start,end,sentence,text,place,rule}] (the coder's readings),
//  "notes":[{sentence?,start?,end?,text?,rule}] (article-level decisions:
//  home country, dropped mentions, the topic gate),
//  "events":[event + "trace"]}, byte offsets into the article text.
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/command.h"
#include "cli/environment.h"
#include "core/event_json.h"
#include "ingest/coder.h"
#include "ingest/reader.h"
#include "ingest/recognizer.h"
#include "ingest/text.h"

namespace geotl::cli {
namespace {

struct ExplainFlags {
  std::string lang = "auto", format = "text", lexicons;
  std::vector<std::string> user_lexicons;
};

std::string_view KindName(ingest::MentionKind k) {
  switch (k) {
    case ingest::MentionKind::kCountry:
      return "country";
    case ingest::MentionKind::kPerson:
      return "person";
    case ingest::MentionKind::kRole:
      return "role";
    case ingest::MentionKind::kOrganization:
      return "organization";
    case ingest::MentionKind::kGroup:
      return "group";
    case ingest::MentionKind::kPlace:
      return "place";
  }
  return "";
}

core::Json SpanJson(const ingest::Mention& m, const std::string& text,
                    size_t sentence) {
  core::Json j;
  j["start"] = m.start;
  j["end"] = m.end;
  j["sentence"] = sentence;
  j["text"] = text.substr(m.start, m.end - m.start);
  j["kind"] = std::string(KindName(m.kind));
  if (m.actor) {
    j["name"] = m.actor->name;
    j["code"] = m.actor->code;
    j["country"] = m.actor->country;
    j["sector"] = m.actor->sector;
    j["actor_kind"] = std::string(ToString(m.actor->kind));
  } else {
    j["name"] = m.place ? m.place->name : "";
    j["code"] = nullptr;
    j["country"] = m.place ? m.place->country : "";
    j["sector"] = nullptr;
  }
  if (m.place) j["place"] = ToJson(*m.place);
  j["rule"] = m.rule;
  return j;
}

void PrintText(const core::Json& a, const std::string& text) {
  std::cout << "article " << a["article"].get<std::string>() << " ("
            << a["language"].get<std::string>() << ")\n";
  for (const core::Json& n : a["notes"])
    if (!n.contains("sentence"))
      std::cout << "  " << n["rule"].get<std::string>() << "\n";
  const core::Json& spans = a["spans"];
  size_t k = 0;
  for (size_t i = 0; i < a["sentences"].size(); ++i) {
    size_t s = a["sentences"][i]["start"], e = a["sentences"][i]["end"];
    std::cout << "  [" << i << "] " << s << "-" << e << ": "
              << text.substr(s, e - s) << "\n";
    while (k < spans.size() && spans[k]["sentence"] == i) {
      const core::Json& m = spans[k++];
      std::cout << "      \"" << m["text"].get<std::string>() << "\" -> "
                << m["kind"].get<std::string>() << " "
                << m["name"].get<std::string>();
      if (m["code"].is_string())
        std::cout << " [" << m["code"].get<std::string>() << "]";
      if (m.contains("place"))
        std::cout << " @" << m["place"]["precision"].get<std::string>() << " "
                  << m["place"]["country"].get<std::string>();
      std::cout << "  (" << m["rule"].get<std::string>() << ")\n";
    }
    for (const core::Json& n : a["notes"])
      if (n.contains("sentence") && n["sentence"] == i)
        std::cout << "      \"" << n["text"].get<std::string>() << "\" "
                  << n["rule"].get<std::string>() << "\n";
    for (const core::Json& r : a["places"]) {
      if (r["sentence"] != i) continue;
      const core::Json& p = r["place"];
      std::cout << "      \"" << r["text"].get<std::string>()
                << "\" -> read as " << p.value("name", "") << " @"
                << p.value("precision", "") << " " << p.value("country", "");
      if (p.contains("geonames_id"))
        std::cout << " (geonames " << p["geonames_id"].get<uint32_t>() << ")";
      std::cout << "  (" << r["rule"].get<std::string>() << ")\n";
    }
  }
  for (const core::Json& f : a["furniture"]) {
    size_t s = f["start"], e = f["end"];
    std::cout << "  furniture " << s << "-" << e << ": "
              << text.substr(s, e - s) << "\n";
  }
  for (const core::Json& ev : a["events"]) {
    std::cout << "  event " << ev.value("type", "") << " / "
              << ev.value("label", "") << " " << ev.value("status", "");
    if (ev.contains("date") && ev["date"].is_object())
      std::cout << " " << ev["date"].value("start", "") << ".."
                << ev["date"].value("end", "");
    std::cout << "\n";
    for (const char* role : {"actors", "recipients"}) {
      if (!ev.contains(role)) continue;
      for (const core::Json& x : ev[role])
        std::cout << "      " << role << ": " << x.value("code", "") << " ("
                  << x.value("text", "") << ")\n";
    }
    if (ev.contains("trace")) {
      std::cout << "      trace: " << ev["trace"].value("trigger", "") << "; "
                << ev["trace"].value("rule", "") << "\n";
      std::cout << "      confidence " << ev.value("confidence", 0.0)
                << " from";
      for (const auto& [name, value] : ev["trace"]["features"].items())
        std::cout << " " << name << "=" << value.get<double>();
      std::cout << "\n";
    }
  }
}

int RunExplain(const ExplainFlags& f) {
  ingest::CoderOptions co = CoderOptionsFor(f.lexicons);
  co.recognizer.user_lexicons = f.user_lexicons;
  auto rec = ingest::Recognizer::Load(co.recognizer);
  if (!rec.ok()) {
    PrintError(rec.status().ToString());
    return kExitError;
  }
  auto coder = ingest::Coder::Load(co);
  if (!coder.ok()) {
    PrintError("events unavailable: " + coder.status().ToString());
  }
  ingest::ReaderOptions opts;
  opts.stdin_format = ingest::ReaderOptions::StdinFormat::kNdjson;
  if (f.lang != "auto") opts.overrides.language = f.lang;
  ingest::ArticleReader reader({"-"}, opts);
  int rc = kExitOk;
  while (auto item = reader.Next()) {
    if (!item->ok()) {
      PrintError(item->status().message());
      continue;
    }
    const core::Article& article = item->value();
    std::string lang = f.lang != "auto" ? f.lang : article.language;
    ingest::PreparedText prep = ingest::PrepareText(article.text, lang);
    core::Json a;
    a["article"] = article.id;
    a["language"] = prep.language;
    a["sentences"] = core::Json::array();
    a["furniture"] = core::Json::array();
    a["spans"] = core::Json::array();
    a["events"] = core::Json::array();
    a["places"] = core::Json::array();
    a["notes"] = core::Json::array();
    for (size_t i = 0; i < prep.sentences.size(); ++i) {
      const ingest::Sentence& s = prep.sentences[i];
      a["sentences"].push_back({{"start", s.start}, {"end", s.end}});
      for (const ingest::Mention& m :
           (*rec)->Find(article.text, s, prep.language, article.published))
        a["spans"].push_back(SpanJson(m, article.text, i));
    }
    for (const ingest::Sentence& s : prep.furniture)
      a["furniture"].push_back({{"start", s.start}, {"end", s.end}});
    if (coder.ok()) {
      core::Article copy = article;
      copy.language = prep.language;
      std::vector<ingest::EventTrace> traces;
      std::vector<ingest::PlaceReading> places;
      std::vector<ingest::ArticleNote> notes;
      std::vector<core::Event> events =
          (*coder)->Code(copy, &traces, &places, &notes);
      for (const ingest::ArticleNote& n : notes) {
        core::Json j = {{"rule", n.rule}};
        if (n.sentence != ingest::ArticleNote::kArticle) {
          j["sentence"] = n.sentence;
          j["start"] = n.start;
          j["end"] = n.end;
          j["text"] = article.text.substr(n.start, n.end - n.start);
        }
        a["notes"].push_back(std::move(j));
      }
      for (const ingest::PlaceReading& r : places)
        a["places"].push_back(
            {{"start", r.start},
             {"end", r.end},
             {"sentence", r.sentence},
             {"text", article.text.substr(r.start, r.end - r.start)},
             {"place", ToJson(r.place)},
             {"rule", r.rule}});
      for (size_t i = 0; i < events.size(); ++i) {
        core::Json ev = ToJson(events[i]);
        if (i < traces.size()) {
          ev["trace"] = {{"trigger", traces[i].trigger},
                         {"rule", traces[i].rule}};
          core::Json feats = core::Json::object();
          for (const auto& [name, value] : traces[i].features)
            feats[name] = value;
          ev["trace"]["features"] = std::move(feats);
        }
        a["events"].push_back(std::move(ev));
      }
    }
    if (f.format == "json") {
      std::cout << a.dump(-1, ' ', false, core::Json::error_handler_t::replace)
                << '\n';
    } else {
      PrintText(a, article.text);
    }
  }
  std::cout.flush();
  return std::cout ? rc : kExitError;
}

const bool kRegistered = RegisterCommand(
    {"explain",
     "show sentences, recognised spans and coded events with the rules that "
     "fired (articles NDJSON on stdin)",
     [](CLI::App* app) -> std::function<int()> {
       auto f = std::make_shared<ExplainFlags>();
       app->add_option("--lang", f->lang, "auto|de|en (default auto)")
           ->check(CLI::IsMember({"auto", "de", "en"}));
       app->add_option("--format", f->format, "text|json (default text)")
           ->check(CLI::IsMember({"text", "json"}));
       app->add_option("--lexicons", f->lexicons,
                       "lexicon root (default: the installed lexicons)");
       app->add_option("--user-lexicon", f->user_lexicons,
                       "extra user lexicon file (repeatable; see "
                       "docs/lexicons.md, also $GEOTL_USER_LEXICONS)");
       return [f] { return RunExplain(*f); };
     }});

}  // namespace
}  // namespace geotl::cli
