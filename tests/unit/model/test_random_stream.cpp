#include "escalate/model/random_stream.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace escalate;

// Known-answer vectors from Random123's kat_vectors (philox4x64, 10 rounds).
TEST_CASE("Philox4x64-10 matches the Random123 known-answer vectors", "[random]") {
  using P = r123::Philox4x64;
  P::ctr_type zero_ctr{{0, 0, 0, 0}};
  P::key_type zero_key{{0, 0}};
  auto out = P()(zero_ctr, zero_key);
  CHECK(out.v[0] == 0x16554d9eca36314cULL);
  CHECK(out.v[1] == 0xdb20fe9d672d0fdcULL);
  CHECK(out.v[2] == 0xd7e772cee186176bULL);
  CHECK(out.v[3] == 0x7e68b68aec7ba23bULL);
  const std::uint64_t ones = ~0ULL;
  out = P()(P::ctr_type{{ones, ones, ones, ones}}, P::key_type{{ones, ones}});
  CHECK(out.v[0] == 0x87b092c3013fe90bULL);
  CHECK(out.v[3] == 0xa09caebf594f0ba0ULL);
}

TEST_CASE("RandomStream is Philox keyed by (seed, domain) with counter (a, b, block)", "[random]") {
  RandomStream s(0, static_cast<RandomDomain>(0), 0, 0);
  CHECK(s() == 0x16554d9eca36314cULL);
  CHECK(s() == 0xdb20fe9d672d0fdcULL);
  CHECK(s() == 0xd7e772cee186176bULL);
  CHECK(s() == 0x7e68b68aec7ba23bULL);
  CHECK(s.blocks_used() == 1);
  s();
  CHECK(s.blocks_used() == 2);
}

TEST_CASE("Streams are reproducible and distinct by seed, domain and counter", "[random]") {
  auto first = [](std::uint64_t seed, RandomDomain d, std::uint64_t a, std::uint64_t b) {
    RandomStream s(seed, d, a, b);
    return s();
  };
  CHECK(first(1, RandomDomain::Arrivals, 2, 3) == first(1, RandomDomain::Arrivals, 2, 3));
  CHECK(first(1, RandomDomain::Arrivals, 2, 3) != first(2, RandomDomain::Arrivals, 2, 3));
  CHECK(first(1, RandomDomain::Arrivals, 2, 3) != first(1, RandomDomain::Decisions, 2, 3));
  CHECK(first(1, RandomDomain::Arrivals, 2, 3) != first(1, RandomDomain::Arrivals, 3, 2));
  // Stan's old seed + chain collision cannot happen: (seed 1, draw 2) != (seed 2, draw 1).
  CHECK(first(1, RandomDomain::Arrivals, 2, 0) != first(2, RandomDomain::Arrivals, 1, 0));
}

TEST_CASE("Uniforms lie strictly inside (0, 1) and have the right moments", "[random]") {
  RandomStream s(42, RandomDomain::Perception, 0, 0);
  const int n = 200000;
  double sum = 0, sum2 = 0;
  for (int i = 0; i < n; ++i) {
    double u = s.uniform();
    REQUIRE(u > 0.0);
    REQUIRE(u < 1.0);
    sum += u;
    sum2 += u * u;
  }
  // Mean 1/2 with standard error sqrt(1/12/n) = 6.5e-4: 5 SE = 3.2e-3.
  CHECK(std::abs(sum / n - 0.5) < 3.2e-3);
  CHECK(std::abs(sum2 / n - 1.0 / 3.0) < 3.2e-3);
}

TEST_CASE("Exponential and normal draws have the right means", "[random]") {
  RandomStream s(7, RandomDomain::Delays, 1, 1);
  const int n = 200000;
  double e = 0, z = 0, z2 = 0;
  for (int i = 0; i < n; ++i) {
    e += s.exponential(4.0);
    double x = s.normal();
    z += x;
    z2 += x * x;
  }
  // Exp(4): mean 0.25, sd 0.25 -> SE 5.6e-4; 5 SE = 2.8e-3. Normal: SE 2.2e-3, 5 SE = 0.011.
  CHECK(std::abs(e / n - 0.25) < 2.8e-3);
  CHECK(std::abs(z / n) < 0.011);
  CHECK(std::abs(z2 / n - 1.0) < 0.02);
}

TEST_CASE("stable_hash is FNV-1a 64", "[random]") {
  // Reference values of FNV-1a 64 (the empty string is the offset basis).
  CHECK(stable_hash("", 0) == 0xcbf29ce484222325ULL);
  CHECK(stable_hash("a", 1) == 0xaf63dc4c8601ec8cULL);
}
