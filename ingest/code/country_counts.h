// How often an article's mentions name each country, and the countries in
// order of that count. The home country, the actors' countries and the
// countries a place name most likely lies in are each such a count, each
// with its own choice of which mentions count. Pure functions.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/recognizer.h"

namespace geotl::ingest::code {

// ISO alpha-3 code -> number of mentions for which `country_of` gives it;
// mentions it gives "" (or anything but three letters) are not counted.
std::map<std::string, int> CountCountries(
    const std::vector<std::vector<Mention>>& mentions,
    const std::function<std::string_view(const Mention&)>& country_of);

// The counted countries, most named first; equal counts in code order.
// `skip` is left out.
std::vector<std::string> MostNamedFirst(
    const std::map<std::string, int>& counts, std::string_view skip = {});

}  // namespace geotl::ingest::code
