// Particle weights: ESS, the adaptive temperature, systematic resampling.
#include "escalate/infer/particle_weights.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

using namespace escalate::infer;

namespace {
constexpr double kNegInf = -std::numeric_limits<double>::infinity();
}

TEST_CASE("ESS is N for equal weights, 1 for one weight, and ignores a common factor", "[infer][weights]") {
  CHECK(effective_sample_size(std::vector<double>(10, -3.0)) == Approx(10.0));
  CHECK(effective_sample_size({0.0, kNegInf, kNegInf}) == Approx(1.0));
  CHECK(effective_sample_size({kNegInf, kNegInf}) == 0.0);
  // Weights 1, 2, 3: (6)^2 / 14.
  CHECK(effective_sample_size({std::log(1.0) + 700, std::log(2.0) + 700, std::log(3.0) + 700}) == Approx(36.0 / 14.0));
  CHECK(log_sum_exp({std::log(1.0), std::log(2.0), kNegInf}) == Approx(std::log(3.0)));
}

TEST_CASE("The next temperature keeps the ESS at the asked fraction", "[infer][weights]") {
  std::vector<double> log_likelihood;
  for (int i = 0; i < 500; ++i) log_likelihood.push_back(-0.5 * (i % 50) * (i % 50) - 100.0);
  const double t = next_temperature(log_likelihood, 0.0, 0.5);
  REQUIRE(t > 0.0);
  REQUIRE(t < 1.0);
  CHECK(effective_sample_size(incremental_log_weights(log_likelihood, t)) == Approx(250.0).epsilon(1e-6));
  // From a later temperature the step is measured from there.
  const double t2 = next_temperature(log_likelihood, 0.3, 0.5);
  CHECK(t2 - 0.3 == Approx(t).epsilon(1e-6));
  // A flat likelihood, or one within reach, goes straight to 1.
  CHECK(next_temperature(std::vector<double>(5, -2.0), 0.0, 0.5) == 1.0);
  // -infinity (zero likelihood) counts as zero weight at any positive step.
  CHECK(incremental_log_weights({kNegInf, -1.0}, 0.0)[0] == kNegInf);
}

TEST_CASE("Systematic resampling copies each particle floor or ceil of N w times", "[infer][weights]") {
  const std::vector<double> w = {0.1, 0.0, 0.35, 0.05, 0.5};
  std::vector<double> log_w;
  for (double x : w) log_w.push_back(std::log(x));
  for (double u : {0.001, 0.3, 0.5, 0.77, 0.999}) {
    const auto idx = systematic_resample(log_w, u);
    REQUIRE(idx.size() == 5);
    std::vector<int> copies(5, 0);
    for (auto i : idx) ++copies[i];
    for (std::size_t i = 0; i < 5; ++i) {
      INFO("u " << u << " particle " << i);
      CHECK(copies[i] >= std::floor(5 * w[i]));
      CHECK(copies[i] <= std::ceil(5 * w[i]));
    }
    CHECK(copies[1] == 0);
  }
  CHECK_THROWS(systematic_resample({kNegInf, kNegInf}, 0.5));
}
