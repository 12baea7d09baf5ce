// Article topic score: how much an article reads as politics, diplomacy,
// security or protest rather than sport, business, culture or science.
// A linear bag-of-words model (lexicons/<lang>/topic.json: prior, scale and
// per-word weights; German trained by tools/train_topic.py, English written
// by hand) over the article's words: score = prior + scale * mean weight.
// Positive reads as politics. Words are runs of letters of at least three
// characters, case-folded as FoldCase does (tools/train_topic.py splits the
// same way). Immutable after Load; thread-safe.
#pragma once

#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/status.h"

namespace geotl::ingest::code {

class TopicModel {
 public:
  // Reads <dir>/<language>/topic.json; NotFound when the language has none.
  static core::Result<std::shared_ptr<const TopicModel>> Load(
      const std::string& dir, const std::string& language);
  static core::Result<std::shared_ptr<const TopicModel>> FromJson(
      std::string_view json_text);

  // `words` (optional) receives the number of words scored.
  double Score(std::string_view text, size_t* words = nullptr) const;
  // Articles of at least gate_min_words() words scoring below gate() are
  // not news of politics at all (a match report, a market report): they
  // yield no events. A shorter text is too little evidence. gate() is -inf
  // when the model sets no "gate".
  double gate() const { return gate_; }
  size_t gate_min_words() const { return gate_min_words_; }

 private:
  double prior_ = 0.0, scale_ = 1.0;
  double gate_ = -std::numeric_limits<double>::infinity();
  size_t gate_min_words_ = 0;
  std::unordered_map<std::string, double> weights_;
};

}  // namespace geotl::ingest::code
