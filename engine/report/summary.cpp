#include "escalate/report/summary.hpp"

#include "escalate/model/ladder.hpp"
#include "escalate/model/phase.hpp"
#include "escalate/sim/tally_layout.hpp"
#include "text_columns.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <string>

namespace escalate {

namespace {
std::string percent(double x) { return std::isnan(x) ? "n/a" : fixed(100 * x, 1) + "%"; }
double per(double a, double b) { return b > 0 ? a / b : std::nan(""); }

void outcome_row(std::ostream& out, const std::string& label, const PooledEstimate& e, double q05, double q50, double q95) {
  out << pad("  " + label, 28) << lpad(fixed(e.mean), 7) << "  " << pad("[" + fixed(e.lo) + ", " + fixed(e.hi) + "]", 18)
      << lpad(fixed(q05), 8) << lpad(fixed(q50), 8) << lpad(fixed(q95), 8) << lpad(fixed(e.between_draw_sd), 8) << "\n";
}

void top_causes(std::ostream& out, const char* what, const std::vector<std::int64_t>& counts, const std::vector<std::string>& names) {
  const std::int64_t total = std::accumulate(counts.begin(), counts.end(), std::int64_t{0});
  if (total == 0) return;
  std::vector<std::size_t> order(counts.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return counts[a] > counts[b]; });
  out << "\nTop " << what << " triggers (share of " << total << "):\n";
  for (std::size_t i = 0; i < std::min<std::size_t>(5, order.size()) && counts[order[i]] > 0; ++i) {
    out << "  " << pad(names[order[i]], 28) << lpad(percent(static_cast<double>(counts[order[i]]) / static_cast<double>(total)), 7) << "\n";
  }
}
// The Spearman correlations of per-draw P(war) that stand above chance, largest first.
void sensitivity_above_noise(std::ostream& out, const Results& r) {
  if (r.sensitivity.empty() || std::isnan(r.sensitivity_threshold)) return;
  std::vector<std::size_t> above;
  for (std::size_t k = 0; k < r.sensitivity.size(); ++k) {
    if (std::abs(r.sensitivity[k]) > r.sensitivity_threshold) above.push_back(k);
  }
  std::stable_sort(above.begin(), above.end(), [&](auto a, auto b) { return std::abs(r.sensitivity[a]) > std::abs(r.sensitivity[b]); });
  out << "\nSpearman correlation of per-draw P(war) with the parameters: " << above.size() << " of " << r.sensitivity.size()
      << " above noise\n(|rho| > " << fixed(r.sensitivity_threshold, 3) << ", which a parameter without effect exceeds with "
      << "probability 5% at " << r.reach[WAR].pooled.draws << " draws)" << (above.empty() ? "" : ":") << "\n";
  for (std::size_t i = 0; i < std::min<std::size_t>(8, above.size()); ++i) {
    const double rho = r.sensitivity[above[i]];
    out << "  " << pad(r.parameter[above[i]], 58) << (rho < 0 ? "-" : "+") << fixed(std::abs(rho), 3) << "\n";
  }
  if (above.size() > 8) out << "  ... " << above.size() - 8 << " more in the file (dataset sensitivity)\n";
}
}  // namespace

void print_summary(std::ostream& out, const Results& r, const RunSettings& run) {
  auto q = [&](const std::vector<double>& quantiles, std::size_t stride, std::size_t column, double level) -> double {
    for (std::size_t i = 0; i < r.quantile.size(); ++i) {
      if (r.quantile[i] == level) return quantiles[i * stride + column];
    }
    return std::nan("");
  };
  const std::int64_t horizon_days = r.time_days.empty() ? 0 : r.time_days.back();
  const double n = static_cast<double>(r.trajectories_done);
  const double years = n * static_cast<double>(horizon_days) / 365.0;
  out << (r.provenance.complete ? "" : "PARTIAL RUN: ") << r.trajectories_done << " of " << r.trajectories_planned
      << " trajectories (" << run.draws << " draws x " << run.trajectories << "), horizon " << horizon_days
      << " days, seed " << run.seed << ", " << r.provenance.threads << (r.provenance.threads == 1 ? " thread" : " threads")
      << (r.provenance.ranks > 1 ? " x " + std::to_string(r.provenance.ranks) + " ranks" : "") << ", "
      << fixed(r.provenance.wall_seconds, 1) << " s\n\n";
  out << pad("P(by day " + std::to_string(horizon_days) + ")", 28) << lpad("pooled", 7) << "  " << pad("95% interval", 18)
      << lpad("draws 5%", 8) << lpad("50%", 8) << lpad("95%", 8) << lpad("sd*", 8) << "\n";
  for (int k = ACTIVATED; k < PHASE_COUNT; ++k) {
    const auto col = static_cast<std::size_t>(k);
    outcome_row(out, "reach " + r.phase[col], r.reach[col].pooled, q(r.reached_quantiles, PHASE_COUNT, col, 0.05),
                q(r.reached_quantiles, PHASE_COUNT, col, 0.5), q(r.reached_quantiles, PHASE_COUNT, col, 0.95));
  }
  outcome_row(out, "first clash (strike/war)", r.clash.pooled, q(r.clash_quantiles, 1, 0, 0.05), q(r.clash_quantiles, 1, 0, 0.5),
              q(r.clash_quantiles, 1, 0, 0.95));
  out << "Intervals cover both loops (parameter draws and trajectories); sd*: the spread of the true\n"
         "per-draw probabilities, with each draw's binomial noise removed.\n\n";

  const auto& incident_count = r.count(TallyId::Incidents);
  const double incidents = static_cast<double>(std::accumulate(incident_count.begin(), incident_count.end(), std::int64_t{0}));
  out << "Per year of simulated time: " << fixed(per(incidents, years), 2) << " incidents, "
      << fixed(per(static_cast<double>(r.counter(COUNTERMEASURES)), years), 2) << " countermeasures, "
      << fixed(per(static_cast<double>(r.counter(STRIKES)), years), 3) << " limited strikes\n";
  const auto& nuclear_by_side = r.count(TallyId::NuclearBySide);
  out << "Wars " << r.counter(WARS) << " (" << r.counter(CEASEFIRES) << " ended in a ceasefire, " << r.counter(WARS_CENSORED)
      << " still going at the horizon); nuclear use " << nuclear_by_side[0] + nuclear_by_side[1];
  if (nuclear_by_side[0] + nuclear_by_side[1] > 0) {
    out << " (first by " << r.side[0] << " " << nuclear_by_side[0] << ", " << r.side[1] << " " << nuclear_by_side[1] << ")";
  }
  out << "\n";
  std::vector<std::int64_t> rungs(RUNG_COUNT, 0);
  const auto& decided = r.count(TallyId::Decisions);
  for (std::size_t i = 0; i < decided.size(); ++i) rungs[i % RUNG_COUNT] += decided[i];
  const auto decisions = static_cast<double>(std::accumulate(rungs.begin(), rungs.end(), std::int64_t{0}));
  out << "Decisions " << static_cast<std::int64_t>(decisions) << ":";
  for (int k = 0; k < RUNG_COUNT; ++k) out << " " << rung_name(k) << " " << percent(per(static_cast<double>(rungs[static_cast<std::size_t>(k)]), decisions));
  out << "\n";
  const auto scheduled = static_cast<double>(r.counter(ATTRIBUTIONS_SCHEDULED));
  out << "Attributions " << r.counter(ATTRIBUTIONS_SCHEDULED) << " scheduled, " << percent(per(static_cast<double>(r.counter(ATTRIBUTIONS_ARRIVED)), scheduled))
      << " arrived, " << percent(per(static_cast<double>(r.counter(ATTRIBUTIONS_BEFORE_DECISION)), scheduled)) << " before their decision\n";
  const double offspring = r.act_offspring_pooled;
  out << "Act offspring ratio " << fixed(offspring, 3) << " (P(an act is answered by an act)"
      << (offspring < 1 ? "; chains last about " + fixed(1 / (1 - offspring), 2) + " acts)" : ")") << "\n";
  if (r.counter(RUNAWAYS) > 0) {
    out << "WARNING: " << r.counter(RUNAWAYS) << " trajectories ran away (hit run.max_events evaluation points); their last\n"
        << "  phase was held to the horizon. An act offspring ratio near 1 means chains of acts hardly end.\n";
  }
  if (r.counter(INJECTIONS_IGNORED) > 0) out << "Injections that fell during a war (ignored): " << r.counter(INJECTIONS_IGNORED) << "\n";
  for (const auto& w : r.warnings) out << "WARNING (config): " << w << "\n";
  top_causes(out, "war", r.count(TallyId::WarCause), r.cause);
  top_causes(out, "first-clash", r.count(TallyId::ClashCause), r.cause);
  sensitivity_above_noise(out, r);
}

}  // namespace escalate
