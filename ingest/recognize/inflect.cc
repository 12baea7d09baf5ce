#include "ingest/recognize/inflect.h"

namespace geotl::ingest::recognize {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

std::vector<std::string> GermanGenitives(std::string_view name) {
  // Only the last word inflects: "Vereinigte Staaten" has none,
  // "Nordkorea" -> "Nordkoreas".
  if (name.empty() || EndsWith(name, "s") || EndsWith(name, "x") ||
      EndsWith(name, "z") || EndsWith(name, "\xc3\x9f") ||
      EndsWith(name, "S") || EndsWith(name, "en") || EndsWith(name, "ei"))
    return {};
  unsigned char last = static_cast<unsigned char>(name.back());
  if (last >= 'A' && last <= 'Z') return {};  // acronyms: "USA"
  return {std::string(name) + "s"};
}

std::vector<std::string> GermanAdjectiveForms(std::string_view stem) {
  std::string s(stem);
  if (EndsWith(s, "e")) s.pop_back();  // "deutsche" given as stem
  return {s, s + "e", s + "en", s + "er", s + "es", s + "em"};
}

std::vector<std::string> GermanDemonymForms(std::string_view noun) {
  std::string n(noun);
  if (EndsWith(n, "er")) return {n, n + "n", n + "in", n + "innen", n + "s"};
  if (EndsWith(n, "e")) {
    std::string stem = n.substr(0, n.size() - 1);
    return {n, n + "n", stem + "in", stem + "innen"};
  }
  return {n, n + "s", n + "en"};
}

std::vector<std::string> GermanNounForms(std::string_view noun) {
  std::string n(noun);
  std::vector<std::string> out = {n, n + "s"};
  if (EndsWith(n, "e") || EndsWith(n, "er") || EndsWith(n, "el")) {
    out.push_back(n + "n");
  } else {
    out.push_back(n + "en");
    out.push_back(n + "es");
  }
  if (EndsWith(n, "er") || EndsWith(n, "ent") || EndsWith(n, "at")) {
    out.push_back(n + "in");
    out.push_back(n + "innen");
  }
  return out;
}

std::vector<std::string> EnglishPlurals(std::string_view noun) {
  std::string n(noun);
  if (EndsWith(n, "s") || EndsWith(n, "ese") || EndsWith(n, "ish") ||
      EndsWith(n, "ch"))
    return {n};
  if (EndsWith(n, "y") && n.size() > 2 &&
      std::string_view("aeiou").find(n[n.size() - 2]) == std::string::npos)
    return {n, n.substr(0, n.size() - 1) + "ies"};
  return {n, n + "s"};
}

}  // namespace geotl::ingest::recognize
