// A progress line on stderr for long-running commands, drawn only when
// stderr is a terminal (pipes and logs get the summary alone), at most five
// times a second, erased before anything else is printed.
#pragma once

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <string>

namespace geotl::cli {

class Progress {
 public:
  Progress()
      : on_(isatty(STDERR_FILENO) == 1), start_(Clock::now()), last_(start_) {}
  // Whether a new line is due (on a terminal, 200 ms after the last one).
  bool Due() {
    if (!on_) return false;
    auto now = Clock::now();
    if (now - last_ < std::chrono::milliseconds(200)) return false;
    last_ = now;
    return true;
  }
  void Show(const std::string& line) {
    if (on_) std::fprintf(stderr, "\r\033[K%s", line.c_str());
  }
  // Items per second since the start.
  double Rate(size_t items) const {
    double s = std::chrono::duration<double>(Clock::now() - start_).count();
    return s > 0 ? double(items) / s : 0.0;
  }
  void Clear() {
    if (on_) std::fprintf(stderr, "\r\033[K");
  }

 private:
  using Clock = std::chrono::steady_clock;
  bool on_;
  Clock::time_point start_, last_;
};

}  // namespace geotl::cli
