#include "escalate/model/random_stream.hpp"

#include <Random123/philox.h>
#include <boost/math/special_functions/erf.hpp>

#include <cmath>
#include <numbers>
#include <stdexcept>

namespace escalate {

void RandomStream::refill() {
  // Block index lives in counter word 2; word 3 stays 0 so that exhaustion (2^64 blocks)
  // is the only way to repeat, and it is refused rather than wrapped.
  if (counter_[2] == std::numeric_limits<std::uint64_t>::max())
    throw std::runtime_error("random stream exhausted its counter space");
  using Philox = r123::Philox4x64;
  const Philox::ctr_type counter{{counter_[0], counter_[1], counter_[2], counter_[3]}};
  const Philox::key_type key{{key_[0], key_[1]}};
  const Philox::ctr_type block = Philox()(counter, key);
  block_ = {block.v[0], block.v[1], block.v[2], block.v[3]};
  ++counter_[2];
  used_ = 0;
}

double RandomStream::exponential_of(result_type bits) { return -std::log(uniform_of(bits)); }

double RandomStream::normal_of(result_type bits) {
  // Phi^-1(u) = -sqrt(2) erfc^-1(2u); u in (0, 1) keeps it finite (|z| < 8.3). Boost's
  // default policy promotes double to long double inside erfc_inv (about twice the
  // time); in double its results stay within a few ulps (tests/unit/model).
  // Its error checks cannot fire for u in (0, 1): ignoring them (they return what the
  // computation gives) leaves every bit as it was and skips their tests.
  namespace bp = boost::math::policies;
  using DoublePolicy = bp::policy<bp::promote_double<false>, bp::domain_error<bp::ignore_error>,
                                  bp::pole_error<bp::ignore_error>, bp::overflow_error<bp::ignore_error>,
                                  bp::underflow_error<bp::ignore_error>, bp::evaluation_error<bp::ignore_error>>;
  return -std::numbers::sqrt2 * boost::math::erfc_inv(2.0 * uniform_of(bits), DoublePolicy());
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
