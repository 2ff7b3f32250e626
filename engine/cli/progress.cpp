#include "escalate/cli/progress.hpp"

#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>

namespace escalate {

namespace {
std::string duration(double seconds) {
  char buffer[32];
  if (seconds < 60) std::snprintf(buffer, sizeof buffer, "%.0fs", seconds);
  else if (seconds < 3600) std::snprintf(buffer, sizeof buffer, "%.0fm%02.0fs", seconds / 60 - 0.5, std::fmod(seconds, 60.0));
  else std::snprintf(buffer, sizeof buffer, "%.1fh", seconds / 3600);
  return buffer;
}
}  // namespace

ProgressReporter::Mode ProgressReporter::detect(bool quiet) {
  if (quiet) return Mode::Quiet;
  return ::isatty(STDERR_FILENO) ? Mode::Terminal : Mode::Lines;
}

ProgressReporter::ProgressReporter(const std::atomic<std::int64_t>& done, std::int64_t total, Mode mode)
    : done_(done), total_(total), mode_(mode) {
  if (mode_ != Mode::Quiet) thread_ = std::thread([this] { loop(); });
}

ProgressReporter::~ProgressReporter() {
  if (!thread_.joinable()) return;
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void ProgressReporter::loop() {
  using clock = std::chrono::steady_clock;
  const auto start = clock::now();
  const auto period = mode_ == Mode::Terminal ? std::chrono::milliseconds(250) : std::chrono::seconds(10);
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, period, [this] { return stop_; })) {
    report(std::chrono::duration<double>(clock::now() - start).count(), false);
  }
  report(std::chrono::duration<double>(clock::now() - start).count(), true);
}

void ProgressReporter::report(double elapsed, bool final) {
  const std::int64_t done = done_.load(std::memory_order_relaxed);
  const double fraction = total_ > 0 ? static_cast<double>(done) / static_cast<double>(total_) : 1.0;
  const double rate = elapsed > 0 ? static_cast<double>(done) / elapsed : 0.0;
  const std::string eta = rate > 0 && done < total_ ? duration(static_cast<double>(total_ - done) / rate) : "-";
  if (mode_ == Mode::Terminal) {
    constexpr int WIDTH = 30;
    int filled = static_cast<int>(fraction * WIDTH);
    std::string bar = std::string(filled, '#') + std::string(WIDTH - filled, '.');
    std::fprintf(stderr, "\r[%s] %5.1f%%  %.3g traj/s  ETA %-8s", bar.c_str(), 100 * fraction, rate, eta.c_str());
    if (final) std::fputc('\n', stderr);
  } else if (!final) {
    std::fprintf(stderr, "progress: %lld/%lld trajectories (%.1f%%), %.3g traj/s, ETA %s\n",
                 static_cast<long long>(done), static_cast<long long>(total_), 100 * fraction, rate, eta.c_str());
  }
  std::fflush(stderr);
}

}  // namespace escalate
