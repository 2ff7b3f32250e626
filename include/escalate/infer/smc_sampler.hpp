#pragma once
// A likelihood-tempered sequential Monte Carlo sampler with resample-move steps
// (Del Moral, Doucet & Jasra 2006; adaptive temperatures as in Jasra et al. 2011;
// Chopin & Papaspiliopoulos 2020, ch. 17). docs/inference.md explains the method, why it
// is valid with a noisy likelihood, and the cost of each knob.
//
// Targets p(θ) L(θ)^t for t from 0 to 1. Each stage: the next t by bisection so that the
// incremental weights keep ESS = ess_fraction * N; systematic resampling; K
// Metropolis-Hastings moves in unconstrained space: pCN moves in each parameter's
// Gaussianised prior scale, or random-walk moves alternating with prior-refresh or pCN
// moves (docs/inference.md §5). The sampler is serial and draws every
// random number from a stream keyed by (seed, stage, move, particle); the likelihood is
// asked for whole batches, which the caller may compute in parallel. Same seed => the
// same particles, whatever the caller's threads.
#include "escalate/infer/infer_stream.hpp"
#include "escalate/infer/parameter_space.hpp"
#include "escalate/infer/pcn_move.hpp"
#include "escalate/infer/prior_refresh.hpp"
#include "escalate/infer/random_walk.hpp"
#include "escalate/infer/smc_state.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace escalate::infer {

// The revision of the sampler's moves: a calibration's state file carries it in its
// fingerprint (app/calibrate.cpp), so a state written by another sampler, whose next
// stages would differ, is refused on resume. smc-1: random walk alone; smc-2: walk and
// prior refresh (power 1, then 2); smc-3: this revision (the pCN move available).
inline constexpr const char* SAMPLER_REVISION = "smc-3";

struct SmcSettings {
  std::size_t particles = 1000;
  std::uint64_t seed = 1;
  double ess_fraction = 0.5;       // ESS kept by each temperature step
  double target_acceptance = 0.25; // the random-walk scale is adapted toward it
  // Moves until 1 - (1 - acceptance)^K >= this ... 0.97 with the pCN move alone (smc-3);
  // 0.9 for the walk-and-refresh sampler of smc-2, whose every walk move was followed by
  // a refresh (docs/calibration.md, "Mixing in 125 dimensions").
  double moved_fraction = 0.97;
  std::size_t max_moves = 30;      // ... or K = max_moves (all moves, both kernels)
  std::size_t min_moves = 1;
  // Prior-refresh moves (prior_refresh.hpp) alternate with the random walk: moves 1, 3, 5,
  // ... are random-walk moves, moves 2, 4, ... redraw a block of coordinates from their
  // priors, coordinate j with probability min(1, r_j)^refresh_power (r_j: the particles'
  // variance over the prior's, both on the unconstrained scale). Negative: random-walk
  // moves only (as the sampler was before version 2 of the calibration state file).
  // moved_fraction counts the random-walk moves alone, max_moves the moves of both kinds.
  // 2 (it was 1 for the published fourth run): with many partly informed parameters a block of
  // min(1, r_j) holds so many of them that it is almost never accepted, and the
  // coordinates the likelihood barely sees are then not renewed (docs/calibration.md,
  // "Mixing in 125 dimensions").
  double refresh_power = 2.0;
  // If not empty (one per parameter, each in [0, 1]): fixed inclusion probabilities in
  // place of min(1, r_j)^refresh_power at every stage: an oracle for measurements (the
  // exact posterior's variance ratios), not a setting of the command.
  std::vector<double> refresh_inclusion;
  // What moves the particles (docs/inference.md §5): the random walk alternating with the
  // prior refresh above, the walk alternating with the pCN move (pcn_move.hpp; its steps
  // min(1, lambda l_j), lambda adapted between stages toward target_acceptance), or the
  // pCN move alone (moved_fraction then counts its moves; refresh_power and
  // refresh_inclusion are then unused). The pCN move alone is the default since smc-3: on
  // the toys like the real record it keeps the weak, invisible and partly informed
  // parameters' spread better than the walk and refresh, at about the same cost
  // (docs/calibration.md, "Mixing in 125 dimensions").
  enum class Kernels { WalkAndRefresh, WalkAndPcn, PcnAlone };
  Kernels kernels = Kernels::PcnAlone;
  std::size_t max_stages = 500;    // an InferenceError beyond it

  // Throws std::invalid_argument naming the setting that is out of range.
  void check() const;
};

// Log-likelihood estimates of a batch: theta[b] (parameter values, in the order of the
// ParameterSpace) with keys[b] (the stream key its simulations must use); returns one
// value per row, in row order; -infinity for a zero likelihood. Must depend only on
// (theta[b], keys[b]) row by row, never on the batch's size or order.
using BatchLogLikelihood =
    std::function<std::vector<double>(const std::vector<std::vector<double>>& theta,
                                      const std::vector<StreamKey>& keys)>;

// The posterior as the end of a run gives it: equally weighted draws.
struct Posterior {
  std::vector<std::string> names;
  std::vector<std::vector<double>> draws;  // [draw][parameter], parameter values
  std::vector<double> log_likelihood;      // the estimate each draw carries
  double log_evidence = 0;
  double final_ess = 0;                    // ESS of the last reweighting, before its resample
  std::vector<StageDiagnostics> stages;
};

class SmcSampler {
 public:
  SmcSampler(ParameterSpace space, SmcSettings settings, BatchLogLikelihood log_likelihood);

  // Stage 0: N particles from the prior, each with its likelihood estimate.
  SmcState start() const;
  // One stage (reweight to the next temperature, resample, move). Does nothing to a
  // finished state.
  void advance(SmcState& state) const;
  // Advances until the temperature is 1, calling after_stage (if given) with the state
  // after every stage, the start included: a caller writes it, prints progress, or
  // throws to stop.
  SmcState run(SmcState state, const std::function<void(const SmcState&)>& after_stage = {}) const;
  SmcState run(const std::function<void(const SmcState&)>& after_stage = {}) const {
    return run(start(), after_stage);
  }
  // The draws of a finished state (throws InferenceError if it is not finished).
  Posterior posterior(const SmcState& state) const;

  const ParameterSpace& space() const { return space_; }
  const SmcSettings& settings() const { return settings_; }

 private:
  std::vector<double> evaluate(const std::vector<std::vector<double>>& z,
                               const std::vector<StreamKey>& keys) const;
  void resample(SmcState& state, const std::vector<double>& log_weights, std::size_t stage) const;
  // One MH move of every particle with `propose` (nullopt: the particle stays, no
  // estimate); log_prior holds each particle's log prior density and follows it. Returns
  // the number accepted; adds the likelihood evaluations to `evaluations`.
  using Proposal = std::function<std::optional<std::vector<double>>(const std::vector<double>& z,
                                                                     const StreamKey& key)>;
  // from_prior: the proposal is a draw from the prior (of the coordinates it changes), so
  // the acceptance ratio is the likelihood's alone.
  std::size_t move(SmcState& state, const Proposal& propose, bool from_prior, std::vector<double>& log_prior,
                   std::size_t stage, std::size_t move_index, std::size_t& evaluations) const;
  // The moves of one stage, from the resampled particles; fills the diagnostics' moves,
  // acceptance and evaluations, and returns the random-walk moves' own acceptance.
  double move_stage(SmcState& state, std::size_t stage, StageDiagnostics& diag) const;
  // The pCN move's lambda for the next stage: 2.38/sqrt(d) moved after each stage so far
  // by exp(acceptance of its pCN moves - target), clamped; a function of the state's
  // diagnostics, so a resumed run finds the same value.
  double pcn_lambda(const SmcState& state) const;

  ParameterSpace space_;
  SmcSettings settings_;
  BatchLogLikelihood log_likelihood_;
  std::vector<double> prior_variance_;  // per parameter, unconstrained scale
};

}  // namespace escalate::infer
