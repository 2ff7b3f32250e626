#include "escalate/infer/smc_sampler.hpp"

#include "escalate/infer/inference_error.hpp"
#include "escalate/infer/particle_weights.hpp"

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
}

SmcSampler::SmcSampler(ParameterSpace space, SmcSettings settings, BatchLogLikelihood log_likelihood)
    : space_(std::move(space)), settings_(settings), log_likelihood_(std::move(log_likelihood)) {
  settings_.check();
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

std::size_t SmcSampler::move(SmcState& state, const RandomWalk& walk, std::vector<double>& log_prior,
                             std::size_t stage, std::size_t move_index, std::size_t& evaluations) const {
  const std::size_t n = state.particles.size();
  std::vector<std::vector<double>> proposals(n);
  std::vector<double> proposal_prior(n);
  std::vector<std::size_t> inside;  // proposals with a positive prior density: evaluated
  std::vector<std::vector<double>> batch;
  std::vector<StreamKey> keys;
  for (std::size_t i = 0; i < n; ++i) {
    const StreamKey key{state.seed, stage, move_index, i};
    InferStream stream(key, StreamPurpose::Proposal);
    proposals[i] = walk.propose(state.particles[i], stream);
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
    const double log_ratio = proposal_prior[i] - log_prior[i] +
                             state.temperature * (estimates[b] - state.log_likelihood[i]);
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

  const RandomWalk walk(state.particles, state.scale);
  std::vector<double> log_prior(n);
  for (std::size_t i = 0; i < n; ++i) log_prior[i] = space_.log_prior(state.particles[i]);
  std::size_t accepted = 0, moves = 0;
  while (moves < settings_.max_moves) {
    accepted += move(state, walk, log_prior, stage, moves + 1, diag.evaluations);
    ++moves;
    const double rate = static_cast<double>(accepted) / static_cast<double>(moves * n);
    const double moved = 1.0 - std::pow(1.0 - rate, static_cast<double>(moves));
    if (moves >= settings_.min_moves && moved >= settings_.moved_fraction) break;
  }
  diag.moves = moves;
  diag.acceptance = static_cast<double>(accepted) / static_cast<double>(moves * n);
  diag.scale = state.scale;
  diag.temperature = state.temperature;
  // Adapt the scale for the next stage toward the target acceptance (Robbins-Monro on
  // log c); it uses only this stage's acceptance, so each stage's kernel is fixed given
  // the past and leaves its target invariant.
  const double base = 2.38 * 2.38 / static_cast<double>(space_.size());
  state.scale = std::clamp(state.scale * std::exp(2.0 * (diag.acceptance - settings_.target_acceptance)),
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
