// Small dense linear algebra against hand-computed values.
#include "escalate/infer/linear_algebra.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace escalate::infer;

TEST_CASE("Covariance, Cholesky, log-determinant and quadratic form agree with hand values", "[infer][linear_algebra]") {
  // Rows (1, 2), (3, 2), (2, 5): means (2, 3); covariance [[1, 0], [0, 3]].
  const Matrix cov = sample_covariance({{1, 2}, {3, 2}, {2, 5}});
  CHECK(cov[0][0] == Approx(1.0));
  CHECK(cov[1][1] == Approx(3.0));
  CHECK(cov[0][1] == Approx(0.0).margin(1e-15));
  // A = [[4, 2], [2, 3]]: L = [[2, 0], [1, sqrt 2]], det 8, A^-1 = [[3, -2], [-2, 4]] / 8.
  const auto l = cholesky({{4, 2}, {2, 3}});
  REQUIRE(l);
  CHECK((*l)[0][0] == Approx(2.0));
  CHECK((*l)[1][0] == Approx(1.0));
  CHECK((*l)[1][1] == Approx(std::sqrt(2.0)));
  CHECK(log_determinant(*l) == Approx(std::log(8.0)));
  // v = (1, 1): (3 - 4 + 4) / 8 = 3/8.
  CHECK(inverse_quadratic_form(*l, {1, 1}) == Approx(3.0 / 8.0));
  CHECK_FALSE(cholesky({{1, 2}, {2, 1}}));
  CHECK_FALSE(cholesky({{0, 0}, {0, 1}}));
}
