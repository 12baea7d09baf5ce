// Recognizer::Load and the dictionary-backed implementation of Find.
#include "ingest/recognizer.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "geo/country.h"
#include "ingest/petrarch_import.h"
#include "ingest/recognize/compose.h"
#include "ingest/recognize/dictionary.h"
#include "ingest/recognize/matcher.h"
#include "ingest/recognize/normalize.h"

namespace geotl {
namespace {

class DictionaryRecognizer : public Recognizer {
 public:
  explicit DictionaryRecognizer(std::unique_ptr<recognize::Dictionary> d)
      : dict_(std::move(d)) {}

  std::vector<Mention> Find(std::string_view text, const Sentence& sentence,
                            std::string_view language,
                            Date as_of) const override {
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

std::vector<std::string> UserLexiconFiles(const RecognizerOptions& options) {
  std::vector<std::string> out = options.user_lexicons;
  // $GEOTL_USER_LEXICONS: ':'-separated files or directories of *.json
  // (e.g. written by `geotl lexicon import-petrarch`).
  // Unset: the default user lexicon directory, if it exists.
  const char* env = std::getenv("GEOTL_USER_LEXICONS");
  std::string paths = env ? env : DefaultUserLexiconDir();
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
      out.insert(out.end(), files.begin(), files.end());
    } else if (env != nullptr || std::filesystem::exists(item, ec)) {
      out.push_back(item);  // a missing named file is an error
    }
  }
  return out;
}

Result<std::shared_ptr<const Recognizer>> Recognizer::Load(
    const RecognizerOptions& options) {
  recognize::CompileOptions co;
  co.lexicon_dir =
      options.lexicon_dir.empty() ? DefaultLexiconDir() : options.lexicon_dir;
  co.user_lexicons = UserLexiconFiles(options);
  ASSIGN_OR_RETURN(std::unique_ptr<recognize::Dictionary> dict,
                   recognize::Compile(co));
  return std::shared_ptr<const Recognizer>(
      std::make_shared<DictionaryRecognizer>(std::move(dict)));
}

void ApplyHomeCountry(const std::string& alpha3, std::vector<Mention>* m) {
  std::vector<Mention>& v = *m;
  if (alpha3.empty()) {
    v.erase(std::remove_if(v.begin(), v.end(),
                           [](const Mention& x) { return x.home; }),
            v.end());
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

}  // namespace geotl
