// Simulation-based calibration of the calibrator with the engine in the loop (engine_sbc.hpp).
#include "escalate/app/engine_sbc.hpp"

#include "escalate/app/calibration_likelihood.hpp"
#include "escalate/app/engine_window_runner.hpp"
#include "escalate/infer/calibration_check.hpp"
#include "escalate/infer/smc_sampler.hpp"

namespace escalate::app {

namespace {

// θ_r and its synthetic record come from keys no calibration uses: stage numbers from
// 2^40 (a calibration's stages count from 0; its predictive check uses 2^32 - 1).
constexpr std::uint64_t SBC_STAGE = std::uint64_t{1} << 40;
constexpr std::uint64_t TRUTH_MOVE = 0, RECORD_MOVE = 1, TIES_MOVE = 2;

std::vector<double> column(const infer::Posterior& posterior, std::size_t j) {
  std::vector<double> out;
  out.reserve(posterior.draws.size());
  for (const std::vector<double>& d : posterior.draws) out.push_back(d[j]);
  return out;
}

// The draws contracted toward their mean: an overconfident posterior with the same centre.
std::vector<double> sharpened(std::vector<double> draws, double factor) {
  double mean = 0;
  for (double d : draws) mean += d / static_cast<double>(draws.size());
  for (double& d : draws) d = mean + factor * (d - mean);
  return draws;
}

void set_outcome(std::optional<ObservedRange>& outcome, std::int64_t value) {
  if (outcome) outcome = ObservedRange{value, value};
}

}  // namespace

EngineSbc::EngineSbc(const std::string& forecast, const std::string& record_template)
    : forecast_(load_config(forecast)), template_(load_record(record_template)),
      space_(calibration_space_of(forecast_, template_)) {}

void EngineSbc::observe(RecordWindow& window, const RecordedTrajectory& trajectory) {
  for (std::size_t k = 0; k < window.counts.size(); ++k) {
    for (std::size_t p = 0; p < window.counts[k].size(); ++p) {
      if (window.counts[k][p] >= 0) window.counts[k][p] = trajectory.count(k, p);
    }
    for (std::size_t r = 0; r < 5; ++r) {
      if (window.answers[k][r] >= 0) window.answers[k][r] = trajectory.answer(k, r);
    }
  }
  set_outcome(window.wars, trajectory.wars);
  set_outcome(window.limited_strikes, trajectory.limited_strikes);
  set_outcome(window.countermeasures, trajectory.countermeasures);
}

EngineSbcReplicate EngineSbc::replicate(const EngineSbcSettings& s, std::uint64_t r) const {
  const infer::ParameterSpace space(space_.parameters);
  EngineSbcReplicate out;
  std::vector<double> z = space.sample_unconstrained({s.seed, SBC_STAGE + r, TRUTH_MOVE, 0});
  for (double& zj : z) zj += s.truth_shift;
  out.truth = space.to_constrained(z);

  // One world at θ_r: one trajectory per window, thinned as the likelihood thins.
  Record record = template_;
  const CalibrationModel simulator = calibration_model(space_, record, 1);
  const std::unique_ptr<WindowRunner> runner = engine_window_runners(record)();
  for (std::size_t w = 0; w < record.windows.size(); ++w) {
    observe(record.windows[w],
            recorded_window(simulator, *runner, w, out.truth, {s.seed, SBC_STAGE + r, RECORD_MOVE, 0}, 1).front());
  }

  // The calibration of that record, as the `calibrate` service runs it.
  const CalibrationModel model = calibration_model(space_, record, s.trajectories);
  for (const SummaryLayout& l : model.layouts) out.observed.insert(out.observed.end(), l.observed.begin(), l.observed.end());
  infer::SmcSettings settings;
  settings.particles = static_cast<std::size_t>(s.particles);
  settings.seed = s.seed * 1000003 + r;
  const infer::SmcSampler sampler(space, settings,
                                  batch_log_likelihood(model, engine_window_runners(record), s.threads));
  const infer::Posterior post = sampler.posterior(sampler.run());

  out.final_ess = post.final_ess;
  out.stages = post.stages.size() - 1;
  for (const infer::StageDiagnostics& stage : post.stages) out.evaluations += stage.evaluations;
  for (std::size_t k = 1; k < post.stages.size(); ++k) out.acceptance += post.stages[k].acceptance / static_cast<double>(out.stages);
  infer::InferStream ties({s.seed, SBC_STAGE + r, TIES_MOVE, 0}, infer::StreamPurpose::Resample);
  for (std::size_t j = 0; j < space.size(); ++j) {
    const std::vector<double> draws = column(post, j);
    const double u = ties.uniform();
    out.rank.push_back(infer::calibration_rank(out.truth[j], infer::thin(draws, s.rank_draws), u));
    out.sharpened_rank.push_back(
        infer::calibration_rank(out.truth[j], infer::thin(sharpened(draws, s.sharpen), s.rank_draws), u));
    out.covered50.push_back(infer::central_interval_covers(out.truth[j], draws, 0.5));
    out.covered90.push_back(infer::central_interval_covers(out.truth[j], draws, 0.9));
  }
  return out;
}

}  // namespace escalate::app
