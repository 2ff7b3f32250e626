// Thinning a trajectory by the reporting probabilities.
#include "escalate/app/recorded_trajectory.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace escalate;

namespace {

// 2 types, 3 periods: type 0 has 10 incidents per period at each slot (60 a period),
// plus 6 outside the periods (one per slot); type 1 none.
WindowObservation busy_observation() {
  WindowObservation o;
  o.types = 2, o.periods = 3;
  o.incidents.assign(2 * 3 * 6, 0);
  o.window_incidents.assign(2 * 6, 0);
  for (std::size_t p = 0; p < 3; ++p)
    for (std::size_t s = 0; s < 6; ++s) o.incidents[(0 * 3 + p) * 6 + s] = 10;
  for (std::size_t s = 0; s < 6; ++s) o.window_incidents[s] = 31;
  o.wars = 2, o.limited_strikes = 3, o.countermeasures = 4;
  return o;
}

app::WindowReporting reporting_all(double p) {
  app::WindowReporting r;
  r.by_type.resize(2);
  for (auto& rungs : r.by_type) rungs.fill({p, -1});
  return r;
}

}  // namespace

TEST_CASE("thin with probability 1 records everything, and never decided counts as none", "[app][calibrate]") {
  infer::InferStream stream({1, 0, 0, 0}, infer::StreamPurpose::Likelihood, 1);
  const app::RecordedTrajectory r = app::thin(busy_observation(), reporting_all(1.0), {}, stream);
  for (std::size_t p = 0; p < 3; ++p) CHECK(r.count(0, p) == 60);
  CHECK(r.count(1, 0) == 0);
  CHECK(r.answer(0, 0) == 62);  // 31 none + 31 never decided
  for (std::size_t rung = 1; rung < 5; ++rung) CHECK(r.answer(0, rung) == 31);
  CHECK((r.wars == 2 && r.limited_strikes == 3 && r.countermeasures == 4));
}

TEST_CASE("thin with probability 0 records nothing and draws no random number", "[app][calibrate]") {
  infer::InferStream a({1, 0, 0, 0}, infer::StreamPurpose::Likelihood, 1), b = a;
  const app::RecordedTrajectory r = app::thin(busy_observation(), reporting_all(0.0), {}, a);
  for (std::size_t p = 0; p < 3; ++p) CHECK(r.count(0, p) == 0);
  CHECK(a() == b());
}

TEST_CASE("thin keeps a binomial share, by rung, reproducibly from the stream", "[app][calibrate]") {
  app::WindowReporting rep = reporting_all(1.0);
  rep.by_type[0].fill({0.3, -1});
  rep.by_type[0][2] = {0.0, 1};  // countermeasure answers: theta[1] = 0.9
  const std::vector<double> theta = {0.0, 0.9};
  std::int64_t kept = 0, protests = 0, counters = 0;
  const int reps = 400;
  infer::InferStream stream({7, 0, 0, 0}, infer::StreamPurpose::Likelihood, 1);
  for (int i = 0; i < reps; ++i) {
    const app::RecordedTrajectory r = app::thin(busy_observation(), rep, theta, stream);
    for (std::size_t p = 0; p < 3; ++p) kept += r.count(0, p);
    protests += r.answer(0, 1);
    counters += r.answer(0, 2);
  }
  // Per trajectory: 150 incidents at p = 0.3 and 30 at 0.9 in the periods: mean 72, and
  // 31 protests at 0.3 (9.3), 31 countermeasures at 0.9 (27.9). Binomial sds over 400
  // trajectories: 0.30, 0.13, 0.08; allow 4 sds.
  CHECK(std::abs(static_cast<double>(kept) / reps - 72.0) < 4 * std::sqrt((150 * 0.21 + 30 * 0.09) / reps));
  CHECK(std::abs(static_cast<double>(protests) / reps - 9.3) < 4 * std::sqrt(31 * 0.21 / reps));
  CHECK(std::abs(static_cast<double>(counters) / reps - 27.9) < 4 * std::sqrt(31 * 0.09 / reps));

  infer::InferStream s1({7, 1, 2, 3}, infer::StreamPurpose::Likelihood, 1), s2 = s1, s3({8, 1, 2, 3}, infer::StreamPurpose::Likelihood, 1);
  const auto r1 = app::thin(busy_observation(), rep, theta, s1), r2 = app::thin(busy_observation(), rep, theta, s2),
             r3 = app::thin(busy_observation(), rep, theta, s3);
  CHECK(r1.counts == r2.counts);
  CHECK(r1.answers == r2.answers);
  CHECK(r1.counts != r3.counts);
}

TEST_CASE("thin refuses window totals below the period counts", "[app][calibrate]") {
  WindowObservation o = busy_observation();
  o.window_incidents[3] = 29;
  infer::InferStream stream({1, 0, 0, 0}, infer::StreamPurpose::Likelihood, 1);
  CHECK_THROWS_AS(app::thin(o, reporting_all(1.0), {}, stream), std::logic_error);
}
