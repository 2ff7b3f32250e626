// A reduced simulation-based calibration of the calibrator's likelihood (Talts et al.
// 2018; docs/calibration.md, "Is it right?"): 30 records drawn from the prior of a toy
// engine with three parameters and correlated periods, each calibrated through the same
// summaries, thinning and synthetic likelihood as the engine's windows; the rank of the
// true value among the posterior draws must be uniform (chi-square at alpha = 0.01).
#include "escalate/app/calibration_likelihood.hpp"
#include "escalate/infer/calibration_check.hpp"
#include "toy_windows.hpp"

#include <catch2/catch.hpp>

using namespace escalate;
using namespace escalate::test;
using K = Distribution::Kind;

namespace {

constexpr std::size_t SBC_PERIODS = 6, PHASE_START = 3;

// Engine values: rate per period, the multiplier of the rate from period 3 on (a phase:
// every period depends on the rate), the probability an incident is answered by a protest
// (else none).
class PhaseRunner : public app::WindowRunner {
 public:
  PhaseRunner() { obs_.types = 2, obs_.periods = SBC_PERIODS; }
  void prepare(std::size_t, std::span<const double> v) override { values_.assign(v.begin(), v.end()); }
  const WindowObservation& run(std::size_t, std::int64_t index, std::uint64_t seed) override {
    infer::InferStream s({seed, static_cast<std::uint64_t>(index), 0, 0}, infer::StreamPurpose::Likelihood, 0xF1);
    obs_.incidents.assign(2 * SBC_PERIODS * 6, 0);
    obs_.window_incidents.assign(12, 0);
    for (std::size_t p = 0; p < SBC_PERIODS; ++p) {
      const std::uint64_t n = s.poisson(values_[0] * (p >= PHASE_START ? values_[1] : 1.0));
      for (std::uint64_t i = 0; i < n; ++i) {
        const std::size_t rung = s.uniform() < values_[2] ? 1 : 0;
        obs_.incidents[p * 6 + rung] += 1;
        obs_.window_incidents[rung] += 1;
      }
    }
    return obs_;
  }

 private:
  WindowObservation obs_;
  std::vector<double> values_;
};

}  // namespace

TEST_CASE("Reduced SBC of the calibrator's likelihood: uniform ranks for three parameters", "[app][calibrate][sbc]") {
  // Priors: judgements for a test, not data (about 6 incidents a period, a phase that
  // roughly doubles them, a minority answered).
  const Config config = toy_config({{"rate", {K::Gamma, 3, 0.5, 0}},
                                    {"multiplier", {K::Lognormal, 2, 0.5, 0}},
                                    {"answered", {K::Beta, 2, 3, 0}}});
  const std::size_t replicates = 30, draws = 19;
  std::vector<std::vector<std::size_t>> ranks(3);
  for (std::size_t rep = 0; rep < replicates; ++rep) {
    Record record;
    record.path = "sbc";
    record.windows.push_back(toy_window("w", config, SBC_PERIODS));
    app::CalibrationModel model;
    model.space = app::calibration_space_of(config, record);
    model.trajectories = 30;
    // The true value from the prior, and one record simulated at it.
    const infer::ParameterSpace space(model.space.parameters);
    const std::vector<double> truth = space.to_constrained(space.sample_unconstrained({1000 + rep, 0, 0, 0}));
    PhaseRunner runner;
    const app::RecordedTrajectory observed =
        app::recorded_window(model, runner, 0, truth, {2000 + rep, 0, 0, 0}, 1).front();
    RecordWindow& w = record.windows[0];
    for (std::size_t p = 0; p < SBC_PERIODS; ++p) w.counts[0][p] = observed.count(0, p);
    for (std::size_t r = 0; r < 5; ++r) w.answers[0][r] = observed.answer(0, r);
    model.layouts = {app::SummaryLayout::of(w)};

    infer::SmcSettings settings;
    settings.particles = 100;
    settings.seed = 3000 + rep;
    const infer::SmcSampler sampler(space, settings,
                                    app::batch_log_likelihood(model, [] { return std::make_unique<PhaseRunner>(); }, 2));
    const infer::Posterior post = sampler.posterior(sampler.run());
    infer::InferStream ties({rep, 0, 0, 0}, infer::StreamPurpose::Likelihood, 0xF2);
    for (std::size_t j = 0; j < 3; ++j) {
      std::vector<double> column;
      for (const auto& d : post.draws) column.push_back(d[j]);
      ranks[j].push_back(infer::calibration_rank(truth[j], infer::thin(column, draws), ties.uniform()));
    }
  }
  for (std::size_t j = 0; j < 3; ++j) {
    const infer::UniformityTest test = infer::rank_uniformity(ranks[j], draws, 4);
    INFO("parameter " << j << ": chi-square " << test.chi_square << ", p " << test.p_value);
    CHECK(test.p_value > 0.01);
  }
}
