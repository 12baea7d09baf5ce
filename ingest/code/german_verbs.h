// The other forms of a German weak verb, from the one form a trigger
// lexicon lists. "kritisierte" is also "kritisiert", "kritisieren",
// "kritisierten"; "lehnte ... ab" is also "lehnt ... ab", "lehnen ... ab",
// "lehnten ... ab", and the subjunctive of reported speech "lehne ... ab",
// "kritisiere"; "lobte" brings the participle "gelobt", "einigte sich"
// "geeinigt" (separable verbs list theirs). Only the first word of a form, and
// only a preterite in
// "-te", is inflected: strong verbs ("traf") keep the forms the lexicon
// lists. Mixed verbs ("nannte", "brachte") change their stem; the lexicon
// names such stems and they are left alone. Pure function; thread-safe.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

namespace geotl::ingest::code {

// `form` case-folded, words separated by single spaces; `not_weak` the
// stems ("nann", "brach") that are not weak verbs. Returns the generated
// forms, without `form` itself.
std::vector<std::string> GermanWeakVerbForms(
    const std::string& form, const std::vector<std::string>& not_weak);

// A strong or mixed verb's form with the subjunctive of reported speech
// for its first word, when `stems` (preterite -> subjunctive) knows it:
// "warf ... vor" -> "werfe ... vor"; "" otherwise. Pure function.
std::string GermanStrongSubjunctive(
    const std::string& form,
    const std::unordered_map<std::string, std::string>& stems);

}  // namespace geotl::ingest::code
