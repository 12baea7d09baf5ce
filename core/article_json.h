// The article record: an Article as the store keeps it, one JSON object per
// line. `geotl extract --articles FILE` writes one per article it read (also
// those that coded no event), `geotl load --articles FILE` stores them, so a
// corpus extracted elsewhere and loaded gives the same articles as `geotl
// ingest` (text, metadata and coder version). Keys: id, url, title,
// published, language, source, coder, text (origin is not kept). Pure
// functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/article.h"
#include "core/status.h"

namespace geotl::core {

// Compact, no trailing newline; byte-stable for the same article.
std::string ArticleToJsonLine(const Article& a);
// Errors name the bad field; `id` and `published` are required.
Result<Article> ArticleFromJsonText(std::string_view text);

}  // namespace geotl::core
