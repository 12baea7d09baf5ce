#include "ingest/code/confidence.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "ingest/code/data_file.h"

namespace geotl::ingest::code {
namespace {

constexpr std::array<std::string_view, kFeatCount> kNames = {
    "rule_score", "actor",       "inherited",
    "recipient",  "named_place", "political_actor",
    "occurred",   "planned",     "report",
    "governor",   "verb",        "topic",
    "density",    "lead",        "compound",
    "weight",     "fallback"};

}  // namespace

std::string_view FeatureName(int f) {
  return f >= 0 && f < kFeatCount ? kNames[f] : std::string_view();
}

core::Result<std::shared_ptr<const ConfidenceModel>> ConfidenceModel::FromJson(
    std::string_view json_text) {
  auto j = nlohmann::json::parse(json_text, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("weights") ||
      !j["weights"].is_object())
    return core::Status::Invalid(
        "confidence.json: an object with \"weights\" expected");
  auto m = std::make_shared<ConfidenceModel>();
  m->bias_ = j.value("bias", 0.0);
  for (auto it = j["weights"].begin(); it != j["weights"].end(); ++it) {
    int f = 0;
    while (f < kFeatCount && kNames[f] != it.key()) ++f;
    if (f == kFeatCount)
      return core::Status::Invalid("confidence.json: unknown feature \"" +
                                   it.key() + "\"");
    if (!it.value().is_number())
      return core::Status::Invalid("confidence.json: weight of \"" + it.key() +
                                   "\" is not a number");
    m->weights_[f] = it.value().get<double>();
  }
  if (j.contains("type_weights")) {
    if (!j["type_weights"].is_object())
      return core::Status::Invalid(
          "confidence.json: \"type_weights\" is not an object");
    for (auto it = j["type_weights"].begin(); it != j["type_weights"].end();
         ++it) {
      if (!it.value().is_number())
        return core::Status::Invalid("confidence.json: type weight of \"" +
                                     it.key() + "\" is not a number");
      m->type_weights_[it.key()] = it.value().get<double>();
    }
  }
  return std::shared_ptr<const ConfidenceModel>(std::move(m));
}

core::Result<std::shared_ptr<const ConfidenceModel>> ConfidenceModel::Load(
    const std::string& dir, const std::string& language) {
  return LoadDataFile<std::shared_ptr<const ConfidenceModel>>(
      dir + "/" + language + "/confidence.json",
      [](std::string_view text) { return FromJson(text); });
}

double ConfidenceModel::Predict(const EventFeatures& f,
                                std::string_view type) const {
  double z = bias_;
  if (auto it = type_weights_.find(type); it != type_weights_.end())
    z += it->second;
  for (int i = 0; i < kFeatCount; ++i) z += weights_[i] * f.value[i];
  return 1.0 / (1.0 + std::exp(-z));
}

}  // namespace geotl::ingest::code
