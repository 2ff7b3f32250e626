#include "escalate/model/random_stream.hpp"

#include <Random123/philox.h>
#include <boost/math/special_functions/erf.hpp>
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>

using namespace escalate;

TEST_CASE("a stream is a pure function of (seed, domain, draw, trajectory)", "[random_stream]") {
  RandomStream a(7, RandomDomain::Perception, 3, 4), b(7, RandomDomain::Perception, 3, 4);
  RandomStream other_domain(7, RandomDomain::Attribution, 3, 4), other_traj(7, RandomDomain::Perception, 3, 5);
  bool differs_domain = false, differs_traj = false;
  for (int i = 0; i < 16; ++i) {
    const auto x = a();
    CHECK(x == b());
    differs_domain |= x != other_domain();
    differs_traj |= x != other_traj();
  }
  CHECK(differs_domain);
  CHECK(differs_traj);
}

TEST_CASE("the block function is Random123's Philox4x64-10, output for output", "[random_stream]") {
  // refill() writes the rounds out with the key schedule computed once per stream; every
  // output must be r123::Philox4x64's for the same key (seed, domain) and counter
  // (draw, trajectory, block, 0). Keys and counters from a 64-bit LCG, extremes included.
  std::uint64_t state = 0x243F6A8885A308D3ULL;
  auto next = [&] { return state = state * 6364136223846793005ULL + 1442695040888963407ULL; };
  const std::uint64_t top = std::numeric_limits<std::uint64_t>::max();
  int compared = 0;
  for (int trial = 0; trial < 2000; ++trial) {
    const std::uint64_t seed = trial == 0 ? 0 : (trial == 1 ? top : next());
    const std::uint64_t domain = trial < 2 ? 0x3000 : next(), a = next(), b = trial == 1 ? top : next();
    const std::uint64_t block = trial % 3 == 0 ? 0 : next() % (top - 2);
    RandomStream stream(seed, static_cast<RandomDomain>(domain), a, b);
    stream.seek_block(block);
    for (std::uint64_t k = 0; k < 2; ++k) {  // two blocks: the counter steps
      const r123::Philox4x64::ctr_type counter{{a, b, block + k, 0}};
      const r123::Philox4x64::key_type key{{seed, domain}};
      const r123::Philox4x64::ctr_type expected = r123::Philox4x64()(counter, key);
      for (int i = 0; i < 4; ++i, ++compared) REQUIRE(stream() == expected.v[i]);
    }
  }
  CHECK(compared == 16000);
}

TEST_CASE("a restarted stream is the fresh stream of its key and new counter", "[random_stream]") {
  RandomStream s(11, RandomDomain::Delays, 2, 3);
  for (int i = 0; i < 7; ++i) s();  // part of a buffer left unread
  s.restart(5, 9);
  RandomStream fresh(11, RandomDomain::Delays, 5, 9);
  CHECK(s.seed() == 11);
  CHECK(s.blocks_used() == 0);
  for (int i = 0; i < 40; ++i) REQUIRE(s() == fresh());
}

TEST_CASE("domains keep v1's values and are spaced 0x1000 apart", "[random_stream]") {
  CHECK(static_cast<std::uint64_t>(RandomDomain::ParameterDraw) == 0x1000);
  CHECK(static_cast<std::uint64_t>(RandomDomain::InitialState) == 0x2000);
  CHECK(static_cast<std::uint64_t>(RandomDomain::Arrivals) == 0x3000);
  CHECK(static_cast<std::uint64_t>(RandomDomain::IncidentAttributes) == 0x4000);
  CHECK(static_cast<std::uint64_t>(RandomDomain::Perception) == 0x5000);
  CHECK(static_cast<std::uint64_t>(RandomDomain::Decisions) == 0x6000);
  CHECK(static_cast<std::uint64_t>(RandomDomain::Delays) == 0x7000);
  CHECK(static_cast<std::uint64_t>(RandomDomain::Attribution) == 0x8000);
  CHECK(static_cast<std::uint64_t>(RandomDomain::Strikes) == 0x9000);
  CHECK(static_cast<std::uint64_t>(RandomDomain::War) == 0xA000);
  CHECK(static_cast<std::uint64_t>(RandomDomain::Schedule) == 0xB000);
}

TEST_CASE("every variate consumes exactly one output", "[random_stream]") {
  RandomStream a(1, RandomDomain::Delays, 0, 0), b(1, RandomDomain::Delays, 0, 0);
  for (int i = 0; i < 10; ++i) {
    a.normal();
    a.standard_exponential();
    a.uniform();
    a.exponential(3.0);
    for (int j = 0; j < 4; ++j) b();
  }
  CHECK(a() == b());
}

TEST_CASE("variates have the right moments", "[random_stream]") {
  // n = 200000; each check is within 4 standard errors of the exact moment
  // (se of a mean = sd / sqrt(n); of a variance about sqrt(2 / n) for a normal).
  const int n = 200000;
  RandomStream s(99, RandomDomain::Arrivals, 1, 2);
  double su = 0, sz = 0, szz = 0, se = 0;
  double lo = 1, hi = 0;
  for (int i = 0; i < n; ++i) {
    const double u = s.uniform();
    lo = std::min(lo, u);
    hi = std::max(hi, u);
    su += u;
    const double z = s.normal();
    sz += z;
    szz += z * z;
    se += s.exponential(2.0);
  }
  CHECK(lo > 0.0);
  CHECK(hi < 1.0);
  CHECK(std::abs(su / n - 0.5) < 4 * std::sqrt(1.0 / 12.0 / n));
  CHECK(std::abs(sz / n) < 4 / std::sqrt(double(n)));
  CHECK(std::abs(szz / n - 1.0) < 4 * std::sqrt(2.0 / n));
  CHECK(std::abs(se / n - 0.5) < 4 * 0.5 / std::sqrt(double(n)));
}

TEST_CASE("the normal inverts its CDF", "[random_stream]") {
  // A stream whose uniform is known is not available; check symmetry and the tails
  // through many draws instead: |z| < 8.3 for u in [2^-54, 1 - 2^-54].
  RandomStream s(5, RandomDomain::Perception, 0, 0);
  for (int i = 0; i < 100000; ++i) {
    const double z = s.normal();
    REQUIRE(std::isfinite(z));
    REQUIRE(std::abs(z) < 8.3);
  }
}

TEST_CASE("a stream throws instead of wrapping its counter", "[random_stream]") {
  RandomStream s(1, RandomDomain::War, 0, 0);
  s.seek_block(std::numeric_limits<std::uint64_t>::max() - 1);
  for (int i = 0; i < 4; ++i) s();  // the last block
  CHECK_THROWS_AS(s(), std::runtime_error);
  for (std::uint64_t back = 2; back <= 6; ++back) {  // blocks are buffered: fewer near the end, the same outputs
    RandomStream near(1, RandomDomain::War, 0, 0), one(1, RandomDomain::War, 0, 0);
    near.seek_block(std::numeric_limits<std::uint64_t>::max() - back);
    for (std::uint64_t i = 0; i < 4 * back; ++i) {
      one.seek_block(std::numeric_limits<std::uint64_t>::max() - back + i / 4);
      for (std::uint64_t j = 0; j < i % 4; ++j) one();
      REQUIRE(near() == one());
      CHECK(near.blocks_used() == std::numeric_limits<std::uint64_t>::max() - back + i / 4 + 1);
    }
    CHECK_THROWS_AS(near(), std::runtime_error);
  }
}

TEST_CASE("stable_hash is FNV-1a", "[random_stream]") {
  CHECK(stable_hash("", 0) == 0xcbf29ce484222325ULL);
  CHECK(stable_hash("a", 1) == 0xaf63dc4c8601ec8cULL);
}

TEST_CASE("variates from saved outputs equal the stream's own; the normal is accurate",
          "[random_stream]") {
  RandomStream a(3, RandomDomain::Strikes, 1, 1), b(3, RandomDomain::Strikes, 1, 1);
  double worst = 0;
  for (int i = 0; i < 20000; ++i) {
    const RandomStream::result_type bits = b();
    switch (i % 3) {
      case 0: CHECK(a.uniform() == RandomStream::uniform_of(bits)); break;
      case 1: CHECK(a.standard_exponential() == RandomStream::exponential_of(bits)); break;
      default: {
        const double z = a.normal();
        CHECK(z == RandomStream::normal_of(bits));
        // Against Boost's inverse in long double: a few ulps of |z| at most.
        const long double u = RandomStream::uniform_of(bits);
        const double ref = static_cast<double>(-std::sqrt(2.0L) * boost::math::erfc_inv(2.0L * u));
        worst = std::max(worst, std::abs(z - ref) / std::max(1.0, std::abs(ref)));
      }
    }
  }
  CHECK(worst < 1e-14);
}
