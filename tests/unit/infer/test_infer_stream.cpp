// The sampler's keyed random streams: reproducible per key, distinct across keys and
// purposes, with the right moments.
#include "escalate/infer/infer_stream.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace escalate::infer;

TEST_CASE("A stream depends only on its key and purpose", "[infer][stream]") {
  const StreamKey key{1, 2, 3, 4};
  InferStream a(key, StreamPurpose::Proposal), b(key, StreamPurpose::Proposal);
  for (int k = 0; k < 10; ++k) CHECK(a() == b());
  InferStream c(key, StreamPurpose::Accept), d(StreamKey{1, 2, 3, 5}, StreamPurpose::Proposal);
  InferStream e(StreamKey{1, 3, 2, 4}, StreamPurpose::Proposal);
  InferStream f(key, StreamPurpose::Proposal);
  const auto first = f();
  CHECK(c() != first);
  CHECK(d() != first);
  CHECK(e() != first);
}

TEST_CASE("Uniforms, normals and Poisson counts have their moments", "[infer][stream]") {
  InferStream s(StreamKey{9, 0, 0, 0}, StreamPurpose::Likelihood);
  const int n = 100000;
  double u = 0, z = 0, z2 = 0, small = 0, large = 0;
  for (int k = 0; k < n; ++k) {
    const double x = s.uniform();
    REQUIRE(x > 0.0);
    REQUIRE(x < 1.0);
    u += x / n;
    const double y = s.normal();
    z += y / n;
    z2 += y * y / n;
    small += static_cast<double>(s.poisson(2.5)) / n;
    large += static_cast<double>(s.poisson(40.0)) / n;
  }
  // Standard errors: 0.0009, 0.003, 0.0045, 0.005, 0.02; margins about 4 of them.
  CHECK(u == Approx(0.5).margin(0.004));
  CHECK(z == Approx(0.0).margin(0.013));
  CHECK(z2 == Approx(1.0).margin(0.02));
  CHECK(small == Approx(2.5).margin(0.02));
  CHECK(large == Approx(40.0).margin(0.08));
  CHECK(s.poisson(0.0) == 0);
}
