#include "escalate/model/random_stream.hpp"

#include "escalate/model/normal_quantile.hpp"

#include <cmath>
#include <stdexcept>

namespace escalate {

void RandomStream::refill() {
  // Block index lives in counter word 2; word 3 stays 0 so that exhaustion (2^64 blocks)
  // is the only way to repeat, and it is refused rather than wrapped: block 2^64 - 1 is
  // never computed, and near it fewer blocks are buffered (at the end of block_), so the
  // stream throws at the same output as with one block at a time.
  const std::uint64_t left = std::numeric_limits<std::uint64_t>::max() - counter_[2];
  if (left == 0) throw std::runtime_error("random stream exhausted its counter space");
  const int first = left < BUFFER_BLOCKS ? BUFFER_BLOCKS - static_cast<int>(left) : 0;
  // Random123's philox4x64round, ten times: the two 64 x 64 -> 128-bit products, the
  // high halves mixed with the other words and the round's key.
  __extension__ typedef unsigned __int128 u128;
  for (int b = first; b < BUFFER_BLOCKS; ++b) {
    std::uint64_t c0 = counter_[0], c1 = counter_[1], c2 = counter_[2], c3 = counter_[3];
    for (std::size_t r = 0; r < PHILOX_ROUNDS; ++r) {
      const u128 p0 = static_cast<u128>(PHILOX_M0) * c0;
      const u128 p1 = static_cast<u128>(PHILOX_M1) * c2;
      c0 = static_cast<std::uint64_t>(p1 >> 64) ^ c1 ^ round_keys_[2 * r];
      c1 = static_cast<std::uint64_t>(p1);
      c2 = static_cast<std::uint64_t>(p0 >> 64) ^ c3 ^ round_keys_[2 * r + 1];
      c3 = static_cast<std::uint64_t>(p0);
    }
    const auto at = static_cast<std::size_t>(4 * b);
    block_[at] = c0;
    block_[at + 1] = c1;
    block_[at + 2] = c2;
    block_[at + 3] = c3;
    ++counter_[2];
  }
  used_ = 4 * first;
}

double RandomStream::exponential_of(result_type bits) { return -std::log(uniform_of(bits)); }

double RandomStream::normal_of(result_type bits) {
  // Phi^-1(u) by AS 241 (normal_quantile.hpp): u in (0, 1) keeps it finite (|z| < 8.3).
  return normal_quantile(uniform_of(bits));
}

std::uint64_t stable_hash(const char* text, std::size_t length) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (std::size_t i = 0; i < length; ++i) {
    h ^= static_cast<unsigned char>(text[i]);
    h *= 0x100000001b3ULL;
  }
  return h;
}

}  // namespace escalate
