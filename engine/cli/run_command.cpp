// `escalate run`: flags → app::RunRequest → app::run → the summary table.
#include "commands.hpp"

#include "dry_run_report.hpp"
#include "terminal.hpp"
#include "escalate/base/printable_text.hpp"
#include "escalate/app/run.hpp"
#include "usage_error.hpp"
#include "escalate/base/error.hpp"
#include "escalate/report/summary.hpp"
#include "escalate/version.hpp"

#include <cmath>
#include <cstdlib>
#include <iostream>
#include <limits>
#include <memory>

namespace escalate::cli {

namespace {

struct RunOptions {
  SamplingOptions sampling;
  std::string config, resume, target_ci, max_trajectories, shard;
};

ShardInfo parse_shard(const std::string& text) {
  ShardInfo shard;
  auto slash = text.find('/');
  if (slash == std::string::npos) {
    throw UsageError("--shard " + text + ": expected i/n, e.g. --shard 2/8 for the second of eight parts");
  }
  constexpr auto MAX = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
  shard.index = static_cast<std::int64_t>(parse_integer_flag("--shard", text.substr(0, slash), 1, MAX));
  shard.count = static_cast<std::int64_t>(parse_integer_flag("--shard", text.substr(slash + 1), 1, MAX));
  if (shard.index > shard.count) throw UsageError("--shard " + text + ": need 1 <= i <= n");
  shard.index -= 1;  // stored 0-based
  return shard;
}

app::RunRequest request_of(const RunOptions& o, const std::string& command_line) {
  app::RunRequest r;
  r.config = o.config;
  fill_sampling(r, o.sampling, command_line);
  r.resume = o.resume;
  constexpr auto MAX = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
  if (!o.max_trajectories.empty()) {
    r.max_trajectories = static_cast<std::int64_t>(parse_integer_flag("--max-trajectories", o.max_trajectories, 1, MAX));
  }
  if (!o.target_ci.empty()) {
    // Parsed by hand: "nan" passes any range check, and was silently ignored.
    char* end = nullptr;
    const double w = std::strtod(o.target_ci.c_str(), &end);
    if (end == o.target_ci.c_str() || *end != '\0' || !std::isfinite(w) || w < 1e-6 || w > 0.5) {
      throw UsageError("--target-ci " + o.target_ci + ": must be a number in [1e-6, 0.5] (the 95% half-width on P(war))");
    }
    r.target_ci = w;
  }
  return r;
}

void print_estimate(const app::RunRequest& r, const app::RunOutcome& out) {
  const app::RunEstimate& e = *out.estimate;
  const std::vector<std::uint8_t>* batches = e.batches.empty() ? nullptr : &e.batches;
  const std::string part = !r.resume.empty() ? "resuming " + r.resume + ": "
                           : out.shard.count > 1 ? "shard " + std::to_string(out.shard.index + 1) + "/" + std::to_string(out.shard.count) + ": "
                                                 : "";
  std::cout << "Dry run of " << printable_text(r.config) << ": valid; nothing was written.\n"
            << "  sizes   " << part << sizes_line(out.config, batches, e.pilot.driver.threads) << "\n"
            << "  time    about " << human_seconds(e.seconds) << " (an estimate: " << pilot_line(e.pilot) << ")\n"
            << "  output  " << out.output << ", about " << human_bytes(e.bytes) << "\n";
}

void print_precision(const app::RunOutcome& out) {
  const app::PrecisionReport& p = *out.precision;
  std::cout << "\n--target-ci " << p.target << ": "
            << (p.half_width <= p.target ? "reached" : p.draws_needed > 0 ? "NOT reachable with these draws" : "NOT reached (cap)")
            << " with " << out.config.run.trajectories << " trajectories per draw after " << p.rounds
            << " round(s); half-width " << p.half_width << "\n";
  if (p.draws_needed > 0) {
    std::cout << "  The spread of P(war) between the " << out.config.run.draws << " parameter draws alone gives a half-width of "
              << p.draw_floor << ":\n  more trajectories per draw cannot reach " << p.target
              << ". Rerun with about --draws " << p.draws_needed << " (the interval shrinks as 1/sqrt(draws)).\n";
  }
}

int execute_run(const RunOptions& options, const std::string& command_line, Cluster& cluster) {
  app::RunRequest request;
  cluster.collective([&] {
    request = request_of(options, command_line);
    if (!options.shard.empty()) request.shard = parse_shard(options.shard), request.shard_label = options.shard;
  }, exit_code_of);
  const bool quiet = options.sampling.quiet;
  const app::RunOutcome out = app::run(request, cluster, terminal_callbacks(quiet || !cluster.root()));
  if (out.estimate) {
    print_estimate(request, out);
    return 0;
  }
  if (!out.written) return out.stopped ? 130 : 0;  // an MPI rank other than 0
  if (!quiet) {
    std::cout << "Escalate " << ENGINE_VERSION << ": " << printable_text(request.config) << "\n";
    if (out.shard.count > 1) std::cout << "Shard " << out.shard.index + 1 << " of " << out.shard.count << " (merge the parts with `escalate merge`)\n";
    print_summary(std::cout, out.results, out.config.run);
    if (out.precision) print_precision(out);
    std::cout << (out.precision ? "" : "\n") << "Wrote " << printable_text(out.output) << (out.stopped ? " (partial: interrupted)" : "") << "\n";
  }
  return out.stopped ? 130 : 0;
}

}  // namespace

Command add_run_command(CLI::App& app, const std::string& command_line) {
  auto options = std::make_shared<RunOptions>();
  auto* run = app.add_subcommand("run", "Sample a config and write its results to HDF5");
  run->add_option("config", options->config, "Config file (TOML, docs/model.md section 15)")->required();
  add_sampling_options(run, options->sampling, "Result file (default: results/<config-stem>.h5)", "");
  run->add_option("--resume", options->resume,
                  "Continue a partial result of the same config (and flags) to the datasets of an uninterrupted "
                  "run (to the same file unless -o); with --shard i/n (the file's own), finish only that shard");
  run->add_option("--target-ci", options->target_ci,
                  "Add trajectories (doubling per draw) until the 95% half-width on pooled P(war) is at most W, "
                  "a number in [1e-6, 0.5]");
  run->add_option("--max-trajectories", options->max_trajectories,
                  "Cap per draw for --target-ci (default 64x the first round)");
  run->add_option("--shard", options->shard,
                  "Compute only part i of n (1-based), for job arrays; combine the parts with `escalate merge`");
  return {run, [options, command_line](Cluster& cluster) { return execute_run(*options, command_line, cluster); }};
}

}  // namespace escalate::cli
