#include "ingest/code/german_verbs.h"

#include <string_view>

namespace geotl::ingest::code {

std::vector<std::string> GermanWeakVerbForms(
    const std::string& form, const std::vector<std::string>& not_weak) {
  const size_t sp = form.find(' ');
  const std::string verb = form.substr(0, sp);
  const std::string rest = sp == std::string::npos ? "" : form.substr(sp);
  // A preterite of at least three letters before "-te".
  if (verb.size() < 5 || !verb.ends_with("te")) return {};
  const std::string stem = verb.substr(0, verb.size() - 2);
  for (const std::string& s : not_weak)
    if (stem.ends_with(s)) return {};
  std::vector<std::string> words;
  if (stem.ends_with("e")) {
    // "verabschiedete": stem "verabschied" + e.
    const std::string base = stem.substr(0, stem.size() - 1);
    words = {base + "et", base + "eten", base + "en"};
  } else if ((stem.ends_with("er") || stem.ends_with("el")) &&
             !stem.ends_with("ier")) {
    // "äußerte" -> "äußern", "vermittelte" -> "vermitteln".
    words = {stem + "t", stem + "ten", stem + "n"};
  } else {
    words = {stem + "t", stem + "ten", stem + "en"};
  }
  // The subjunctive of reported speech, 3rd person singular ("lehne …
  // ab", "kritisiere", "fordere", "verabschiede"): "Die Türkei lehne eine
  // Beteiligung ab, sagte der Minister".
  words.push_back(stem.ends_with("e") ? stem : stem + "e");
  std::vector<std::string> out;
  for (const std::string& w : words) out.push_back(w + rest);
  // The past participle, where the form is a verb alone or a reflexive
  // verb ("lobte": "gelobt", "einigte sich": "geeinigt"); separable verbs
  // list theirs ("abgelehnt"). Verbs in "-ieren" and verbs with an
  // inseparable prefix take no "ge-" ("kritisiert", "verabschiedet":
  // already a finite form).
  if (!rest.empty() && rest != " sich") return out;
  if (stem.ends_with("ier")) return out;
  for (std::string_view prefix :
       {"be", "ver", "er", "ent", "zer", "emp", "miss", "ge", "hinter", "über",
        "unter", "wider"})
    if (verb.starts_with(prefix)) return out;
  const std::string participle =
      stem.ends_with("e") ? "ge" + stem.substr(0, stem.size() - 1) + "et"
                          : "ge" + stem + "t";
  out.push_back(participle);
  return out;
}

std::string GermanStrongSubjunctive(
    const std::string& form,
    const std::unordered_map<std::string, std::string>& stems) {
  const size_t sp = form.find(' ');
  auto it = stems.find(form.substr(0, sp));
  if (it == stems.end()) return "";
  return it->second + (sp == std::string::npos ? "" : form.substr(sp));
}

}  // namespace geotl::ingest::code
