// LineReader: streams a file or stdin line by line in bounded memory, so a
// 2 GB NDJSON file is never loaded at once. A line longer than the limit is
// skipped to its end (reported, not buffered). Not thread-safe; one reader
// per stream.
#pragma once

#include <cstddef>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace geotl::ingest {

class LineReader {
 public:
  enum class Status { kLine, kTooLong, kEnd, kReadError };

  // Reads from `in`, which must outlive the reader (e.g. std::cin).
  LineReader(std::istream* in, size_t max_line_bytes);
  // Reads from an owned stream (an opened file).
  LineReader(std::unique_ptr<std::istream> in, size_t max_line_bytes);

  // The next line without its "\n" (a trailing "\r" is dropped too). The view
  // stays valid until the next call. kTooLong: the line was skipped; it still
  // counts in line_number().
  Status Next(std::string_view* line);

  // 1-based number of the line last returned.
  size_t line_number() const { return line_number_; }
  // Counts `n` lines as already read (input consumed before this reader).
  void SkipLineNumbers(size_t n) { line_number_ += n; }
  // Hands back the bytes read ahead but not yet returned as lines, so the
  // rest of the stream can be consumed as one document.
  std::string TakeBuffered();

 private:
  bool Refill();  // false at end of input or on a read error

  std::unique_ptr<std::istream> owned_;
  std::istream* in_;
  size_t max_line_bytes_;
  std::vector<char> buf_;
  size_t pos_ = 0, len_ = 0;
  std::string line_;
  size_t line_number_ = 0;
  bool eof_ = false;
  bool error_ = false;
};

}  // namespace geotl::ingest
