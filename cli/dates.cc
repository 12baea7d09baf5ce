// `geotl dates --dct DATE [--lang auto|de|en]`: reads stdin to EOF as one
// UTF-8 document and prints its time expressions as NDJSON, in text order:
// {start,end,text,type,value,mod?,from,to,granularity} (byte offsets, end
// exclusive; from/to inclusive days or null).
#include <iostream>
#include <iterator>
#include <string>

#include "cli/command.h"
#include "cli/environment.h"
#include "core/date_range.h"
#include "core/event_json.h"
#include "ingest/text.h"
#include "ingest/time/timex.h"

namespace geotl::cli {
namespace {

struct DatesFlags {
  std::string dct, lang = "auto", lexicons;
};

int RunDates(const DatesFlags& f) {
  auto dct = core::ParsePublished(f.dct);
  if (!dct.ok()) {
    PrintError("--dct: " + dct.status().ToString());
    return kExitUsage;
  }
  auto norm = ingest::time::TimeNormalizer::Load(LexiconDir(f.lexicons));
  if (!norm.ok()) {
    PrintError(norm.status().ToString());
    return kExitError;
  }
  std::string doc((std::istreambuf_iterator<char>(std::cin)),
                  std::istreambuf_iterator<char>());
  std::string lang = f.lang;
  if (lang.empty() || lang == "auto") lang = ingest::DetectLanguage(doc);
  for (const ingest::time::Timex& t : (*norm)->Find(doc, *dct, lang)) {
    core::Json j;
    j["start"] = t.start;
    j["end"] = t.end;
    j["text"] = t.text;
    j["type"] = t.type;
    j["value"] = t.value;
    if (!t.mod.empty()) j["mod"] = t.mod;
    if (t.range) {
      j["from"] = core::FormatDate(t.range->start);
      j["to"] = core::FormatDate(t.range->end);
      j["granularity"] = std::string(ToString(t.range->granularity));
      j["precision"] = std::string(ToString(t.range->precision));
    } else {
      j["from"] = nullptr;
      j["to"] = nullptr;
      j["granularity"] = nullptr;
    }
    std::cout << j.dump(-1, ' ', false, core::Json::error_handler_t::replace)
              << '\n';
  }
  std::cout.flush();
  return std::cout ? kExitOk : kExitError;
}

const bool kRegistered = RegisterCommand(
    {"dates", "find and normalise time expressions in one document (stdin)",
     [](CLI::App* app) -> std::function<int()> {
       auto f = std::make_shared<DatesFlags>();
       app->add_option("--dct", f->dct,
                       "document creation time: YYYY-MM-DD or ISO date-time")
           ->required();
       app->add_option("--lang", f->lang, "auto|de|en (default auto)")
           ->check(CLI::IsMember({"auto", "de", "en"}));
       app->add_option("--lexicons", f->lexicons,
                       "lexicon root (default: the installed lexicons)");
       return [f] { return RunDates(*f); };
     }});

}  // namespace
}  // namespace geotl::cli
