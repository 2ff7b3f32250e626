// The `compare` service: several configs with common random numbers, ranked against the
// first. Any argument may instead be a result file of `escalate run`: its stored per-draw
// counts are compared as they are, without running again, so it must share the
// reference's seed (common random numbers hold only then), draws, trajectories, horizon
// and grid.
#include "escalate/app/compare.hpp"

#include "compared_runs.hpp"
#include "escalate/app/execution.hpp"
#include "escalate/base/error.hpp"
#include "escalate/hdf5/file_publish.hpp"
#include "escalate/hdf5/hdf5_writer.hpp"
#include "escalate/output/comparison_file.hpp"
#include "escalate/output/result_file.hpp"
#include "escalate/version.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <filesystem>

namespace escalate::app {

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
                       const std::string& command_line, const std::optional<PosteriorDraws>& posterior) {
  StoredRun stored = read_stored_run(path);
  require_same_posterior(path, stored.posterior_sha256, posterior);
  // Files of another engine version may differ in their random streams: no common random numbers.
  if (stored.engine_version != ENGINE_VERSION) {
    throw RequestError(path + ": written by engine " + stored.engine_version + ", this is " + ENGINE_VERSION +
                     "; runs of different engine versions need not share their random numbers: run its config again");
  }
  if (!stored.driver.complete) {
    throw RequestError(path + ": is partial (" + (stored.shard.count > 1 ? "a shard" : "an interrupted run") +
                     "); a comparison needs complete runs: " +
                     (stored.shard.count > 1 ? "merge the shards (`escalate merge`)"
                                             : "finish it with `escalate run CONFIG --resume " + path + "`"));
  }
  if (reference) {
    const RunSettings& a = reference->run;
    const RunSettings& b = stored.config.run;
    auto refuse = [&](const std::string& what, const std::string& mine, const std::string& theirs) {
      throw RequestError(path + ": " + what + " " + theirs + " differs from " + mine + " in " + reference_path +
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
  provenance.posterior = stored.posterior;
  provenance.posterior_sha256 = stored.posterior_sha256;
  run.results = compute_results(run.config, run.driver, provenance);
  return run;
}

// The runs of a comparison, in order: loaded configs (the reference's run settings are
// every config's) and stored result files (which must already share them).
std::vector<ComparedRun> load_runs(const CompareRequest& request, const std::vector<bool>& stored, const Callbacks& callbacks,
                                   const std::optional<PosteriorDraws>& posterior) {
  const auto& configs = request.configs;
  std::vector<ComparedRun> runs;
  runs.reserve(configs.size());
  const Config* reference = nullptr;
  ConfigOverrides shared;
  for (std::size_t i = 0; i < configs.size(); ++i) {
    const std::string& path = configs[i];
    ComparedRun run;
    if (stored[i]) {
      run = stored_run(path, reference, configs.front(), request.command_line, posterior);
    } else {
      run.config = i == 0 ? load_config(path, request.overrides) : load_config(path, shared);
      report_warnings(run.config, callbacks);
      check_config_reads_back(run.config);
    }
    if (i > 0 && (run.config.scenario.horizon_days != reference->scenario.horizon_days ||
                  run.config.scenario.grid_days != reference->scenario.grid_days)) {
      throw RequestError(path + ": run.horizon_days and run.grid_days must match the reference " + configs.front() +
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
  return runs;
}

}  // namespace

CompareOutcome compare(const CompareRequest& request, const Callbacks& callbacks) {
  std::vector<bool> stored;
  for (const auto& path : request.configs) stored.push_back(is_result_file(path));
  const bool any_flag = request.overrides.draws || request.overrides.trajectories || request.overrides.seed;
  if (stored.front() && any_flag) {
    throw RequestError(request.configs.front() + ": the reference is a result file, whose seed, draws and trajectories are "
                     "fixed; drop --seed, --draws and --trajectories");
  }
  CompareOutcome out;
  const std::optional<PosteriorDraws> posterior = load_posterior_draws(request.posterior);
  out.runs = load_runs(request, stored, callbacks, posterior);
  check_posterior_columns(out.runs, stored, posterior);
  out.output = request.output.empty()
      ? (std::filesystem::path("results") / ("compare-" + out.runs.front().name + ".h5")).string() : request.output;
  check_output_path(out.output, request.force);
  auto fill = [&](H5Writer& h5, const Comparison& comparison) {
    write_comparison(h5, comparison, out.runs, request.command_line);
  };
  if (request.dry_run) {
    out.estimate = estimate_comparison(out.runs, stored, request.threads, fill);
    return out;
  }
  report_stale_temporaries(out.output, callbacks);
  execute_all(out.runs, request.threads, callbacks, request.command_line, stored, posterior);
  out.comparison = compare_runs(out.runs);
  write_file_atomically(out.output, request.force, [&](H5Writer& h5) { fill(h5, out.comparison); });
  return out;
}

}  // namespace escalate::app
