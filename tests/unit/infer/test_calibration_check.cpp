// Simulation-based calibration: its pieces, and a reduced run of it on the toy simulator
// (the full one is bench/sbc_infer.cpp; docs/inference.md §9).
#include "escalate/infer/calibration_check.hpp"
#include "infer/toy_sbc.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace escalate::infer;

TEST_CASE("Ranks count the draws below the truth, ties split by the uniform", "[infer][sbc]") {
  CHECK(calibration_rank(2.5, {1, 2, 3, 4}, 0.5) == 2);
  CHECK(calibration_rank(0.0, {1, 2, 3}, 0.9) == 0);
  CHECK(calibration_rank(9.0, {1, 2, 3}, 0.1) == 3);
  // Two draws equal to the truth: rank 1, 2 or 3 by u.
  CHECK(calibration_rank(2.0, {1, 2, 2, 4}, 0.1) == 1);
  CHECK(calibration_rank(2.0, {1, 2, 2, 4}, 0.5) == 2);
  CHECK(calibration_rank(2.0, {1, 2, 2, 4}, 0.9) == 3);
  CHECK(thin({0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, 5) == std::vector<double>{1, 3, 5, 7, 9});
  CHECK_THROWS(thin({1, 2}, 3));
}

TEST_CASE("The chi-square test accepts uniform ranks and rejects skewed ones", "[infer][sbc]") {
  std::vector<std::size_t> uniform, skewed;
  for (std::size_t k = 0; k < 200; ++k) {
    uniform.push_back(k % 20);
    skewed.push_back((k * k) % 20 / 2);
  }
  const UniformityTest flat = rank_uniformity(uniform, 19, 10);
  CHECK(flat.chi_square == 0.0);
  CHECK(flat.p_value == Approx(1.0));
  CHECK(rank_uniformity(skewed, 19, 10).p_value < 1e-6);
  // 9 degrees of freedom: P(chi2 > 21.67) = 0.01.
  std::vector<std::size_t> ranks;
  const std::vector<std::size_t> counts = {30, 30, 20, 20, 20, 20, 20, 20, 10, 10};  // chi2 = 20
  for (std::size_t b = 0; b < counts.size(); ++b) ranks.insert(ranks.end(), counts[b], 2 * b);
  const UniformityTest near = rank_uniformity(ranks, 19, 10);
  CHECK(near.chi_square == Approx(20.0));
  CHECK(near.p_value == Approx(0.0179).margin(5e-4));
  CHECK_THROWS(rank_uniformity(ranks, 19, 7));
}

TEST_CASE("Quantiles interpolate and central intervals cover", "[infer][sbc]") {
  const std::vector<double> draws = {5, 1, 4, 2, 3};
  CHECK(empirical_quantile(draws, 0.5) == 3.0);
  CHECK(empirical_quantile(draws, 0.1) == Approx(1.4));
  CHECK(central_interval_covers(2.0, draws, 0.5));
  CHECK_FALSE(central_interval_covers(1.5, draws, 0.5));
}

TEST_CASE("Simulation-based calibration of the sampler on the toy simulator (reduced)", "[infer][sbc]") {
  // 300 records from the prior, 200 particles each, exact likelihood; ranks among 19
  // thinned draws in 10 bins. Uniform ranks: chi-square not rejected at 1%; the 50% and
  // 90% intervals' coverage within 7 points of nominal (standard errors 2.9 and 1.7).
  const toy::ToyModel model;
  toy::SbcSettings s;
  s.replicates = 300;
  const std::size_t d = toy::ToyModel::parameters().size();
  std::vector<std::vector<std::size_t>> ranks(d);
  std::vector<double> cover50(d, 0.0), cover90(d, 0.0);
  for (std::uint64_t r = 0; r < s.replicates; ++r) {
    const auto rep = toy::sbc_replicate(model, s, r);
    REQUIRE(rep.final_ess >= 0.5 * static_cast<double>(s.particles));
    for (std::size_t j = 0; j < d; ++j) {
      ranks[j].push_back(rep.rank[j]);
      cover50[j] += rep.covered50[j] ? 100.0 / s.replicates : 0.0;
      cover90[j] += rep.covered90[j] ? 100.0 / s.replicates : 0.0;
    }
  }
  for (std::size_t j = 0; j < d; ++j) {
    const UniformityTest test = rank_uniformity(ranks[j], s.rank_draws, 10);
    INFO("parameter " << toy::ToyModel::parameters()[j].name << ": chi2 " << test.chi_square << " p "
                      << test.p_value << ", coverage 50% " << cover50[j] << ", 90% " << cover90[j]);
    CHECK(test.p_value > 0.01);
    CHECK(std::abs(cover50[j] - 50.0) <= 7.0);
    CHECK(std::abs(cover90[j] - 90.0) <= 7.0);
  }
}
