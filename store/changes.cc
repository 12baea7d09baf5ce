// Change-feed encodings (change_log.h) and the shared response body
// (changes.h).
#include "store/changes.h"

#include <algorithm>
#include <cstdio>
#include <ctime>

#include "core/event_json.h"
#include "store/change_log.h"
#include "store/key_codec.h"

namespace geotl {
namespace store {
namespace {

std::string Quoted(std::string_view s) {
  return Json(std::string(s))
      .dump(-1, ' ', false, Json::error_handler_t::replace);
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

}  // namespace store

namespace {

Result<uint64_t> ParseUnsigned(const std::string& text, const char* what) {
  if (text.empty() || text.size() > 19 ||
      !std::all_of(text.begin(), text.end(),
                   [](char c) { return c >= '0' && c <= '9'; }))
    return Status::Invalid(std::string(what) +
                           ": not a non-negative integer: '" + text + "'");
  return std::stoull(text);
}

}  // namespace

Result<uint64_t> ParseChangeSince(const std::string& text) {
  return ParseUnsigned(text, "since");
}

Result<size_t> ParseChangeLimit(const std::string& text) {
  if (text.empty()) return kDefaultChangeLimit;
  ASSIGN_OR_RETURN(uint64_t n, ParseUnsigned(text, "limit"));
  if (n < 1 || n > kMaxChangeLimit)
    return Status::Invalid("limit: must be 1.." +
                           std::to_string(kMaxChangeLimit) + ", got " + text);
  return static_cast<size_t>(n);
}

std::string ChangesBody(uint64_t since, const ChangePage& page) {
  std::string out = "{\"data\":[";
  for (size_t i = 0; i < page.changes.size(); ++i) {
    if (i) out += ',';
    out += page.changes[i];
  }
  out += "],\"meta\":{\"since\":" + std::to_string(since) + ",\"next\":";
  out += page.more ? std::to_string(page.next_since) : "null";
  out += ",\"as_of\":{\"sequence\":" + std::to_string(page.as_of_sequence) +
         ",\"time\":";
  std::string t = FormatMillis(page.as_of_millis);
  out += t.empty() ? "null" : "\"" + t + "\"";
  out += "}}}";
  return out;
}

}  // namespace geotl
