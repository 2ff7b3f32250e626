// docs/model.md §14 checks 1-5, run directly on Trajectory with hand-built scenarios. The
// loop's own guarantees (runaway cap, stop flag, determinism, grid invariance, common random
// numbers, arrivals by budget, the pinned fingerprint) are in test_trajectory_guarantees.cpp.
//
// Statistical checks use N = 20000 trajectories and a fixed seed. A closed form is met
// when the observed frequency is within 4 binomial standard errors of it at every grid
// point (for a correct engine each point fails with probability about 6e-5).
#include "escalate/model/logistic.hpp"
#include "escalate/model/phase.hpp"
#include "escalate/model/ladder.hpp"
#include "model_fixtures.hpp"
#include "trajectory_sampling.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cmath>
#include <functional>
#include <thread>
#include <vector>

using namespace escalate;
using namespace escalate::test;

TEST_CASE("check 1: closed form for P(war by t) and P(first clash by t)", "[checks][closed-form]") {
  Scenario s = two_sides(360, 30);
  s.incidents = {{"border", NATO, RUSSIA}};
  Parameters p = neutral(s);
  const double lam = 6.0;
  for (int r = 0; r < RATE_PHASE_COUNT; ++r) p.incidents[0].accidental_rate[r] = lam;
  make_answers_inert(p);
  const double i1 = 0.5, i2 = -0.3, i3 = -1.0;
  p.response.intercept[1] = i1;
  p.response.intercept[2] = i2;
  p.response.intercept[3] = i3;

  const auto T = static_cast<std::size_t>(s.grid_points());
  std::vector<double> war(T, 0), clash(T, 0);
  bool causes_ok = true;
  run_many(s, p, [&](const TrajectoryRecord& r) {
    for (std::size_t g = 0; g < T; ++g) {
      const double t = static_cast<double>(g) * 30.0;
      war[g] += r.max_phase_at_grid[g] >= WAR;
      clash[g] += r.first_clash_day >= 0 && r.first_clash_day <= t;
    }
    if (r.wars > 0) causes_ok &= r.first_war_cause == 0 && r.war_spells[0].trigger == 0;
    if (r.first_clash_day >= 0) causes_ok &= r.first_clash_cause == 0;
  });
  CHECK(causes_ok);
  const double p4 = sigmoid(i1) * sigmoid(i2) * sigmoid(i3), p3 = sigmoid(i1) * sigmoid(i2);
  for (std::size_t g = 0; g < T; ++g) {
    const double t = static_cast<double>(g) * 30.0;
    check_frequency("P(war by t)", t, war[g], N, 1 - std::exp(-lam * p4 * t / 365.0));
    check_frequency("P(first clash by t)", t, clash[g], N, 1 - std::exp(-lam * p3 * t / 365.0));
  }
}

TEST_CASE("check 1: rungs chosen on incidents are multinomial (chi-square)", "[checks][multinomial]") {
  // One injected incident per trajectory, so each trajectory contributes exactly one
  // incident decision: N independent draws from the ladder.
  Scenario s = two_sides(10, 10);
  s.incidents = {{"probe", NATO, RUSSIA}};
  s.injections = {{"probe_now", 0, false}};
  Parameters p = neutral(s);
  const double i[STEP_COUNT] = {0.3, -0.2, 0.5, -0.4};
  for (int r = 0; r < STEP_COUNT; ++r) p.response.intercept[r] = i[r];
  std::vector<double> counts(RUNG_COUNT, 0);
  const auto inject = static_cast<std::size_t>(s.cause_index(BuiltinCause::Inject));
  run_many(s, p, [&](const TrajectoryRecord& r) {
    for (std::size_t k = 0; k < RUNG_COUNT; ++k) counts[k] += static_cast<double>(r.decisions[inject * RUNG_COUNT + k]);
  });
  double chi2 = 0, total = 0, reach = 1.0;
  for (int r = 0; r < RUNG_COUNT; ++r) {
    const double stop = r < STEP_COUNT ? 1 - sigmoid(i[r]) : 1.0;  // sigmoid(i_4) read as 0
    const double expected = N * reach * stop;
    chi2 += (counts[static_cast<std::size_t>(r)] - expected) * (counts[static_cast<std::size_t>(r)] - expected) / expected;
    total += counts[static_cast<std::size_t>(r)];
    if (r < STEP_COUNT) reach *= sigmoid(i[r]);
  }
  CHECK(total == N);
  // 4 degrees of freedom; the 0.999 quantile of chi-square(4) is 18.467.
  INFO("chi-square = " << chi2);
  CHECK(chi2 < 18.467);
}

TEST_CASE("check 2: the calm path is exact", "[checks][calm]") {
  Scenario s = two_sides(1460, 1);
  s.incidents = {{"airspace", NATO, RUSSIA}};
  Parameters p = neutral(s);
  p.model = {3.0, 0.3, 0.6, 1.0, 0.999, 0.01, 0.0};
  for (int r = 0; r < RATE_PHASE_COUNT; ++r) p.incidents[0].accidental_rate[r] = p.incidents[0].deliberate_rate[r] = 1.0;
  p.incidents[0].clarity = 0.0;
  SideParams& nato = p.sides[NATO];
  nato.bias = -1000.0;  // q0 = 0
  nato.fear_gain = 1.0;
  nato.open_mindedness = 0.4;
  nato.initial_belief = 0.9;
  nato.initial_fear = 2.0;
  nato.fear_half_life_days = 95.5;
  p.sides[RUSSIA].initial_belief = 0.01;

  const double l0 = logit(0.9), slope = 0.4 * (3.0 - 1.0) * 1.0 / 365.0;
  const double t_fear = 95.5;                           // 2 * 2^(-t / 95.5) = 1 (fear_deep)
  const double t_deep = (l0 - logit(0.6)) / slope;      // 817.5: belief below belief_deep
  const double t_activated = (l0 - logit(0.3)) / slope; // 1389.06: below belief_activated
  REQUIRE(t_fear < t_deep);
  auto expected_phase = [&](double t) {  // at a crossing instant the quantity is already below
    if (t < t_fear) return DEEP;
    if (t < t_activated) return ACTIVATED;
    return DORMANT;
  };
  Trajectory traj(s);
  traj.prepare(p);
  TrajectoryRecord r;
  std::uint64_t incidents = 0;
  for (int n = 0; n < 50; ++n) {
    traj.run(0, n, SEED, r);
    incidents += r.incidents[0] + r.incidents[1] + r.incidents[2] + r.incidents[3];
    bool path_ok = true;
    for (std::size_t g = 0; g < r.phase_at_grid.size(); ++g) path_ok &= r.phase_at_grid[g] == expected_phase(double(g));
    CHECK(path_ok);
    CHECK(r.max_phase_at_grid.back() == DEEP);
    // Log-odds and fear at the last evaluation point, against the closed forms.
    // Tolerance 1e-9: the state is advanced piecewise through ~10 incidents and 3
    // crossings, each adding a few ulps.
    const double t = traj.last_evaluation_day();
    CHECK(traj.sides()[NATO].logodds == Approx(l0 - slope * t).margin(1e-9));
    CHECK(traj.sides()[NATO].fear == Approx(2.0 * std::exp2(-t / 95.5)).margin(1e-9));
    CHECK(traj.sides()[RUSSIA].logodds == Approx(logit(0.01)).margin(1e-12));
  }
  CHECK(incidents > 100);  // incidents did happen (2 per year over 4 years, 50 runs)
}

TEST_CASE("check 3: the attribution race", "[checks][attribution]") {
  Scenario s = two_sides(60, 60);
  s.incidents = {{"stray_missile", NATO, RUSSIA}};
  s.injections = {{"przewodow", 0, false}};
  Parameters p = neutral(s);
  make_answers_inert(p);
  const double b = 1.5, gamma = 0.5, delta = 1.0 / 3.0, eps = 0.01;
  p.sides[NATO].bias = b;
  p.sides[NATO].decision_delay_days = 1.0 / delta;
  p.incidents[0].clarification = 1.0;
  p.incidents[0].clarification_delay_days = 1.0 / gamma;
  const double i[STEP_COUNT] = {0.0, 0.5, 0.0, -0.5};
  for (int r = 0; r < STEP_COUNT; ++r) p.response.intercept[r] = i[r];
  for (int r = 1; r < STEP_COUNT; ++r) p.response.weight_attribution[r] = 1.0;

  double war = 0, scheduled = 0, before = 0;
  run_many(s, p, [&](const TrajectoryRecord& r) {
    war += r.wars > 0;
    scheduled += static_cast<double>(r.attributions_scheduled);
    before += static_cast<double>(r.attributions_arrived_before_decision);
  });
  auto P4 = [&](double q) {
    double prod = 1;
    for (int r = 1; r < STEP_COUNT; ++r) prod *= sigmoid(i[r] + 1.0 * logit(q));
    return prod;
  };
  const double q0 = sigmoid(b);
  const double expected = gamma / (gamma + delta) * P4(eps) + delta / (gamma + delta) * P4(q0);
  CHECK(scheduled == N);
  check_frequency("P(war)", 60, war, N, expected);
  check_frequency("attributions before their decision", 60, before, N, gamma / (gamma + delta));
}

TEST_CASE("check 4: war ends in a ceasefire or nuclear use", "[checks][war]") {
  Scenario s = two_sides(360, 30);
  s.incidents = {{"clash", NATO, RUSSIA}};
  s.injections = {{"shootdown", 0, true}};
  Parameters p = neutral(s);
  for (int r = 0; r < STEP_COUNT; ++r) p.response.intercept[r] = 1e9;
  const double mu = 2.0, lambda = 1.0;
  p.war = {mu, lambda, 0.0};
  p.sides[RUSSIA].nuclear_warheads = 5000.0;
  const auto T = static_cast<std::size_t>(s.grid_points());
  std::vector<double> nuclear(T, 0), at_war(T, 0);
  bool sides_ok = true;
  run_many(s, p, [&](const TrajectoryRecord& r) {
    for (std::size_t g = 0; g < T; ++g) {
      nuclear[g] += r.max_phase_at_grid[g] == NUCLEAR;
      at_war[g] += r.phase_at_grid[g] == WAR;
    }
    sides_ok &= !r.nuclear || (r.nuclear_side == RUSSIA && r.war_spells.back().nuclear && !r.war_spells.back().censored);
    sides_ok &= r.wars == 1 && r.first_war_day == 0.0 && r.first_war_cause == s.cause_index(BuiltinCause::Inject);
  });
  CHECK(sides_ok);
  const double rate = (lambda + mu) / 365.0;
  for (std::size_t g = 0; g < T; ++g) {
    const double t = static_cast<double>(g) * 30.0;
    check_frequency("P(nuclear by t)", t, nuclear[g], N, lambda / (lambda + mu) * (1 - std::exp(-rate * t)));
    check_frequency("P(at war at t)", t, at_war[g], N, std::exp(-rate * t));
  }
}

TEST_CASE("check 5: a random event", "[checks][random-event]") {
  Scenario s = two_sides(360, 30);
  s.events = {{"regime_change", RUSSIA, true, {}}};
  Parameters p = neutral(s);
  const double h = 2.0;
  p.events[0] = {0.0, h, 0.0, 360.0, 0.0, 40.0};
  const auto T = static_cast<std::size_t>(s.grid_points());
  std::vector<double> activated(T, 0);
  run_many(s, p, [&](const TrajectoryRecord& r) {
    for (std::size_t g = 0; g < T; ++g) activated[g] += r.max_phase_at_grid[g] >= ACTIVATED;
  });
  for (std::size_t g = 0; g < T; ++g) {
    const double t = static_cast<double>(g) * 30.0;
    check_frequency("P(reached activated by t)", t, activated[g], N, 1 - std::exp(-h * t / 365.0));
  }
}

TEST_CASE("check 4: the side that uses first is chosen in proportion to its hazard", "[checks][war]") {
  Scenario s = two_sides(360, 360);
  s.incidents = {{"clash", NATO, RUSSIA}};
  s.injections = {{"shootdown", 0, true}};
  Parameters p = neutral(s);
  for (int r = 0; r < STEP_COUNT; ++r) p.response.intercept[r] = 1e9;
  p.war = {0.0, 365.0, 1.0};
  p.sides[RUSSIA].nuclear_warheads = p.sides[NATO].nuclear_warheads = 5000.0;
  p.sides[NATO].conventional_power = 2.0;  // hazards: russia 2 a day, nato 1/2 a day
  double russia_first = 0, nuclear = 0;
  run_many(s, p, [&](const TrajectoryRecord& r) {
    nuclear += r.nuclear;
    russia_first += r.nuclear_side == RUSSIA;
  });
  CHECK(nuclear == N);
  check_frequency("P(russia uses first)", 360, russia_first, N, 0.8);
}
