// The posterior predictive check: bands, randomised PITs, outliers, misfits.
#include "escalate/app/predictive_check.hpp"
#include "toy_windows.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace escalate;
using namespace escalate::test;
using K = Distribution::Kind;

namespace {

app::CheckSpec spec_observing(std::int64_t low, std::int64_t high) {
  app::CheckSpec s;
  s.observation = "w/counts/alpha/2014";
  s.observed = ObservedRange{low, high};
  return s;
}

}  // namespace

TEST_CASE("check_row: median, 90% band and randomised PIT of discrete draws", "[app][calibrate]") {
  const std::vector<double> draws = {4, 0, 3, 1, 2, 2, 1, 3, 0, 4};  // two of each of 0..4
  const PosteriorCheckRow row = app::check_row(spec_observing(2, 2), draws, 0.25);
  CHECK(row.median == 2);
  CHECK(row.low == 0);
  CHECK(row.high == 4);
  CHECK(row.pit == Approx((4 + 0.25 * 2) / 10.0));  // F(1) = 0.4, F(2) = 0.6
  CHECK_FALSE(row.outlier);
  CHECK(row.observed_text == "2");
  // An interval spreads u over its values: F(0) = 0.2, F(2) = 0.6.
  const PosteriorCheckRow interval = app::check_row(spec_observing(1, 2), draws, 0.5);
  CHECK(interval.pit == Approx(0.4));
  CHECK(interval.observed_text == "[1, 2]");
  // Beyond every draw: PIT 1, an outlier, and the misfit says how far.
  const PosteriorCheckRow far = app::check_row(spec_observing(10, 10), draws, 0.5);
  CHECK(far.pit == 1.0);
  CHECK(far.outlier);
  CHECK_THAT(app::misfit_line(far), Catch::Contains("w/counts/alpha/2014: observed 10") && Catch::Contains("6 above the band"));
  // At a value half the draws take, a tiny u gives a tiny PIT but no outlier: the draws reach it.
  const PosteriorCheckRow edge = app::check_row(spec_observing(0, 0), {0, 0, 0, 0, 0, 1, 1, 2, 3, 4}, 0.001);
  CHECK(edge.pit < 0.005);
  CHECK_FALSE(edge.outlier);
  // Below every draw: an outlier whatever u.
  CHECK(app::check_row(spec_observing(0, 0), {1, 1, 2, 3}, 0.999).outlier);
  app::CheckSpec unobserved = spec_observing(0, 0);
  unobserved.observed.reset();
  const PosteriorCheckRow none = app::check_row(unobserved, draws, 0.5);
  CHECK(std::isnan(none.observed));
  CHECK(std::isnan(none.pit));
  CHECK_FALSE(none.outlier);
  CHECK(none.median == 2);
}

TEST_CASE("predictive_check: a row per entry observed or not, misfits listed, the same for any threads", "[app][calibrate]") {
  const Config config = toy_config({{"rate", {K::Gamma, 2, 0.5, 0}}});
  Record record;
  RecordWindow w = toy_window("w", config, 3);
  w.counts[0] = {3, 40, -1};  // 40: far above Poisson(about 3)
  w.wars = ObservedRange{0, 0};
  record.windows.push_back(w);
  app::CalibrationModel model;
  model.space = app::calibration_space_of(config, record);
  model.layouts.push_back(app::SummaryLayout::of(w));
  model.trajectories = 10;
  std::vector<std::vector<double>> draws;
  for (int d = 0; d < 200; ++d) draws.push_back({2.5 + 0.005 * d});
  const auto runners = [] { return std::make_unique<ToyRunner>(3); };
  const app::PredictiveCheck one = app::predictive_check(model, runners, record, draws, 4, 1);
  const app::PredictiveCheck two = app::predictive_check(model, runners, record, draws, 4, 2);
  CHECK(one.predictive == two.predictive);
  // 2 types x 3 periods + 2 types x 5 rungs + 3 outcomes.
  REQUIRE(one.rows.size() == 6 + 10 + 3);
  CHECK(one.predictive.size() == 200 * one.rows.size());
  CHECK(one.rows[1].observation == "w/counts/alpha/2015");
  CHECK(one.rows[1].outlier);
  CHECK(std::isnan(one.rows[2].pit));  // 2016 not observed: predicted all the same
  CHECK(one.rows[2].high > 0);
  CHECK_FALSE(one.rows[0].outlier);
  CHECK(one.rows.back().observation == "w/outcomes/countermeasures");
  REQUIRE(one.misfits.size() == 1);
  CHECK_THAT(one.misfits[0], Catch::StartsWith("w/counts/alpha/2015: observed 40"));
}
