#pragma once
// Counter-based random streams (docs/model.md §12), copied from v1 and extended.
//
// Philox4x64-10 (Random123) keyed by (seed, domain); the counter holds
// (draw, trajectory or parameter id, block index, 0). Every trajectory (m, n) and every
// purpose ("domain", a sub-stream) therefore has its own stream, independent of which
// thread, rank or shard computes it, and two configs run with the same seed draw the
// same numbers for the same purpose (common random numbers). Domains are spaced 0x1000
// apart; v1's values are kept. A stream throws instead of wrapping around.
//
// Every variate here consumes exactly one 64-bit output (uniform, exponential by
// inversion, normal by inversion), so the number of draws an act consumes never depends
// on the values drawn or on the branch taken (docs/model-v2-notes.md lists them).
//
// The block function is Random123's Philox4x64-10, written out in refill() with the key
// schedule computed once per stream (tests/unit/model/test_random_stream.cpp checks every
// output against Random123's r123::Philox4x64). Random123's philox.h stays out of this
// header: with its SSE support it pulls in <x86intrin.h>, <iostream> and <algorithm>,
// about 1 CPU-second of parsing in every file that includes it (most of the engine,
// through config.hpp).
#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>

namespace escalate {

enum class RandomDomain : std::uint64_t {
  ParameterDraw = 0x1000,       // outer loop: a parameter's value in draw m
  InitialState = 0x2000,        // innate / acquired intent at t = 0
  Arrivals = 0x3000,            // Poisson arrival times and which process fired
  IncidentAttributes = 0x4000,  // deliberate or not, severity
  Perception = 0x5000,          // the evidence x of §5.2
  Decisions = 0x6000,           // the ladder uniform of §9.1
  Delays = 0x7000,              // decision and countermeasure delays
  Attribution = 0x8000,         // §5.3: clarified?, wrong?, attribution delay
  Strikes = 0x9000,             // limited strike severity
  War = 0xA000,                 // §9.4: war hazard times and outcomes
  Schedule = 0xB000,            // §10: times of random events
  SensitivityDesign = 0xC000,   // docs/sensitivity.md: the Sobol' digital shift, Morris paths
  Bootstrap = 0xD000,           // docs/sensitivity.md: resamples of a design's base rows
};

// A uniform random bit generator (std::uniform_random_bit_generator) over one Philox
// counter range; usable with Boost.Random distributions.
class RandomStream {
 public:
  using result_type = std::uint64_t;

  RandomStream() : RandomStream(0, RandomDomain::Arrivals, 0, 0) {}
  RandomStream(std::uint64_t seed, RandomDomain domain, std::uint64_t a, std::uint64_t b) {
    // Philox's key schedule: round r takes the key plus r times the Weyl constants.
    std::uint64_t k0 = seed, k1 = static_cast<std::uint64_t>(domain);
    for (std::size_t r = 0; r < PHILOX_ROUNDS; ++r, k0 += PHILOX_W0, k1 += PHILOX_W1) {
      round_keys_[2 * r] = k0;
      round_keys_[2 * r + 1] = k1;
    }
    counter_ = {a, b, 0, 0};
  }

  // The stream of the same key (seed, domain) for counter (a, b, 0, 0): the key schedule
  // is kept, nothing buffered is read again. RandomStream(seed, domain, a, b) for the key
  // this stream was made with.
  void restart(std::uint64_t a, std::uint64_t b) {
    counter_ = {a, b, 0, 0};
    used_ = BUFFERED;
  }
  // The key's seed (its first word).
  std::uint64_t seed() const { return round_keys_[0]; }

  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return std::numeric_limits<result_type>::max(); }

  result_type operator()() {
    if (used_ == BUFFERED) refill();
    return block_[used_++];
  }

  // The extreme values of uniform(): what a distribution sampled by inversion can reach.
  static constexpr double UNIFORM_MIN = 0x1.0p-54;
  static constexpr double UNIFORM_MAX = 1.0 - 0x1.0p-53;  // the largest double below 1
  // Uniform double in [UNIFORM_MIN, UNIFORM_MAX] inside (0, 1): never exactly 0 or 1, so
  // logs and inverse CDFs are safe.
  double uniform() { return uniform_of((*this)()); }
  // Exponential with rate `rate` (> 0) by inversion: -ln(U) / rate. One output.
  double exponential(double rate) { return standard_exponential() / rate; }
  // Exp(1) by inversion. One output.
  double standard_exponential() { return exponential_of((*this)()); }
  // Standard normal by inversion of its CDF (normal_quantile: AS 241 in double). One output.
  double normal() { return normal_of((*this)()); }
  bool bernoulli(double p) { return uniform() < p; }

  // The same variates from an output taken earlier with operator(): an act takes its
  // draws whatever the branch (§12) and transforms only those it uses.
  // (2^53 - 1) + 0.5 rounds to 2^53 in double arithmetic, so the top output alone would
  // give exactly 1 (and an infinite normal): it is clamped to UNIFORM_MAX.
  static double uniform_of(result_type bits) {
    const double u = (static_cast<double>(bits >> 11) + 0.5) * 0x1.0p-53;
    return u < 1.0 ? u : UNIFORM_MAX;
  }
  static double exponential_of(result_type bits);
  static double normal_of(result_type bits);

  // Blocks taken so far (a block counts once any of its outputs is taken).
  std::uint64_t blocks_used() const { return counter_[2] - static_cast<std::uint64_t>((BUFFERED - used_) / 4); }
  // Test hook: start at block `block` (to check that exhaustion throws).
  void seek_block(std::uint64_t block) {
    counter_[2] = block;
    used_ = BUFFERED;
  }

 private:
  void refill();

  // Philox4x64-10 (Random123's constants): the multipliers and the key's Weyl increments.
  static constexpr std::size_t PHILOX_ROUNDS = 10;
  static constexpr std::uint64_t PHILOX_M0 = 0xD2E7470EE14C6C93ULL, PHILOX_M1 = 0xCA5A826395121157ULL;
  static constexpr std::uint64_t PHILOX_W0 = 0x9E3779B97F4A7C15ULL, PHILOX_W1 = 0xBB67AE8584CAA73BULL;

  // The key (seed, domain) of every round, computed once per stream instead of bumped in
  // every block: round r's pair at [2r, 2r + 1].
  std::array<std::uint64_t, 2 * PHILOX_ROUNDS> round_keys_{};
  std::array<std::uint64_t, 4> counter_{};  // its counter: (a, b, block, 0)
  // The next blocks' outputs, computed BUFFER_BLOCKS blocks at a time: the test for a refill
  // then falls the same way 15 times in 16, where with one block it was mispredicted at
  // about every fourth output (docs/performance.md, fourth round). The outputs and their
  // order are those of one block at a time; at most BUFFER_BLOCKS - 1 blocks computed
  // ahead go unused when a trajectory ends.
  static constexpr int BUFFER_BLOCKS = 4;
  static constexpr int BUFFERED = 4 * BUFFER_BLOCKS;
  std::array<std::uint64_t, BUFFERED> block_{};
  int used_ = BUFFERED;  // outputs of block_ taken; the untaken ones are block_[used_..]
};

// FNV-1a 64-bit hash: turns a parameter path into its stream id, so a parameter's
// draws do not depend on which other parameters a config makes uncertain.
std::uint64_t stable_hash(const char* text, std::size_t length);

}  // namespace escalate
