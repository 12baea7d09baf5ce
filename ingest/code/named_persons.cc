#include "ingest/code/named_persons.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <string>

namespace geotl::ingest::code {
namespace {

// Inside a word: an ASCII letter or digit, or any byte of a multibyte UTF-8
// character (German umlauts).
bool WordByte(char c) {
  const unsigned char u = static_cast<unsigned char>(c);
  return u >= 0x80 || std::isalnum(u);
}

// The surname of a name of two or three capitalised words: its last word.
std::string Surname(const std::string& name) {
  const size_t sp = name.rfind(' ');
  if (sp == std::string::npos || sp + 1 >= name.size()) return "";
  std::string last = name.substr(sp + 1);
  if (last.size() < 3 || !std::isupper(static_cast<unsigned char>(last[0])))
    return "";
  return last;
}

bool Covered(const std::vector<Mention>& v, size_t start, size_t end) {
  for (const Mention& m : v)
    if (m.start < end && start < m.end) return true;
  return false;
}

}  // namespace

void AddSurnameMentions(std::string_view text,
                        const std::vector<Sentence>& sentences,
                        std::vector<std::vector<Mention>>* mentions) {
  // Surname -> the person's actor, from the first role mention naming them;
  // a surname two persons share names neither.
  struct Named {
    size_t sentence;  // where the person is first named
    core::Actor actor;
    bool commentator;
  };
  std::map<std::string, Named> known;
  std::map<std::string, bool> shared;
  for (size_t si = 0; si < mentions->size(); ++si)
    for (const Mention& m : (*mentions)[si]) {
      if (m.kind != MentionKind::kRole || !m.actor ||
          m.actor->kind != core::ActorKind::kPerson || m.actor->country.empty())
        continue;
      const std::string surname = Surname(m.actor->name);
      if (surname.empty()) continue;
      auto it = known.find(surname);
      if (it == known.end())
        known.emplace(surname, Named{si, *m.actor, m.commentator});
      else if (it->second.actor.name != m.actor->name)
        shared[surname] = true;
    }
  for (const auto& [surname, first] : known) {
    if (shared.count(surname)) continue;
    for (size_t si = first.sentence; si < sentences.size(); ++si) {
      const Sentence& s = sentences[si];
      std::vector<Mention>& v = (*mentions)[si];
      const std::string_view body = text.substr(s.start, s.end - s.start);
      for (size_t at = body.find(surname); at != std::string_view::npos;
           at = body.find(surname, at + 1)) {
        const size_t start = s.start + at, end = start + surname.size();
        if (start > 0 && WordByte(text[start - 1])) continue;
        // "Albright's" is hers; "Schneebergers" is not read as his.
        if (end < text.size() && WordByte(text[end])) continue;
        if (Covered(v, start, end)) continue;
        Mention m;
        m.start = start;
        m.end = end;
        m.kind = MentionKind::kPerson;
        m.actor = first.actor;
        m.actor->text = std::string(surname);
        m.commentator = first.commentator;
        m.rule = "surname of " + first.actor.name + ", named with a role";
        v.push_back(std::move(m));
      }
      std::sort(v.begin(), v.end(), [](const Mention& a, const Mention& b) {
        return a.start < b.start;
      });
    }
  }
}

}  // namespace geotl::ingest::code
