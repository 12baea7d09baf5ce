#include "ingest/reader_lines.h"

#include <cstring>

namespace geotl::ingest {

namespace {
constexpr size_t kChunk = 1 << 20;
}

LineReader::LineReader(std::istream* in, size_t max_line_bytes)
    : in_(in), max_line_bytes_(max_line_bytes), buf_(kChunk) {}

LineReader::LineReader(std::unique_ptr<std::istream> in, size_t max_line_bytes)
    : owned_(std::move(in)),
      in_(owned_.get()),
      max_line_bytes_(max_line_bytes),
      buf_(kChunk) {}

bool LineReader::Refill() {
  pos_ = len_ = 0;
  if (eof_ || error_) return false;
  in_->read(buf_.data(), static_cast<std::streamsize>(buf_.size()));
  len_ = static_cast<size_t>(in_->gcount());
  if (in_->bad()) {
    error_ = true;
    return false;
  }
  if (len_ < buf_.size()) eof_ = true;
  return len_ > 0;
}

std::string LineReader::TakeBuffered() {
  std::string rest(buf_.data() + pos_, len_ - pos_);
  pos_ = len_ = 0;
  return rest;
}

LineReader::Status LineReader::Next(std::string_view* line) {
  line_.clear();
  bool too_long = false;
  bool any = false;  // saw at least one byte of this line
  for (;;) {
    if (pos_ == len_ && !Refill()) {
      if (error_) return Status::kReadError;
      if (!any) return Status::kEnd;
      break;  // last line without "\n"
    }
    any = true;
    const char* start = buf_.data() + pos_;
    const void* nl = std::memchr(start, '\n', len_ - pos_);
    size_t n = nl ? static_cast<const char*>(nl) - start : len_ - pos_;
    if (!too_long) {
      if (line_.size() + n > max_line_bytes_) {
        too_long = true;
        line_.clear();
        line_.shrink_to_fit();
      } else if (nl && line_.empty()) {
        // Whole line inside the buffer: hand out a view, no copy.
        pos_ += n + 1;
        ++line_number_;
        std::string_view v(start, n);
        if (!v.empty() && v.back() == '\r') v.remove_suffix(1);
        *line = v;
        return Status::kLine;
      } else {
        line_.append(start, n);
      }
    }
    pos_ += n;
    if (nl) {
      ++pos_;
      break;
    }
  }
  ++line_number_;
  if (too_long) return Status::kTooLong;
  std::string_view v(line_);
  if (!v.empty() && v.back() == '\r') v.remove_suffix(1);
  *line = v;
  return Status::kLine;
}

}  // namespace geotl::ingest
