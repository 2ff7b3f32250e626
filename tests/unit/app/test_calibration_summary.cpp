// The summaries of a window and its synthetic log-likelihood.
#include "escalate/app/calibration_summary.hpp"
#include "toy_windows.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>

using namespace escalate;
using namespace escalate::test;

namespace {

app::RecordedTrajectory recorded(std::vector<std::int64_t> alpha_counts, std::int64_t wars = 0) {
  app::RecordedTrajectory t;
  t.types = 2, t.periods = alpha_counts.size();
  t.counts.assign(2 * t.periods, 0);
  for (std::size_t p = 0; p < t.periods; ++p) t.counts[p] = alpha_counts[p];
  t.answers.assign(10, 0);
  t.answers[1] = 2, t.answers[5 + 2] = 3;  // alpha: 2 protests; beta: 3 countermeasures
  t.wars = wars;
  return t;
}

}  // namespace

TEST_CASE("SummaryLayout: totals and later halves of observed periods, pooled answers, exact outcomes", "[app][calibrate]") {
  RecordWindow w = toy_window("w", toy_config({}), 5);
  w.counts[0] = {1, -1, 2, 3, 4};  // observed periods 0, 2, 3, 4: later half = 3, 4
  w.answers[0] = {1, 2, 0, 0, 0};
  w.answers[1] = {0, 1, 1, 0, 0};
  w.wars = ObservedRange{0, 0};
  w.countermeasures = ObservedRange{2, 9};  // an interval: a factor, not a summary
  const app::SummaryLayout layout = app::SummaryLayout::of(w);
  CHECK(layout.names == std::vector<std::string>{"counts/alpha/total", "counts/alpha/later", "answers/none",
                                                 "answers/protest", "answers/countermeasure", "answers/limited_strike",
                                                 "answers/war", "outcomes/wars"});
  CHECK(layout.observed == std::vector<double>{10, 7, 1, 3, 1, 0, 0, 0});
  REQUIRE(layout.intervals.size() == 1);
  CHECK(layout.intervals[0].outcome == app::WindowOutcome::Countermeasures);
  // Period 1 is unobserved in the record: what the trajectory did there is left out.
  CHECK(layout.summarise(recorded({5, 100, 1, 2, 3}, 1)) == std::vector<double>{11, 5, 0, 2, 3, 0, 0, 1});
}

TEST_CASE("A type observed in one period has a total only, and an unobserved window no summary", "[app][calibrate]") {
  RecordWindow w = toy_window("w", toy_config({}), 3);
  w.counts[1] = {-1, 4, -1};
  const app::SummaryLayout one = app::SummaryLayout::of(w);
  CHECK(one.names == std::vector<std::string>{"counts/beta/total"});
  const app::SummaryLayout none = app::SummaryLayout::of(toy_window("w", toy_config({}), 3));
  CHECK(none.size() == 0);
  CHECK(app::window_log_likelihood(none, {recorded({1, 1, 1}), recorded({2, 2, 2})}) == 0.0);
}

TEST_CASE("window_log_likelihood: the Gaussian density with the variance floor, plus each interval factor", "[app][calibrate]") {
  RecordWindow w = toy_window("w", toy_config({}), 1);
  w.counts[0] = {3};
  const app::SummaryLayout layout = app::SummaryLayout::of(w);
  // Simulated totals 1, 2, 3, 6: mean 3, sample variance 14/3; observed 3.
  std::vector<app::RecordedTrajectory> sims = {recorded({1}, 0), recorded({2}, 1), recorded({3}, 2), recorded({6}, 5)};
  const double var = 14.0 / 3.0 + 1.0 / 12.0;
  const double gaussian = -0.5 * std::log(2 * std::numbers::pi * var);
  CHECK(app::window_log_likelihood(layout, sims) == Approx(gaussian).epsilon(1e-12));

  // wars in [1, 2]: 2 of the 4 trajectories, smoothed (2 + 1/2) / (4 + 1).
  w.wars = ObservedRange{1, 2};
  const app::SummaryLayout with_interval = app::SummaryLayout::of(w);
  CHECK(app::window_log_likelihood(with_interval, sims) == Approx(gaussian + std::log(0.5)).epsilon(1e-12));
  // None inside: still finite, (0 + 1/2) / 5.
  w.wars = ObservedRange{10, 20};
  CHECK(app::window_log_likelihood(app::SummaryLayout::of(w), sims) == Approx(gaussian + std::log(0.1)).epsilon(1e-12));
}
