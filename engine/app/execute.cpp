// One simulation with the caller's callbacks, and the checks every service makes first.
#include "escalate/base/printable_text.hpp"
#include "escalate/app/execution.hpp"

#include "escalate/base/error.hpp"
#include "escalate/hdf5/file_publish.hpp"

#include <sys/stat.h>

#include <chrono>
#include <filesystem>

namespace escalate::app {

std::string default_output(const std::string& config, const std::string& prefix) {
  return (std::filesystem::path("results") / (prefix + std::filesystem::path(config).stem().string())).string() + ".h5";
}

void check_config_reads_back(const Config& config) {
  std::string why;
  try {
    const Config back = load_config_text(config.resolved_text, config.source_path + " (as stored)", config.source_path);
    if (back.resolved_text == config.resolved_text) return;
    why = "it reads back differently";
  } catch (const ConfigError& e) {
    why = e.what();
  }
  throw ConfigError(config.source_path + ": the resolved config would not read back from the result file (" + why +
                    "); give sides, incidents and `set` paths plain names: letters, digits, '-' and '_'");
}

bool same_file(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return false;
  struct stat sa{}, sb{};
  return ::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

void report_stale_temporaries(const std::string& output, const Callbacks& callbacks) {
  for (const auto& path : remove_stale_temporaries(output)) {
    callbacks.warning("removed " + printable_text(path) + ", the temporary file of a run that was killed");
  }
}

void report_warnings(const Config& config, const Callbacks& callbacks) {
  for (const auto& w : config.warnings) callbacks.warning("warning: " + printable_text(config.source_path) + ": " + printable_text(w));
}

Execution execute(const Config& config, int threads, const Callbacks& callbacks, const std::string& command_line,
                  const std::vector<std::uint8_t>* run_batches, const DrawTable* draws) {
  std::atomic<std::int64_t> done{0};
  DriverOptions options;
  options.threads = threads;
  options.run_batches = run_batches;
  options.draws = draws;
  options.trajectories_done = &done;
  options.stop = callbacks.interrupt;
  const auto start = std::chrono::steady_clock::now();
  Execution e;
  {
    const std::int64_t total = trajectories_in(BatchLayout::of(config.run), run_batches);
    const std::shared_ptr<void> progress = callbacks.progress ? callbacks.progress(done, total) : nullptr;
    e.driver = run_simulation(config, options);
  }
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  e.provenance = Provenance::of(e.driver, command_line, wall);
  return e;
}

}  // namespace escalate::app
