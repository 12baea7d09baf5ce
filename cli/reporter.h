// The CLI's one writer to stderr (docs/architecture.md): problems with single
// input items, informational lines, command errors and the progress line of
// long-running commands. Libraries never print; commands hand what they have
// to say to Report(). Each line goes out in one write under a lock, so lines
// from several threads (serve --log, GEOTL_BULK_TRACE) do not interleave. A
// progress line is drawn only when the stream is a terminal (pipes and logs
// get the summary alone), at most five times a second, and is erased before
// any other line is printed.
#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <ostream>
#include <string>
#include <string_view>

namespace geotl::cli {

class Reporter {
 public:
  // `terminal`: whether `err` is a terminal (the progress line is drawn only
  // then).
  Reporter(std::ostream& err, bool terminal);
  Reporter(const Reporter&) = delete;
  Reporter& operator=(const Reporter&) = delete;

  // A problem with one input item, "<origin>: <what>"; `origin` names the
  // item ("file:line", "article ID"). Counted in problems().
  void Problem(std::string_view origin, std::string_view what);
  // A problem whose message already names its item ("file:line: reason", as
  // ingest::ArticleReader's rejections). Counted in problems().
  void Problem(std::string_view located);
  // An informational line, printed as it is ("loaded …", "geotl: serving …").
  void Info(std::string_view line);
  // The command-level error "geotl: <message>".
  void Error(std::string_view message);

  // Problems reported so far.
  size_t problems() const;

  // Starts the clock of a progress line (its rate and when it is due).
  void StartProgress();
  // Whether a new progress line is due (on a terminal, 200 ms after the last).
  bool ProgressDue();
  // Replaces the progress line with `line` (on a terminal only).
  void ShowProgress(std::string_view line);
  // Items per second since StartProgress().
  double ProgressRate(size_t items) const;
  // Erases the progress line; due before printing to stdout (the terminal's
  // other stream). Lines printed here erase it themselves.
  void ClearProgress();

 private:
  using Clock = std::chrono::steady_clock;
  // With mu_ held: writes `text` in one write, erasing the progress line
  // first.
  void WriteLocked(std::string text);
  void EraseProgressLocked();

  mutable std::mutex mu_;
  std::ostream& err_;
  const bool terminal_;
  bool progress_shown_ = false;
  size_t problems_ = 0;
  Clock::time_point start_, last_;
};

// The CLI's reporter, on stderr.
Reporter& Report();

}  // namespace geotl::cli
