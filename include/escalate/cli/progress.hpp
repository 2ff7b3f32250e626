#pragma once
// Progress of a long run on stderr: a bar with rate and ETA on a terminal, a plain line
// every few seconds otherwise, nothing when quiet. Reads an atomic counter that the
// driver increments; runs on its own thread.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

namespace escalate {

class ProgressReporter {
 public:
  enum class Mode { Quiet, Terminal, Lines };
  ProgressReporter(const std::atomic<std::int64_t>& done, std::int64_t total, Mode mode);
  ~ProgressReporter();  // stops the thread and finishes the line
  static Mode detect(bool quiet);

 private:
  void loop();
  void report(double elapsed, bool final);

  const std::atomic<std::int64_t>& done_;
  std::int64_t total_;
  Mode mode_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace escalate
