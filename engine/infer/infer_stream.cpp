#include "escalate/infer/infer_stream.hpp"

#include <boost/math/special_functions/erf.hpp>
#include <boost/random/poisson_distribution.hpp>

#include <cmath>
#include <numbers>
#include <stdexcept>

namespace escalate::infer {

void InferStream::refill() {
  // The block index lives in counter word 3: exhaustion is the only way to repeat, and
  // it is refused rather than wrapped.
  if (counter_.v[3] == std::numeric_limits<std::uint64_t>::max())
    throw std::runtime_error("inference random stream exhausted its counter space");
  block_ = Philox()(counter_, key_);
  ++counter_.v[3];
  used_ = 0;
}

double InferStream::normal() {
  // Phi^-1(u) = -sqrt(2) erfc^-1(2u); u in (0, 1) keeps it finite.
  return -std::numbers::sqrt2 * boost::math::erfc_inv(2.0 * uniform());
}

std::uint64_t InferStream::poisson(double mean) {
  if (!(mean > 0)) return 0;
  return boost::random::poisson_distribution<std::uint64_t, double>(mean)(*this);
}

}  // namespace escalate::infer
