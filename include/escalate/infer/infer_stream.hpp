#pragma once
// Random numbers of the sampler and of the likelihood (docs/inference.md §6).
//
// Philox4x64-10 (Random123) keyed by (seed, purpose); the counter holds (stage, move,
// particle, block). Every random number the sampler draws therefore belongs to one
// particle of one move of one stage, whatever thread, rank or resumed process computes
// it, and a likelihood callback handed a StreamKey can open the same kind of stream for
// its simulations. A stream throws instead of wrapping around. This is a small copy of
// the engine's RandomStream (docs/model.md §12) so that this layer needs only base.
#include <Random123/philox.h>

#include <cstdint>
#include <limits>

namespace escalate::infer {

// What a stream is for. Spaced 0x100 apart; the likelihood's purposes start at
// Likelihood and the caller may add an offset below 0x100 for sub-streams.
enum class StreamPurpose : std::uint64_t {
  PriorDraw = 0x100,    // the initial particles
  Resample = 0x200,     // the one uniform of systematic resampling
  Proposal = 0x300,     // random-walk proposals
  Accept = 0x400,       // Metropolis-Hastings accept/reject uniforms
  Refresh = 0x500,      // prior-refresh proposals (block and fresh draws)
  Likelihood = 0x1000,  // the caller's simulations for one likelihood estimate
};

// Where one likelihood estimate sits in the run: the caller keys its simulations by it.
struct StreamKey {
  std::uint64_t seed = 0;
  std::uint64_t stage = 0;
  std::uint64_t move = 0;
  std::uint64_t particle = 0;
  friend bool operator==(const StreamKey&, const StreamKey&) = default;
};

// A uniform random bit generator over one Philox counter range.
class InferStream {
 public:
  using result_type = std::uint64_t;
  using Philox = r123::Philox4x64;

  InferStream(const StreamKey& key, StreamPurpose purpose, std::uint64_t offset = 0) {
    key_ = Philox::key_type{{key.seed, static_cast<std::uint64_t>(purpose) + offset}};
    counter_ = Philox::ctr_type{{key.stage, key.move, key.particle, 0}};
  }

  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return std::numeric_limits<result_type>::max(); }

  result_type operator()() {
    if (used_ == 4) refill();
    return block_[used_++];
  }

  // Uniform in (0, 1), never 0 or 1. One output.
  double uniform() { return (static_cast<double>((*this)() >> 11) + 0.5) * 0x1.0p-53; }
  // Standard normal by inversion of its CDF. One output.
  double normal();
  // Poisson(mean) by Boost.Random (inversion below mean 10, Hormann's PTRS rejection
  // above): a fixed algorithm, so the same key gives the same count on every platform.
  // 0 when mean <= 0.
  std::uint64_t poisson(double mean);

 private:
  void refill();

  Philox::key_type key_{};
  Philox::ctr_type counter_{};
  Philox::ctr_type block_{};
  int used_ = 4;
};

}  // namespace escalate::infer
