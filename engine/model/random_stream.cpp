#include "escalate/model/random_stream.hpp"

#include <boost/random/exponential_distribution.hpp>
#include <boost/random/normal_distribution.hpp>

#include <stdexcept>

namespace escalate {

void RandomStream::refill() {
  // Block index lives in counter word 2; word 3 stays 0 so that exhaustion (2^64 blocks)
  // is the only way to repeat, and it is refused rather than wrapped.
  if (counter_.v[2] == std::numeric_limits<std::uint64_t>::max())
    throw std::runtime_error("random stream exhausted its counter space");
  block_ = Philox()(counter_, key_);
  ++counter_.v[2];
  used_ = 0;
}

double RandomStream::exponential(double rate) {
  return boost::random::exponential_distribution<double>(rate)(*this);
}

double RandomStream::normal() {
  return boost::random::normal_distribution<double>(0.0, 1.0)(*this);
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
