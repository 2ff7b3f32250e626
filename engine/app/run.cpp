// The `run` service: one process, MPI ranks, a shard, a resumed run, or adaptive precision.
#include "escalate/app/run.hpp"

#include "adaptive_precision.hpp"
#include "posterior_draws.hpp"
#include "escalate/app/execution.hpp"
#include "escalate/base/error.hpp"
#include "escalate/hdf5/file_publish.hpp"
#include "escalate/output/result_file.hpp"

#include <utility>

namespace escalate::app {

namespace {

// What the checks decided: the config, the part of it to run, where it goes.
struct RunPlan {
  Config config;
  ShardInfo shard;
  std::vector<std::uint8_t> mask;  // the batches to run (empty: all)
  std::string output;
  StoredRun resumed;
  std::optional<PosteriorDraws> posterior;  // --posterior
  std::optional<DrawTable> draws;           // the outer loop's rows from it
};

void refuse_combinations(const RunRequest& r, const Cluster& cluster) {
  if (!r.resume.empty() && (cluster.size() > 1 || r.target_ci > 0)) {
    throw RequestError("--resume runs in one process: no mpirun or --target-ci");
  }
  if (r.target_ci > 0 && (cluster.size() > 1 || r.shard)) {
    throw RequestError("--target-ci runs in one process: no mpirun or --shard");
  }
  if (r.dry_run && (cluster.size() > 1 || r.target_ci > 0)) {
    throw RequestError("--dry-run runs in one process, without --target-ci (its rounds depend on the results): "
                     "dry-run a plain run, or one round with --trajectories N");
  }
}

// The batches still to run: those not done in the stored file; with a shard (the file's
// own), only those of its block, and it is written back as that shard (an array task
// stopped by its time limit); without, the whole run is completed.
void plan_resume(const RunRequest& r, const BatchLayout& layout, RunPlan& plan) {
  plan.resumed = read_stored_run(r.resume);
  const StoredRun& resumed = plan.resumed;
  if (resumed.config.resolved_text != plan.config.resolved_text) {
    throw RequestError(r.resume + ": written for a different config, seed or size than " + r.config +
                     " (with these flags); --resume needs exactly the same");
  }
  require_same_posterior(r.resume, resumed.posterior_sha256, plan.posterior);
  const std::string part = "shard " + std::to_string(resumed.shard.index + 1) + "/" + std::to_string(resumed.shard.count);
  if (r.shard && (plan.shard.index != resumed.shard.index || plan.shard.count != resumed.shard.count)) {
    throw RequestError("--shard " + r.shard_label + ": " + r.resume + " is " +
                     (resumed.shard.count > 1 ? part + "; give its own --shard to finish it as a shard"
                                              : "a whole run; drop --shard"));
  }
  if (!r.shard) {
    plan.shard = ShardInfo{};
    plan.mask.assign(static_cast<std::size_t>(layout.batches), 1);
  }
  bool any = false;
  for (std::size_t b = 0; b < plan.mask.size(); ++b) {
    plan.mask[b] = plan.mask[b] && !resumed.driver.tally.batch_done(static_cast<std::int64_t>(b));
    any = any || plan.mask[b];
  }
  if (!any) {
    throw RequestError(r.resume + ": " + (!r.shard ? "already complete" : part + " is already complete (merge it)") +
                     "; nothing to resume");
  }
}

// Every check before the work, on every rank: a refusal is thrown once (by the lowest
// failing rank) and every rank exits with its code.
RunPlan plan_run(const RunRequest& r, Cluster& cluster, const Callbacks& callbacks) {
  RunPlan plan;
  cluster.collective([&] {
    refuse_combinations(r, cluster);
    plan.config = load_config(r.config, r.overrides);
    if (cluster.root()) report_warnings(plan.config, callbacks);
    check_config_reads_back(plan.config);
    plan.posterior = load_posterior_draws(r.posterior);
    plan.draws = posterior_table(plan.config, plan.posterior);
    const BatchLayout layout = BatchLayout::of(plan.config.run);
    if (r.shard) {
      if (cluster.size() > 1) throw RequestError("--shard splits a run across jobs, mpirun across ranks: use one or the other");
      plan.shard = *r.shard;
      if (plan.shard.count > layout.batches) {
        throw RequestError("--shard " + r.shard_label + ": this run has " + std::to_string(layout.batches) +
                         " batches, so at most " + std::to_string(layout.batches) + " parts");
      }
      plan.mask = block_mask(layout, plan.shard.index, plan.shard.count);
    }
    if (cluster.size() > 1) plan.mask = interleaved_mask(layout, cluster.rank(), cluster.size());
    if (!r.resume.empty()) plan_resume(r, layout, plan);
    plan.output = r.output.empty() ? (r.resume.empty() ? default_output(r.config) : r.resume) : r.output;
    if (r.output.empty() && r.resume.empty() && plan.shard.count > 1) {
      plan.output = plan.output.substr(0, plan.output.size() - 3) + ".part-" + std::to_string(plan.shard.index + 1) +
                    "-of-" + std::to_string(plan.shard.count) + ".h5";
    }
    // Fail before the work, not after. Resuming into the partial file replaces it.
    if (cluster.root()) {
      check_output_path(plan.output, r.force || same_file(plan.output, r.resume), r.resume);
      if (!r.dry_run) report_stale_temporaries(plan.output, callbacks);
    }
  }, exit_code_of);
  return plan;
}

// A dry run: the checks above, then a pilot, a time estimate and the output's size.
RunOutcome dry_run(RunPlan& plan, const RunRequest& request) {
  RunOutcome out;
  out.output = plan.output;
  out.shard = plan.shard;
  const std::vector<std::uint8_t>* batches = plan.mask.empty() ? nullptr : &plan.mask;
  RunEstimate e;
  e.pilot = run_pilot(plan.config, request.threads, batches);
  const DriverResult shape = empty_run_of(plan.config, e.pilot);
  out.results = compute_results(plan.config, shape, Provenance::of(shape, "", e.pilot.seconds));
  e.seconds = estimated_seconds(e.pilot, plan.config, batches);
  e.bytes = result_file_size(plan.config, out.results, shape, plan.shard);
  e.batches = plan.mask;
  out.estimate = std::move(e);
  out.config = std::move(plan.config);
  return out;
}

}  // namespace

RunOutcome run(const RunRequest& request, Cluster& cluster, const Callbacks& callbacks) {
  RunPlan plan = plan_run(request, cluster, callbacks);
  RunOutcome out;
  out.output = plan.output;
  out.shard = plan.shard;
  if (request.dry_run) return dry_run(plan, request);
  if (request.target_ci > 0) {
    AdaptiveRun a = run_adaptive(request, plan.config, callbacks, plan.draws ? &*plan.draws : nullptr);
    Provenance provenance = Provenance::of(a.driver, request.command_line, a.wall_seconds);
    record_posterior(provenance, plan.posterior);
    out.results = compute_results(a.config, a.driver, provenance);
    write_result_file(plan.output, a.config, out.results, a.driver, plan.shard, request.force);
    out.config = std::move(a.config);
    out.precision = a.report;
    out.written = true;
    return out;
  }
  Execution e = execute(plan.config, request.threads, callbacks, request.command_line, plan.mask.empty() ? nullptr : &plan.mask,
                        plan.draws ? &*plan.draws : nullptr);
  record_posterior(e.provenance, plan.posterior);
  if (cluster.size() > 1) {
    // A Ctrl-C reaches the ranks at different moments: if any rank stopped, every rank
    // reports it (rank 0 writes the partial file).
    const bool any_stopped = cluster.max(e.driver.stopped ? 1.0 : 0.0) > 0;
    cluster.reduce_to_root(e.driver);
    e.provenance.wall_seconds = cluster.max(e.provenance.wall_seconds);
    if (!cluster.root()) {
      out.stopped = any_stopped;
      out.config = std::move(plan.config);
      return out;
    }
    e.provenance.ranks = cluster.size();
    plan.mask.clear();  // rank 0 now holds every rank's batches
  }
  if (!request.resume.empty()) {
    merge_driver_results(e.driver, plan.resumed.driver);
    e.provenance.wall_seconds += plan.resumed.wall_seconds;
    e.provenance.history = {plan.resumed.history};
  }
  e.provenance.complete = e.driver.complete;
  out.results = compute_results(plan.config, e.driver, e.provenance);
  write_result_file(plan.output, plan.config, out.results, e.driver, plan.shard,
                    request.force || same_file(plan.output, request.resume), request.resume);
  out.written = true;
  out.stopped = plan.mask.empty() && !e.driver.complete;  // an interrupt left batches of this part undone
  for (std::size_t b = 0; b < plan.mask.size(); ++b) {
    out.stopped = out.stopped || (plan.mask[b] && !e.driver.tally.batch_done(static_cast<std::int64_t>(b)));
  }
  out.config = std::move(plan.config);
  return out;
}

}  // namespace escalate::app
