// `escalate run`: one process, MPI ranks, a shard, a resumed run, or adaptive precision.
#include "commands.hpp"

#include "escalate/base/error.hpp"
#include "escalate/base/printable_text.hpp"
#include "escalate/model/phase.hpp"
#include "escalate/output/file_publish.hpp"
#include "escalate/output/result_file.hpp"
#include "escalate/output/statistics.hpp"
#include "escalate/output/summary.hpp"
#include "escalate/version.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <iostream>

namespace escalate::cli {

namespace {

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

// --target-ci: rounds of trajectories per draw (256, 512, 1024, ... from the config's
// count rounded up to whole batches) until the Wilson half-width on pooled P(war) is at
// most `target`, or the cap. Batches follow the cap's layout, so every round adds whole
// batches; the stopping rule reads integer tallies only, so the outcome is deterministic
// and equal to a plain run with the final count.
struct AdaptiveOutcome {
  Config config;
  DriverResult driver;
  double half_width = 0;
  double draw_floor = 0;         // the half-width the spread between draws alone gives
  std::int64_t draws_needed = 0;  // > 0: the target needs more draws, not more trajectories
  int rounds = 0;
  double wall_seconds = 0;
};

AdaptiveOutcome run_adaptive(const RunFlags& flags, const Config& first) {
  constexpr std::int64_t BATCH = BATCH_SIZE;
  auto whole = [&](std::int64_t n) { return (n + BATCH - 1) / BATCH * BATCH; };
  const std::int64_t start = whole(std::max<std::int64_t>(first.run.trajectories, BATCH));
  const std::int64_t cap = whole(flags.max_trajectories > 0 ? flags.max_trajectories : 64 * start);
  if (cap < start) throw UsageError("--max-trajectories must be at least the first round (" + std::to_string(start) + ")");
  ConfigOverrides o = flags.overrides;
  o.trajectories = cap;
  Config capped = load_config(flags.config, o);
  const BatchLayout layout = BatchLayout::of(capped.run);
  if (layout.batch_size != BATCH) {  // rounds add whole batches of BATCH_SIZE
    throw UsageError("--target-ci: a cap of " + std::to_string(cap) + " trajectories per draw with " +
                     std::to_string(capped.run.draws) + " draws exceeds " + std::to_string(MAX_BATCHES) +
                     " batches; lower --max-trajectories (at most " +
                     std::to_string(std::max<std::int64_t>(1, MAX_BATCHES / capped.run.draws) * BATCH) + ")");
  }
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
    if (e.driver.stopped) throw Interrupted("interrupted during --target-ci: nothing written");
    per_draw = next;
    // The interval the results will report (both loops, MODEL §11), read from integer tallies.
    std::vector<std::int64_t> wars, trials;
    for (std::int64_t m = 0; m < capped.run.draws; ++m) {
      wars.push_back(total.tally.value("draw_reached", m, WAR));
      trials.push_back(total.tally.value("draw_trajectories", m));
    }
    const PooledEstimate war = pooled_estimate(wars, trials);
    out.half_width = (war.hi - war.lo) / 2;
    if (!flags.quiet) {
      std::cerr << "round " << out.rounds << ": " << per_draw << " trajectories per draw, 95% half-width on P(war) "
                << out.half_width << (out.half_width <= flags.target_ci ? " <= " : " > ") << flags.target_ci << "\n";
    }
    // More trajectories per draw cannot push the interval below what the spread of the true
    // per-draw probabilities gives: t sd* / sqrt(M). Past that, only more draws help. The
    // estimate sd* is itself noisy: trust it only when the spread of the per-draw estimates
    // is significantly larger than binomial noise alone would give (chi-square test, 1%).
    const double M = static_cast<double>(war.draws);
    out.draw_floor = war.draws >= 2 && std::isfinite(war.between_draw_sd)
        ? t_quantile_95(M - 1) * war.between_draw_sd / std::sqrt(M) : 0.0;
    const double noise = war.within_draw_sd * war.within_draw_sd;
    const bool spread_is_real = war.draws >= 2 && noise > 0 &&
        (M - 1) * (war.between_draw_sd * war.between_draw_sd + noise) / noise > chi_square_quantile(M - 1, 0.99);
    if (out.half_width > flags.target_ci && out.draw_floor > flags.target_ci && spread_is_real) {
      const double ratio = out.draw_floor / flags.target_ci;
      out.draws_needed = static_cast<std::int64_t>(std::ceil(M * ratio * ratio));
      break;
    }
    if (out.half_width <= flags.target_ci || per_draw == cap) break;
  }
  out.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  // Re-express the state in the layout of a plain run with the final count.
  o.trajectories = per_draw;
  out.config = load_config(flags.config, o);
  const BatchLayout final_layout = BatchLayout::of(out.config.run);
  out.driver = empty_result(out.config);
  out.driver.draws = std::move(total.draws);
  out.driver.threads = total.threads;
  RunTally& into = out.driver.tally;
  const TallyLayout& to = into.layout;
  // Run and draw blocks have the same layout in both; batch blocks move to their new index.
  std::copy_n(total.tally.counts.begin(), to.run_block() + to.draws() * to.draw_block(), into.counts.begin());
  for (std::int64_t m = 0; m < out.config.run.draws; ++m) {
    for (std::int64_t k = 0; k < final_layout.batches_per_draw; ++k) {
      for (const TallySlice& slice : to.slices()) {
        if (slice.scope != TallyScope::Batch) continue;
        auto from_values = total.tally.at(slice.name, m * layout.batches_per_draw + k);
        std::copy(from_values.begin(), from_values.end(), into.at(slice.name, m * final_layout.batches_per_draw + k).begin());
      }
    }
  }
  out.driver.complete = into.complete();
  return out;
}

// --dry-run: the checks above, then sizes, a time estimate from a pilot, the output's size.
int dry_run(const RunFlags& flags, const Config& config, const std::string& output, const ShardInfo& shard,
            const std::vector<std::uint8_t>& mask) {
  const std::vector<std::uint8_t>* batches = mask.empty() ? nullptr : &mask;
  const Pilot pilot = run_pilot(config, flags.threads, batches);
  const DriverResult shape = empty_run_of(config, pilot);
  const Results results = compute_results(config, shape, Provenance::of(shape, "", pilot.seconds));
  const std::string part = !flags.resume.empty() ? "resuming " + flags.resume + ": "
                           : shard.count > 1 ? "shard " + std::to_string(shard.index + 1) + "/" + std::to_string(shard.count) + ": "
                                             : "";
  std::cout << "Dry run of " << printable_text(flags.config) << ": valid; nothing was written.\n"
            << "  sizes   " << part << sizes_line(config, batches, pilot.driver.threads) << "\n"
            << "  time    about " << human_seconds(estimated_seconds(pilot, config, batches)) << " (an estimate: "
            << pilot_line(pilot) << ")\n"
            << "  output  " << printable_text(output) << ", about " << human_bytes(result_file_size(config, results, shape, shard)) << "\n";
  return 0;
}

}  // namespace

int command_run(const RunFlags& flags, const std::string& command_line, Cluster& cluster) {
  Config config;
  ShardInfo shard;
  std::vector<std::uint8_t> mask;
  std::string output;
  StoredRun resumed;
  // Every check before the work, on every rank: a refusal is printed once (by the lowest
  // failing rank) and every rank exits with its code.
  cluster.collective([&] {
    if (!flags.resume.empty() && (cluster.size() > 1 || flags.target_ci > 0)) {
      throw UsageError("--resume runs in one process: no mpirun or --target-ci");
    }
    if (flags.target_ci > 0 && (cluster.size() > 1 || !flags.shard.empty())) {
      throw UsageError("--target-ci runs in one process: no mpirun or --shard");
    }
    if (flags.dry_run && (cluster.size() > 1 || flags.target_ci > 0)) {
      throw UsageError("--dry-run runs in one process, without --target-ci (its rounds depend on the results): "
                       "dry-run a plain run, or one round with --trajectories N");
    }
    config = load_config(flags.config, flags.overrides);
    if (cluster.root()) report_warnings(config);
    check_config_reads_back(config);
    const BatchLayout layout = BatchLayout::of(config.run);
    if (!flags.shard.empty()) {
      if (cluster.size() > 1) throw UsageError("--shard splits a run across jobs, mpirun across ranks: use one or the other");
      shard = parse_shard(flags.shard);
      if (shard.count > layout.batches) {
        throw UsageError("--shard " + flags.shard + ": this run has " + std::to_string(layout.batches) +
                         " batches, so at most " + std::to_string(layout.batches) + " parts");
      }
      mask = block_mask(layout, shard.index, shard.count);
    }
    if (cluster.size() > 1) mask = interleaved_mask(layout, cluster.rank(), cluster.size());
    if (!flags.resume.empty()) {
      // The batches still to run: those not done in the stored file; with --shard i/n (the
      // file's own), only those of its block, and it is written back as that shard (an
      // array task stopped by its time limit); without, the whole run is completed.
      resumed = read_stored_run(flags.resume);
      if (resumed.config.resolved_text != config.resolved_text) {
        throw UsageError(flags.resume + ": written for a different config, seed or size than " + flags.config +
                         " (with these flags); --resume needs exactly the same");
      }
      const std::string part = "shard " + std::to_string(resumed.shard.index + 1) + "/" + std::to_string(resumed.shard.count);
      if (!flags.shard.empty() && (shard.index != resumed.shard.index || shard.count != resumed.shard.count)) {
        throw UsageError("--shard " + flags.shard + ": " + flags.resume + " is " +
                         (resumed.shard.count > 1 ? part + "; give its own --shard to finish it as a shard"
                                                  : "a whole run; drop --shard"));
      }
      if (flags.shard.empty()) {
        shard = ShardInfo{};
        mask.assign(static_cast<std::size_t>(layout.batches), 1);
      }
      bool any = false;
      for (std::size_t b = 0; b < mask.size(); ++b) {
        mask[b] = mask[b] && !resumed.driver.tally.batch_done(static_cast<std::int64_t>(b));
        any = any || mask[b];
      }
      if (!any) {
        throw UsageError(flags.resume + ": " + (flags.shard.empty() ? "already complete" : part + " is already complete (merge it)") +
                         "; nothing to resume");
      }
    }
    output = flags.output.empty() ? (flags.resume.empty() ? default_output(flags.config) : flags.resume) : flags.output;
    if (flags.output.empty() && flags.resume.empty() && shard.count > 1) {
      output = output.substr(0, output.size() - 3) + ".part-" + std::to_string(shard.index + 1) + "-of-" +
               std::to_string(shard.count) + ".h5";
    }
    // Fail before the work, not after. Resuming into the partial file replaces it.
    if (cluster.root()) {
      check_output_path(output, flags.force || same_file(output, flags.resume), flags.resume);
      if (!flags.dry_run) report_stale_temporaries(output);
    }
  }, exit_code_of);
  if (flags.dry_run) return dry_run(flags, config, output, shard, mask);
  if (flags.target_ci > 0) {
    AdaptiveOutcome a = run_adaptive(flags, config);
    Results results = compute_results(a.config, a.driver, Provenance::of(a.driver, command_line, a.wall_seconds));
    write_result_file(output, a.config, results, a.driver, shard, flags.force);
    if (!flags.quiet) {
      std::cout << "Escalate " << ENGINE_VERSION << ": " << printable_text(flags.config) << "\n";
      print_summary(std::cout, results, a.config.run);
      std::cout << "\n--target-ci " << flags.target_ci << ": "
                << (a.half_width <= flags.target_ci ? "reached" : a.draws_needed > 0 ? "NOT reachable with these draws" : "NOT reached (cap)")
                << " with " << a.config.run.trajectories << " trajectories per draw after " << a.rounds
                << " round(s); half-width " << a.half_width << "\n";
      if (a.draws_needed > 0) {
        std::cout << "  The spread of P(war) between the " << a.config.run.draws << " parameter draws alone gives a half-width of "
                  << a.draw_floor << ":\n  more trajectories per draw cannot reach " << flags.target_ci
                  << ". Rerun with about --draws " << a.draws_needed << " (the interval shrinks as 1/sqrt(draws)).\n";
      }
      std::cout << "Wrote " << printable_text(output) << "\n";
    }
    return 0;
  }
  Execution e = execute(config, flags.threads, flags.quiet || !cluster.root(), command_line,
                        mask.empty() ? nullptr : &mask);
  if (cluster.size() > 1) {
    // A Ctrl-C reaches the ranks at different moments: if any rank stopped, every rank
    // exits 130 (rank 0 writes the partial file).
    const bool any_stopped = cluster.max(e.driver.stopped ? 1.0 : 0.0) > 0;
    cluster.reduce_to_root(e.driver);
    e.provenance.wall_seconds = cluster.max(e.provenance.wall_seconds);
    if (!cluster.root()) return any_stopped ? 130 : 0;
    e.provenance.ranks = cluster.size();
    mask.clear();  // rank 0 now holds every rank's batches
  }
  if (!flags.resume.empty()) {
    merge_driver_results(e.driver, resumed.driver);
    e.provenance.wall_seconds += resumed.wall_seconds;
    e.provenance.history = {resumed.history};
  }
  e.provenance.complete = e.driver.complete;
  const Results results = compute_results(config, e.driver, e.provenance);
  write_result_file(output, config, results, e.driver, shard, flags.force || same_file(output, flags.resume),
                    flags.resume);
  bool stopped = mask.empty() && !e.driver.complete;  // an interrupt left batches of this part undone
  for (std::size_t b = 0; b < mask.size(); ++b) stopped = stopped || (mask[b] && !e.driver.tally.batch_done(static_cast<std::int64_t>(b)));
  if (!flags.quiet) {
    std::cout << "Escalate " << ENGINE_VERSION << ": " << printable_text(flags.config) << "\n";
    if (shard.count > 1) std::cout << "Shard " << shard.index + 1 << " of " << shard.count << " (merge the parts with `escalate merge`)\n";
    print_summary(std::cout, results, config.run);
    std::cout << "\nWrote " << printable_text(output) << (stopped ? " (partial: interrupted)" : "") << "\n";
  }
  return stopped ? 130 : 0;
}

}  // namespace escalate::cli
