// The calibrator's likelihood on a toy engine (toy_windows.hpp): keyed, thread-invariant,
// and with the sampler it recovers closed-form posteriors.
#include "escalate/app/calibration_likelihood.hpp"
#include "toy_windows.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

using namespace escalate;
using namespace escalate::test;
using K = Distribution::Kind;

namespace {

// One window of 5 periods with alpha counts 3, 5, 2, 6, 4 (20 in all) and reporting 1.
app::CalibrationModel gamma_poisson_model(std::int64_t trajectories, bool with_ignored) {
  std::vector<std::pair<std::string, Distribution>> uncertain = {{"rate", {K::Gamma, 2, 0.5, 0}}};
  if (with_ignored) {
    uncertain.push_back({"war", {K::Gamma, 1, 100, 0}});  // the toy's wars: rarely any, unobserved
    uncertain.push_back({"ignored", {K::Normal, 1, 2, 0}});
  }
  const Config config = toy_config(uncertain);
  Record record;
  record.path = "toy";
  RecordWindow w = toy_window("w", config, 5);
  w.counts[0] = {3, 5, 2, 6, 4};
  record.windows.push_back(w);
  app::CalibrationModel model;
  model.space = app::calibration_space_of(config, record);
  model.layouts.push_back(app::SummaryLayout::of(w));
  model.trajectories = trajectories;
  return model;
}

app::WindowRunnerFactory toy_runners(std::size_t periods) {
  return [periods] { return std::make_unique<ToyRunner>(periods); };
}

infer::Posterior calibrate_toy(const app::CalibrationModel& model, std::size_t particles, std::uint64_t seed) {
  infer::SmcSettings settings;
  settings.particles = particles;
  settings.seed = seed;
  infer::SmcSampler sampler(infer::ParameterSpace(model.space.parameters), settings,
                            app::batch_log_likelihood(model, toy_runners(5), 2));
  return sampler.posterior(sampler.run());
}

std::pair<double, double> mean_sd(const infer::Posterior& post, std::size_t j) {
  double m = 0, v = 0;
  for (const auto& d : post.draws) m += d[j];
  m /= static_cast<double>(post.draws.size());
  for (const auto& d : post.draws) v += (d[j] - m) * (d[j] - m);
  return {m, std::sqrt(v / static_cast<double>(post.draws.size() - 1))};
}

}  // namespace

TEST_CASE("A likelihood estimate depends on (theta, key) only: same on 1 and 2 threads, in any row order", "[app][calibrate]") {
  const app::CalibrationModel model = gamma_poisson_model(30, false);
  std::vector<std::vector<double>> theta;
  std::vector<infer::StreamKey> keys;
  for (std::uint64_t i = 0; i < 12; ++i) {
    theta.push_back({1.0 + 0.5 * static_cast<double>(i)});
    keys.push_back({9, 1, 2, i});
  }
  const auto one = app::batch_log_likelihood(model, toy_runners(5), 1)(theta, keys);
  const auto two = app::batch_log_likelihood(model, toy_runners(5), 2)(theta, keys);
  CHECK(one == two);
  std::reverse(theta.begin(), theta.end());
  std::reverse(keys.begin(), keys.end());
  auto reversed = app::batch_log_likelihood(model, toy_runners(5), 2)(theta, keys);
  std::reverse(reversed.begin(), reversed.end());
  CHECK(one == reversed);
  // Another key, other simulations: another estimate.
  ToyRunner runner(5);
  CHECK(app::row_log_likelihood(model, runner, std::vector<double>{3.0}, {9, 1, 2, 0}) !=
        app::row_log_likelihood(model, runner, std::vector<double>{3.0}, {9, 1, 2, 1}));
  CHECK(app::engine_seed_of({9, 1, 2, 0}, 0) != app::engine_seed_of({9, 1, 2, 0}, 1));
}

TEST_CASE("A set interrupt stops the batch with LikelihoodStopped", "[app][calibrate]") {
  const app::CalibrationModel model = gamma_poisson_model(10, false);
  std::atomic<bool> stop{true};
  const auto batch = app::batch_log_likelihood(model, toy_runners(5), 2, &stop);
  CHECK_THROWS_AS(batch({{1.0}, {2.0}}, {{1, 0, 0, 0}, {1, 0, 0, 1}}), app::LikelihoodStopped);
}

TEST_CASE("Gamma-Poisson through the toy engine: the exact posterior, and a parameter the record cannot see keeps its prior",
          "[app][calibrate]") {
  // Exact: Gamma(2 + 20, 0.5 + 5): mean 4, sd sqrt(22) / 5.5 = 0.8528. The Gaussian
  // synthetic likelihood of Poisson totals near 20 moves the mean by 0.2% and the sd by
  // under 1% (quadrature, docs/calibration.md); the rest is Monte Carlo error of 500
  // particles (about 1.5% of the mean, 5% of the sd).
  const app::CalibrationModel model = gamma_poisson_model(100, true);
  const infer::Posterior post = calibrate_toy(model, 500, 19);
  CHECK(post.final_ess >= 250);
  const auto [mean, sd] = mean_sd(post, 0);
  CHECK(mean == Approx(4.0).epsilon(0.03));
  CHECK(sd == Approx(std::sqrt(22.0) / 5.5).epsilon(0.10));
  // `ignored`: Normal(1, 2); the likelihood never reads it.
  const auto [im, isd] = mean_sd(post, 2);
  CHECK(std::abs(im - 1.0) < 0.15 * 2.0);
  CHECK(isd == Approx(2.0).epsilon(0.10));
}

TEST_CASE("An interval outcome: the posterior of P(wars in [0, 1]) against quadrature", "[app][calibrate]") {
  // war ~ Gamma(2, 2); the record says wars in [0, 1] over the window, nothing else:
  // posterior ∝ mu e^{-2 mu} P(Poisson(mu) <= 1) = mu e^{-3 mu} (1 + mu), by quadrature.
  const Config config = toy_config({{"rate", {K::Gamma, 4, 1, 0}}, {"war", {K::Gamma, 2, 2, 0}}});
  Record record;
  record.path = "toy";
  RecordWindow w = toy_window("w", config, 2);
  w.wars = ObservedRange{0, 1};
  record.windows.push_back(w);
  app::CalibrationModel model;
  model.space = app::calibration_space_of(config, record);
  model.layouts.push_back(app::SummaryLayout::of(w));
  model.trajectories = 200;
  double z = 0, first = 0;
  for (int i = 1; i <= 200000; ++i) {
    const double mu = i * 1e-4, p = mu * std::exp(-3 * mu) * (1 + mu);
    z += p, first += mu * p;
  }
  const double exact_mean = first / z;
  infer::SmcSettings settings;
  settings.particles = 500;
  settings.seed = 5;
  infer::SmcSampler sampler(infer::ParameterSpace(model.space.parameters), settings,
                            app::batch_log_likelihood(model, toy_runners(2), 2));
  const infer::Posterior post = sampler.posterior(sampler.run());
  // Monte Carlo error of 500 particles about 2.5%; the smoothing (m + 1/2) / (n + 1) with
  // n = 200 moves the factor by under 0.5%.
  CHECK(mean_sd(post, 1).first == Approx(exact_mean).epsilon(0.06));
  CHECK(mean_sd(post, 0).first == Approx(4.0).epsilon(0.06));  // the rate is unobserved: its prior mean
}
