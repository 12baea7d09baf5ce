#include "ingest/code/surname_filter.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "ingest/code/tokens.h"

namespace geotl::ingest::code {
namespace {

bool Bare(const Mention& m) {
  return m.kind == MentionKind::kPerson && m.actor &&
         m.actor->text.find(' ') == std::string::npos;
}

// `word` in lower case, as a whole word of `text` ("kurz" for "Kurz").
bool LowerCaseWord(std::string_view text, std::string_view word) {
  if (word.empty() || !std::isupper(static_cast<unsigned char>(word[0])))
    return false;
  std::string lower(word);
  lower[0] =
      static_cast<char>(std::tolower(static_cast<unsigned char>(lower[0])));
  return HoldsWholeWord(text, lower);
}

}  // namespace

std::vector<MentionNote> DropUnanchoredSurnames(
    std::string_view text, std::vector<std::vector<Mention>>* mentions) {
  std::unordered_set<std::string> anchored;  // canonical names
  for (const auto& v : *mentions)
    for (const Mention& m : v)
      if (m.kind == MentionKind::kPerson && m.actor && !Bare(m))
        anchored.insert(m.actor->name);
  std::unordered_map<std::string, bool> common;  // surname -> lower case seen
  auto common_word = [&](const std::string& w) {
    auto it = common.find(w);
    if (it == common.end())
      it = common.emplace(w, LowerCaseWord(text, w)).first;
    return it->second;
  };
  return DropMentions(mentions, [&](const Mention& m) -> std::string {
    if (!Bare(m) || anchored.count(m.actor->name)) return "";
    if (!m.in_office)
      return "bare surname of " + m.actor->name +
             ": neither named in full nor in office";
    if (common_word(m.actor->text))
      return "bare surname of " + m.actor->name +
             ": the article uses the word in lower case";
    return "";
  });
}

}  // namespace geotl::ingest::code
