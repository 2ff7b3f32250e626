#include "escalate/base/error.hpp"
#include "escalate/statistics/sensitivity_design.hpp"

#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <set>

using namespace escalate;

TEST_CASE("Sobol' points: the first 2^m are a net in every coordinate, shifted by the seed", "[sensitivity]") {
  const std::int64_t dims = 8, n = 64;
  const auto x = sobol_points(dims, n, 3);
  REQUIRE(x.size() == static_cast<std::size_t>(dims * n));
  for (std::int64_t d = 0; d < dims; ++d) {
    // Each of the 64 intervals [k/64, (k+1)/64) holds exactly one point (a digital shift
    // permutes the intervals).
    std::set<int> cells;
    for (std::int64_t i = 0; i < n; ++i) {
      const double u = x[static_cast<std::size_t>(i * dims + d)];
      REQUIRE(u > 0.0);
      REQUIRE(u < 1.0);
      cells.insert(static_cast<int>(std::floor(u * n)));
    }
    CHECK(cells.size() == static_cast<std::size_t>(n));
  }
  // Two-dimensional strata of the first two coordinates: 8 x 8 cells, one point each.
  std::set<int> squares;
  for (std::int64_t i = 0; i < n; ++i) {
    squares.insert(static_cast<int>(std::floor(x[static_cast<std::size_t>(i * dims)] * 8)) * 8 +
                   static_cast<int>(std::floor(x[static_cast<std::size_t>(i * dims + 1)] * 8)));
  }
  CHECK(squares.size() == 64);
  CHECK(sobol_points(dims, n, 3) == x);
  CHECK(sobol_points(dims, n, 4) != x);
}

TEST_CASE("Saltelli design: SALib's order, AB_i is A with column i from B", "[sensitivity]") {
  const std::int64_t P = 3, N = 16;
  const SensitivityDesign d = saltelli_design(P, N, 11);
  REQUIRE(d.points() == N * (P + 2));
  CHECK(d.layout == DesignLayout::Saltelli);
  const auto base = sobol_points(2 * P, N, 11);
  for (std::int64_t j = 0; j < N; ++j) {
    const auto A = d.row(j * (P + 2)), B = d.row(j * (P + 2) + P + 1);
    for (std::int64_t k = 0; k < P; ++k) {
      CHECK(A[static_cast<std::size_t>(k)] == base[static_cast<std::size_t>(j * 2 * P + k)]);
      CHECK(B[static_cast<std::size_t>(k)] == base[static_cast<std::size_t>(j * 2 * P + P + k)]);
    }
    for (std::int64_t i = 0; i < P; ++i) {
      const auto AB = d.row(j * (P + 2) + 1 + i);
      for (std::int64_t k = 0; k < P; ++k) CHECK(AB[static_cast<std::size_t>(k)] == (k == i ? B : A)[static_cast<std::size_t>(k)]);
    }
  }
}

TEST_CASE("Morris design: paths on the centred grid, one parameter per step by half the levels", "[sensitivity]") {
  const std::int64_t P = 5, r = 40, p = 6;
  const SensitivityDesign d = morris_design(P, r, p, 2);
  REQUIRE(d.points() == r * (P + 1));
  std::vector<int> level_count(static_cast<std::size_t>(p), 0);
  for (std::int64_t t = 0; t < r; ++t) {
    std::set<std::int64_t> moved;
    for (std::int64_t step = 0; step <= P; ++step) {
      const auto row = d.row(t * (P + 1) + step);
      for (double u : row) {
        const double k = u * p - 0.5;  // the level
        REQUIRE(std::abs(k - std::round(k)) < 1e-12);
        ++level_count[static_cast<std::size_t>(std::lround(k))];
      }
      if (step == 0) continue;
      const auto before = d.row(t * (P + 1) + step - 1);
      int changes = 0;
      for (std::int64_t k = 0; k < P; ++k) {
        if (row[static_cast<std::size_t>(k)] == before[static_cast<std::size_t>(k)]) continue;
        ++changes;
        moved.insert(k);
        CHECK(std::abs(row[static_cast<std::size_t>(k)] - before[static_cast<std::size_t>(k)]) == Approx(0.5));
      }
      CHECK(changes == 1);
    }
    CHECK(moved.size() == static_cast<std::size_t>(P));
  }
  // Every level is used (uniform over the grid in expectation: 1200 values / 6 = 200 each).
  for (int c : level_count) CHECK(c > 120);
  CHECK(morris_design(P, r, p, 2).unit == d.unit);
  CHECK_THROWS_AS(morris_design(P, r, 5, 2), std::invalid_argument);
}

TEST_CASE("A design maps to parameter values through each distribution's quantile", "[sensitivity]") {
  const Config config = load_config(test::source_path("tests/configs/sensitivity.toml"));
  REQUIRE(config.uncertain.size() == 3);
  const SensitivityDesign d = saltelli_design(3, 8, 1);
  const DrawTable table = design_draw_table(config, d);
  REQUIRE(table.draws == d.points());
  for (std::int64_t i = 0; i < table.draws; ++i) {
    for (std::size_t k = 0; k < 3; ++k) {
      CHECK(table.row(i)[k] == config.uncertain[k].dist.quantile(d.row(i)[k]));
    }
  }
}

TEST_CASE("A user's design: unit coordinates by the CDF, structure checked", "[sensitivity]") {
  const Config config = load_config(test::source_path("tests/configs/sensitivity.toml"));
  const std::int64_t P = 3;
  const SensitivityDesign generated = saltelli_design(P, 4, 5);
  const DrawTable values = design_draw_table(config, generated);
  std::vector<std::int64_t> lines;
  for (std::int64_t i = 0; i < values.draws; ++i) lines.push_back(i + 2);
  const SensitivityDesign back = design_from_values(config, values.values, DesignLayout::Saltelli, "d.csv", lines);
  CHECK(back.base == 4);
  for (std::size_t i = 0; i < back.unit.size(); ++i) CHECK(back.unit[i] == Approx(generated.unit[i]).margin(1e-12));
  // Break one AB row: its line is named.
  std::vector<double> broken = values.values;
  broken[static_cast<std::size_t>((5 + 2) * P + 0)] += 0.1;  // block 1, AB_2 (row 7), column 0
  try {
    design_from_values(config, broken, DesignLayout::Saltelli, "d.csv", lines);
    FAIL("a broken Saltelli block was accepted");
  } catch (const FileError& e) {
    CHECK_THAT(e.what(), Catch::Contains("d.csv:9:") && Catch::Contains("not a Saltelli block") &&
                             Catch::Contains("sides.nato.perception_noise"));
  }
  CHECK_THROWS_AS(design_from_values(config, std::vector<double>(values.values.begin(), values.values.end() - P),
                                     DesignLayout::Saltelli, "d.csv", lines), FileError);
  // A free design takes any rows; a Morris design is checked path by path.
  CHECK(design_from_values(config, broken, DesignLayout::Free, "d.csv", lines).points() == values.draws);
  const DrawTable morris = design_draw_table(config, morris_design(P, 3, 4, 1));
  std::vector<std::int64_t> morris_lines(static_cast<std::size_t>(morris.draws));
  for (std::size_t i = 0; i < morris_lines.size(); ++i) morris_lines[i] = static_cast<std::int64_t>(i) + 2;
  CHECK(design_from_values(config, morris.values, DesignLayout::Morris, "m.csv", morris_lines).base == 3);
  std::vector<double> two_moves = morris.values;
  two_moves[static_cast<std::size_t>(P + 0)] += 0.01, two_moves[static_cast<std::size_t>(P + 1)] += 0.01;  // row 1
  CHECK_THROWS_WITH(design_from_values(config, two_moves, DesignLayout::Morris, "m.csv", morris_lines),
                    Catch::Contains("m.csv:3:") && Catch::Contains("not a Morris path"));
}
