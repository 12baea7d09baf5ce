// TimeNormalizer: loads lexicons/<lang>/time.json for every language present
// and runs a TimeMatcher per call.
#include "ingest/time/timex.h"

#include <filesystem>
#include <map>

#include "ingest/recognizer.h"
#include "ingest/time/time_matcher.h"

namespace geotl::ingest::time {
namespace {

class RuleTimeNormalizer final : public TimeNormalizer {
 public:
  explicit RuleTimeNormalizer(std::map<std::string, TimeLexicon> lexicons)
      : lexicons_(std::move(lexicons)) {}

  std::vector<Timex> Find(std::string_view document, core::Date dct,
                          std::string_view language) const override {
    if (dct.is_special()) return {};
    auto it = lexicons_.find(std::string(language));
    if (it == lexicons_.end()) it = lexicons_.find("en");
    if (it == lexicons_.end()) it = lexicons_.begin();
    if (it == lexicons_.end()) return {};
    TimeMatcher m(it->second, document, dct);
    return m.Run();
  }

 private:
  std::map<std::string, TimeLexicon> lexicons_;
};

}  // namespace

core::Result<std::shared_ptr<const TimeNormalizer>> TimeNormalizer::Load(
    const std::string& lexicon_dir) {
  namespace fs = std::filesystem;
  std::string dir = lexicon_dir.empty() ? DefaultLexiconDir() : lexicon_dir;
  std::map<std::string, TimeLexicon> lexicons;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    fs::path file = it->path() / "time.json";
    if (!it->is_directory(ec) || !fs::exists(file, ec)) continue;
    ASSIGN_OR_RETURN(TimeLexicon lx, TimeLexicon::Load(file.string()));
    std::string lang = it->path().filename().string();
    if (lx.language.empty()) lx.language = lang;
    lexicons.emplace(lang, std::move(lx));
  }
  if (lexicons.empty())
    return core::Status::NotFound("no time lexicons (*/time.json) under " +
                                  dir);
  return std::shared_ptr<const TimeNormalizer>(
      std::make_shared<RuleTimeNormalizer>(std::move(lexicons)));
}

}  // namespace geotl::ingest::time
