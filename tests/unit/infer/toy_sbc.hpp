#pragma once
// Simulation-based calibration of the SMC sampler on the toy simulator
// (docs/inference.md §9): shared by test_calibration_check.cpp (a reduced run) and
// bench/sbc_infer.cpp (the full one, with its CSV and figure).
#include "escalate/infer/calibration_check.hpp"
#include "infer/toy_counts.hpp"

#include <cstdint>
#include <optional>
#include <vector>

namespace escalate::infer::toy {

struct SbcSettings {
  std::size_t replicates = 100;
  std::size_t particles = 200;
  std::size_t rank_draws = 19;  // L: ranks in 0..L
  std::uint64_t seed = 2018;
  std::optional<SyntheticKind> synthetic;  // nullopt: the exact likelihood
  std::size_t simulations = 50;            // per synthetic likelihood estimate
  SmcSettings sampler;                     // particles and seed are set per replicate
};

struct SbcReplicate {
  std::vector<double> truth;            // θ* drawn from the prior
  std::vector<std::size_t> rank;        // per parameter, in 0..L
  std::vector<bool> covered50, covered90;
  double final_ess = 0;
  std::size_t stages = 0;
  std::size_t evaluations = 0;          // likelihood estimates the run asked for
  double acceptance = 0;                // mean MH acceptance over the stages after the start
};

inline SbcReplicate sbc_replicate(const ToyModel& model, const SbcSettings& s, std::uint64_t r) {
  const ParameterSpace space(ToyModel::parameters());
  SbcReplicate out;
  // θ* and its record come from streams no sampler uses (stage numbers from 2^40).
  const StreamKey key{s.seed, (std::uint64_t{1} << 40) + r, 0, 0};
  out.truth = space.to_constrained(space.sample_unconstrained(key));
  InferStream simulation(key, StreamPurpose::Likelihood);
  const ToyRecord record = model.simulate(out.truth, simulation);
  SmcSettings settings = s.sampler;
  settings.particles = s.particles;
  settings.seed = s.seed * 1000003 + r;
  const auto likelihood = s.synthetic ? synthetic_likelihood(model, record, s.simulations, *s.synthetic)
                                      : exact_likelihood(model, record);
  const SmcSampler sampler(space, settings, likelihood);
  const Posterior post = sampler.posterior(sampler.run());
  out.final_ess = post.final_ess;
  out.stages = post.stages.size() - 1;
  for (const auto& stage : post.stages) out.evaluations += stage.evaluations;
  for (std::size_t k = 1; k < post.stages.size(); ++k) out.acceptance += post.stages[k].acceptance / out.stages;
  InferStream ties(key, StreamPurpose::Resample);
  for (std::size_t j = 0; j < space.size(); ++j) {
    std::vector<double> draws;
    for (const auto& d : post.draws) draws.push_back(d[j]);
    out.rank.push_back(calibration_rank(out.truth[j], thin(draws, s.rank_draws), ties.uniform()));
    out.covered50.push_back(central_interval_covers(out.truth[j], draws, 0.5));
    out.covered90.push_back(central_interval_covers(out.truth[j], draws, 0.9));
  }
  return out;
}

}  // namespace escalate::infer::toy
