#include "ingest/code/country_counts.h"

#include <algorithm>
#include <utility>

namespace geotl::ingest::code {

std::map<std::string, int> CountCountries(
    const std::vector<std::vector<Mention>>& mentions,
    const std::function<std::string_view(const Mention&)>& country_of) {
  std::map<std::string, int> counts;
  for (const auto& v : mentions)
    for (const Mention& m : v) {
      std::string_view c = country_of(m);
      if (c.size() == 3) ++counts[std::string(c)];
    }
  return counts;
}

std::vector<std::string> MostNamedFirst(
    const std::map<std::string, int>& counts, std::string_view skip) {
  std::vector<std::pair<int, std::string>> order;
  for (const auto& [c, n] : counts)
    if (c != skip) order.emplace_back(-n, c);
  std::sort(order.begin(), order.end());
  std::vector<std::string> out;
  out.reserve(order.size());
  for (auto& [n, c] : order) out.push_back(std::move(c));
  return out;
}

}  // namespace geotl::ingest::code
