#include "cli/reporter.h"

#include <unistd.h>

#include <iostream>
#include <utility>

namespace geotl::cli {
namespace {
// Carriage return and "erase to the end of the line": the progress line
// goes, the cursor stays at its start.
constexpr std::string_view kErase = "\r\033[K";
}  // namespace

Reporter::Reporter(std::ostream& err, bool terminal)
    : err_(err), terminal_(terminal), start_(Clock::now()), last_(start_) {}

void Reporter::Problem(std::string_view origin, std::string_view what) {
  std::string text;
  text.reserve(origin.size() + what.size() + 3);
  text.append(origin).append(": ").append(what).append("\n");
  std::lock_guard lock(mu_);
  ++problems_;
  WriteLocked(std::move(text));
}

void Reporter::Problem(std::string_view located) {
  std::string text(located);
  text += '\n';
  std::lock_guard lock(mu_);
  ++problems_;
  WriteLocked(std::move(text));
}

void Reporter::Info(std::string_view line) {
  std::string text(line);
  text += '\n';
  std::lock_guard lock(mu_);
  WriteLocked(std::move(text));
}

void Reporter::Error(std::string_view message) {
  std::string text = "geotl: ";
  text.append(message).append("\n");
  std::lock_guard lock(mu_);
  WriteLocked(std::move(text));
}

size_t Reporter::problems() const {
  std::lock_guard lock(mu_);
  return problems_;
}

void Reporter::StartProgress() {
  std::lock_guard lock(mu_);
  start_ = last_ = Clock::now();
}

bool Reporter::ProgressDue() {
  if (!terminal_) return false;
  std::lock_guard lock(mu_);
  auto now = Clock::now();
  if (now - last_ < std::chrono::milliseconds(200)) return false;
  last_ = now;
  return true;
}

void Reporter::ShowProgress(std::string_view line) {
  if (!terminal_) return;
  std::string text(kErase);
  text.append(line);
  std::lock_guard lock(mu_);
  err_.write(text.data(), static_cast<std::streamsize>(text.size()));
  err_.flush();
  progress_shown_ = true;
}

double Reporter::ProgressRate(size_t items) const {
  std::lock_guard lock(mu_);
  double s = std::chrono::duration<double>(Clock::now() - start_).count();
  return s > 0 ? double(items) / s : 0.0;
}

void Reporter::ClearProgress() {
  std::lock_guard lock(mu_);
  EraseProgressLocked();
  err_.flush();
}

void Reporter::EraseProgressLocked() {
  if (!progress_shown_) return;
  err_.write(kErase.data(), static_cast<std::streamsize>(kErase.size()));
  progress_shown_ = false;
}

void Reporter::WriteLocked(std::string text) {
  if (progress_shown_) text.insert(0, kErase);
  progress_shown_ = false;
  err_.write(text.data(), static_cast<std::streamsize>(text.size()));
  err_.flush();
}

Reporter& Report() {
  static Reporter reporter(std::cerr, isatty(STDERR_FILENO) == 1);
  return reporter;
}

}  // namespace geotl::cli
