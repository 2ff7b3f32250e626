#include "escalate/output/sweep.hpp"

#include "escalate/base/error.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace escalate;

TEST_CASE("sweep values and ranges are read strictly", "[sweep]") {
  CHECK(parse_sweep_spec("war.intercept.0=0.2,0.5,0.8").second == std::vector<double>{0.2, 0.5, 0.8});
  CHECK(parse_sweep_spec("restraint.institutions=0:1:3").second == std::vector<double>{0, 0.5, 1});
  CHECK(parse_sweep_spec("a.b=-1e-3,2").second == std::vector<double>{-1e-3, 2});
  // Each of these was read as 0 (an empty item or bound) or leniently by std::stod.
  for (const char* spec : {"a.b=0.2,,0.8", "a.b=,0.8", "a.b=0.8,", "a.b=:0.8:3", "a.b=0.2::3", "a.b=0.2:0.8:",
                           "a.b= 0.5", "a.b=0.5 ", "a.b=+0.5", "a.b=0x1p3", "a.b=nan", "a.b=inf", "a.b=1e999",
                           "a.b=0.5abc", "a.b=1,2,1", "a.b=0.5:0.5:3", "a.b=0:1:2.5", "a.b=0:1:1", "a.b=0:1:1001",
                           "a.b=-1e308:1e308:3", "a.b=1:2:3:4", "=1,2", "a.b=", "a.b"}) {
    INFO(spec);
    CHECK_THROWS_AS(parse_sweep_spec(spec), UsageError);
  }
  CHECK_THROWS_WITH(parse_sweep_spec("a.b=0.2,,0.8"), Catch::Contains("value 2 is empty"));
  CHECK_THROWS_WITH(parse_sweep_spec("a.b=:0.8:3"), Catch::Contains("the lower bound is empty"));
}

TEST_CASE("a long --set path is refused at once, its echo cut", "[sweep]") {
  std::string path;
  for (int i = 0; i < 50000; ++i) path += "a.";
  std::string message;
  try {
    parse_sweep_spec(path + "x=1,2");
  } catch (const UsageError& e) {
    message = e.what();
  }
  CHECK(message.find("bytes long") != std::string::npos);
  CHECK(message.size() < 400);
  // The limit is checked before the path is split or walked (a 100 KB path took 64 s).
  CHECK_NOTHROW(parse_sweep_spec(std::string(MAX_SWEEP_PATH_BYTES, 'a') + "=1,2"));
  CHECK_THROWS_AS(parse_sweep_spec(std::string(MAX_SWEEP_PATH_BYTES + 1, 'a') + "=1,2"), UsageError);
}

TEST_CASE("the grid's point count is checked without overflow", "[sweep]") {
  std::vector<double> ten = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
  const Sweep s = sweep_grid({{"a.x", ten}, {"a.y", {1, 2}}});
  REQUIRE(s.values.size() == 20);
  CHECK(s.values[0] == std::vector<double>{0, 1});
  CHECK(s.values[1] == std::vector<double>{0, 2});
  CHECK(s.values[19] == std::vector<double>{9, 2});
  CHECK_NOTHROW(sweep_grid({{"a.x", ten}, {"a.y", ten}, {"a.z", ten}}));  // exactly 1000
  CHECK_THROWS_AS(sweep_grid({{"a.x", ten}, {"a.y", ten}, {"a.z", ten}, {"a.w", {1, 2}}}), UsageError);
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
  CHECK_THROWS_AS(check_swept_run_settings({"run.seed"}, none), UsageError);
  CHECK_THROWS_AS(check_swept_run_settings({"run.trajectories"}, none), UsageError);
}

TEST_CASE("each swept path names a netCDF dimension that is a Python identifier", "[sweep]") {
  CHECK(sweep_dimension_names({"restraint.institutions"}) == std::vector<std::string>{"restraint_institutions"});
  CHECK(sweep_dimension_names({"ladder.war.intercept.0"}) == std::vector<std::string>{"ladder_war_intercept_0"});
  CHECK(sweep_dimension_names({"incident.stray-missile.rate"}) == std::vector<std::string>{"incident_stray_missile_rate"});
  CHECK(sweep_dimension_names({"0.x"}) == std::vector<std::string>{"_0_x"});
  // Two paths that would share a name, and a name the group already has, get '_' appended.
  CHECK(sweep_dimension_names({"a.b-c", "a.b_c", "a-b.c"}) == std::vector<std::string>{"a_b_c", "a_b_c_", "a_b_c__"});
  CHECK(sweep_dimension_names({"grid.point"}) == std::vector<std::string>{"grid_point_"});
  for (const auto& name : sweep_dimension_names({"event.x y.set.\xC3\xA9\n.1"})) {
    for (char c : name) CHECK(((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'));
  }
  // sweep_grid keeps each path's values: the coordinates of the grid, in the order given.
  const Sweep s = sweep_grid({{"a.x", {0.8, 0.0, 0.5}}, {"a.y", {1, 2}}});
  CHECK(s.axes == std::vector<std::vector<double>>{{0.8, 0.0, 0.5}, {1, 2}});
}
