#include "ingest/code/topic_model.h"

#include <nlohmann/json.hpp>

#include "ingest/code/data_file.h"
#include "ingest/code/tokens.h"

namespace geotl::ingest::code {
namespace {

// Code point at text[i] (UTF-8), its length in *len; U+FFFD on bad bytes.
uint32_t Decode(std::string_view t, size_t i, size_t* len) {
  unsigned char c = t[i];
  if (c < 0x80) {
    *len = 1;
    return c;
  }
  int n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (n == 1 || i + n > t.size()) {
    *len = 1;
    return 0xFFFD;
  }
  uint32_t cp = c & (0x3F >> (n - 1));
  for (int k = 1; k < n; ++k) cp = (cp << 6) | (t[i + k] & 0x3F);
  *len = n;
  return cp;
}

// Letters as tools/train_topic.py reads them: ASCII letters and every code
// point from U+00C0 on, except general punctuation (U+2000-U+206F).
bool IsLetter(uint32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
         (cp >= 0xC0 && cp != 0xD7 && cp != 0xF7 &&
          !(cp >= 0x2000 && cp <= 0x206F) && cp != 0xFFFD);
}

}  // namespace

core::Result<std::shared_ptr<const TopicModel>> TopicModel::FromJson(
    std::string_view json_text) {
  auto j = nlohmann::json::parse(json_text, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("weights") ||
      !j["weights"].is_object())
    return core::Status::Invalid(
        "topic.json: an object with \"weights\" expected");
  auto m = std::make_shared<TopicModel>();
  m->prior_ = j.value("prior", 0.0);
  m->scale_ = j.value("scale", 1.0);
  if (j.contains("gate") && j["gate"].is_number())
    m->gate_ = j["gate"].get<double>();
  if (j.contains("gate_min_words") && j["gate_min_words"].is_number_unsigned())
    m->gate_min_words_ = j["gate_min_words"].get<size_t>();
  for (auto it = j["weights"].begin(); it != j["weights"].end(); ++it) {
    if (!it.value().is_number())
      return core::Status::Invalid("topic.json: weight of \"" + it.key() +
                                   "\" is not a number");
    m->weights_.emplace(FoldCase(it.key()), it.value().get<double>());
  }
  return std::shared_ptr<const TopicModel>(std::move(m));
}

core::Result<std::shared_ptr<const TopicModel>> TopicModel::Load(
    const std::string& dir, const std::string& language) {
  return LoadDataFile<std::shared_ptr<const TopicModel>>(
      dir + "/" + language + "/topic.json",
      [](std::string_view text) { return FromJson(text); });
}

double TopicModel::Score(std::string_view text, size_t* n_words) const {
  double sum = 0.0;
  size_t words = 0;
  std::string w;
  size_t letters = 0;
  auto flush = [&] {
    if (letters >= 3) {
      ++words;
      auto it = weights_.find(FoldCase(w));
      if (it != weights_.end()) sum += it->second;
    }
    w.clear();
    letters = 0;
  };
  for (size_t i = 0; i < text.size();) {
    size_t len = 1;
    uint32_t cp = Decode(text, i, &len);
    if (IsLetter(cp)) {
      w.append(text.substr(i, len));
      ++letters;
    } else {
      flush();
    }
    i += len;
  }
  flush();
  if (n_words) *n_words = words;
  return prior_ + scale_ * (words ? sum / static_cast<double>(words) : 0.0);
}

}  // namespace geotl::ingest::code
