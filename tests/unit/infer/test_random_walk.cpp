// The random-walk proposal has the covariance scale * (particle covariance).
#include "escalate/infer/random_walk.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <stdexcept>

using namespace escalate::infer;

TEST_CASE("Random-walk steps have mean zero and covariance scale times the particles'", "[infer][random_walk]") {
  // Particles with covariance [[1, 0.5], [0.5, 2]] exactly: drawn once, then checked.
  Matrix particles;
  InferStream source(StreamKey{3, 0, 0, 0}, StreamPurpose::PriorDraw);
  for (int i = 0; i < 4000; ++i) {
    const double a = source.normal(), b = source.normal();
    particles.push_back({a, 0.5 * a + std::sqrt(1.75) * b});
  }
  const double scale = 0.3;
  const RandomWalk walk(particles, scale);
  const Matrix target = walk.covariance();
  Matrix steps;
  for (std::uint64_t i = 0; i < 40000; ++i) {
    InferStream stream(StreamKey{5, 1, 1, i}, StreamPurpose::Proposal);
    const auto z = walk.propose({1.0, -2.0}, stream);
    steps.push_back({z[0] - 1.0, z[1] + 2.0});
  }
  const auto mean = column_means(steps);
  const Matrix cov = sample_covariance(steps);
  // 40,000 steps: relative standard error of a variance about 0.7%; margins 3%.
  CHECK(mean[0] == Approx(0.0).margin(0.02));
  CHECK(mean[1] == Approx(0.0).margin(0.03));
  for (int j = 0; j < 2; ++j)
    for (int k = 0; k < 2; ++k) CHECK(cov[j][k] == Approx(scale * target[j][k]).epsilon(0.03).margin(0.005));
  // Shrinkage toward the diagonal: off-diagonal covariances scaled by 1 - shrinkage,
  // variances kept.
  const RandomWalk shrunk(particles, scale, 0.75);
  CHECK(shrunk.covariance()[0][1] == Approx(0.25 * target[0][1]));
  CHECK(shrunk.covariance()[1][1] == Approx(target[1][1]));
  CHECK_THROWS_AS(RandomWalk(particles, scale, 1.5), std::invalid_argument);
  // Identical particles in one direction: the ridge keeps the proposal defined.
  const RandomWalk flat({{1.0, 2.0}, {1.0, 3.0}, {1.0, 4.0}}, 1.0);
  InferStream stream(StreamKey{5, 1, 1, 0}, StreamPurpose::Proposal);
  const auto z = flat.propose({1.0, 3.0}, stream);
  CHECK(std::isfinite(z[0]));
  CHECK(std::abs(z[0] - 1.0) < 1e-4);
}
