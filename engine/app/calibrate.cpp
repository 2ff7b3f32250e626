// The `calibrate` service: checks, the tempered SMC sampler over the record's windows,
// Ctrl-C and --resume, the predictive check, the posterior file (calibrate.hpp).
#include "escalate/app/calibrate.hpp"

#include "escalate/app/calibrate_report.hpp"
#include "escalate/app/calibration_likelihood.hpp"
#include "escalate/app/calibration_state_file.hpp"
#include "escalate/app/engine_window_runner.hpp"
#include "escalate/app/execution.hpp"
#include "escalate/app/predictive_check.hpp"
#include "escalate/base/error.hpp"
#include "escalate/config/record.hpp"
#include "escalate/model/random_stream.hpp"
#include "escalate/hdf5/file_publish.hpp"
#include "escalate/sim/parallel_rows.hpp"
#include "escalate/version.hpp"

#include <chrono>
#include <filesystem>
#include <iomanip>
#include <sstream>
#include <stdexcept>

namespace escalate::app {

namespace {

// What the checks decided before any work.
struct CalibrationPlan {
  Config forecast;
  Record record;
  CalibrationModel model;
  std::string output;
  std::uint64_t seed = 0;
  std::string fingerprint;  // of the inputs and sizes: a state file must carry the same
  PosteriorProvenance provenance;
  std::optional<infer::SmcState> resumed;
};

constexpr std::int64_t MAX_PARTICLES = 10'000'000;
constexpr std::int64_t MAX_CALIBRATION_TRAJECTORIES = 100'000'000;

void check_sizes(const CalibrateRequest& r) {
  if (r.particles < 2 || r.particles > MAX_PARTICLES) {
    throw RequestError("--particles " + std::to_string(r.particles) + ": must be in [2, " + std::to_string(MAX_PARTICLES) + "]");
  }
  if (r.trajectories < 2 || r.trajectories > MAX_CALIBRATION_TRAJECTORIES) {
    throw RequestError("--trajectories " + std::to_string(r.trajectories) +
                     ": must be in [2, " + std::to_string(MAX_CALIBRATION_TRAJECTORIES) +
                     "] (the synthetic likelihood needs the spread of at least two)");
  }
}

std::string default_posterior_output(const std::string& forecast) {
  return (std::filesystem::path("results") / (std::filesystem::path(forecast).stem().string() + "-posterior.h5")).string();
}

PosteriorProvenance provenance_of(const CalibrateRequest& r, const Record& record, std::uint64_t seed) {
  PosteriorProvenance p;
  p.forecast_config = r.forecast, p.forecast_sha256 = file_sha256(r.forecast);
  p.record = r.record, p.record_sha256 = file_sha256(r.record);
  for (const RecordWindow& w : record.windows) {
    p.window_configs.push_back(w.config_path);
    p.window_sha256.push_back(file_sha256(w.config_path));
  }
  p.seed = seed, p.particles = r.particles, p.trajectories = r.trajectories;
  p.command_line = r.command_line;
  p.engine_version = ENGINE_VERSION;
  p.likelihood = "Gaussian synthetic likelihood (variance floor 1/12) of each window's summaries (per observed type "
                 "its total and later-half counts, answers per rung pooled over types, exact outcomes) from " +
                 std::to_string(r.trajectories) + " thinned trajectories, times (m + 1/2)/(n + 1) per interval outcome";
  return p;
}

// What a state file must have been made with to be resumed. The files' SHA-256s name only
// the files given; the configs' resolved texts also cover every `base` they inherit (an
// edit of configs/baseline-2022.toml changes what the forecast and the windows simulate).
std::string fingerprint_of(const PosteriorProvenance& p, const Config& forecast, const Record& record) {
  const auto text_hash = [](const Config& c) {
    return std::to_string(stable_hash(c.resolved_text.data(), c.resolved_text.size()));
  };
  std::string f = "forecast " + p.forecast_sha256 + " " + text_hash(forecast) + " record " + p.record_sha256 + " windows";
  for (const std::string& sha : p.window_sha256) f += " " + sha;
  for (const RecordWindow& w : record.windows) f += " " + text_hash(w.config);
  return f + " seed " + std::to_string(p.seed) + " particles " + std::to_string(p.particles) + " trajectories " +
         std::to_string(p.trajectories) + " engine " + p.engine_version + " sampler " + infer::SAMPLER_REVISION;
}

CalibrationModel model_of(const Config& forecast, const Record& record, std::int64_t trajectories) {
  if (record.windows.size() > MAX_WINDOWS) {
    throw ConfigError(record.path + ": " + std::to_string(record.windows.size()) + " windows; at most " +
                      std::to_string(MAX_WINDOWS));
  }
  CalibrationSpace space = calibration_space_of(forecast, record);
  if (space.parameters.empty()) {
    throw RequestError(forecast.source_path + " has no uncertain parameter and " + record.path +
                     " no uncertain reporting probability: nothing to calibrate");
  }
  try {
    infer::ParameterSpace check(space.parameters);
  } catch (const std::invalid_argument& e) {
    throw ConfigError(record.path + ": " + e.what());
  }
  return calibration_model(std::move(space), record, trajectories);
}

CalibrationPlan plan_calibration(const CalibrateRequest& r, const Cluster& cluster, const Callbacks& callbacks) {
  check_sizes(r);
  if (r.dry_run && cluster.size() > 1) throw RequestError("--dry-run runs in one process: start it without mpirun");
  CalibrationPlan plan;
  plan.forecast = load_config(r.forecast);
  if (cluster.root()) report_warnings(plan.forecast, callbacks);
  plan.record = load_record(r.record);
  plan.model = model_of(plan.forecast, plan.record, r.trajectories);
  plan.seed = r.seed.value_or(plan.forecast.run.seed);
  plan.output = r.output.empty() ? default_posterior_output(r.forecast) : r.output;
  if (cluster.root()) {
    check_output_path(plan.output, r.force);
    if (!r.dry_run) report_stale_temporaries(plan.output, callbacks);
  }
  plan.provenance = provenance_of(r, plan.record, plan.seed);
  plan.fingerprint = fingerprint_of(plan.provenance, plan.forecast, plan.record);
  if (!r.resume.empty()) plan.resumed = read_calibration_state(r.resume, plan.fingerprint);
  return plan;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

infer::SmcSettings settings_of(const CalibrateRequest& r, std::uint64_t seed) {
  infer::SmcSettings s;
  s.particles = static_cast<std::size_t>(r.particles);
  s.seed = seed;
  return s;
}

// A dry run: a pilot of a few likelihood estimates at prior draws, timed.
CalibrateEstimate estimate_of(const CalibrationPlan& plan, const CalibrateRequest& r) {
  CalibrateEstimate e;
  e.threads = parallel_slots(r.threads);
  const infer::ParameterSpace space(plan.model.space.parameters);
  std::vector<std::vector<double>> theta;
  std::vector<infer::StreamKey> keys;
  e.pilot_estimates = std::max<std::int64_t>(4, 2 * e.threads);
  for (std::int64_t i = 0; i < e.pilot_estimates; ++i) {
    const infer::StreamKey key{plan.seed, 0, 0, static_cast<std::uint64_t>(i)};
    theta.push_back(space.to_constrained(space.sample_unconstrained(key)));
    keys.push_back(key);
  }
  const auto start = std::chrono::steady_clock::now();
  batch_log_likelihood(plan.model, engine_window_runners(plan.record), r.threads)(theta, keys);
  const double wall = seconds_since(start);
  e.seconds_per_estimate = wall * std::min<double>(e.threads, static_cast<double>(e.pilot_estimates)) /
                           static_cast<double>(e.pilot_estimates);
  e.estimates = ESTIMATES_PER_PARTICLE * static_cast<double>(r.particles);
  e.simulations = e.estimates * static_cast<double>(plan.record.windows.size()) * static_cast<double>(r.trajectories);
  e.seconds = e.estimates * e.seconds_per_estimate / e.threads;
  return e;
}

// Below it a stage's particles barely move (docs/inference.md §10).
constexpr double LOW_ACCEPTANCE = 0.05;

// The sampler to the end; on an interrupt, the state of the last finished stage is
// written beside the output and Interrupted thrown.
infer::SmcState run_sampler(const CalibrationPlan& plan, const CalibrateRequest& r, const Cluster& cluster,
                            const Callbacks& callbacks, const infer::SmcSampler& sampler) {
  std::optional<infer::SmcState> last = plan.resumed;
  const auto start = std::chrono::steady_clock::now();
  const double per_estimate = static_cast<double>(plan.record.windows.size() * static_cast<std::size_t>(r.trajectories));
  bool warned = false;
  auto after_stage = [&](const infer::SmcState& s) {
    last = s;
    callbacks.say(stage_line(s, static_cast<std::size_t>(r.particles), per_estimate, seconds_since(start)));
    if (s.stage > 0 && s.stages.back().acceptance < LOW_ACCEPTANCE && !warned && cluster.root()) {
      warned = true;
      callbacks.warning("stage " + std::to_string(s.stage) + ": acceptance below 0.05, the particles barely move; "
                        "raise --trajectories (a noisy likelihood) or look for observations the model cannot "
                        "reproduce (the misfits of the predictive check)");
    }
    const bool stop = callbacks.interrupt && callbacks.interrupt->load();
    if (cluster.max(stop ? 1.0 : 0.0) > 0) throw LikelihoodStopped{};  // every rank stops at the same stage
  };
  try {
    return plan.resumed ? sampler.run(*plan.resumed, after_stage) : sampler.run(after_stage);
  } catch (const LikelihoodStopped&) {
    if (!last) throw Interrupted("calibration interrupted while the prior particles were evaluated; nothing to resume");
    const std::string state = plan.output + ".state";
    if (cluster.root()) write_calibration_state(state, plan.fingerprint, *last);
    std::ostringstream where;
    where << "calibration interrupted after stage " << last->stage << " (temperature " << std::setprecision(3)
          << last->temperature << "): its state is in " << state << "; continue with --resume " << state;
    throw Interrupted(where.str());
  }
}

}  // namespace

CalibrateOutcome calibrate(const CalibrateRequest& r, Cluster& cluster, const Callbacks& callbacks) {
  CalibrationPlan plan;
  cluster.collective([&] { plan = plan_calibration(r, cluster, callbacks); }, exit_code_of);
  CalibrateOutcome out;
  out.output = plan.output;
  for (const infer::Parameter& p : plan.model.space.parameters) out.parameters.push_back(p.name);
  out.windows = plan.record.windows.size();
  for (const SummaryLayout& l : plan.model.layouts) out.summaries += l.size();
  if (r.dry_run) {
    out.estimate = estimate_of(plan, r);
    return out;
  }
  std::atomic<std::int64_t> rows_done{0};
  const std::shared_ptr<void> progress =
      callbacks.progress ? callbacks.progress(rows_done, static_cast<std::int64_t>(ESTIMATES_PER_PARTICLE * r.particles)) : nullptr;
  const WindowRunnerFactory runners = engine_window_runners(plan.record);
  const infer::SmcSampler sampler(infer::ParameterSpace(plan.model.space.parameters), settings_of(r, plan.seed),
                                  batch_log_likelihood(plan.model, runners, r.threads, callbacks.interrupt, &rows_done,
                                                       &cluster));
  const infer::Posterior posterior = sampler.posterior(run_sampler(plan, r, cluster, callbacks, sampler));
  callbacks.say("posterior predictive check: " + std::to_string(posterior.draws.size()) + " draws x " +
                std::to_string(out.windows) + " windows");
  PredictiveCheck check =
      predictive_check(plan.model, runners, plan.record, posterior.draws, plan.seed, r.threads, &cluster);
  out.posterior = posterior_file_of(sampler.space(), posterior, std::move(check), std::move(plan.provenance));
  if (!cluster.root()) return out;
  write_posterior_file(plan.output, out.posterior, r.force);
  out.written = true;
  return out;
}

}  // namespace escalate::app
