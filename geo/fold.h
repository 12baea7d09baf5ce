// Fold: the matching key for names typed by people: Unicode NFKD, combining
// marks removed, case-folded, ß -> ss, runs of blanks/hyphens -> one space.
// "Côte d’Ivoire" and "cote d'ivoire" fold alike. Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace geotl::geo {

std::string Fold(std::string_view utf8);

}  // namespace geotl::geo
