// `escalate compare`: several configs with common random numbers, ranked against the first.
// Any argument may instead be a result file of `escalate run`: its stored per-draw counts
// are compared as they are, without running again, so it must share the reference's seed
// (common random numbers hold only then), draws, trajectories, horizon and grid.
#include "commands.hpp"

#include "escalate/output/comparison.hpp"
#include "escalate/base/error.hpp"
#include "escalate/base/printable_text.hpp"
#include "escalate/output/hdf5_writer.hpp"
#include "escalate/output/file_publish.hpp"
#include "escalate/output/result_file.hpp"
#include "escalate/version.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <iostream>

namespace escalate::cli {

void execute_all(std::vector<ComparedRun>& runs, const SamplingFlags& flags, const std::string& command_line,
                 const std::vector<bool>* stored) {
  for (std::size_t i = 0; i < runs.size(); ++i) {
    if (stored && (*stored)[i]) continue;  // read from a result file
    ComparedRun& run = runs[i];
    if (!flags.quiet) std::cerr << "running " << run.name << "\n";
    Execution e = execute(run.config, flags.threads, flags.quiet, command_line);
    if (!e.driver.complete) throw Interrupted("interrupted: nothing written (a comparison needs complete runs)");
    run.driver = std::move(e.driver);
    run.results = compute_results(run.config, run.driver, e.provenance);
  }
}

namespace {
// The HDF5 group a config's results go to, and its name in tables: the file's stem with
// anything but letters, digits, '-', '_' and '.' made '-' (spaces, newlines, quotes would
// break the `configs` list and the tables), never starting with '.', and never a name the
// file uses itself (`comparison`).
std::string group_name(const std::string& config) {
  std::string name = std::filesystem::path(config).stem().string();
  for (char& c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    if (!ok) c = '-';
  }
  while (!name.empty() && name.front() == '.') name.erase(0, 1);
  if (name.size() > 64) name.resize(64);
  if (name.empty()) name = "config";
  if (name == "comparison") name += "-config";
  return name;
}

// A result file (HDF5: its signature at byte 0) rather than a config. Read without waiting
// on a FIFO; what cannot be read is judged by its name, and refused by its reader.
bool is_result_file(const std::string& path) {
  const bool named_h5 = path.size() > 3 && path.compare(path.size() - 3, 3, ".h5") == 0;
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return named_h5;
  struct stat st{};
  char signature[8] = {};
  const bool regular = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
  const bool hdf5 = regular && ::read(fd, signature, sizeof signature) == 8 && std::memcmp(signature, "\x89HDF\r\n\x1a\n", 8) == 0;
  ::close(fd);
  return regular ? hdf5 : named_h5;
}

// A stored run as one of the compared runs: complete, and run as the reference was.
ComparedRun stored_run(const std::string& path, const Config* reference, const std::string& reference_path,
                       const std::string& command_line) {
  StoredRun stored = read_stored_run(path);
  // Files of another engine version may differ in their random streams: no common random numbers.
  if (stored.engine_version != ENGINE_VERSION) {
    throw UsageError(path + ": written by engine " + stored.engine_version + ", this is " + ENGINE_VERSION +
                     "; runs of different engine versions need not share their random numbers: run its config again");
  }
  if (!stored.driver.complete) {
    throw UsageError(path + ": is partial (" + (stored.shard.count > 1 ? "a shard" : "an interrupted run") +
                     "); a comparison needs complete runs: " +
                     (stored.shard.count > 1 ? "merge the shards (`escalate merge`)"
                                             : "finish it with `escalate run CONFIG --resume " + path + "`"));
  }
  if (reference) {
    const RunSettings& a = reference->run;
    const RunSettings& b = stored.config.run;
    auto refuse = [&](const std::string& what, const std::string& mine, const std::string& theirs) {
      throw UsageError(path + ": " + what + " " + theirs + " differs from " + mine + " in " + reference_path +
                       "; result files are compared as they were run, so they must share the seed (common random "
                       "numbers hold only then), draws, trajectories, horizon and grid");
    };
    if (a.seed != b.seed) refuse("seed", std::to_string(a.seed), std::to_string(b.seed));
    if (a.draws != b.draws) refuse("draws", std::to_string(a.draws), std::to_string(b.draws));
    if (a.trajectories != b.trajectories) refuse("trajectories", std::to_string(a.trajectories), std::to_string(b.trajectories));
    const Scenario& sa = reference->scenario;
    const Scenario& sb = stored.config.scenario;
    if (sa.horizon_days != sb.horizon_days) refuse("horizon_days", std::to_string(sa.horizon_days), std::to_string(sb.horizon_days));
    if (sa.grid_days != sb.grid_days) refuse("grid_days", std::to_string(sa.grid_days), std::to_string(sb.grid_days));
  }
  ComparedRun run;
  run.config = std::move(stored.config);
  run.driver = std::move(stored.driver);
  // Its group's CF history: the stored file's lines, then this comparison (as merge does).
  Provenance provenance = Provenance::of(run.driver, command_line, stored.wall_seconds);
  provenance.history = {stored.history};
  run.results = compute_results(run.config, run.driver, provenance);
  return run;
}

}  // namespace

int command_compare(const CompareFlags& flags, const std::string& command_line) {
  // The reference's run settings (after the command-line overrides, or as a result file
  // stored them) are every config's; result files must already share them.
  std::vector<bool> stored;
  for (const auto& path : flags.configs) stored.push_back(is_result_file(path));
  const bool any_flag = flags.overrides.draws || flags.overrides.trajectories || flags.overrides.seed;
  if (stored.front() && any_flag) {
    throw UsageError(flags.configs.front() + ": the reference is a result file, whose seed, draws and trajectories are "
                     "fixed; drop --seed, --draws and --trajectories");
  }
  std::vector<ComparedRun> runs;
  runs.reserve(flags.configs.size());
  const Config* reference = nullptr;
  ConfigOverrides shared;
  for (std::size_t i = 0; i < flags.configs.size(); ++i) {
    const std::string& path = flags.configs[i];
    ComparedRun run;
    if (stored[i]) {
      run = stored_run(path, reference, flags.configs.front(), command_line);
    } else {
      run.config = i == 0 ? load_config(path, flags.overrides) : load_config(path, shared);
      report_warnings(run.config);
      check_config_reads_back(run.config);
    }
    if (i > 0 && (run.config.scenario.horizon_days != reference->scenario.horizon_days ||
                  run.config.scenario.grid_days != reference->scenario.grid_days)) {
      throw UsageError(path + ": run.horizon_days and run.grid_days must match the reference " + flags.configs.front() +
                       " to compare");
    }
    std::string name = group_name(path);
    std::string unique = name;
    for (int k = 2; std::any_of(runs.begin(), runs.end(), [&](const ComparedRun& r) { return r.name == unique; }); ++k) {
      unique = name + "-" + std::to_string(k);
    }
    run.name = unique;
    runs.push_back(std::move(run));
    if (i == 0) {
      reference = &runs.front().config;
      shared = {reference->run.draws, reference->run.trajectories, static_cast<std::int64_t>(reference->run.seed), {}};
    }
  }
  const std::string output = flags.output.empty()
      ? (std::filesystem::path("results") / ("compare-" + runs.front().name + ".h5")).string() : flags.output;
  check_output_path(output, flags.force);
  auto fill = [&](H5Writer& h5, const Comparison& comparison) { write_comparison(h5, comparison, runs, command_line); };
  if (flags.dry_run) return dry_run_comparison(runs, stored, flags, output, fill);
  report_stale_temporaries(output);
  execute_all(runs, flags, command_line, &stored);
  Comparison comparison = compare_runs(runs);
  write_file_atomically(output, flags.force, [&](H5Writer& h5) { fill(h5, comparison); });
  if (!flags.quiet) {
    print_comparison(std::cout, comparison, runs.front().config.run, runs.front().config.scenario.horizon_days);
    std::cout << "\nWrote " << printable_text(output) << "\n";
  }
  return 0;
}

}  // namespace escalate::cli
