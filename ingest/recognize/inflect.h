// Surface forms generated from lexicon base forms: German genitives
// ("Russland" -> "Russlands"), adjective endings (japanisch -> japanische,
// -en, -er, -es, -em), demonyms (Japaner -> Japanerin, Japanern), noun
// endings for role nouns, and English plurals. Over-generation is harmless:
// forms only ever match text. Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace geotl::ingest::recognize {

std::vector<std::string> GermanGenitives(std::string_view name);
std::vector<std::string> GermanAdjectiveForms(std::string_view stem);
std::vector<std::string> GermanDemonymForms(std::string_view noun);
std::vector<std::string> GermanNounForms(std::string_view noun);
std::vector<std::string> EnglishPlurals(std::string_view noun);

}  // namespace geotl::ingest::recognize
