// In-article duplicate merge and deterministic event ids. Two events of one
// article merge when type, status and the countries of actors and
// recipients agree (a missing side counts as agreeing), their dates
// overlap or one is unresolved, one is the headline or they are at most
// two sentences apart, and the later one adds no place or date of its own;
// the merged event keeps the first id, lists both
// sources and the more precise date. Pure functions; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "core/event.h"

namespace geotl::ingest::code {

// "e-" + 16 hex of SHA-256(article id | sentence | trigger byte | type).
std::string EventId(const std::string& article_id, int sentence,
                    size_t trigger_start, const std::string& type);

// `body_start`: the sentence the dateline opens (HomeCountry), -1 if none.
void MergeDuplicates(std::vector<core::Event>* events, int body_start = -1);

}  // namespace geotl::ingest::code
