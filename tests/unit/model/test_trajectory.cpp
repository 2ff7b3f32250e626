// Deterministic behaviour of one trajectory (docs/model.md §2-§10) in hand-built worlds where
// the outcome can be worked out by hand.
#include "escalate/model/belief.hpp"
#include "escalate/model/ladder.hpp"
#include "escalate/model/logistic.hpp"
#include "escalate/model/phase.hpp"
#include "model_fixtures.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstddef>

using namespace escalate;
using namespace escalate::test;

namespace {
std::size_t at(const Scenario& s, BuiltinCause cause, int rung) {
  return static_cast<std::size_t>(s.cause_index(cause)) * RUNG_COUNT + static_cast<std::size_t>(rung);
}
}  // namespace

TEST_CASE("an initial acquired intent survives t = 0 only if initial_fear >= revert_threshold", "[trajectory]") {
  Scenario s = two_sides(20, 1);
  Parameters p = neutral(s);
  SideParams& russia = p.sides[RUSSIA];
  russia.initial_offensive_probability = 1.0;
  russia.flip_threshold = 5.0;
  russia.revert_threshold = 1.0;
  russia.fear_half_life_days = 10.0;

  SECTION("above: spiral until fear falls below revert, exactly at t = 10 log2(2) = 10") {
    russia.initial_fear = 2.0;
    TrajectoryRecord r = run_one(s, p, 0, 0);
    for (std::size_t g = 0; g < 10; ++g) CHECK(r.phase_at_grid[g] == SPIRAL);
    for (std::size_t g = 10; g <= 20; ++g) CHECK(r.phase_at_grid[g] == DORMANT);  // at the crossing: below
    CHECK(r.max_phase_at_grid[20] == SPIRAL);
    CHECK(r.first_spiral_cause == s.cause_index(BuiltinCause::Initial));
    CHECK(r.first_spiral_day == 0.0);
    CHECK(r.evaluations == 2);  // the initial state and the crossing
  }
  SECTION("below: reverts at t = 0") {
    russia.initial_fear = 0.5;
    TrajectoryRecord r = run_one(s, p, 0, 0);
    CHECK(r.max_phase_at_grid[20] == DORMANT);
    CHECK(r.first_spiral_cause == -1);
  }
  SECTION("exactly at revert: survives the t = 0 evaluation, reverts at once") {
    russia.initial_fear = 1.0;
    TrajectoryRecord r = run_one(s, p, 0, 0);
    CHECK(r.phase_at_grid[0] == DORMANT);
    CHECK(r.max_phase_at_grid[0] == SPIRAL);
  }
}

TEST_CASE("fear falling below fear_deep ends the deep phase at the exact instant", "[trajectory]") {
  Scenario s = two_sides(30, 1);
  Parameters p = neutral(s);
  p.model.belief_deep = 0.6;
  p.model.fear_deep = 1.0;
  p.sides[NATO].initial_belief = 0.7;
  p.sides[NATO].initial_fear = 4.0;
  p.sides[NATO].fear_half_life_days = 10.0;  // 4 -> 1 in 20 days
  TrajectoryRecord r = run_one(s, p, 0, 0);
  for (std::size_t g = 0; g < 20; ++g) CHECK(r.phase_at_grid[g] == DEEP);
  for (std::size_t g = 20; g <= 30; ++g) CHECK(r.phase_at_grid[g] == ACTIVATED);
}

TEST_CASE("a trajectory replaces the first reading when the attribution arrives", "[trajectory]") {
  Scenario s = two_sides(10, 10);
  s.incidents = {{"stray_missile", NATO, RUSSIA}};
  s.injections = {{"przewodow", 0, false}};
  Parameters p = neutral(s);
  p.model.offensive_multiplier = 3.0;
  SideParams& nato = p.sides[NATO];
  nato.bias = std::log(4.0);  // pi = 1/2, clarity 0: q0 = sigmoid(ln 4) = 0.8
  nato.fear_gain = 1.0;
  nato.fear_half_life_days = 1e300;  // no decay: the numbers stay as computed
  p.injects[0].severity = 2.0;
  p.response.intercept[0] = 0.0;
  p.response.weight_attribution[0] = 1000.0;  // step 0 taken iff q > 1/2
  const double l0 = logit(0.1), q0 = 0.8, qc = 0.01;
  Trajectory t(s);
  TrajectoryRecord r;

  SECTION("attribution at once (delay 0): it comes before the decision, which uses qc") {
    p.incidents[0].clarification = 1.0;
    t.prepare(p);
    t.run(0, 0, SEED, r);
    // Tolerance 1e-12: two Jeffrey increments and a few products.
    CHECK(t.sides()[NATO].logodds == Approx(l0 + jeffrey_increment(l0, qc, 3.0)).margin(1e-12));
    CHECK(t.sides()[NATO].fear == Approx(2.0 * qc).margin(1e-12));
    CHECK(r.decisions[at(s, BuiltinCause::Inject, NONE)] == 1);
    CHECK(r.attributions_scheduled == 1);
    CHECK(r.attributions_arrived == 1);
    CHECK(r.attributions_arrived_before_decision == 1);
    CHECK(r.incidents[0] == 1);  // type 0, phase dormant
  }
  SECTION("no attribution: the decision uses q0") {
    t.prepare(p);
    t.run(0, 0, SEED, r);
    CHECK(t.sides()[NATO].logodds == Approx(l0 + jeffrey_increment(l0, q0, 3.0)).margin(1e-12));
    CHECK(t.sides()[NATO].fear == Approx(2.0 * q0).margin(1e-12));
    CHECK(r.decisions[at(s, BuiltinCause::Inject, PROTEST)] == 1);
    CHECK(r.attributions_scheduled == 0);
  }
  SECTION("a wrong attribution: deliberate, read as 1 - max(eps, error)") {
    p.incidents[0].clarification = 1.0;
    p.incidents[0].attribution_error = 0.5 - 1e-12;  // uniform < error: wrong about half the time
    t.prepare(p);
    int wrong = 0;
    for (int n = 0; n < 40; ++n) {
      t.run(0, n, SEED, r);
      const bool read_deliberate = r.decisions[at(s, BuiltinCause::Inject, PROTEST)] == 1;
      const double qa = read_deliberate ? 0.5 + 1e-12 : 0.5 - 1e-12;
      wrong += read_deliberate;
      CHECK(t.sides()[NATO].fear == Approx(2.0 * qa).margin(1e-9));
    }
    CHECK(wrong > 5);
    CHECK(wrong < 35);
  }
}

TEST_CASE("a war raises fear and belief, drops pending items, ignores injections", "[trajectory]") {
  Scenario s = two_sides(30, 1);
  s.incidents = {{"shootdown", NATO, RUSSIA}};
  s.injections = {{"first", 0, true}, {"second", 0, true}};
  Parameters p = neutral(s);
  p.injects[1].day = 5.0;
  for (int r = 0; r < STEP_COUNT; ++r) p.response.intercept[r] = 1e9;
  p.incidents[0].clarification = 1.0;
  p.incidents[0].clarification_delay_days = 1000.0;  // would arrive long after the war starts
  p.sides[NATO].decision_delay_days = 0.0;
  p.sides[RUSSIA].flip_threshold = 4.0;
  p.sides[NATO].flip_threshold = 3.0;
  Trajectory t(s);
  t.prepare(p);
  TrajectoryRecord r;
  t.run(0, 0, SEED, r);
  CHECK(r.wars == 1);
  CHECK(r.first_war_day == 0.0);
  CHECK(r.first_war_cause == s.cause_index(BuiltinCause::Inject));
  CHECK(r.first_clash_day == 0.0);
  CHECK(r.first_clash_cause == s.cause_index(BuiltinCause::Inject));
  CHECK(r.first_spiral_cause == s.cause_index(BuiltinCause::Inject));
  CHECK(r.injections_ignored == 1);
  CHECK(r.attributions_scheduled == 1);
  CHECK(r.attributions_arrived == 0);
  REQUIRE(r.war_spells.size() == 1);
  CHECK(r.war_spells[0].censored);
  CHECK(r.war_spells[0].days == 30.0);
  for (std::uint8_t ph : r.phase_at_grid) CHECK(ph == WAR);
  CHECK(t.sides()[RUSSIA].fear == 4.0);
  CHECK(t.sides()[NATO].fear == 3.0);
  CHECK(t.sides()[RUSSIA].logodds == logit(0.999));
  CHECK(t.sides()[NATO].logodds == logit(0.999));
}

TEST_CASE("a limited strike arrives at once and is the first clash", "[trajectory]") {
  Scenario s = two_sides(10, 10);
  s.incidents = {{"launch_site", NATO, RUSSIA}};
  s.injections = {{"attack", 0, true}};
  Parameters p = neutral(s);
  make_answers_inert(p);  // russia does not answer the strike
  p.response.intercept[1] = p.response.intercept[2] = 1e9;
  p.response.intercept[3] = -1e9;
  TrajectoryRecord r = run_one(s, p, 0, 0);
  CHECK(r.decisions[at(s, BuiltinCause::Inject, LIMITED_STRIKE)] == 1);
  CHECK(r.strikes == 1);
  CHECK(r.decisions[at(s, BuiltinCause::Strike, NONE)] == 1);
  CHECK(r.first_clash_day == 0.0);
  CHECK(r.first_clash_cause == s.cause_index(BuiltinCause::Inject));
  CHECK(r.wars == 0);
  CHECK(r.act_offspring_denominator == 1);
  CHECK(r.act_offspring_numerator == 0);
}

TEST_CASE("countermeasures arrive after their delay and are answered", "[trajectory]") {
  Scenario s = two_sides(400, 400);
  s.incidents = {{"probe", NATO, RUSSIA}};
  s.injections = {{"probe_now", 0, true}};
  Parameters p = neutral(s);
  p.response.intercept[0] = p.response.intercept[1] = 1e9;  // every decision: countermeasure
  p.response.countermeasure_delay_days = 100.0;
  p.sides[RUSSIA].decision_delay_days = p.sides[NATO].decision_delay_days = 0.0;
  TrajectoryRecord r = run_one(s, p, 0, 0);
  // A chain of countermeasures every Exp(mean 100) days: a handful by day 400.
  CHECK(r.countermeasures >= 1);
  CHECK(r.decisions[at(s, BuiltinCause::Countermeasure, COUNTERMEASURE)] == r.countermeasures);
  CHECK(r.act_offspring_numerator == r.countermeasures);
  CHECK(r.act_offspring_denominator == r.countermeasures);
}

TEST_CASE("an event's set lasts for the rest of the trajectory", "[trajectory]") {
  Scenario s = two_sides(30, 1);
  s.incidents = {{"probe", NATO, RUSSIA}};
  s.injections = {{"early", 0, false}, {"late", 0, false}};
  EventSpec hawks{"hawks", -1, false, {}};
  for (int r = 0; r < STEP_COUNT; ++r)  // `response.intercept` without an index: one entry per element
    hawks.sets.push_back({"response.intercept." + std::to_string(r), {Section::Response, 0, offsetof(ResponseParams, intercept), r}});
  s.events = {hawks};
  Parameters p = neutral(s);
  p.injects[0].day = 5.0;
  p.injects[1].day = 20.0;
  p.events[0].day = 10.0;
  p.event_sets[0] = {1e9, 1e9, 1e9, 1e9};
  Trajectory t(s);
  t.prepare(p);
  TrajectoryRecord r;
  for (int n = 0; n < 3; ++n) {  // the same on every run: the set is undone between runs
    t.run(0, n, SEED, r);
    CHECK(r.decisions[at(s, BuiltinCause::Inject, NONE)] == 1);
    CHECK(r.decisions[at(s, BuiltinCause::Inject, WAR_RUNG)] == 1);
    CHECK(r.first_war_day == 20.0);
    CHECK(r.phase_at_grid[19] == DORMANT);
    CHECK(r.phase_at_grid[20] == WAR);
  }
}

TEST_CASE("events and injections after the horizon are ignored", "[trajectory]") {
  Scenario s = two_sides(30, 1);
  s.incidents = {{"probe", NATO, RUSSIA}};
  s.injections = {{"later", 0, false}};
  s.events = {{"wake_up", RUSSIA, false, {}}};
  Parameters p = neutral(s);
  p.injects[0].day = 31.0;
  p.events[0] = {30.5, 0.0, 0.0, 30.0, 0.0, 40.0};
  TrajectoryRecord r = run_one(s, p, 0, 0);
  CHECK(r.evaluations == 1);
  CHECK(r.max_phase_at_grid.back() == DORMANT);
  p.events[0].day = 30.0;  // on the horizon: happens, before the last grid point
  r = run_one(s, p, 0, 0);
  CHECK(r.phase_at_grid[29] == DORMANT);
  CHECK(r.phase_at_grid[30] == ACTIVATED);
}

TEST_CASE("reassurance: windows, credibility and effects (docs/model.md 10)", "[trajectory]") {
  Scenario s = two_sides(300, 300);
  s.signals = {{"dialogue", RUSSIA}};
  Parameters p = neutral(s);
  p.reassurance[0] = {3650.0, 10.0, 0.001, 100.0, 200.0};  // 10 a day in the window
  p.sides[NATO].open_mindedness = 0.005;
  p.sides[NATO].initial_belief = 0.5;
  p.sides[NATO].initial_fear = 5.0;
  p.sides[NATO].fear_half_life_days = 1e300;
  Trajectory t(s);
  TrajectoryRecord r;

  SECTION("a benign sender: about 1000 signals, each lowering nato's log-odds by 0.005 ln 10") {
    t.prepare(p);
    t.run(0, 0, SEED, r);
    CHECK(std::abs(double(r.signals) - 1000.0) < 4 * std::sqrt(1000.0));  // Poisson, 4 sd
    const double expected_l = -0.005 * std::log(10.0) * double(r.signals);
    CHECK(t.sides()[NATO].logodds == Approx(expected_l).margin(1e-9));  // sum of ~1000 steps
    CHECK(t.sides()[NATO].fear == Approx(std::max(0.0, 5.0 - 0.001 * double(r.signals))).margin(1e-9));
    CHECK(r.signals == r.evaluations - 1);
    CHECK(t.last_evaluation_day() >= 100.0);
    CHECK(t.last_evaluation_day() < 200.0);
  }
  SECTION("an offensive sender emits at rate / credibility: about 100") {
    p.sides[RUSSIA].innate_offensive_prior = 1.0;
    t.prepare(p);
    t.run(0, 0, SEED, r);
    CHECK(std::abs(double(r.signals) - 100.0) < 4 * std::sqrt(100.0));
  }
  SECTION("a window after the horizon: nothing") {
    p.reassurance[0].start_day = 400.0;
    p.reassurance[0].end_day = 500.0;
    t.prepare(p);
    t.run(0, 0, SEED, r);
    CHECK(r.signals == 0);
  }
}

TEST_CASE("nuclear use ends the history and records the side", "[trajectory]") {
  Scenario s = two_sides(360, 30);
  s.incidents = {{"shootdown", NATO, RUSSIA}};
  s.injections = {{"now", 0, true}};
  Parameters p = neutral(s);
  for (int r = 0; r < STEP_COUNT; ++r) p.response.intercept[r] = 1e9;
  p.war = {0.0, 365.0, 2.0};
  p.sides[NATO].nuclear_warheads = 100.0;  // only nato has warheads
  p.sides[NATO].conventional_power = 2.0;
  TrajectoryRecord r = run_one(s, p, 0, 0);
  CHECK(r.nuclear);
  CHECK(r.nuclear_side == NATO);
  CHECK(r.nuclear_day > 0.0);
  CHECK(r.nuclear_day < 30.0);  // hazard (1/2)^2 per day: mean 4 days
  REQUIRE(r.war_spells.size() == 1);
  CHECK(r.war_spells[0].nuclear);
  CHECK_FALSE(r.war_spells[0].censored);
  CHECK(r.war_spells[0].days == r.nuclear_day);
  for (std::size_t g = 1; g < r.phase_at_grid.size(); ++g) CHECK(r.phase_at_grid[g] == NUCLEAR);
}

TEST_CASE("after a ceasefire the phase follows docs/model.md 3 and a new war can start", "[trajectory]") {
  Scenario s = two_sides(360, 30);
  s.incidents = {{"shootdown", NATO, RUSSIA}};
  s.injections = {{"first", 0, true}, {"second", 0, true}};
  Parameters p = neutral(s);
  for (int r = 0; r < STEP_COUNT; ++r) p.response.intercept[r] = 1e9;
  p.war = {3650.0, 0.0, 0.0};  // a ceasefire within days
  p.injects[1].day = 200.0;
  p.model.belief_flip = 0.7;
  TrajectoryRecord r = run_one(s, p, 0, 0);
  CHECK(r.wars == 2);
  CHECK(r.ceasefires == 2);
  CHECK(r.injections_ignored == 0);
  REQUIRE(r.war_spells.size() == 2);
  CHECK(r.war_spells[1].start_day == 200.0);
  CHECK_FALSE(r.war_spells[0].censored);
  CHECK(r.phase_at_grid[3] == SPIRAL);  // day 90: fear and belief left at the flip thresholds
}
