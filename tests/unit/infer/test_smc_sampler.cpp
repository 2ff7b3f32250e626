// The tempered SMC sampler against exact posteriors, with exact and noisy likelihoods;
// its determinism, resumption and error paths (docs/inference.md).
#include "escalate/infer/inference_error.hpp"
#include "escalate/infer/smc_sampler.hpp"
#include "infer/sampler_checks.hpp"
#include "infer/toy_counts.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <thread>

using namespace escalate::infer;
using namespace escalate::infer::test;

namespace {

// Counts over periods of different lengths (exposures), Poisson with rate λ per unit.
const std::vector<double> kExposure = {1.0, 1.0, 1.0, 0.5, 2.0};
const std::vector<double> kCounts = {3, 5, 2, 1, 7};

double poisson_log_likelihood(double rate) {
  double total = 0.0;
  for (std::size_t p = 0; p < kCounts.size(); ++p) {
    const double mu = rate * kExposure[p];
    total += kCounts[p] * std::log(mu) - mu - std::lgamma(kCounts[p] + 1);
  }
  return total;
}

// θ = (rate, ignored): the likelihood reads only the rate.
BatchLogLikelihood gamma_poisson() {
  return [](const std::vector<std::vector<double>>& theta, const std::vector<StreamKey>&) {
    std::vector<double> out;
    for (const auto& t : theta) out.push_back(poisson_log_likelihood(t[0]));
    return out;
  };
}

}  // namespace
TEST_CASE("A Gamma prior on a Poisson rate gives the exact Gamma posterior, and an ignored parameter keeps its prior",
          "[infer][smc]") {
  // Prior Gamma(shape 2, rate 0.5); 18 incidents over an exposure of 5.5: the posterior is
  // Gamma(20, 6), mean 10/3 and sd sqrt(20)/6 = 0.745.
  const Prior ignored = Prior::truncated_normal(0.5, 1.0, 0.0, std::numeric_limits<double>::infinity());
  const ParameterSpace space({{"rate", Prior::gamma(2.0, 0.5)}, {"ignored", ignored}});
  const SmcSampler sampler(space, settings_with(2000, 7), gamma_poisson());
  const Posterior post = sampler.posterior(sampler.run());

  const Moments rate = moments_of(post, 0);
  CHECK(rate.mean == Approx(20.0 / 6.0).epsilon(0.03));
  CHECK(rate.sd == Approx(std::sqrt(20.0) / 6.0).epsilon(0.10));
  // The ignored parameter: its prior's mean and sd (closed forms checked in test_prior).
  const Moments free = moments_of(post, 1);
  CHECK(std::abs(free.mean - ignored.mean()) < 0.1 * std::sqrt(ignored.variance()));
  CHECK(free.sd == Approx(std::sqrt(ignored.variance())).epsilon(0.10));

  CHECK(post.final_ess >= 0.5 * 2000);
  CHECK(post.stages.back().temperature == 1.0);
  CHECK(post.stages.size() >= 2);
  // The evidence: integral of Gamma(2, 0.5) prior times Poisson likelihood, in closed form
  // log[ b^a / Gamma(a) * Gamma(a + S) / (b + T)^(a + S) / prod (y! ) * prod T_p^y_p ].
  double log_z = 2 * std::log(0.5) - std::lgamma(2.0) + std::lgamma(20.0) - 20 * std::log(6.0);
  for (std::size_t p = 0; p < kCounts.size(); ++p)
    log_z += kCounts[p] * std::log(kExposure[p]) - std::lgamma(kCounts[p] + 1);
  CHECK(post.log_evidence == Approx(log_z).margin(0.1));
}

TEST_CASE("An unbiased but noisy likelihood estimate still gives the exact posterior (pseudo-marginal)",
          "[infer][smc]") {
  // L-hat = L W with log W ~ N(-s^2/2, s^2), so E[W] = 1: an unbiased, noisy estimate
  // drawn from each row's own stream, with a noise that grows with the rate
  // (s = 0.3 rate: about 1 at the posterior mean). Kept with its particle and renewed only
  // when the particle moves, it leaves the target exact: Gamma(20, 6) as above
  // (docs/inference.md §5). The check has power: the biased estimate without the
  // -s^2/2 (E[W] = exp(s^2/2), growing with the rate) moves the mean up by 6% and fails it.
  auto noisy = [](const std::vector<std::vector<double>>& theta, const std::vector<StreamKey>& keys) {
    std::vector<double> out;
    for (std::size_t b = 0; b < theta.size(); ++b) {
      InferStream stream(keys[b], StreamPurpose::Likelihood);
      const double s = 0.3 * theta[b][0];
      out.push_back(poisson_log_likelihood(theta[b][0]) - 0.5 * s * s + s * stream.normal());
    }
    return out;
  };
  const SmcSampler sampler(ParameterSpace({{"rate", Prior::gamma(2.0, 0.5)}}), settings_with(2000, 13), noisy);
  const Posterior post = sampler.posterior(sampler.run());
  const Moments rate = moments_of(post, 0);
  CHECK(rate.mean == Approx(20.0 / 6.0).epsilon(0.03));
  CHECK(rate.sd == Approx(std::sqrt(20.0) / 6.0).epsilon(0.10));
}

TEST_CASE("A Beta prior on an answer probability gives the exact Beta posterior", "[infer][smc]") {
  // Beta(2, 3) prior, 7 answered of 20: Beta(9, 16), mean 0.36, sd sqrt(9*16/(25^2*26)).
  const ParameterSpace space({{"answer", Prior::beta(2.0, 3.0)}});
  auto binomial = [](const std::vector<std::vector<double>>& theta, const std::vector<StreamKey>&) {
    std::vector<double> out;
    for (const auto& t : theta) out.push_back(7 * std::log(t[0]) + 13 * std::log1p(-t[0]));
    return out;
  };
  const SmcSampler sampler(space, settings_with(2000, 3), binomial);
  const Moments m = moments_of(sampler.posterior(sampler.run()), 0);
  CHECK(m.mean == Approx(0.36).epsilon(0.03));
  CHECK(m.sd == Approx(std::sqrt(9.0 * 16.0 / (625.0 * 26.0))).epsilon(0.10));
}

TEST_CASE("A synthetic likelihood of the toy simulator gives a posterior close to the exact one", "[infer][smc]") {
  const toy::ToyModel model;
  const toy::ToyRecord record{{4, 7, 5, 12, 9, 14}, {1, 3, 2, 4, 2, 5}};
  const ParameterSpace space(toy::ToyModel::parameters());
  const SmcSampler exact(space, settings_with(2000, 11), toy::exact_likelihood(model, record));
  const Posterior reference = exact.posterior(exact.run());

  const auto kind = GENERATE(toy::SyntheticKind::Gaussian, toy::SyntheticKind::SemiParametric);
  INFO("synthetic likelihood kind " << static_cast<int>(kind));
  const SmcSampler noisy(space, settings_with(500, 11), toy::synthetic_likelihood(model, record, 50, kind));
  const Posterior approx = noisy.posterior(noisy.run());
  CHECK(approx.final_ess >= 250);
  // The answer probability's posterior is exactly Beta(2 + 17, 3 + 34) (the counts do
  // not inform it): a check of the reference itself.
  CHECK(moments_of(reference, 2).mean == Approx(19.0 / 56.0).epsilon(0.03));
  for (std::size_t j = 0; j < 3; ++j) {
    // The Gaussian (or Gaussian-copula) summary model differs from the Poisson-binomial
    // one; with means of 5 to 15 per period the difference is a few percent
    // (docs/inference.md §5; measured: means within 2.2%, sds within 7% for the Gaussian
    // form and 11% for the semi-parametric one). Tolerances: 5% on the mean, 20% on the
    // sd, against Monte Carlo errors of about 1% and 4%.
    const Moments a = moments_of(approx, j), r = moments_of(reference, j);
    INFO("parameter " << space.names()[j] << ": synthetic " << a.mean << " +- " << a.sd << ", exact " << r.mean
                      << " +- " << r.sd);
    CHECK(a.mean == Approx(r.mean).epsilon(0.05));
    CHECK(a.sd == Approx(r.sd).epsilon(0.20));
  }
}

TEST_CASE("The same seed gives the same particles whatever order or threads evaluate the batch", "[infer][smc]") {
  const toy::ToyModel model;
  const toy::ToyRecord record{{4, 7, 5, 12, 9, 14}, {1, 3, 2, 4, 2, 5}};
  const ParameterSpace space(toy::ToyModel::parameters());
  const auto likelihood = toy::synthetic_likelihood(model, record, 10, toy::SyntheticKind::Gaussian);
  // The same rows, evaluated last to first, and split across two threads.
  auto reversed = [&](const std::vector<std::vector<double>>& theta, const std::vector<StreamKey>& keys) {
    std::vector<double> out(theta.size());
    for (std::size_t b = theta.size(); b-- > 0;) out[b] = likelihood({theta[b]}, {keys[b]})[0];
    return out;
  };
  auto threaded = [&](const std::vector<std::vector<double>>& theta, const std::vector<StreamKey>& keys) {
    std::vector<double> out(theta.size());
    const std::size_t half = theta.size() / 2;
    auto work = [&](std::size_t lo, std::size_t hi) {
      for (std::size_t b = lo; b < hi; ++b) out[b] = likelihood({theta[b]}, {keys[b]})[0];
    };
    std::thread other(work, half, theta.size());
    work(0, half);
    other.join();
    return out;
  };
  const auto settings = settings_with(100, 5);
  const SmcState plain = SmcSampler(space, settings, likelihood).run();
  REQUIRE(plain.stage >= 2);
  CHECK(SmcSampler(space, settings, likelihood).run() == plain);
  CHECK(SmcSampler(space, settings, reversed).run() == plain);
  CHECK(SmcSampler(space, settings, threaded).run() == plain);
  CHECK_FALSE(SmcSampler(space, settings_with(100, 6), likelihood).run().particles == plain.particles);
}

TEST_CASE("A run resumed from any stage's state equals the uninterrupted run", "[infer][smc]") {
  const toy::ToyModel model;
  const toy::ToyRecord record{{4, 7, 5, 12, 9, 14}, {1, 3, 2, 4, 2, 5}};
  const SmcSampler sampler(ParameterSpace(toy::ToyModel::parameters()), settings_with(100, 9),
                           toy::synthetic_likelihood(model, record, 10, toy::SyntheticKind::Gaussian));
  std::vector<SmcState> saved;
  const SmcState full = sampler.run([&](const SmcState& s) { saved.push_back(s); });
  REQUIRE(saved.size() >= 3);
  CHECK(saved.back() == full);
  for (std::size_t k = 0; k + 1 < saved.size(); ++k) {
    INFO("resumed after stage " << k);
    CHECK(sampler.run(saved[k]) == full);
  }
  // A stop requested after a stage (Ctrl-C) leaves that stage's state to resume from.
  SmcState kept;
  try {
    sampler.run([&](const SmcState& s) {
      kept = s;
      if (s.stage == 1) throw std::runtime_error("interrupted");
    });
  } catch (const std::runtime_error&) {
  }
  CHECK(kept.stage == 1);
  CHECK(sampler.run(kept) == full);
}

TEST_CASE("The sampler refuses a likelihood it cannot use, with the reason", "[infer][smc]") {
  const ParameterSpace space({{"rate", Prior::gamma(2.0, 0.5)}});
  auto constant = [](double value) {
    return [value](const std::vector<std::vector<double>>& theta, const std::vector<StreamKey>&) {
      return std::vector<double>(theta.size(), value);
    };
  };
  const auto settings = settings_with(50, 1);
  CHECK_THROWS_WITH(SmcSampler(space, settings, constant(-std::numeric_limits<double>::infinity())).start(),
                    Catch::Contains("none of the 50 prior particles"));
  CHECK_THROWS_WITH(SmcSampler(space, settings, constant(std::nan(""))).start(), Catch::Contains("particle 0"));
  auto short_batch = [](const std::vector<std::vector<double>>&, const std::vector<StreamKey>&) {
    return std::vector<double>(1, 0.0);
  };
  CHECK_THROWS_AS(SmcSampler(space, settings, short_batch).start(), InferenceError);
  SmcSettings bad = settings;
  bad.ess_fraction = 1.5;
  CHECK_THROWS_WITH(SmcSampler(space, bad, constant(0.0)), Catch::Contains("ess_fraction"));
  SmcSettings oracle = settings;
  oracle.refresh_inclusion = {0.5, 0.5};
  CHECK_THROWS_WITH(SmcSampler(space, oracle, constant(0.0)), Catch::Contains("refresh_inclusion"));
  const SmcSampler flat(space, settings, constant(0.0));
  CHECK_THROWS_AS(flat.posterior(flat.start()), InferenceError);
  // A flat likelihood is reached in one step: temperature 1 at stage 1, prior kept.
  const SmcState done = flat.run();
  CHECK(done.stage == 1);
  CHECK(done.log_evidence == Approx(0.0).margin(1e-12));
}
