#include "store/change_log.h"

#include <algorithm>

#include "core/event_json.h"
#include "store/key_codec.h"

namespace geotl::store {
namespace {

std::string Quoted(std::string_view s) {
  return core::Json(std::string(s))
      .dump(-1, ' ', false, core::Json::error_handler_t::replace);
}

}  // namespace

std::string ChangeKey(uint64_t seq, uint32_t ordinal) {
  std::string k;
  PutBE64(&k, seq);
  PutBE32(&k, ordinal);
  return k;
}

uint64_t ChangeKeySequence(std::string_view key) {
  return key.size() == 12 ? GetBE64(key.data()) : 0;
}

void ChangeLog::Upsert(std::string_view id, std::string_view event_json) {
  upserts_.emplace_back(
      std::string(id),
      "\"id\":" + Quoted(id) + ",\"event\":" + std::string(event_json) + "}");
}

void ChangeLog::Merged(std::string_view id, std::string_view merged_into) {
  merged_.emplace_back(
      std::string(id),
      "\"id\":" + Quoted(id) + ",\"merged_into\":" + Quoted(merged_into) + "}");
}

void ChangeLog::Deleted(std::string_view id) {
  deleted_.emplace_back(std::string(id),
                        "\"id\":" + Quoted(id) + ",\"deleted\":true}");
}

std::vector<std::pair<std::string, std::string>> ChangeLog::Records(
    uint64_t seq) {
  std::vector<std::pair<std::string, std::string>> out;
  const std::string head = "{\"seq\":" + std::to_string(seq) + ",";
  uint32_t ordinal = 0;
  for (auto* list : {&upserts_, &merged_, &deleted_}) {
    std::sort(list->begin(), list->end());
    for (const auto& [id, rest] : *list)
      out.emplace_back(ChangeKey(seq, ordinal++), head + rest);
  }
  return out;
}

}  // namespace geotl::store
