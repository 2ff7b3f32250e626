// `escalate calibrate`: flags → app::CalibrateRequest → app::calibrate → the prior against
// the posterior, the check's misfits, the file written (or the dry run's estimate).
#include "commands.hpp"

#include "dry_run_report.hpp"
#include "terminal.hpp"
#include "escalate/app/calibrate.hpp"
#include "escalate/base/error.hpp"
#include "escalate/base/printable_text.hpp"
#include "escalate/cli/progress.hpp"
#include "escalate/report/posterior_summary.hpp"

#include <cmath>
#include <cstdio>
#include <iostream>
#include <limits>
#include <memory>

namespace escalate::cli {

namespace {

struct CalibrateOptions {
  std::string forecast, record, output, particles, trajectories, seed, resume;
  int threads = 0;
  bool force = false, quiet = false, dry_run = false;
};

app::CalibrateRequest request_of(const CalibrateOptions& o, const std::string& command_line) {
  constexpr auto MAX = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
  app::CalibrateRequest r;
  r.forecast = o.forecast;
  r.record = o.record;
  r.output = o.output;
  if (!o.particles.empty()) r.particles = static_cast<std::int64_t>(parse_integer_flag("--particles", o.particles, 2, MAX));
  if (!o.trajectories.empty()) {
    r.trajectories = static_cast<std::int64_t>(parse_integer_flag("--trajectories", o.trajectories, 2, MAX));
  }
  if (!o.seed.empty()) r.seed = parse_integer_flag("--seed", o.seed, 0, max_seed());
  r.threads = o.threads;
  r.force = o.force;
  r.dry_run = o.dry_run;
  r.resume = o.resume;
  r.command_line = command_line;
  return r;
}

void print_estimate(const app::CalibrateRequest& r, const app::CalibrateOutcome& out) {
  const app::CalibrateEstimate& e = *out.estimate;
  std::printf("Dry run of calibrate %s --record %s: valid; nothing was written.\n", printable_text(r.forecast).c_str(),
              printable_text(r.record).c_str());
  std::printf("  inferred   %zu parameters (the forecast's uncertain ones, the windows' own, the record's reporting)\n",
              out.parameters.size());
  std::printf("  record     %zu windows, %zu summaries\n", out.windows, out.summaries);
  std::printf("  cost       about %.0f likelihood estimates (%lld particles x %.0f) x %zu windows x %lld trajectories\n"
              "             = about %.3g simulated trajectories\n",
              e.estimates, static_cast<long long>(r.particles), app::ESTIMATES_PER_PARTICLE, out.windows,
              static_cast<long long>(r.trajectories), e.simulations);
  std::cout << "  time       about " << human_seconds(e.seconds) << " on " << e.threads << " threads (a pilot of "
            << e.pilot_estimates << " estimates at prior draws: " << e.seconds_per_estimate
            << " s each on one thread; posterior draws may cost more or less)\n"
            << "  output     " << printable_text(out.output) << "\n";
}

void print_posterior(const app::CalibrateOutcome& out) {
  const PosteriorFile& f = out.posterior;
  // The numbers of `escalate summary`'s table (report/posterior_summary.hpp): the shrinkage
  // on the sampler's unconstrained scale, the rest on the parameter's own.
  std::printf("%-48s %12s %12s %25s %9s\n", "parameter", "prior mean", "post. mean", "posterior 90% interval", "shrinkage");
  for (std::size_t j = 0; j < f.parameters.size(); ++j) {
    const ParameterShift s = parameter_shift(f, j);
    const std::string interval = "[" + std::to_string(s.q05) + ", " + std::to_string(s.q95) + "]";
    std::printf("%-48s %12.4g %12.4g %25s %9.2f\n", printable_text(f.parameters[j]).c_str(), s.prior_mean, s.mean,
                interval.c_str(), s.shrinkage);
  }
  std::printf("(shrinkage: 1 - var_post/var_prior on the sampler's unconstrained scale: log, logit or none)\n");
  std::size_t observed = 0;
  for (const PosteriorCheckRow& row : f.check) observed += std::isnan(row.observed) ? 0 : 1;
  const DrawDiversity diversity = draw_diversity(f);
  std::printf("\n%lld posterior draws (%lld distinct, the most repeated %lld times), final ESS %.0f, %zu stages, "
              "log evidence %.3f\n", static_cast<long long>(f.draws), static_cast<long long>(diversity.distinct),
              static_cast<long long>(diversity.most_copies), f.final_ess, f.stages.size(), f.log_evidence);
  std::printf("Posterior predictive check: %zu observations (%zu rows with the unobserved), %zu outside every draw's reach\n",
              observed, f.check.size(), f.misfits.size());
  for (const std::string& line : f.misfits) std::cout << "  MISFIT " << printable_text(line) << "\n";
}

int execute_calibrate(const CalibrateOptions& options, const std::string& command_line, Cluster& cluster) {
  const app::CalibrateRequest request = request_of(options, command_line);
  app::Callbacks callbacks = terminal_callbacks(options.quiet || !cluster.root());
  // The stage lines are the progress: the Ctrl-C handlers are installed, no bar is drawn.
  callbacks.progress = [quiet_progress = terminal_callbacks(true).progress](const std::atomic<std::int64_t>& done,
                                                                           std::int64_t total) {
    return quiet_progress(done, total);
  };
  const app::CalibrateOutcome out = app::calibrate(request, cluster, callbacks);
  if (out.estimate) {
    print_estimate(request, out);
    return 0;
  }
  if (!out.written) return 0;  // an MPI rank other than 0
  if (!options.quiet) {
    print_posterior(out);
    std::cout << "\nWrote " << printable_text(out.output) << "\n";
  }
  return 0;
}

}  // namespace

Command add_calibrate_command(CLI::App& app, const std::string& command_line) {
  auto o = std::make_shared<CalibrateOptions>();
  auto* c = app.add_subcommand("calibrate", "Infer a config's uncertain parameters from a record of incidents (posterior to HDF5)");
  c->add_option("forecast", o->forecast, "Forecast config (TOML): its uncertain parameters are inferred")->required();
  c->add_option("--record", o->record, "Record file (TOML, docs/calibration.md \"The record file\")")->required();
  c->add_option("-o,--output", o->output, "Posterior file (default: results/<forecast-stem>-posterior.h5)");
  c->add_option("--particles", o->particles, "SMC particles, the posterior draws (default 500)");
  c->add_option("--trajectories", o->trajectories,
                "Trajectories per window for each likelihood estimate (default 100; at least 2)");
  c->add_option("--seed", o->seed, "Seed, an integer in [0, " + std::to_string(max_seed()) + "] (default: the forecast's run.seed)");
  c->add_option("--threads", o->threads, "Worker threads (default 0: all cores); the posterior does not depend on it")
      ->check(CLI::Range(0, 4096));
  c->add_option("--resume", o->resume, "Continue from the state file an interrupted calibration wrote (<output>.state)");
  c->add_flag("--force", o->force, "Replace the posterior file if it exists");
  c->add_flag("-q,--quiet", o->quiet, "No stage lines and no table");
  c->add_flag("--dry-run", o->dry_run,
              "Check everything, time a pilot of a few likelihood estimates and print the expected number of "
              "simulations and wall time; write nothing");
  return {c, [o, command_line](Cluster& cluster) { return execute_calibrate(*o, command_line, cluster); }};
}

}  // namespace escalate::cli
