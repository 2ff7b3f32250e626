#include "escalate/infer/smc_sampler.hpp"

#include "escalate/infer/inference_error.hpp"
#include "escalate/infer/particle_weights.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace escalate::infer {

namespace {

constexpr double kNegInf = -std::numeric_limits<double>::infinity();

// Bounds of the adapted random-walk scale, relative to 2.38^2 / d.
constexpr double kMinScaleFactor = 1e-4, kMaxScaleFactor = 10.0;

}  // namespace

void SmcSettings::check() const {
  auto fail = [](const std::string& what) { throw std::invalid_argument("SMC setting " + what); };
  if (particles < 2) fail("particles must be at least 2");
  if (!(ess_fraction > 0 && ess_fraction < 1)) fail("ess_fraction must be in (0, 1)");
  if (!(target_acceptance > 0 && target_acceptance < 1)) fail("target_acceptance must be in (0, 1)");
  if (!(moved_fraction > 0 && moved_fraction < 1)) fail("moved_fraction must be in (0, 1)");
  if (min_moves < 1 || max_moves < min_moves) fail("moves need 1 <= min_moves <= max_moves");
  if (max_stages < 1) fail("max_stages must be at least 1");
  if (std::isnan(refresh_power)) fail("refresh_power must be a number (negative: no refresh moves)");
}

SmcSampler::SmcSampler(ParameterSpace space, SmcSettings settings, BatchLogLikelihood log_likelihood)
    : space_(std::move(space)), settings_(settings), log_likelihood_(std::move(log_likelihood)) {
  settings_.check();
  if (settings_.refresh_power >= 0) prior_variance_ = unconstrained_prior_variances(space_);
  if (!settings_.refresh_inclusion.empty() && settings_.refresh_inclusion.size() != space_.size())
    throw std::invalid_argument("SMC setting refresh_inclusion needs one probability per parameter");
  if (!log_likelihood_) throw std::invalid_argument("SmcSampler needs a likelihood");
}

std::vector<double> SmcSampler::evaluate(const std::vector<std::vector<double>>& z,
                                         const std::vector<StreamKey>& keys) const {
  if (z.empty()) return {};
  std::vector<std::vector<double>> theta;
  theta.reserve(z.size());
  for (const auto& row : z) theta.push_back(space_.to_constrained(row));
  std::vector<double> out = log_likelihood_(theta, keys);
  if (out.size() != z.size())
    throw InferenceError("the likelihood returned " + std::to_string(out.size()) + " values for " +
                         std::to_string(z.size()) + " particles");
  for (std::size_t b = 0; b < out.size(); ++b)
    if (std::isnan(out[b]) || out[b] == std::numeric_limits<double>::infinity())
      throw InferenceError("the likelihood returned " + std::to_string(out[b]) + " for particle " +
                           std::to_string(keys[b].particle) + " at stage " + std::to_string(keys[b].stage));
  return out;
}

SmcState SmcSampler::start() const {
  const std::size_t n = settings_.particles;
  SmcState state;
  state.seed = settings_.seed;
  state.scale = 2.38 * 2.38 / static_cast<double>(space_.size());
  std::vector<StreamKey> keys(n);
  for (std::size_t i = 0; i < n; ++i) {
    keys[i] = StreamKey{settings_.seed, 0, 0, i};
    state.particles.push_back(space_.sample_unconstrained(keys[i]));
  }
  state.log_likelihood = evaluate(state.particles, keys);
  std::size_t alive = 0;
  for (double l : state.log_likelihood) alive += l > kNegInf;
  if (alive == 0)
    throw InferenceError("none of the " + std::to_string(n) +
                         " prior particles gives the observations a positive likelihood");
  state.stages.push_back(StageDiagnostics{0, 0.0, static_cast<double>(n), 0.0, 0, 0.0, 0.0, n});
  return state;
}

void SmcSampler::resample(SmcState& state, const std::vector<double>& log_weights, std::size_t stage) const {
  InferStream stream(StreamKey{state.seed, stage, 0, 0}, StreamPurpose::Resample);
  const auto ancestors = systematic_resample(log_weights, stream.uniform());
  std::vector<std::vector<double>> particles(ancestors.size());
  std::vector<double> log_likelihood(ancestors.size());
  for (std::size_t i = 0; i < ancestors.size(); ++i) {
    particles[i] = state.particles[ancestors[i]];
    log_likelihood[i] = state.log_likelihood[ancestors[i]];
  }
  state.particles = std::move(particles);
  state.log_likelihood = std::move(log_likelihood);
}

std::size_t SmcSampler::move(SmcState& state, const Proposal& propose, bool from_prior,
                             std::vector<double>& log_prior, std::size_t stage, std::size_t move_index,
                             std::size_t& evaluations) const {
  const std::size_t n = state.particles.size();
  std::vector<std::vector<double>> proposals(n);
  std::vector<double> proposal_prior(n);
  std::vector<std::size_t> inside;  // proposals with a positive prior density: evaluated
  std::vector<std::vector<double>> batch;
  std::vector<StreamKey> keys;
  for (std::size_t i = 0; i < n; ++i) {
    const StreamKey key{state.seed, stage, move_index, i};
    auto proposal = propose(state.particles[i], key);
    if (!proposal) continue;  // nothing proposed: the particle stays, no estimate needed
    proposals[i] = std::move(*proposal);
    proposal_prior[i] = space_.log_prior(proposals[i]);
    if (proposal_prior[i] > kNegInf) {
      inside.push_back(i);
      batch.push_back(proposals[i]);
      keys.push_back(key);
    }
  }
  const std::vector<double> estimates = evaluate(batch, keys);
  evaluations += batch.size();
  std::size_t accepted = 0;
  for (std::size_t b = 0; b < inside.size(); ++b) {
    const std::size_t i = inside[b];
    // A symmetric proposal: the prior ratio times the likelihood ratio. A proposal drawn
    // from the prior: its density cancels the prior ratio, only the likelihood's is left.
    const double prior_ratio = from_prior ? 0.0 : proposal_prior[i] - log_prior[i];
    const double log_ratio = prior_ratio + state.temperature * (estimates[b] - state.log_likelihood[i]);
    InferStream stream(keys[b], StreamPurpose::Accept);
    if (estimates[b] > kNegInf && std::log(stream.uniform()) < log_ratio) {
      state.particles[i] = std::move(proposals[i]);
      state.log_likelihood[i] = estimates[b];
      log_prior[i] = proposal_prior[i];
      ++accepted;
    }
  }
  return accepted;
}

double SmcSampler::pcn_lambda(const SmcState& state) const {
  const double base = 2.38 / std::sqrt(static_cast<double>(space_.size()));
  double lambda = base;
  for (std::size_t k = 1; k < state.stages.size(); ++k)
    lambda = std::clamp(lambda * std::exp(state.stages[k].refresh_acceptance - settings_.target_acceptance),
                        kMinScaleFactor * base, kMaxScaleFactor * base);
  return lambda;
}

double SmcSampler::move_stage(SmcState& state, std::size_t stage, StageDiagnostics& diag) const {
  using Kernels = SmcSettings::Kernels;
  const std::size_t n = state.particles.size();
  // Shrink the particles' covariance toward its diagonal by d / (N + d): negligible with
  // many more particles than parameters, about half with as many (docs/inference.md §5).
  const double d = static_cast<double>(space_.size());
  const RandomWalk walk(state.particles, state.scale, d / (d + static_cast<double>(n)));
  const bool pcn = settings_.kernels != Kernels::WalkAndRefresh;
  const bool alone = settings_.kernels == Kernels::PcnAlone;
  const bool refreshing = pcn || settings_.refresh_power >= 0;
  std::optional<PriorRefresh> refresh;
  std::optional<PcnMove> pcn_move;
  if (pcn)
    pcn_move.emplace(space_, state.particles, pcn_lambda(state));
  else if (refreshing && !settings_.refresh_inclusion.empty())
    refresh.emplace(space_, settings_.refresh_inclusion);
  else if (refreshing)
    refresh.emplace(space_, prior_variance_, state.particles, settings_.refresh_power);
  const Proposal by_walk = [&](const std::vector<double>& z, const StreamKey& key) {
    InferStream stream(key, StreamPurpose::Proposal);
    return std::optional<std::vector<double>>(walk.propose(z, stream));
  };
  const Proposal by_refresh = [&](const std::vector<double>& z, const StreamKey& key) {
    InferStream stream(key, StreamPurpose::Refresh);
    if (pcn_move) return std::optional<std::vector<double>>(pcn_move->propose(z, stream));
    return refresh->propose(z, stream);
  };
  std::vector<double> log_prior(n);
  for (std::size_t i = 0; i < n; ++i) log_prior[i] = space_.log_prior(state.particles[i]);
  // "walk" below counts the moves the stopping rule follows: the random walk's, or the
  // pCN's when it moves alone.
  std::size_t accepted = 0, moves = 0, walk_accepted = 0, walk_moves = 0, second_accepted = 0;
  const bool cycles = refreshing && !alone;  // a walk, then a refresh or pCN move
  while (moves < settings_.max_moves) {
    ++moves;
    const bool second = alone || (refreshing && moves % 2 == 0);
    const std::size_t a = move(state, second ? by_refresh : by_walk, second, log_prior, stage, moves,
                               diag.evaluations);
    accepted += a;
    if (second) second_accepted += a;
    if (!second || alone) walk_accepted += a, ++walk_moves;
    // Stop after a full cycle (walk, then refresh), counting the walk's moves only: the
    // refresh moves the coordinates the likelihood ignores, the walk the ones it informs.
    if (moves < settings_.min_moves || (cycles && moves % 2 != 0)) continue;
    const double rate = static_cast<double>(walk_accepted) / static_cast<double>(walk_moves * n);
    if (1.0 - std::pow(1.0 - rate, static_cast<double>(walk_moves)) >= settings_.moved_fraction) break;
  }
  diag.moves = moves;
  diag.acceptance = static_cast<double>(accepted) / static_cast<double>(moves * n);
  const std::size_t second_moves = alone ? moves : moves - walk_moves;
  if (second_moves > 0)
    diag.refresh_acceptance = static_cast<double>(second_accepted) / static_cast<double>(second_moves * n);
  return static_cast<double>(walk_accepted) / static_cast<double>(walk_moves * n);
}

void SmcSampler::advance(SmcState& state) const {
  if (state.finished()) return;
  const std::size_t stage = state.stage + 1;
  const std::size_t n = state.particles.size();
  StageDiagnostics diag;
  diag.stage = stage;
  const double next = next_temperature(state.log_likelihood, state.temperature, settings_.ess_fraction);
  const auto log_weights = incremental_log_weights(state.log_likelihood, next - state.temperature);
  diag.ess = effective_sample_size(log_weights);
  diag.log_evidence_increment = log_sum_exp(log_weights) - std::log(static_cast<double>(n));
  state.log_evidence += diag.log_evidence_increment;
  state.temperature = next;
  resample(state, log_weights, stage);
  const double walk_acceptance = move_stage(state, stage, diag);
  diag.scale = state.scale;
  diag.temperature = state.temperature;
  // Adapt the scale for the next stage toward the target acceptance of the random walk
  // (Robbins-Monro on log c); it uses only this stage's acceptance, so each stage's kernel is fixed given
  // the past and leaves its target invariant.
  const double base = 2.38 * 2.38 / static_cast<double>(space_.size());
  state.scale = std::clamp(state.scale * std::exp(2.0 * (walk_acceptance - settings_.target_acceptance)),
                           kMinScaleFactor * base, kMaxScaleFactor * base);
  state.stage = stage;
  state.stages.push_back(diag);
}

SmcState SmcSampler::run(SmcState state, const std::function<void(const SmcState&)>& after_stage) const {
  if (after_stage && state.stage == 0 && !state.finished()) after_stage(state);
  while (!state.finished()) {
    if (state.stage >= settings_.max_stages)
      throw InferenceError("the sampler did not reach temperature 1 within " +
                           std::to_string(settings_.max_stages) + " stages (temperature " +
                           std::to_string(state.temperature) + ")");
    advance(state);
    if (after_stage) after_stage(state);
  }
  return state;
}

Posterior SmcSampler::posterior(const SmcState& state) const {
  if (!state.finished()) throw InferenceError("the sampler has not reached temperature 1");
  Posterior out;
  out.names = space_.names();
  for (const auto& z : state.particles) out.draws.push_back(space_.to_constrained(z));
  out.log_likelihood = state.log_likelihood;
  out.log_evidence = state.log_evidence;
  out.final_ess = state.stages.back().ess;
  out.stages = state.stages;
  return out;
}

}  // namespace escalate::infer
