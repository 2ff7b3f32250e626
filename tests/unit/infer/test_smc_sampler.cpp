// The tempered SMC sampler against exact posteriors, with exact and noisy likelihoods;
// its determinism, resumption and error paths (docs/inference.md).
#include "escalate/infer/inference_error.hpp"
#include "escalate/infer/smc_sampler.hpp"
#include "infer/toy_counts.hpp"
#include "infer/toy_invisible.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <thread>

using namespace escalate::infer;

namespace {

struct Moments {
  double mean = 0, sd = 0;
};

Moments moments_of(const Posterior& p, std::size_t j) {
  Moments m;
  for (const auto& d : p.draws) m.mean += d[j];
  m.mean /= static_cast<double>(p.draws.size());
  for (const auto& d : p.draws) m.sd += (d[j] - m.mean) * (d[j] - m.mean);
  m.sd = std::sqrt(m.sd / static_cast<double>(p.draws.size() - 1));
  return m;
}

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

SmcSettings settings_with(std::size_t particles, std::uint64_t seed) {
  SmcSettings s;
  s.particles = particles;
  s.seed = seed;
  return s;
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

namespace {

// What a run leaves of the invisible parameters' priors and of the visible posteriors.
struct InvisibleCheck {
  double mean_shrinkage = 0;   // 1 - var_post / var_prior, mean over the invisible parameters
  double worst_shrinkage = 0;
  double mean_offset = 0;      // |mean_post - mean_prior| / sd_prior, mean over them
  double visible_sd_ratio = 0; // posterior sd / exact posterior sd, mean over the visible ones
  double visible_offset = 0;   // rms of (mean - exact mean) / exact sd over the visible ones
  double weak_sd_ratio = 0;    // posterior sd / exact posterior sd (1), mean over the weak ones
  double weak_worst_ratio = 0; // the smallest of those ratios
  double weak_offset = 0;      // rms of (mean - exact mean) / exact sd over the weak ones
  std::size_t evaluations = 0;
};

InvisibleCheck check_invisible(const toy::InvisibleToy& toy, const ParameterSpace& space, const Posterior& post) {
  InvisibleCheck c;
  c.worst_shrinkage = -1e300;
  c.weak_worst_ratio = 1e300;
  for (const auto& stage : post.stages) c.evaluations += stage.evaluations;
  for (std::size_t j = 0; j < space.size(); ++j) {
    const Moments m = moments_of(post, j);
    if (j < toy.visible) {
      c.visible_sd_ratio += m.sd / toy.posterior_sd / static_cast<double>(toy.visible);
      const double e = (m.mean - toy.posterior_mean(j)) / toy.posterior_sd;
      c.visible_offset += e * e / static_cast<double>(toy.visible);
      continue;
    }
    if (j < toy.visible + toy.weak) {  // exact posterior Normal(weak_slope, 1)
      c.weak_sd_ratio += m.sd / static_cast<double>(toy.weak);
      c.weak_worst_ratio = std::min(c.weak_worst_ratio, m.sd);
      c.weak_offset += (m.mean - toy.weak_slope) * (m.mean - toy.weak_slope) / static_cast<double>(toy.weak);
      continue;
    }
    const Prior& prior = space.parameters()[j].prior;
    const double shrinkage = 1.0 - m.sd * m.sd / prior.variance();
    c.mean_shrinkage += shrinkage / static_cast<double>(toy.invisible);
    c.worst_shrinkage = std::max(c.worst_shrinkage, shrinkage);
    c.mean_offset += std::abs(m.mean - prior.mean()) / std::sqrt(prior.variance()) / static_cast<double>(toy.invisible);
  }
  c.visible_offset = std::sqrt(c.visible_offset);
  c.weak_offset = std::sqrt(c.weak_offset);
  return c;
}

}  // namespace

TEST_CASE("With 125 parameters, the 100 the likelihood cannot see keep their prior", "[infer][smc]") {
  // The regime of the real record (docs/calibration.md, "A third run"): 25 parameters the
  // likelihood narrows to 0.3 of their prior sd, 100 it ignores (priors of every kind),
  // a log-likelihood estimate with noise of sd 2 nats (pseudo-marginal), 100 particles.
  // Tolerances from the particle count: with N = 100 independent draws a variance has a
  // relative sd of sqrt(2/99) = 0.14 and a mean an sd of 0.1 prior sds; resampled SMC
  // draws are correlated (an effective size of perhaps N/4), so per parameter about 0.28
  // and 0.2, and averaged over 100 invisible parameters a few hundredths. Required: mean
  // shrinkage within +-0.15 (measured -0.014 with this seed and the pCN move of smc-3;
  // 0.027 with the walk and refresh of smc-2; 0.75 with the random walk alone, 0.92 with
  // the sampler before the refresh moves), the worst below 0.8 (0.36; 0.98), mean offsets
  // below 0.25 prior sds on average; the visible posteriors' sds within 0.8 to 1.3 of the
  // exact ones on average (1.04; 0.66 with smc-2's walk and refresh) and their means
  // within half a posterior sd in rms (0.22; 0.62).
  toy::InvisibleToy toy;
  toy.noise = 2.0;
  const ParameterSpace space(toy.parameters());
  SmcSettings settings = settings_with(100, 1);
  const SmcSampler sampler(space, settings, toy.likelihood());
  const InvisibleCheck now = check_invisible(toy, space, sampler.posterior(sampler.run()));
  INFO("invisible: mean shrinkage " << now.mean_shrinkage << ", worst " << now.worst_shrinkage << ", mean offset "
                                    << now.mean_offset << "; visible: sd ratio " << now.visible_sd_ratio
                                    << ", rms offset " << now.visible_offset << "; " << now.evaluations
                                    << " likelihood estimates");
  CHECK(std::abs(now.mean_shrinkage) < 0.15);
  CHECK(now.worst_shrinkage < 0.8);
  CHECK(now.mean_offset < 0.25);
  CHECK(now.visible_sd_ratio > 0.8);
  CHECK(now.visible_sd_ratio < 1.3);
  CHECK(now.visible_offset < 0.5);
  // The cost: 12 stages; measured 17,700 estimates (177 a particle; 24,900 with smc-2's
  // walk and refresh). A change that costs more should say so here.
  CHECK(now.evaluations < 200 * 100);

  // The check can fail: the random walk alone (the sampler before the refresh moves)
  // collapses the invisible parameters.
  settings.kernels = SmcSettings::Kernels::WalkAndRefresh;
  settings.refresh_power = -1;
  const SmcSampler walk_only(space, settings, toy.likelihood());
  const InvisibleCheck before = check_invisible(toy, space, walk_only.posterior(walk_only.run()));
  INFO("random walk alone: mean shrinkage " << before.mean_shrinkage << ", worst " << before.worst_shrinkage);
  CHECK(before.mean_shrinkage > 0.15);
}

TEST_CASE("Among many partly informed parameters, weakly visible and invisible ones keep their exact spread",
          "[infer][smc]") {
  // Issue 19's finding on a toy (docs/calibration.md, "Mixing in 125 dimensions"): 60
  // parameters the likelihood narrows to 0.6 of their prior sd (as most of the real
  // record's are), 10 weak ones it tilts by 0.5 nats per prior sd (the war step; exact
  // posterior Normal(0.5, 1): not narrowed), 55 invisible ones; noise of 1.4 nats whose
  // sd grows with the first weak parameter; 100 particles. Tolerances from the particle
  // count: with N = 100 independent draws an sd has a relative sd of sqrt(1/198) = 0.07;
  // resampled SMC draws are correlated (an effective size of perhaps N/4), so about 0.14
  // per parameter, and the 10 weak ones share their particles, so their mean is hardly
  // better. Required: the weak sds' mean ratio to exact within [0.8, 1.25] (measured 0.92
  // with this seed and the pCN move of smc-3; 0.86 with smc-2's blocks of min(1, r_j)^2,
  // 0.59 with min(1, r_j)), the smallest above 0.6 (0.83; 0.57; 0.34), the invisible mean
  // shrinkage below 0.15 (0.014; 0.20; 0.48), the visible sds within 0.8 to 1.3 of exact
  // on average (0.95; 0.75), and the cost under 17,000 estimates (16,200; 15,500), the
  // budget of the real run at 100 particles.
  toy::InvisibleToy toy;
  toy.visible = 60;
  toy.posterior_sd = 0.6;
  toy.weak = 10;
  toy.invisible = 55;
  toy.noise = 1.4;
  toy.noise_growth = 0.3;
  const ParameterSpace space(toy.parameters());
  SmcSettings settings = settings_with(100, 1);
  const SmcSampler sampler(space, settings, toy.likelihood());
  const InvisibleCheck now = check_invisible(toy, space, sampler.posterior(sampler.run()));
  INFO("weak: sd ratio " << now.weak_sd_ratio << ", smallest " << now.weak_worst_ratio << ", rms offset "
                         << now.weak_offset << "; invisible: mean shrinkage " << now.mean_shrinkage
                         << "; visible: sd ratio " << now.visible_sd_ratio << "; " << now.evaluations
                         << " likelihood estimates");
  CHECK(now.weak_sd_ratio > 0.8);
  CHECK(now.weak_sd_ratio < 1.25);
  CHECK(now.weak_worst_ratio > 0.6);
  CHECK(now.mean_shrinkage < 0.15);
  CHECK(now.visible_sd_ratio > 0.8);
  CHECK(now.visible_sd_ratio < 1.3);
  CHECK(now.evaluations < 17000);

  // The check can fail: the walk and refresh of smc-2 (moved_fraction 0.9), with blocks
  // of min(1, r_j) (the rule of the published fourth run) and of min(1, r_j)^2.
  settings.kernels = SmcSettings::Kernels::WalkAndRefresh;
  settings.moved_fraction = 0.9;
  settings.refresh_power = 1.0;
  const SmcSampler first_power(space, settings, toy.likelihood());
  const InvisibleCheck before = check_invisible(toy, space, first_power.posterior(first_power.run()));
  INFO("refresh_power 1: weak sd ratio " << before.weak_sd_ratio << ", invisible mean shrinkage "
                                         << before.mean_shrinkage);
  CHECK(before.weak_sd_ratio < 0.8);
  CHECK(before.mean_shrinkage > 0.15);
  settings.refresh_power = 2.0;
  const SmcSampler square(space, settings, toy.likelihood());
  const InvisibleCheck squared = check_invisible(toy, space, square.posterior(square.run()));
  INFO("refresh_power 2: invisible mean shrinkage " << squared.mean_shrinkage << ", visible sd ratio "
                                                    << squared.visible_sd_ratio);
  CHECK(squared.mean_shrinkage > 0.15);
  CHECK(squared.visible_sd_ratio < 0.8);
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

TEST_CASE("Measurement: the 125-parameter toy over seeds, noise and move kernels", "[.measure]") {
  // Not a check (hidden: run it by name): the table of docs/calibration.md, "Mixing in
  // 125 dimensions". build/release/tests/unit/escalate_unit_tests_infer "[measure]" -s
  for (const double noise : {0.0, 2.0}) {
    for (const double power : {-1.0, 1.0}) {
      for (std::uint64_t seed = 1; seed <= 3; ++seed) {
        toy::InvisibleToy toy;
        toy.noise = noise;
        const ParameterSpace space(toy.parameters());
        SmcSettings settings = settings_with(100, seed);
        settings.kernels = SmcSettings::Kernels::WalkAndRefresh;  // the sampler of smc-2
        settings.moved_fraction = 0.9;
        settings.refresh_power = power;
        const SmcSampler sampler(space, settings, toy.likelihood());
        const Posterior post = sampler.posterior(sampler.run());
        const InvisibleCheck c = check_invisible(toy, space, post);
        WARN("noise " << noise << " refresh_power " << power << " seed " << seed << ": stages "
                      << post.stages.size() - 1 << ", estimates " << c.evaluations << "; invisible shrinkage mean "
                      << c.mean_shrinkage << " worst " << c.worst_shrinkage << " mean offset " << c.mean_offset
                      << "; visible sd ratio " << c.visible_sd_ratio << " rms offset " << c.visible_offset);
      }
    }
  }
}

TEST_CASE("Measurement: weakly visible parameters in the 125-parameter toy", "[.measure-weak]") {
  // Not a check (hidden: run it by name): issue 19's finding on a toy (docs/calibration.md,
  // "Mixing in 125 dimensions"). Visible parameters (strong: 25 at 0.3 prior sds, or
  // moderate: 60 at 0.6 or 0.5), 10 weak ones (0.5 nats per prior sd, exact posterior
  // Normal(0.5, 1)) and the rest invisible, 125 in all; 100 particles; noisy estimates
  // whose sd may grow with the first weak parameter; refresh_power 1 (the published fourth
  // run) and 2 (today's default); "oracle": fixed inclusions from the exact posterior's
  // variance ratios, ^power, which no narrowing of the cloud can lower.
  // build/release/tests/unit/escalate_unit_tests_infer "[measure-weak]" -s
  struct Case {
    std::size_t visible;
    double posterior_sd, noise, growth, power;
    bool oracle;  // inclusions from the exact posterior's variance ratios, ^power
  };
  std::vector<Case> cases;
  for (const double power : {1.0, 2.0}) {
    cases.push_back({60, 0.6, 1.4, 0.3, power, false});
    cases.push_back({60, 0.6, 1.4, 0.0, power, false});
    cases.push_back({60, 0.5, 1.4, 0.3, power, false});
    cases.push_back({25, 0.3, 1.4, 0.0, power, false});
    cases.push_back({25, 0.3, 2.0, 0.3, power, false});
    cases.push_back({60, 0.6, 1.4, 0.3, power, true});
    cases.push_back({60, 0.6, 0.0, 0.0, power, false});
  }
  for (const Case& k : cases) {
    for (std::uint64_t seed = 1; seed <= 2; ++seed) {
      toy::InvisibleToy toy;
      toy.visible = k.visible;
      toy.posterior_sd = k.posterior_sd;
      toy.weak = 10;
      toy.invisible = 125 - 10 - k.visible;
      toy.noise = k.noise;
      toy.noise_growth = k.growth;
      const ParameterSpace space(toy.parameters());
      SmcSettings settings = settings_with(100, seed);
      settings.kernels = SmcSettings::Kernels::WalkAndRefresh;  // the sampler of smc-2
      settings.moved_fraction = 0.9;
      settings.refresh_power = k.power;
      if (k.oracle) {
        settings.refresh_inclusion.assign(space.size(), 1.0);
        for (std::size_t j = 0; j < toy.visible; ++j)
          settings.refresh_inclusion[j] = std::pow(k.posterior_sd * k.posterior_sd, k.power);
      }
      const SmcSampler sampler(space, settings, toy.likelihood());
      const Posterior post = sampler.posterior(sampler.run());
      const InvisibleCheck c = check_invisible(toy, space, post);
      double refresh = 0;
      for (const auto& g : post.stages) refresh += g.refresh_acceptance / static_cast<double>(post.stages.size() - 1);
      WARN("visible " << k.visible << " at " << k.posterior_sd << ", noise " << k.noise << " growth " << k.growth
                      << ", refresh_power " << k.power << (k.oracle ? ", oracle" : "") << ", seed " << seed << ": stages " << post.stages.size() - 1
                      << ", estimates " << c.evaluations << ", last acceptance " << post.stages.back().acceptance
                      << ", refresh acceptance (mean over stages) " << refresh << "; weak sd ratio "
                      << c.weak_sd_ratio << " smallest " << c.weak_worst_ratio << " rms offset " << c.weak_offset
                      << "; invisible shrinkage mean " << c.mean_shrinkage << " worst " << c.worst_shrinkage
                      << "; visible sd ratio " << c.visible_sd_ratio << " rms offset " << c.visible_offset);
    }
  }
}


TEST_CASE("Measurement: the pCN move against the prior refresh on both 125-parameter toys", "[.measure-pcn]") {
  // Not a check (hidden: run it by name): docs/calibration.md, "Mixing in 125 dimensions".
  // The toy like the real record (60 at 0.6, 10 weak, 55 invisible, noise 1.4 growing)
  // and the strong one (25 at 0.3, 100 invisible, noise 2); kernels: today's (walk +
  // refresh blocks of min(1, r_j)^2), the walk alternating with the pCN move, the pCN
  // move alone (with moved_fraction counting its moves: 0.9, 0.97, 0.99).
  // build/release/tests/unit/escalate_unit_tests_infer "[measure-pcn]" -s
  using Kernels = SmcSettings::Kernels;
  struct Toy {
    std::size_t visible, weak;
    double posterior_sd, noise, growth;
  };
  for (const Toy& k : {Toy{60, 10, 0.6, 1.4, 0.3}, Toy{25, 0, 0.3, 2.0, 0.0}}) {
    struct Variant {
      Kernels kernels;
      double moved_fraction;
    };
    for (const Variant v : {Variant{Kernels::WalkAndRefresh, 0.9}, Variant{Kernels::WalkAndPcn, 0.9},
                            Variant{Kernels::PcnAlone, 0.9}, Variant{Kernels::PcnAlone, 0.97},
                            Variant{Kernels::PcnAlone, 0.99}}) {
      for (std::uint64_t seed = 1; seed <= 2; ++seed) {
        toy::InvisibleToy toy;
        toy.visible = k.visible;
        toy.posterior_sd = k.posterior_sd;
        toy.weak = k.weak;
        toy.invisible = 125 - k.weak - k.visible;
        toy.noise = k.noise;
        toy.noise_growth = k.growth;
        const ParameterSpace space(toy.parameters());
        SmcSettings settings = settings_with(100, seed);
        settings.kernels = v.kernels;
        settings.moved_fraction = v.moved_fraction;
        const SmcSampler sampler(space, settings, toy.likelihood());
        const Posterior post = sampler.posterior(sampler.run());
        const InvisibleCheck c = check_invisible(toy, space, post);
        double second = 0;
        for (const auto& g : post.stages) second += g.refresh_acceptance / static_cast<double>(post.stages.size() - 1);
        WARN("visible " << k.visible << " at " << k.posterior_sd << ", weak " << k.weak << ", noise " << k.noise
                        << ", kernels " << static_cast<int>(v.kernels) << " moved_fraction " << v.moved_fraction << ", seed " << seed << ": stages "
                        << post.stages.size() - 1 << ", estimates " << c.evaluations
                        << ", refresh/pCN acceptance (mean over stages) " << second << "; weak sd ratio "
                        << c.weak_sd_ratio << " smallest " << c.weak_worst_ratio << "; invisible shrinkage mean "
                        << c.mean_shrinkage << " worst " << c.worst_shrinkage << "; visible sd ratio "
                        << c.visible_sd_ratio << " rms offset " << c.visible_offset);
      }
    }
  }
}
