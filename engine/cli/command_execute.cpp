// What the commands share: running a config with progress and Ctrl-C handling, paths, exit codes.
#include "commands.hpp"

#include "escalate/error.hpp"
#include "escalate/progress.hpp"

#include <atomic>
#include <chrono>
#include <csignal>
#include <filesystem>

namespace escalate::cli {

namespace {

std::atomic<bool> stop_requested{false};

extern "C" void on_interrupt(int signal) {
  stop_requested.store(true);
  std::signal(signal, SIG_DFL);  // a second Ctrl-C ends the process at once
}

}  // namespace

std::string default_output(const std::string& config) {
  return (std::filesystem::path("results") / std::filesystem::path(config).stem()).string() + ".h5";
}

// Runs one config on all cores with progress and Ctrl-C handling.
Execution execute(const Config& config, int threads, bool quiet, const std::string& command_line,
                  const std::vector<std::uint8_t>* run_batches) {
  std::atomic<std::int64_t> done{0};
  DriverOptions options;
  options.threads = threads;
  options.run_batches = run_batches;
  options.trajectories_done = &done;
  options.stop = &stop_requested;
  std::signal(SIGINT, on_interrupt);
  std::signal(SIGTERM, on_interrupt);
  const auto start = std::chrono::steady_clock::now();
  Execution e;
  {
    std::int64_t total = config.run.draws * config.run.trajectories;
    if (run_batches) {  // the trajectories of the selected batches
      const BatchLayout layout = BatchLayout::of(config.run);
      total = 0;
      for (std::int64_t b = 0; b < layout.batches; ++b) {
        if (!(*run_batches)[static_cast<std::size_t>(b)]) continue;
        std::int64_t first = (b % layout.batches_per_draw) * layout.batch_size;
        total += std::min(config.run.trajectories, first + layout.batch_size) - first;
      }
    }
    ProgressReporter progress(done, total, ProgressReporter::detect(quiet));
    e.driver = run_simulation(config, options);
  }
  e.provenance.command_line = command_line;
  e.provenance.threads = e.driver.threads;
  e.provenance.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  e.provenance.complete = e.driver.complete;
  return e;
}

int exit_code_of(const std::exception& e) {
  return dynamic_cast<const ConfigError*>(&e) || dynamic_cast<const UsageError*>(&e) ? 2 : 1;
}

}  // namespace escalate::cli
