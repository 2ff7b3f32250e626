#pragma once
// Hand-built scenarios and parameters for the model tests (no config files): a neutral
// world in which nothing happens unless a test switches it on.
#include "escalate/model/parameters.hpp"
#include "escalate/model/scenario.hpp"
#include "escalate/model/trajectory.hpp"
#include "escalate/model/trajectory_record.hpp"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>

namespace escalate::test {

inline constexpr int RUSSIA = 0;
inline constexpr int NATO = 1;
inline constexpr std::uint64_t SEED = 20221115;

inline Scenario two_sides(std::int64_t horizon_days, std::int64_t grid_days) {
  Scenario s;
  s.horizon_days = horizon_days;
  s.grid_days = grid_days;
  s.max_events = 1000000;
  s.side_names = {"russia", "nato"};
  s.alliance = NATO;
  return s;
}

inline IncidentParams quiet_incident() {
  IncidentParams ip{};
  ip.severity_median = 1.0;
  return ip;
}

// Parameters for `s`: no drift (m = 1), no fear, no intent, nobody climbs the ladder,
// no war hazards, every listed entry present and inert.
inline Parameters neutral(const Scenario& s) {
  Parameters p;
  p.model = {1.0, 0.5, 0.9, 1e9, 0.999, 0.01, 0.0};
  for (SideParams& side : p.sides) {
    side = SideParams{};
    side.conventional_power = 1.0;
    side.initial_belief = 0.1;
    side.fear_half_life_days = 30.0;
    side.flip_threshold = 1e9;
    side.revert_threshold = 0.0;
  }
  for (int r = 0; r < STEP_COUNT; ++r) p.response.intercept[r] = -1e9;
  p.response.countermeasure_delay_days = 1.0;
  p.response.countermeasure_severity = 1.0;
  p.response.countermeasure_offensiveness = 1.0;
  p.response.countermeasure_hostility = 0.5;
  p.response.strike_offensiveness = 1.0;
  p.response.strike_severity_median = 1.0;
  p.restraint.nuclear_reference = 1.0;
  p.incidents.assign(s.incidents.size(), quiet_incident());
  p.reassurance.assign(s.signals.size(), ReassuranceParams{0.0, 2.0, 0.0, 0.0, static_cast<double>(s.horizon_days)});
  p.events.assign(s.events.size(), EventParams{0.0, 0.0, 0.0, static_cast<double>(s.horizon_days), 0.0, 0.0});
  p.event_sets.clear();
  for (const EventSpec& e : s.events) p.event_sets.emplace_back(e.sets.size(), 0.0);
  p.injects.assign(s.injections.size(), InjectParams{0.0, 1.0});
  return p;
}

// docs/model.md §14's device: incident decisions always take step 0, decisions on
// countermeasures and strikes never do.
inline void make_answers_inert(Parameters& p) {
  for (IncidentParams& ip : p.incidents) {
    ip.severity_median = std::exp(10.0);
    ip.severity_sigma = 0.0;
  }
  for (InjectParams& ij : p.injects) ij.severity = std::exp(10.0);
  p.response.countermeasure_severity = std::exp(-10.0);
  p.response.strike_severity_median = std::exp(-10.0);
  p.response.strike_severity_sigma = 0.0;
  for (int r = 0; r < STEP_COUNT; ++r) p.response.weight_severity[r] = 0.0;
  p.response.weight_severity[0] = 1000.0;
  p.response.intercept[0] = 0.0;
}

inline TrajectoryRecord run_one(const Scenario& s, const Parameters& p, std::int64_t draw, std::int64_t index,
                                std::uint64_t seed = SEED) {
  Trajectory t(s);
  t.prepare(p);
  TrajectoryRecord r;
  t.run(draw, index, seed, r);
  return r;
}

inline std::size_t grid_index_of(const Scenario& s, double day) {
  return static_cast<std::size_t>(day / static_cast<double>(s.grid_days));
}

// Every field of two records, compared exactly.
inline bool same_record(const TrajectoryRecord& a, const TrajectoryRecord& b) {
  auto same_spells = [&] {
    if (a.war_spells.size() != b.war_spells.size()) return false;
    for (std::size_t i = 0; i < a.war_spells.size(); ++i) {
      const WarSpell &x = a.war_spells[i], &y = b.war_spells[i];
      if (x.start_day != y.start_day || x.days != y.days || x.trigger != y.trigger || x.censored != y.censored ||
          x.nuclear != y.nuclear)
        return false;
    }
    return true;
  };
  return a.phase_at_grid == b.phase_at_grid && a.max_phase_at_grid == b.max_phase_at_grid &&
         a.incidents == b.incidents && a.injections_ignored == b.injections_ignored && a.decisions == b.decisions &&
         a.attributions_scheduled == b.attributions_scheduled && a.attributions_arrived == b.attributions_arrived &&
         a.attributions_arrived_before_decision == b.attributions_arrived_before_decision &&
         a.countermeasures == b.countermeasures && a.strikes == b.strikes && a.signals == b.signals &&
         a.wars == b.wars && a.ceasefires == b.ceasefires && a.nuclear == b.nuclear &&
         a.nuclear_side == b.nuclear_side && a.nuclear_day == b.nuclear_day && a.first_war_day == b.first_war_day &&
         a.first_war_cause == b.first_war_cause && same_spells() && a.first_spiral_cause == b.first_spiral_cause &&
         a.first_spiral_day == b.first_spiral_day && a.first_clash_day == b.first_clash_day &&
         a.first_clash_cause == b.first_clash_cause && a.act_offspring_numerator == b.act_offspring_numerator &&
         a.act_offspring_denominator == b.act_offspring_denominator && a.runaway == b.runaway &&
         a.evaluations == b.evaluations && a.stopped == b.stopped;
}

// A world where everything is switched on (used where the exact dynamics do not matter:
// determinism, grid invariance): two incident types with attribution, a reassurance
// window, a fixed event and a random event that `set` parameters, an injection, war
// hazards, crossings.
inline Scenario rich_scenario(std::int64_t grid_days) {
  Scenario s = two_sides(360, grid_days);
  s.max_events = 100000;
  s.incidents = {{"airspace", NATO, RUSSIA}, {"sabotage", RUSSIA, NATO}};
  s.signals = {{"dialogue", RUSSIA}};
  EventSpec mobilisation{"mobilisation", RUSSIA, false, {}};
  mobilisation.sets.push_back({"sides.nato.decision_delay_days", {Section::Side, NATO, offsetof(SideParams, decision_delay_days), 0}});
  for (int r = 0; r < STEP_COUNT; ++r)
    mobilisation.sets.push_back({"response.intercept." + std::to_string(r), {Section::Response, 0, offsetof(ResponseParams, intercept), r}});
  EventSpec truce{"truce", NATO, true, {}};
  truce.sets.push_back({"war.ceasefire_rate_per_year", {Section::War, 0, offsetof(WarParams, ceasefire_rate_per_year), 0}});
  for (int r = 0; r < RATE_PHASE_COUNT; ++r)
    truce.sets.push_back({"incident.airspace.deliberate_rate." + std::to_string(r), {Section::Incident, 0, offsetof(IncidentParams, deliberate_rate), r}});
  s.events = {mobilisation, truce};
  s.injections = {{"przewodow", 0, false}};
  return s;
}

inline Parameters rich_parameters(const Scenario& s) {
  Parameters p = neutral(s);
  p.model = {3.0, 0.3, 0.6, 1.0, 0.7, 0.01, 0.1};
  for (int i = 0; i < 2; ++i) {
    SideParams& side = p.sides[static_cast<std::size_t>(i)];
    side.conventional_power = i == RUSSIA ? 1.0 : 3.0;
    side.nuclear_warheads = 5000.0;
    side.innate_offensive_prior = 0.05;
    side.initial_offensive_probability = 0.1;
    side.initial_belief = i == RUSSIA ? 0.4 : 0.3;
    side.initial_fear = 0.5;
    side.fear_gain = 1.0;
    side.fear_half_life_days = 60.0;
    side.flip_threshold = 2.0;
    side.revert_threshold = 1.0;
    side.bias = 0.3;
    side.perception_noise = 0.5;
    side.open_mindedness = 0.5;
    side.sensitivity_exponent = 0.5;
    side.decision_delay_days = 2.0;
  }
  ResponseParams& r = p.response;
  const double intercept[STEP_COUNT] = {1.0, 0.0, -1.0, -3.0};
  for (int k = 0; k < STEP_COUNT; ++k) {
    r.intercept[k] = intercept[k];
    r.weight_attribution[k] = 1.0;
    r.weight_severity[k] = 0.5;
    r.weight_fear[k] = 0.5;
    r.weight_offensive[k] = 0.5;
    r.weight_restraint[k] = 0.1;
  }
  r.countermeasure_delay_days = 5.0;
  r.countermeasure_severity = 0.5;
  r.countermeasure_offensiveness = 2.0;
  r.countermeasure_hostility = 0.6;
  r.strike_offensiveness = 1.5;
  r.strike_severity_median = 2.0;
  r.strike_severity_sigma = 0.3;
  p.war = {4.0, 0.5, 1.0};
  p.restraint = {0.1, 1000.0, 0.2, 0.5, 0.3, 0.5, 0.3, 0.5, 0.2};
  for (IncidentParams& ip : p.incidents) {
    const double acc[RATE_PHASE_COUNT] = {4, 6, 8, 10}, del[RATE_PHASE_COUNT] = {1, 2, 3, 4};
    for (int k = 0; k < RATE_PHASE_COUNT; ++k) {
      ip.accidental_rate[k] = acc[k];
      ip.deliberate_rate[k] = del[k];
    }
    ip.severity_median = 1.0;
    ip.severity_sigma = 0.5;
    ip.clarity = 1.0;
    ip.clarification = 0.6;
    ip.clarification_delay_days = 2.0;
    ip.attribution_error = 0.1;
  }
  p.reassurance[0] = {6.0, 2.0, 0.2, 50.0, 200.0};
  p.events[0] = {100.0, 0.0, 0.0, 360.0, 0.5, 0.3};
  p.event_sets[0] = {0.5, 1.5, 0.5, -0.5, -2.0};
  p.events[1] = {0.0, 1.0, 0.0, 360.0, -0.5, 0.0};
  p.event_sets[1] = {40.0, 0.0, 0.0, 0.0, 0.0};
  p.injects[0] = {30.0, 1.0};
  return p;
}

}  // namespace escalate::test
