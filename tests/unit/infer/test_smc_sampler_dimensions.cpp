// The tempered SMC sampler in the real record's dimension (125 parameters, most of them
// partly informed or invisible), against exact posteriors, and the hidden measurement
// cases behind docs/calibration.md "Mixing in 125 dimensions" (docs/inference.md §9).
#include "escalate/infer/smc_sampler.hpp"
#include "infer/sampler_checks.hpp"
#include "infer/toy_invisible.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

using namespace escalate::infer;
using namespace escalate::infer::test;

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
  SmcSettings settings = settings_with(100, 1);
  const InvisibleCheck now = run_on_toy(toy, settings);
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
  const InvisibleCheck before = run_on_toy(toy, settings);
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
  SmcSettings settings = settings_with(100, 1);
  const InvisibleCheck now = run_on_toy(toy, settings);
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
  const InvisibleCheck before = run_on_toy(toy, settings);
  INFO("refresh_power 1: weak sd ratio " << before.weak_sd_ratio << ", invisible mean shrinkage "
                                         << before.mean_shrinkage);
  CHECK(before.weak_sd_ratio < 0.8);
  CHECK(before.mean_shrinkage > 0.15);
  settings.refresh_power = 2.0;
  const InvisibleCheck squared = run_on_toy(toy, settings);
  INFO("refresh_power 2: invisible mean shrinkage " << squared.mean_shrinkage << ", visible sd ratio "
                                                    << squared.visible_sd_ratio);
  CHECK(squared.mean_shrinkage > 0.15);
  CHECK(squared.visible_sd_ratio < 0.8);
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
