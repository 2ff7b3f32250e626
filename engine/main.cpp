// The `escalate` command line: parses flags, runs a command, and maps typed errors to
// exit codes in one place (2: bad input or usage, 1: runtime fault).
#include "escalate/cluster.hpp"
#include "escalate/comparison.hpp"
#include "escalate/config.hpp"
#include "escalate/driver.hpp"
#include "escalate/error.hpp"
#include "escalate/hdf5_file.hpp"
#include "escalate/progress.hpp"
#include "escalate/result_file.hpp"
#include "escalate/results.hpp"
#include "escalate/run_state.hpp"
#include "escalate/statistics.hpp"
#include "escalate/summary.hpp"
#include "escalate/summary_file.hpp"
#include "escalate/version.hpp"

#include <CLI/CLI.hpp>

#include <atomic>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <string>

namespace {

using namespace escalate;

std::atomic<bool> stop_requested{false};

extern "C" void on_interrupt(int signal) {
  stop_requested.store(true);
  std::signal(signal, SIG_DFL);  // a second Ctrl-C ends the process at once
}

struct RunFlags {
  std::string config;
  std::string resume;                    // a partial result to continue
  double target_ci = 0;                  // 0: off
  std::int64_t max_trajectories = 0;     // per draw, for --target-ci (0: 64x the first round)
  std::string shard;  // "i/n", 1-based
  std::string output;
  ConfigOverrides overrides;
  int threads = 0;
  bool force = false;
  bool quiet = false;
};

std::string default_output(const std::string& config) {
  return (std::filesystem::path("results") / std::filesystem::path(config).stem()).string() + ".h5";
}

// Runs one config on all cores with progress and Ctrl-C handling.
struct Execution {
  DriverResult driver;
  Results results;
};

Execution execute(const Config& config, int threads, bool quiet, const std::string& command_line,
                  const std::vector<std::uint8_t>* run_batches = nullptr) {
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
  Provenance provenance;
  provenance.command_line = command_line;
  provenance.threads = e.driver.threads;
  provenance.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  provenance.complete = e.driver.complete;
  e.results = compute_results(config, e.driver.tally, provenance);
  return e;
}

ShardInfo parse_shard(const std::string& text) {
  ShardInfo shard;
  auto slash = text.find('/');
  try {
    if (slash == std::string::npos) throw std::invalid_argument("no slash");
    std::size_t used = 0;
    shard.index = std::stoll(text.substr(0, slash), &used);
    if (used != slash) throw std::invalid_argument("trailing");
    shard.count = std::stoll(text.substr(slash + 1), &used);
    if (used != text.size() - slash - 1) throw std::invalid_argument("trailing");
  } catch (const std::exception&) {
    throw UsageError("--shard " + text + ": expected i/n, e.g. --shard 2/8 for the second of eight parts");
  }
  if (shard.count < 1 || shard.index < 1 || shard.index > shard.count) {
    throw UsageError("--shard " + text + ": need 1 <= i <= n");
  }
  shard.index -= 1;  // stored 0-based
  return shard;
}

// --target-ci: rounds of trajectories per draw (256, 512, 1024, ... from the config's
// count rounded up to whole batches) until the Wilson half-width on pooled P(war) is at
// most `target`, or the cap. Batches follow the cap's layout, so every round adds whole
// batches; the stopping rule reads integer tallies only, so the outcome is deterministic
// and equal to a plain run with the final count.
struct AdaptiveOutcome {
  Config config;
  DriverResult driver;
  double half_width = 0;
  int rounds = 0;
  double wall_seconds = 0;
};

AdaptiveOutcome run_adaptive(const RunFlags& flags, const Config& first) {
  constexpr std::int64_t BATCH = 256;
  auto whole = [&](std::int64_t n) { return (n + BATCH - 1) / BATCH * BATCH; };
  const std::int64_t start = whole(std::max<std::int64_t>(first.run.trajectories, BATCH));
  const std::int64_t cap = whole(flags.max_trajectories > 0 ? flags.max_trajectories : 64 * start);
  if (cap < start) throw UsageError("--max-trajectories must be at least the first round (" + std::to_string(start) + ")");
  ConfigOverrides o = flags.overrides;
  o.trajectories = cap;
  Config capped = load_config(flags.config, o);
  const BatchLayout layout = BatchLayout::of(capped.run);
  DriverResult total;
  std::int64_t per_draw = 0;
  AdaptiveOutcome out;
  const auto t0 = std::chrono::steady_clock::now();
  for (std::int64_t next = start;; next = std::min(cap, 2 * next)) {
    std::vector<std::uint8_t> mask(static_cast<std::size_t>(layout.batches), 0);
    for (std::int64_t b = 0; b < layout.batches; ++b) {
      std::int64_t k = b % layout.batches_per_draw;
      mask[static_cast<std::size_t>(b)] = k >= per_draw / BATCH && k < next / BATCH;
    }
    Execution e = execute(capped, flags.threads, flags.quiet, "", &mask);
    if (out.rounds++ == 0) total = e.driver; else merge_driver_results(total, e.driver);
    bool stopped = false;
    for (std::size_t b = 0; b < mask.size(); ++b) stopped = stopped || (mask[b] && !total.batch_done[b]);
    if (stopped) throw UsageError("interrupted during --target-ci: nothing written");
    per_draw = next;
    const std::int64_t n = total.tally.pooled.trajectories;
    std::int64_t wars = 0;
    for (const auto& d : total.tally.draws) wars += d.reached[WAR];
    auto [lo, hi] = wilson_interval(wars, n);
    out.half_width = (hi - lo) / 2;
    if (!flags.quiet) {
      std::cerr << "round " << out.rounds << ": " << per_draw << " trajectories per draw, 95% half-width on P(war) "
                << out.half_width << (out.half_width <= flags.target_ci ? " <= " : " > ") << flags.target_ci << "\n";
    }
    if (out.half_width <= flags.target_ci || per_draw == cap) break;
  }
  out.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  // Re-express the state in the layout of a plain run with the final count.
  o.trajectories = per_draw;
  out.config = load_config(flags.config, o);
  const BatchLayout final_layout = BatchLayout::of(out.config.run);
  out.driver = total;
  out.driver.batch_done.assign(static_cast<std::size_t>(final_layout.batches), 0);
  out.driver.batches.assign(static_cast<std::size_t>(final_layout.batches), BatchOutcome{});
  for (std::int64_t m = 0; m < out.config.run.draws; ++m) {
    for (std::int64_t k = 0; k < final_layout.batches_per_draw; ++k) {
      auto from = static_cast<std::size_t>(m * layout.batches_per_draw + k);
      auto to = static_cast<std::size_t>(m * final_layout.batches_per_draw + k);
      out.driver.batch_done[to] = total.batch_done[from];
      out.driver.batches[to] = total.batches[from];
    }
  }
  out.driver.complete = true;
  return out;
}

int exit_code_of(const std::exception& e) {
  return dynamic_cast<const ConfigError*>(&e) || dynamic_cast<const UsageError*>(&e) ? 2 : 1;
}

int command_run(const RunFlags& flags, const std::string& command_line, Cluster& cluster) {
  Config config;
  ShardInfo shard;
  std::vector<std::uint8_t> mask;
  std::string output;
  cluster.collective([&] {
    config = load_config(flags.config, flags.overrides);
    if (!flags.shard.empty()) {
      if (cluster.size() > 1) throw UsageError("--shard splits a run across jobs, mpirun across ranks: use one or the other");
      shard = parse_shard(flags.shard);
      mask = block_mask(BatchLayout::of(config.run), shard.index, shard.count);
    }
    if (cluster.size() > 1) mask = interleaved_mask(BatchLayout::of(config.run), cluster.rank(), cluster.size());
    output = flags.output.empty() ? (flags.resume.empty() ? default_output(flags.config) : flags.resume) : flags.output;
    if (flags.output.empty() && shard.count > 1) {
      output = output.substr(0, output.size() - 3) + ".part-" + std::to_string(shard.index + 1) + "-of-" +
               std::to_string(shard.count) + ".h5";
    }
    // Fail before the work, not after. Resuming into the partial file replaces it.
    if (cluster.root()) check_output_path(output, flags.force || output == flags.resume);
  }, exit_code_of);
  StoredRun resumed;
  if (!flags.resume.empty()) {
    if (cluster.size() > 1 || shard.count > 1 || flags.target_ci > 0) {
      throw UsageError("--resume runs in one process: no mpirun, --shard or --target-ci");
    }
    resumed = read_stored_run(flags.resume);
    if (resumed.config.resolved_text != config.resolved_text) {
      throw UsageError(flags.resume + ": written for a different config, seed or size than " + flags.config +
                       " (with these flags); --resume needs exactly the same");
    }
    if (resumed.driver.complete) throw UsageError(flags.resume + ": already complete; nothing to resume");
    mask.assign(resumed.driver.batch_done.size(), 0);
    for (std::size_t b = 0; b < mask.size(); ++b) mask[b] = !resumed.driver.batch_done[b];
  }
  if (flags.target_ci > 0) {
    if (cluster.size() > 1 || shard.count > 1) throw UsageError("--target-ci runs in one process: no mpirun or --shard");
    AdaptiveOutcome a = run_adaptive(flags, config);
    Provenance provenance;
    provenance.command_line = command_line;
    provenance.threads = a.driver.threads;
    provenance.wall_seconds = a.wall_seconds;
    Results results = compute_results(a.config, a.driver.tally, provenance);
    write_result_file(output, a.config, results, a.driver, shard, flags.force);
    if (!flags.quiet) {
      std::cout << "Escalate " << ENGINE_VERSION << ": " << flags.config << "\n";
      print_summary(std::cout, results, a.config.run);
      std::cout << "\n--target-ci " << flags.target_ci << ": " << (a.half_width <= flags.target_ci ? "reached" : "NOT reached (cap)")
                << " with " << a.config.run.trajectories << " trajectories per draw after " << a.rounds
                << " round(s); half-width " << a.half_width << "\nWrote " << output << "\n";
    }
    return 0;
  }
  Execution e = execute(config, flags.threads, flags.quiet || !cluster.root(), command_line,
                        mask.empty() ? nullptr : &mask);
  if (cluster.size() > 1) {
    cluster.reduce_to_root(e.driver, config);
    double wall = cluster.max(e.results.provenance.wall_seconds);
    if (!cluster.root()) return 0;
    Provenance provenance = e.results.provenance;
    provenance.ranks = cluster.size();
    provenance.wall_seconds = wall;
    provenance.complete = e.driver.complete;
    e.results = compute_results(config, e.driver.tally, provenance);
    mask.clear();  // rank 0 now holds every rank's batches
  }
  if (!flags.resume.empty()) {
    merge_driver_results(e.driver, resumed.driver);
    Provenance provenance = e.results.provenance;
    provenance.wall_seconds += resumed.wall_seconds;
    provenance.complete = e.driver.complete;
    e.results = compute_results(config, e.driver.tally, provenance);
  }
  write_result_file(output, config, e.results, e.driver, shard, flags.force || output == flags.resume);
  bool stopped = mask.empty() && !e.driver.complete;  // an interrupt left batches of this part undone
  for (std::size_t b = 0; b < mask.size(); ++b) stopped = stopped || (mask[b] && !e.driver.batch_done[b]);
  if (!flags.quiet) {
    std::cout << "Escalate " << ENGINE_VERSION << ": " << flags.config << "\n";
    if (shard.count > 1) std::cout << "Shard " << shard.index + 1 << " of " << shard.count << " (merge the parts with `escalate merge`)\n";
    print_summary(std::cout, e.results, config.run);
    std::cout << "\nWrote " << output << (stopped ? " (partial: interrupted)" : "") << "\n";
  }
  return stopped ? 130 : 0;
}

int command_merge(const std::vector<std::string>& parts, const std::string& output, bool force, bool quiet,
                  const std::string& command_line) {
  check_output_path(output, force);
  std::vector<StoredRun> runs;
  for (const auto& p : parts) runs.push_back(read_stored_run(p));
  const StoredRun& first = runs.front();
  std::vector<int> seen(static_cast<std::size_t>(first.shard.count), 0);
  for (const auto& r : runs) {
    auto refuse = [&](const std::string& what) { throw UsageError(r.path + ": " + what + " differs from " + first.path + "; cannot merge"); };
    if (r.config.run.seed != first.config.run.seed) refuse("the seed");
    if (r.config.resolved_text != first.config.resolved_text) refuse("the config");
    if (r.schema_version != first.schema_version) refuse("the config schema version");
    if (r.engine_version != first.engine_version) refuse("the engine version (" + r.engine_version + ")");
    if (r.shard.count != first.shard.count) refuse("the number of shards (" + std::to_string(r.shard.count) + ")");
    if (seen[static_cast<std::size_t>(r.shard.index)]++) {
      throw UsageError(r.path + ": shard " + std::to_string(r.shard.index + 1) + "/" + std::to_string(r.shard.count) +
                       " is given twice");
    }
  }
  std::string missing;
  for (std::size_t i = 0; i < seen.size(); ++i) {
    if (!seen[i]) missing += (missing.empty() ? "" : ", ") + std::to_string(i + 1);
  }
  if (!missing.empty()) {
    throw UsageError("missing shard(s) " + missing + " of " + std::to_string(first.shard.count) + "; nothing written");
  }
  DriverResult merged = first.driver;
  double wall = first.wall_seconds;
  int threads = merged.threads;
  for (std::size_t i = 1; i < runs.size(); ++i) {
    for (std::size_t b = 0; b < merged.batch_done.size(); ++b) {
      if (merged.batch_done[b] && runs[i].driver.batch_done[b]) {
        throw UsageError(runs[i].path + ": batch " + std::to_string(b) + " is also in another part; cannot merge");
      }
    }
    merge_driver_results(merged, runs[i].driver);
    wall += runs[i].wall_seconds;
    threads = std::max(threads, runs[i].driver.threads);
  }
  Provenance provenance;
  provenance.command_line = command_line;
  provenance.threads = threads;
  provenance.wall_seconds = wall;
  provenance.complete = merged.complete;
  Results results = compute_results(first.config, merged.tally, provenance);
  write_result_file(output, first.config, results, merged, ShardInfo{}, force);
  if (!quiet) {
    std::cout << "Merged " << runs.size() << " parts of " << first.config.source_path << "\n";
    print_summary(std::cout, results, first.config.run);
    std::cout << "\nWrote " << output << (merged.complete ? "" : " (still partial: some batches were not run)") << "\n";
  }
  return 0;
}

int command_summary(const std::string& path, bool json) {
  std::ostringstream text;  // nothing is printed unless the whole file could be read
  summarize_file(text, path, json);
  std::cout << text.str();
  return 0;
}

struct CompareFlags {
  std::vector<std::string> configs;
  std::string output;
  ConfigOverrides overrides;
  int threads = 0;
  bool force = false;
  bool quiet = false;
};

int command_compare(const CompareFlags& flags, const std::string& command_line) {
  // Every config takes the reference's run settings (after the command-line overrides).
  std::vector<ComparedRun> runs;
  Config reference = load_config(flags.configs.front(), flags.overrides);
  ConfigOverrides shared{reference.run.draws, reference.run.trajectories, static_cast<std::int64_t>(reference.run.seed)};
  for (std::size_t i = 0; i < flags.configs.size(); ++i) {
    ComparedRun run;
    run.config = i == 0 ? reference : load_config(flags.configs[i], shared);
    if (run.config.run.horizon_days != reference.run.horizon_days || run.config.run.grid_days != reference.run.grid_days) {
      throw UsageError(flags.configs[i] + ": run.horizon_days and run.grid_days must match the reference " +
                       flags.configs.front() + " to compare");
    }
    std::string name = std::filesystem::path(flags.configs[i]).stem().string();
    std::string unique = name;
    for (int k = 2; std::any_of(runs.begin(), runs.end(), [&](const ComparedRun& r) { return r.name == unique; }); ++k) {
      unique = name + "-" + std::to_string(k);
    }
    run.name = unique;
    runs.push_back(std::move(run));
  }
  const std::string output = flags.output.empty()
      ? (std::filesystem::path("results") / ("compare-" + runs.front().name + ".h5")).string() : flags.output;
  check_output_path(output, flags.force);
  for (auto& run : runs) {
    if (!flags.quiet) std::cerr << "running " << run.name << "\n";
    Execution e = execute(run.config, flags.threads, flags.quiet, command_line);
    if (!e.driver.complete) throw UsageError("interrupted: nothing written (a comparison needs complete runs)");
    run.driver = std::move(e.driver);
    run.results = std::move(e.results);
  }
  Comparison comparison = compare_runs(runs);
  write_file_atomically(output, flags.force, [&](H5Writer& h5) { write_comparison(h5, comparison, runs, command_line); });
  if (!flags.quiet) {
    print_comparison(std::cout, comparison, reference.run);
    std::cout << "\nWrote " << output << "\n";
  }
  return 0;
}

int command_check(const std::string& path) {
  Config config = load_config(path);
  std::cout << "# " << path << ": valid. Resolved config (after `base`):\n\n" << config.resolved_text;
  std::cout << "\n# " << config.uncertain.size() << " uncertain parameter(s), drawn once per draw:\n";
  for (const auto& u : config.uncertain) std::cout << "#   " << u.path << " ~ " << u.dist.text() << "\n";
  std::cout << "# " << config.run.draws << " draws x " << config.run.trajectories << " trajectories, "
            << config.run.grid_points() << " grid points over " << config.run.horizon_days << " days\n";
  return 0;
}

}  // namespace

int run_main(int argc, char** argv, const std::string& command_line);

int main(int argc, char** argv) {
  std::string command_line;
  for (int i = 0; i < argc; ++i) command_line += (i ? " " : "") + std::string(argv[i]);
  try {
    return run_main(argc, argv, command_line);
  } catch (const SilentExit& e) {
    return e.code;  // another rank failed and said why
  } catch (const ConfigError& e) {
    std::cerr << "escalate: config error: " << e.what() << "\n";
    return 2;
  } catch (const UsageError& e) {
    std::cerr << "escalate: " << e.what() << "\n";
    return 2;
  } catch (const IoError& e) {
    std::cerr << "escalate: I/O error: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "escalate: internal error: " << e.what() << "\n";
    return 1;
  }
}

int run_main(int argc, char** argv, const std::string& command_line) {
  Cluster cluster(argc, argv);

  CLI::App app{"Escalate: Monte Carlo escalation risk in a security-dilemma phase model.\n"
               "Samples incidents under uncertain intent and misperception, propagates them through\n"
               "dormant -> activated -> deep -> spiral -> war, and writes escalation probability\n"
               "distributions to HDF5 (xarray/netCDF readable).",
               "escalate"};
  app.set_version_flag("--version", std::string("escalate ") + ENGINE_VERSION + " (" + GIT_SHA1 + ")");
  app.require_subcommand(1);
  app.footer("Examples:\n"
             "  escalate check configs/baseline-2022.toml\n"
             "  escalate run configs/baseline-2022.toml                 # -> results/baseline-2022.h5\n"
             "  escalate run configs/baseline-2022.toml --draws 50 --trajectories 500 -o /tmp/quick.h5\n"
             "  escalate compare configs/baseline-2022.toml configs/policies/*.toml\n"
             "Exit codes: 0 success, 2 bad input or usage, 1 runtime I/O fault, 130 interrupted (partial file written).");

  RunFlags run_flags;
  auto* run = app.add_subcommand("run", "Sample a config and write its results to HDF5");
  run->add_option("config", run_flags.config, "Config file (TOML, MODEL.md section 15)")->required();
  run->add_option("-o,--output", run_flags.output, "Result file (default: results/<config-stem>.h5)");
  auto positive = CLI::Range(std::int64_t{1}, std::numeric_limits<std::int64_t>::max());
  run->add_option("--draws", run_flags.overrides.draws, "Override run.draws: parameter draws (outer loop)")->check(positive);
  run->add_option("--trajectories", run_flags.overrides.trajectories,
                  "Override run.trajectories: trajectories per draw (inner loop)")->check(positive);
  run->add_option("--seed", run_flags.overrides.seed, "Override run.seed")
      ->check(CLI::Range(std::int64_t{0}, std::numeric_limits<std::int64_t>::max()));
  run->add_option("--threads", run_flags.threads, "Worker threads (default 0: all cores); results do not depend on it")
      ->check(CLI::Range(0, 4096));
  run->add_flag("--force", run_flags.force, "Replace the result file if it exists");
  run->add_option("--resume", run_flags.resume,
                  "Continue a partial result (interrupted, or a shard) of the same config; writes it complete "
                  "(to the same file unless -o)");
  run->add_option("--target-ci", run_flags.target_ci,
                  "Add trajectories (doubling per draw) until the 95% half-width on pooled P(war) is at most W")
      ->check(CLI::Range(1e-6, 0.5));
  run->add_option("--max-trajectories", run_flags.max_trajectories,
                  "Cap per draw for --target-ci (default 64x the first round)")->check(positive);
  run->add_option("--shard", run_flags.shard,
                  "Compute only part i of n (1-based), for job arrays; combine the parts with `escalate merge`");
  run->add_flag("-q,--quiet", run_flags.quiet, "No progress and no summary table");
  run->footer("The same seed gives bit-identical datasets for any --threads. Ctrl-C stops after the running\n"
              "batches and writes what is done, marked complete = 0.");

  CompareFlags compare_flags;
  auto* compare = app.add_subcommand("compare", "Run several configs with common random numbers and rank them against the first");
  compare->add_option("configs", compare_flags.configs, "Configs; the first is the reference")->required()->expected(2, -1);
  compare->add_option("-o,--output", compare_flags.output, "Result file (default: results/compare-<reference>.h5)");
  compare->add_option("--draws", compare_flags.overrides.draws, "Override run.draws for every config")->check(positive);
  compare->add_option("--trajectories", compare_flags.overrides.trajectories, "Override run.trajectories for every config")
      ->check(positive);
  compare->add_option("--seed", compare_flags.overrides.seed, "Override run.seed for every config")
      ->check(CLI::Range(std::int64_t{0}, std::numeric_limits<std::int64_t>::max()));
  compare->add_option("--threads", compare_flags.threads, "Worker threads (default 0: all cores)")->check(CLI::Range(0, 4096));
  compare->add_flag("--force", compare_flags.force, "Replace the result file if it exists");
  compare->add_flag("-q,--quiet", compare_flags.quiet, "No progress and no table");
  compare->footer("Every config runs with the reference's seed, draws and trajectories (its [run] table, after\n"
                  "these flags); horizons must match. Example:\n"
                  "  escalate compare configs/baseline-2022.toml configs/policies/*.toml");

  std::vector<std::string> merge_parts;
  std::string merge_output;
  bool merge_force = false, merge_quiet = false;
  auto* merge = app.add_subcommand("merge", "Combine the shards of a run (run --shard i/n) into one result, bit for bit");
  merge->add_option("parts", merge_parts, "Shard files, any order")->required()->expected(1, -1);
  merge->add_option("-o,--output", merge_output, "Merged result file")->required();
  merge->add_flag("--force", merge_force, "Replace the output if it exists");
  merge->add_flag("-q,--quiet", merge_quiet, "No table");
  merge->footer("Refuses parts of different configs, seeds, schema or engine versions, and missing or duplicate shards.\n"
                "Example:\n  for i in 1 2 3; do escalate run cfg.toml --shard $i/3 -o part-$i.h5; done\n"
                "  escalate merge part-*.h5 -o all.h5");

  std::string summary_path;
  bool summary_json = false;
  auto* summary = app.add_subcommand("summary", "Print the summary table and provenance of a result or comparison file");
  summary->add_option("file", summary_path, "Result or comparison file (.h5)")->required();
  summary->add_flag("--json", summary_json, "Machine-readable JSON instead of the table");

  std::string check_path;
  auto* check = app.add_subcommand("check", "Validate a config; print it resolved (after `base`) and its uncertain parameters");
  check->add_option("config", check_path, "Config file")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return cluster.root() ? app.exit(e) : 0;
  } catch (const CLI::CallForAllHelp& e) {
    return cluster.root() ? app.exit(e) : 0;
  } catch (const CLI::CallForVersion& e) {
    return cluster.root() ? app.exit(e) : 0;
  } catch (const CLI::ParseError& e) {
    if (cluster.root()) app.exit(e);
    return 2;
  }
  if (cluster.size() > 1 && !*run) throw UsageError("only `escalate run` uses MPI ranks; start other commands without mpirun");
  if (*run) return command_run(run_flags, command_line, cluster);
  if (*check) return command_check(check_path);
  if (*compare) return command_compare(compare_flags, command_line);
  if (*merge) return command_merge(merge_parts, merge_output, merge_force, merge_quiet, command_line);
  if (*summary) return command_summary(summary_path, summary_json);
  return 0;
}
