#include "core/ontology.h"

#include <cctype>

namespace geotl {

const std::vector<EventTypeInfo>& EventTypes() {
  static const std::vector<EventTypeInfo> kTypes = {
      {"STATEMENT", "01", "verbal_cooperation", "statement"},
      {"REQUEST", "10", "verbal_cooperation", "request"},
      {"AGREE", "03", "verbal_cooperation", "agreement"},
      {"CONSULT", "04", "verbal_cooperation", "meeting"},
      {"SUPPORT", "05", "verbal_cooperation", "support"},
      {"COOPERATE", "06", "material_cooperation", "cooperation"},
      {"AID", "07", "material_cooperation", "aid"},
      {"CONCEDE", "08", "material_cooperation", "concession"},
      {"RETREAT", "08", "material_cooperation", "withdrawal"},
      {"ACCUSE", "11", "verbal_conflict", "criticism"},
      {"REJECT", "12", "verbal_conflict", "rejection"},
      {"THREATEN", "13", "verbal_conflict", "threat"},
      {"PROTEST", "14", "material_conflict", "protest"},
      {"MOBILIZE", "15", "material_conflict", "deployment"},
      {"SANCTION", "16", "material_conflict", "sanction"},
      {"COERCE", "17", "material_conflict", "coercion"},
      {"ASSAULT", "18", "material_conflict", "attack"},
  };
  return kTypes;
}

std::optional<EventTypeInfo> FindEventType(std::string_view type) {
  for (const auto& t : EventTypes()) {
    if (t.type.size() != type.size()) continue;
    bool eq = true;
    for (size_t i = 0; i < type.size() && eq; ++i)
      eq = std::toupper(static_cast<unsigned char>(type[i])) == t.type[i];
    if (eq) return t;
  }
  return std::nullopt;
}

}  // namespace geotl
