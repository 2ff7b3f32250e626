#include "escalate/output/results.hpp"

#include "escalate/output/statistics.hpp"
#include "escalate/model/trajectory.hpp"
#include "escalate/sim/tally.hpp"

#include <cmath>
#include <limits>

namespace escalate {

namespace {
constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
double ratio(std::int64_t a, std::int64_t b) { return b > 0 ? static_cast<double>(a) / static_cast<double>(b) : NaN; }
}  // namespace

Results compute_results(const Config& config, const DriverResult& driver, const Provenance& provenance) {
  Results r;
  const auto& run = config.run;
  const RunTally& tally = driver.tally;
  const auto counters = tally.at("counters");
  const auto occupancy = tally.at("occupancy"), reached = tally.at("reached");
  const auto chain_at_least = tally.at("chain_at_least");
  const std::int64_t n = counters[3];
  auto draw_trajectories = [&](std::int64_t m) { return tally.value("draw_trajectories", m); };
  r.M = run.draws;
  r.T = config.scenario.grid_points();
  r.K = static_cast<std::int64_t>(config.scenario.incidents.size());
  r.cause = cause_names(config.scenario);
  r.C = static_cast<std::int64_t>(r.cause.size());
  r.P = static_cast<std::int64_t>(config.uncertain.size());
  r.Q = static_cast<std::int64_t>(QUANTILE_LEVELS.size());
  r.provenance = provenance;
  r.trajectories_done = n;
  r.trajectories_planned = run.draws * run.trajectories;
  r.countermeasures = counters[0];
  r.signals = counters[1];
  r.evaluations = counters[2];

  for (std::int64_t t = 0; t < r.T; ++t) r.time_days.push_back(t * config.scenario.grid_days);
  for (int k = 0; k < NUM_PHASES; ++k) r.phase.emplace_back(phase_name(k));
  for (std::int64_t m = 0; m < r.M; ++m) r.draw.push_back(m);
  for (const auto& u : config.uncertain) r.parameter.push_back(u.path);
  for (const auto& type : config.scenario.incidents) r.incident.push_back(type.name);
  r.quantile = QUANTILE_LEVELS;

  for (std::size_t i = 0; i < occupancy.size(); ++i) {
    r.occupancy.push_back(ratio(occupancy[i], n));
    r.reached.push_back(ratio(reached[i], n));
  }
  // Pooled estimates over the two loops (MODEL §11): per-draw counts, then pooled_estimate.
  std::vector<std::int64_t> trials(static_cast<std::size_t>(r.M)), nuclear(static_cast<std::size_t>(r.M));
  for (std::int64_t m = 0; m < r.M; ++m) {
    trials[static_cast<std::size_t>(m)] = draw_trajectories(m);
    nuclear[static_cast<std::size_t>(m)] = tally.value("draw_nuclear", m);
  }
  for (int k = 0; k < NUM_PHASES; ++k) {
    std::vector<std::int64_t> reached_k(static_cast<std::size_t>(r.M));
    for (std::int64_t m = 0; m < r.M; ++m) reached_k[static_cast<std::size_t>(m)] = tally.value("draw_reached", m, k);
    const PooledEstimate e = pooled_estimate(reached_k, trials);
    r.p_reached.push_back(e.mean);
    r.p_reached_interval.insert(r.p_reached_interval.end(), {e.lo, e.hi});
    r.p_reached_sd.push_back(e.between_draw_sd);
  }
  for (std::int64_t t = 0; t < r.T; ++t) {
    std::vector<std::int64_t> war_t(static_cast<std::size_t>(r.M));
    for (std::int64_t m = 0; m < r.M; ++m) war_t[static_cast<std::size_t>(m)] = tally.at("draw_war_by_time", m)[static_cast<std::size_t>(t)];
    const PooledEstimate e = pooled_estimate(war_t, trials);
    r.p_war_by_time.push_back(e.mean);
    r.p_war_by_time_interval.insert(r.p_war_by_time_interval.end(), {e.lo, e.hi});
  }
  const PooledEstimate en = pooled_estimate(nuclear, trials);
  r.p_nuclear = en.mean;
  r.p_nuclear_interval = {en.lo, en.hi};
  r.p_nuclear_sd = en.between_draw_sd;
  auto vec = [&](const char* name) { auto v = tally.at(name); return std::vector<std::int64_t>(v.begin(), v.end()); };
  r.incident_count = vec("incidents");
  r.war_trigger = vec("war_cause");
  r.spiral_trigger = vec("spiral_cause");
  for (int k = 0; k < MAX_CHAIN_TALLY; ++k) {
    r.chain_length.push_back(k + 1);
    r.p_chain.push_back(ratio(chain_at_least[k], n));
    auto [lo, hi] = wilson_interval(chain_at_least[k], n);
    r.p_chain_interval.insert(r.p_chain_interval.end(), {lo, hi});
  }

  for (std::int64_t m = 0; m < r.M; ++m) {
    const std::int64_t nm = draw_trajectories(m);
    const auto d_reached = tally.at("draw_reached", m);
    const auto d_war = tally.at("draw_war_by_time", m);
    r.p_war.push_back(ratio(d_reached[WAR], nm));
    r.p_spiral.push_back(ratio(d_reached[SPIRAL], nm));
    r.p_nuclear_by_draw.push_back(ratio(tally.value("draw_nuclear", m), nm));
    for (int k = 0; k < NUM_PHASES; ++k) r.p_reached_by_draw.push_back(ratio(d_reached[k], nm));
    for (std::int64_t t = 0; t < r.T; ++t) r.war_by_draw.push_back(static_cast<float>(ratio(d_war[static_cast<std::size_t>(t)], nm)));
    const auto values = driver.draws.row(m);
    r.parameters.insert(r.parameters.end(), values.begin(), values.end());
  }

  // Quantiles across the draws that have trajectories (all of them in a complete run).
  auto across_draws = [&](auto value_of) {
    std::vector<double> values;
    for (std::int64_t m = 0; m < r.M; ++m) {
      if (draw_trajectories(m) > 0) values.push_back(value_of(m));
    }
    return values;
  };
  r.war_quantiles.assign(static_cast<std::size_t>(r.Q * r.T), NaN);
  for (std::int64_t t = 0; t < r.T; ++t) {
    auto values = across_draws([&](std::int64_t m) {
      return ratio(tally.at("draw_war_by_time", m)[static_cast<std::size_t>(t)], draw_trajectories(m));
    });
    for (std::int64_t q = 0; q < r.Q; ++q) r.war_quantiles[static_cast<std::size_t>(q * r.T + t)] = quantile(values, r.quantile[q]);
  }
  r.reached_quantiles.assign(static_cast<std::size_t>(r.Q * NUM_PHASES), NaN);
  for (int k = 0; k < NUM_PHASES; ++k) {
    auto values = across_draws([&](std::int64_t m) { return r.p_reached_by_draw[static_cast<std::size_t>(m * NUM_PHASES + k)]; });
    for (std::int64_t q = 0; q < r.Q; ++q) r.reached_quantiles[static_cast<std::size_t>(q * NUM_PHASES + k)] = quantile(values, r.quantile[q]);
  }
  for (std::int64_t p = 0; p < r.P; ++p) {
    std::vector<double> x, y;
    for (std::int64_t m = 0; m < r.M; ++m) {
      if (draw_trajectories(m) == 0) continue;
      x.push_back(r.parameters[static_cast<std::size_t>(m * r.P + p)]);
      y.push_back(r.p_war[static_cast<std::size_t>(m)]);
    }
    r.sensitivity.push_back(spearman(x, y));
  }
  return r;
}

}  // namespace escalate
