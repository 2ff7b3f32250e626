#include "escalate/statistics/results.hpp"

#include "escalate/model/ladder.hpp"
#include "escalate/model/phase.hpp"
#include "escalate/sim/tally.hpp"
#include "escalate/statistics/not_a_number.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace escalate {

namespace {
double ratio(std::int64_t a, std::int64_t b) { return b > 0 ? static_cast<double>(a) / static_cast<double>(b) : NaN; }

template <typename T>
std::vector<T> copy_of(std::span<const T> v) { return {v.begin(), v.end()}; }

// The pooled estimate and per-draw values of an outcome counted per draw.
Outcome outcome_of(const std::vector<std::int64_t>& successes, const std::vector<std::int64_t>& trials) {
  Outcome o;
  o.pooled = pooled_estimate(successes, trials);
  for (std::size_t m = 0; m < trials.size(); ++m) o.by_draw.push_back(ratio(successes[m], trials[m]));
  return o;
}

// Quantiles at `levels` of the values of the draws that have trajectories.
std::vector<double> quantiles_of(const std::vector<double>& by_draw, const std::vector<std::int64_t>& trials,
                                 const std::vector<double>& levels) {
  std::vector<double> values;
  for (std::size_t m = 0; m < by_draw.size(); ++m) if (trials[m] > 0) values.push_back(by_draw[m]);
  std::vector<double> out;
  for (double level : levels) out.push_back(quantile(values, level));
  return out;
}
// The coordinates: time, phases, rungs, sides, draws, parameters, incidents, causes.
void fill_coordinates(Results& r, const Config& config) {
  const Scenario& scenario = config.scenario;
  for (std::int64_t t = 0; t < r.T; ++t) r.time_days.push_back(t * scenario.grid_days);
  for (int k = 0; k < PHASE_COUNT; ++k) r.phase.emplace_back(phase_name(k));
  r.incident_phase = RATE_PHASE_NAMES;
  for (int k = 0; k < RUNG_COUNT; ++k) r.rung.emplace_back(rung_name(k));
  r.side = {scenario.side_names[0], scenario.side_names[1]};
  for (std::int64_t m = 0; m < r.M; ++m) r.draw.push_back(m);
  for (const auto& u : config.uncertain) r.parameter.push_back(u.path);
  for (const auto& type : scenario.incidents) r.incident.push_back(type.name);
  r.cause = scenario.cause_names();
  r.quantile = QUANTILE_LEVELS;
  r.duration_bin = WAR_DURATION_EDGES;
}

// Per-draw counts, then the pooled estimates over both loops (MODEL 11). Returns the
// trajectories of each draw.
std::vector<std::int64_t> fill_by_draw(Results& r, const DriverResult& driver) {
  const RunTally& tally = driver.tally;
  std::vector<std::int64_t> trials(static_cast<std::size_t>(r.M)), clashes(static_cast<std::size_t>(r.M));
  std::vector<std::vector<std::int64_t>> reach(PHASE_COUNT, std::vector<std::int64_t>(static_cast<std::size_t>(r.M)));
  std::int64_t offspring_num = 0, offspring_den = 0;
  for (std::int64_t m = 0; m < r.M; ++m) {
    const auto i = static_cast<std::size_t>(m);
    trials[i] = tally.value(TallyId::DrawTrajectories, m);
    clashes[i] = tally.value(TallyId::DrawClash, m);
    for (int k = 0; k < PHASE_COUNT; ++k) reach[static_cast<std::size_t>(k)][i] = tally.value(TallyId::DrawReached, m, k);
    for (auto k : tally.at(TallyId::DrawIncidents, m)) r.incidents_by_draw.push_back(ratio(k, trials[i]));
    for (auto k : tally.at(TallyId::DrawIncidentDecisions, m)) r.incident_decisions_by_draw.push_back(ratio(k, trials[i]));
    const auto offspring = tally.at(TallyId::DrawActOffspring, m);
    r.act_offspring.push_back(ratio(offspring[0], offspring[1]));
    offspring_num += offspring[0], offspring_den += offspring[1];
    const auto war_t = tally.at(TallyId::DrawWarByTime, m);
    for (std::int64_t t = 0; t < r.T; ++t) r.war_by_draw.push_back(static_cast<float>(ratio(war_t[static_cast<std::size_t>(t)], trials[i])));
    const auto values = driver.draws.row(m);
    r.parameters.insert(r.parameters.end(), values.begin(), values.end());
  }
  r.act_offspring_pooled = ratio(offspring_num, offspring_den);
  for (int k = 0; k < PHASE_COUNT; ++k) r.reach.push_back(outcome_of(reach[static_cast<std::size_t>(k)], trials));
  r.clash = outcome_of(clashes, trials);
  for (std::int64_t t = 0; t < r.T; ++t) {
    std::vector<std::int64_t> war_t(static_cast<std::size_t>(r.M));
    for (std::int64_t m = 0; m < r.M; ++m) war_t[static_cast<std::size_t>(m)] = tally.at(TallyId::DrawWarByTime, m)[static_cast<std::size_t>(t)];
    const PooledEstimate e = pooled_estimate(war_t, trials);
    r.p_war_by_time.push_back(e.mean);
    r.p_war_by_time_interval.insert(r.p_war_by_time_interval.end(), {e.lo, e.hi});
  }
  return trials;
}

// Quantiles across the draws that have trajectories (all of them in a complete run), and
// the Spearman correlation of per-draw P(war) with each parameter.
void fill_across_draws(Results& r, const RunTally& tally, const std::vector<std::int64_t>& trials) {
  r.war_quantiles.assign(static_cast<std::size_t>(r.Q * r.T), NaN);
  for (std::int64_t t = 0; t < r.T; ++t) {
    std::vector<double> by_draw;  // in double precision (war_by_draw is stored as float)
    for (std::int64_t m = 0; m < r.M; ++m) {
      by_draw.push_back(ratio(tally.at(TallyId::DrawWarByTime, m)[static_cast<std::size_t>(t)], trials[static_cast<std::size_t>(m)]));
    }
    const auto q = quantiles_of(by_draw, trials, r.quantile);
    for (std::int64_t i = 0; i < r.Q; ++i) r.war_quantiles[static_cast<std::size_t>(i * r.T + t)] = q[static_cast<std::size_t>(i)];
  }
  r.reached_quantiles.assign(static_cast<std::size_t>(r.Q * PHASE_COUNT), NaN);
  for (int k = 0; k < PHASE_COUNT; ++k) {
    const auto q = quantiles_of(r.reach[static_cast<std::size_t>(k)].by_draw, trials, r.quantile);
    for (std::int64_t i = 0; i < r.Q; ++i) r.reached_quantiles[static_cast<std::size_t>(i * PHASE_COUNT + k)] = q[static_cast<std::size_t>(i)];
  }
  r.clash_quantiles = quantiles_of(r.clash.by_draw, trials, r.quantile);
  r.sensitivity_threshold = spearman_threshold(std::count_if(trials.begin(), trials.end(), [](auto n) { return n > 0; }));
  for (std::int64_t p = 0; p < r.P; ++p) {
    std::vector<double> x, y;
    for (std::int64_t m = 0; m < r.M; ++m) {
      if (trials[static_cast<std::size_t>(m)] == 0) continue;
      x.push_back(r.parameters[static_cast<std::size_t>(m * r.P + p)]);
      y.push_back(r.reach[WAR].by_draw[static_cast<std::size_t>(m)]);
    }
    r.sensitivity.push_back(spearman(x, y));
  }
}

}  // namespace

Results compute_results(const Config& config, const DriverResult& driver, const Provenance& provenance) {
  Results r;
  const Scenario& scenario = config.scenario;
  const RunTally& tally = driver.tally;
  r.M = config.run.draws;
  r.T = scenario.grid_points();
  r.K = scenario.incident_count();
  r.C = scenario.cause_count();
  r.P = static_cast<std::int64_t>(config.uncertain.size());
  r.Q = static_cast<std::int64_t>(QUANTILE_LEVELS.size());
  r.provenance = provenance;
  r.warnings = config.warnings;
  r.counts.resize(static_cast<std::size_t>(TallyId::Count));
  for (const TallySliceSpec& spec : TALLY_SLICES) {
    if (spec.scope == TallyScope::Run) r.counts[static_cast<std::size_t>(spec.id)] = copy_of(tally.at(spec.id));
  }
  const std::int64_t n = r.counter(TRAJECTORIES);
  r.trajectories_done = n;
  r.trajectories_planned = config.run.draws * config.run.trajectories;
  fill_coordinates(r, config);

  const auto occupancy = tally.at(TallyId::Occupancy), reached = tally.at(TallyId::Reached), clash_by_time = tally.at(TallyId::ClashByTime);
  for (std::size_t i = 0; i < occupancy.size(); ++i) {
    r.occupancy.push_back(ratio(occupancy[i], n));
    r.reached.push_back(ratio(reached[i], n));
  }
  for (auto c : clash_by_time) r.clash_by_time.push_back(ratio(c, n));
  fill_across_draws(r, tally, fill_by_draw(r, driver));

  return r;
}

}  // namespace escalate
