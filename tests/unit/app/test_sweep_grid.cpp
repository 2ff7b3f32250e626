#include "escalate/app/sweep_grid.hpp"

#include "escalate/base/error.hpp"

#include <catch2/catch.hpp>

#include <string>

#include <utility>
#include <vector>

using namespace escalate;
using namespace escalate::app;

TEST_CASE("the grid's point count is checked without overflow", "[sweep]") {
  std::vector<double> ten = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
  const Sweep s = sweep_grid({{"a.x", ten}, {"a.y", {1, 2}}});
  REQUIRE(s.values.size() == 20);
  CHECK(s.values[0] == std::vector<double>{0, 1});
  CHECK(s.values[1] == std::vector<double>{0, 2});
  CHECK(s.values[19] == std::vector<double>{9, 2});
  CHECK_NOTHROW(sweep_grid({{"a.x", ten}, {"a.y", ten}, {"a.z", ten}}));  // exactly 1000
  CHECK_THROWS_AS(sweep_grid({{"a.x", ten}, {"a.y", ten}, {"a.z", ten}, {"a.w", {1, 2}}}), RequestError);
  // 1000^7 = 1e21 wrapped modulo 2^64 to a count below the limit and crashed.
  std::vector<std::pair<std::string, std::vector<double>>> axes;
  std::vector<double> thousand;
  for (int i = 0; i < 1000; ++i) thousand.push_back(i);
  for (int k = 0; k < 7; ++k) axes.push_back({"p." + std::to_string(k), thousand});
  CHECK_THROWS_WITH(sweep_grid(axes), Catch::Contains("more than 1000 points"));
  CHECK_THROWS_WITH(sweep_grid({{"a.x", {1, 2}}, {"a.x", {3, 4}}}), Catch::Contains("given twice"));
}

TEST_CASE("a swept run size or seed is refused, naming the flag that sets it too", "[sweep]") {
  ConfigOverrides none, draws;
  draws.draws = 10;
  CHECK_NOTHROW(check_swept_run_settings({"war.intercept.0"}, draws));
  CHECK_THROWS_WITH(check_swept_run_settings({"run.draws"}, draws), Catch::Contains("--set run.draws and --draws both set run.draws"));
  CHECK_THROWS_WITH(check_swept_run_settings({"run.draws"}, none), Catch::Contains("every point of a sweep runs with the same run.draws"));
  CHECK_THROWS_AS(check_swept_run_settings({"run.seed"}, none), RequestError);
  CHECK_THROWS_AS(check_swept_run_settings({"run.trajectories"}, none), RequestError);
}

TEST_CASE("sweep_grid keeps each path's values: the coordinates of the grid, in the order given", "[sweep]") {
  const Sweep s = sweep_grid({{"a.x", {0.8, 0.0, 0.5}}, {"a.y", {1, 2}}});
  CHECK(s.axes == std::vector<std::vector<double>>{{0.8, 0.0, 0.5}, {1, 2}});
}
