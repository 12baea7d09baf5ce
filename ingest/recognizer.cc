// Recognizer::Load and the dictionary-backed implementation of Find.
#include "ingest/recognizer.h"

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "geo/country.h"
#include "ingest/recognize/compose.h"
#include "ingest/recognize/dictionary.h"
#include "ingest/recognize/matcher.h"
#include "ingest/recognize/normalize.h"

namespace geotl::ingest {
namespace {

class DictionaryRecognizer : public Recognizer {
 public:
  explicit DictionaryRecognizer(std::unique_ptr<recognize::Dictionary> d)
      : dict_(std::move(d)) {}

  std::vector<Mention> Find(std::string_view text, const Sentence& sentence,
                            std::string_view language,
                            core::Date as_of) const override {
    thread_local recognize::TokenBuffer tokens;
    thread_local recognize::MatchBuffer matches;
    std::vector<Mention> out;
    size_t end = std::min(sentence.end, text.size());
    if (sentence.start >= end) return out;
    recognize::Tokenize(text, sentence.start, end, &tokens);
    recognize::MatchTokens(*dict_, tokens, dict_->LanguageBitConst(language),
                           &matches);
    recognize::Compose(*dict_, text, tokens, matches, as_of, language, &out);
    return out;
  }

 private:
  std::unique_ptr<recognize::Dictionary> dict_;
};

}  // namespace

namespace {

// Appends the *.json of each directory and each file named in the
// ':'-separated `paths`; with `strict`, a named file that does not exist is
// kept (loading it reports the error), else skipped.
void AddUserLexicons(const std::string& paths, bool strict,
                     std::vector<std::string>* out) {
  std::stringstream ss(paths);
  std::string item;
  while (std::getline(ss, item, ':')) {
    if (item.empty()) continue;
    std::error_code ec;
    if (std::filesystem::is_directory(item, ec)) {
      std::vector<std::string> files;
      for (const auto& f : std::filesystem::directory_iterator(item, ec)) {
        if (f.path().extension() == ".json") files.push_back(f.path().string());
      }
      std::sort(files.begin(), files.end());
      out->insert(out->end(), files.begin(), files.end());
    } else if (strict || std::filesystem::exists(item, ec)) {
      out->push_back(item);
    }
  }
}

}  // namespace

std::vector<std::string> UserLexiconFiles(const RecognizerOptions& options) {
  std::vector<std::string> out = options.user_lexicons;
  AddUserLexicons(options.user_lexicon_path, true, &out);
  AddUserLexicons(options.user_lexicon_dir, false, &out);
  return out;
}

core::Result<std::shared_ptr<const Recognizer>> Recognizer::Load(
    const RecognizerOptions& options) {
  recognize::CompileOptions co;
  co.lexicon_dir =
      options.lexicon_dir.empty() ? DefaultLexiconDir() : options.lexicon_dir;
  co.user_lexicons = UserLexiconFiles(options);
  co.locale_dir = options.locale_dir;
  ASSIGN_OR_RETURN(std::unique_ptr<recognize::Dictionary> dict,
                   recognize::Compile(co));
  return std::shared_ptr<const Recognizer>(
      std::make_shared<DictionaryRecognizer>(std::move(dict)));
}

void ApplyHomeCountry(const std::string& alpha3,
                      const std::vector<std::string>& article_countries,
                      std::vector<Mention>* m,
                      std::vector<HomeChoice>* choices) {
  std::vector<Mention>& v = *m;
  for (Mention& x : v) {
    if (!x.home || x.home_among.empty() || !x.actor ||
        !x.actor->country.empty())
      continue;
    auto among = [&](const std::string& c) {
      return std::find(x.home_among.begin(), x.home_among.end(), c) !=
             x.home_among.end();
    };
    std::string c = x.home_among.front();
    std::string why = "the first country with such a party";
    if (!alpha3.empty() && among(alpha3)) {
      c = alpha3;
      why = "the sentence's home country";
    } else {
      for (const std::string& a : article_countries)
        if (among(a)) {
          c = a;
          why = "the article's most named country with such a party";
          break;
        }
    }
    x.home = false;
    x.actor->country = c;
    x.actor->code = c + x.actor->code;
    x.rule += " -> " + c + " (" + why + ")";
    if (choices)
      choices->push_back(HomeChoice{x.start, x.end,
                                    "party family -> " + c + " (" + why + ")"});
  }
  if (alpha3.empty()) {
    // No home country: a bare organ ("police", "the army") is a group of
    // the event's place, a bare office holder ("the president") no actor.
    v.erase(std::remove_if(v.begin(), v.end(),
                           [](const Mention& x) {
                             return x.home &&
                                    (!x.actor ||
                                     x.actor->kind == core::ActorKind::kPerson);
                           }),
            v.end());
    for (Mention& x : v)
      if (x.home && x.actor && x.actor->country.empty()) {
        x.home = false;
        x.placed = true;
        x.actor->kind = core::ActorKind::kGroup;
      }
    return;
  }
  const std::string name = geo::CountryName(alpha3, "en");
  for (Mention& x : v) {
    if (!x.home || !x.actor || !x.actor->country.empty()) continue;
    x.actor->country = alpha3;
    x.actor->code = alpha3 + x.actor->code;
    if (x.actor->name.empty()) x.actor->name = name;
  }
}

}  // namespace geotl::ingest
