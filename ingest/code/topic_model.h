// Article topic score: how much an article reads as politics, diplomacy,
// security or protest rather than sport, business, culture or science.
// A linear bag-of-words model (lexicons/<lang>/topic.json: prior, scale and
// per-word weights; German trained by tools/train_topic.py, English written
// by hand) over the article's words: score = prior + scale * mean weight.
// Positive reads as politics. Words are runs of letters of at least three
// characters, case-folded as FoldCase does (tools/train_topic.py splits the
// same way). Immutable after Load; thread-safe.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/status.h"

namespace geotl::code {

class TopicModel {
 public:
  // Reads <dir>/<language>/topic.json; NotFound when the language has none.
  static Result<std::shared_ptr<const TopicModel>> Load(
      const std::string& dir, const std::string& language);
  static Result<std::shared_ptr<const TopicModel>> FromJson(
      std::string_view json_text);

  double Score(std::string_view text) const;

 private:
  double prior_ = 0.0, scale_ = 1.0;
  std::unordered_map<std::string, double> weights_;
};

}  // namespace geotl::code
