// The calibrator's parameters: priors copied from the configs' distributions, the
// forecast's paths then the record's reporting, each window's engine values found by path.
#include "escalate/app/calibration_space.hpp"
#include "escalate/base/error.hpp"
#include "toy_windows.hpp"

#include <catch2/catch.hpp>

using namespace escalate;
using namespace escalate::test;
using K = Distribution::Kind;

TEST_CASE("prior_of gives the sampler the config's distribution (same quantiles)", "[app][calibrate]") {
  const std::vector<Distribution> all = {{K::Uniform, 1, 3, 0},   {K::Normal, 2, 0.5, 0},  {K::Lognormal, 4, 0.3, 0},
                                         {K::Beta, 2, 5, 0},      {K::Triangular, 0, 1, 4}, {K::Gamma, 3, 0.5, 0}};
  for (const Distribution& d : all) {
    const infer::Prior p = app::prior_of(d);
    for (double u : {0.01, 0.2, 0.5, 0.77, 0.99}) {
      INFO(d.text() << " at u = " << u);
      CHECK(p.quantile(u) == Approx(d.quantile(u)).epsilon(1e-9));
    }
  }
}

TEST_CASE("calibration_space_of: forecast paths, then reporting in file order, found by path in each window",
          "[app][calibrate]") {
  const Distribution rate{K::Gamma, 2, 0.5, 0}, war{K::Lognormal, 0.1, 0.5, 0};
  const Config forecast = toy_config({{"rate", rate}, {"war", war}});
  Record record;
  record.path = "record.toml";
  RecordWindow first = toy_window("first", toy_config({{"war", war}, {"rate", rate}}), 3);
  // beta: all rungs fixed at 0.5, then rung 2 uncertain; alpha: all rungs uncertain.
  first.reporting.push_back({"reporting.first.beta", 1, -1, 0.5, std::nullopt, 10});
  first.reporting.push_back({"reporting.first.beta.countermeasure", 1, 2, std::nullopt, Distribution{K::Beta, 1, 1, 0}, 11});
  first.reporting.push_back({"reporting.first.alpha", 0, -1, std::nullopt, Distribution{K::Beta, 2, 8, 0}, 12});
  record.windows.push_back(first);
  record.windows.push_back(toy_window("second", forecast, 2));

  const app::CalibrationSpace space = app::calibration_space_of(forecast, record);
  REQUIRE(space.parameters.size() == 4);
  CHECK(space.engine_parameters == 2);
  CHECK(space.parameters[0].name == "rate");
  CHECK(space.parameters[1].name == "war");
  CHECK(space.parameters[2].name == "reporting.first.beta.countermeasure");
  CHECK(space.parameters[3].name == "reporting.first.alpha");
  CHECK(space.parameters[3].prior.kind == infer::Prior::Kind::Beta);

  const std::vector<double> theta = {3.0, 0.2, 0.25, 0.75};
  CHECK(space.engine_values(0, theta) == std::vector<double>{0.2, 3.0});  // the window lists war first
  CHECK(space.engine_values(1, theta) == std::vector<double>{3.0, 0.2});
  const app::WindowReporting& r = space.reporting[0];
  CHECK(r.probability(1, 0, theta) == 0.5);
  CHECK(r.probability(1, 2, theta) == 0.25);  // the per-rung entry overrides the type's
  CHECK(r.probability(1, 4, theta) == 0.5);
  CHECK(r.probability(0, 3, theta) == 0.75);
  CHECK(space.reporting[1].probability(0, 1, theta) == 1.0);  // no reporting given: always recorded
}

TEST_CASE("calibration_space_of: a window's own parameters are window.<name>.<path>, before the reporting",
          "[app][calibrate]") {
  const Distribution rate{K::Gamma, 2, 0.5, 0}, other{K::Gamma, 3, 0.5, 0};
  Record record;
  record.path = "record.toml";
  // extra.path: the forecast lacks it; rate: another distribution than the forecast's.
  RecordWindow w = toy_window("w", toy_config({{"extra.path", rate}, {"rate", other}}), 2);
  w.reporting.push_back({"reporting.w.alpha", 0, -1, std::nullopt, Distribution{K::Beta, 2, 8, 0}, 3});
  record.windows.push_back(w);
  const app::CalibrationSpace space = app::calibration_space_of(toy_config({{"rate", rate}}), record);
  REQUIRE(space.parameters.size() == 4);
  CHECK(space.parameters[0].name == "rate");
  CHECK(space.parameters[1].name == "window.w.extra.path");
  CHECK(space.parameters[2].name == "window.w.rate");
  CHECK(space.parameters[2].prior.a == 3);
  CHECK(space.parameters[3].name == "reporting.w.alpha");
  CHECK(space.engine_values(0, std::vector<double>{1, 2, 3, 0.5}) == std::vector<double>{2, 3});
  CHECK(space.reporting[0].probability(0, 4, std::vector<double>{1, 2, 3, 0.5}) == 0.5);
}

TEST_CASE("calibration_space_of refuses a window type the forecast lacks, naming it", "[app][calibrate]") {
  Config window_config = toy_config({});
  window_config.scenario.incidents[1].name = "gamma";
  Record record;
  record.path = "record.toml";
  record.windows.push_back(toy_window("w", window_config, 2));
  CHECK_THROWS_WITH(app::calibration_space_of(toy_config({}), record),
                    Catch::Contains("record.toml") && Catch::Contains("gamma"));
}
