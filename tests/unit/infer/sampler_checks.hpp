#pragma once
// What the sampler's tests read off a posterior: a parameter's mean and sd, the settings
// of a test run, and the 125-parameter toy's check against its exact posterior
// (toy_invisible.hpp). Shared by test_smc_sampler.cpp and test_smc_sampler_dimensions.cpp.
#include "escalate/infer/smc_sampler.hpp"
#include "infer/toy_invisible.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>

namespace escalate::infer::test {

struct Moments {
  double mean = 0, sd = 0;
};

inline Moments moments_of(const Posterior& p, std::size_t j) {
  Moments m;
  for (const auto& d : p.draws) m.mean += d[j];
  m.mean /= static_cast<double>(p.draws.size());
  for (const auto& d : p.draws) m.sd += (d[j] - m.mean) * (d[j] - m.mean);
  m.sd = std::sqrt(m.sd / static_cast<double>(p.draws.size() - 1));
  return m;
}

inline SmcSettings settings_with(std::size_t particles, std::uint64_t seed) {
  SmcSettings s;
  s.particles = particles;
  s.seed = seed;
  return s;
}

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

inline InvisibleCheck check_invisible(const toy::InvisibleToy& toy, const ParameterSpace& space, const Posterior& post) {
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

// Runs the sampler with `settings` on the toy and checks its posterior against the exact one.
inline InvisibleCheck run_on_toy(const toy::InvisibleToy& toy, const SmcSettings& settings) {
  const ParameterSpace space(toy.parameters());
  const SmcSampler sampler(space, settings, toy.likelihood());
  return check_invisible(toy, space, sampler.posterior(sampler.run()));
}

}  // namespace escalate::infer::test
