// What the commands share: running a config with progress and Ctrl-C handling, paths, exit codes.
#include "commands.hpp"

#include "escalate/base/error.hpp"
#include "escalate/cli/progress.hpp"

#include <atomic>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <iostream>

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
    const std::int64_t total = trajectories_in(BatchLayout::of(config.run), run_batches);
    ProgressReporter progress(done, total, ProgressReporter::detect(quiet));
    e.driver = run_simulation(config, options);
  }
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  e.provenance = Provenance::of(e.driver, command_line, wall);
  return e;
}

int exit_code_of(const std::exception& e) {
  if (dynamic_cast<const Interrupted*>(&e)) return 130;
  if (dynamic_cast<const ConfigError*>(&e) || dynamic_cast<const UsageError*>(&e) || dynamic_cast<const FileError*>(&e)) return 2;
  return 1;
}

std::string error_kind(const std::exception& e) {
  if (dynamic_cast<const ConfigError*>(&e)) return "config error: ";
  if (dynamic_cast<const IoError*>(&e)) return "I/O error: ";
  if (dynamic_cast<const UsageError*>(&e) || dynamic_cast<const FileError*>(&e) || dynamic_cast<const Interrupted*>(&e)) {
    return "";
  }
  return "internal error: ";
}

void report_warnings(const Config& config) {
  for (const auto& w : config.warnings) std::cerr << "escalate: warning: " << config.source_path << ": " << w << "\n";
}

}  // namespace escalate::cli
