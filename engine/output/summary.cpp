#include "escalate/output/summary.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <string>

namespace escalate {

namespace {
std::string fixed(double x, int digits = 4) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.*f", digits, x);
  return buffer;
}
std::string pad(const std::string& s, std::size_t width) { return s.size() >= width ? s : s + std::string(width - s.size(), ' '); }
std::string lpad(const std::string& s, std::size_t width) { return s.size() >= width ? s : std::string(width - s.size(), ' ') + s; }
}  // namespace

void print_summary(std::ostream& out, const Results& r, const RunSettings& run) {
  auto q_at = [&](double level, int phase) {
    for (std::int64_t q = 0; q < r.Q; ++q) {
      if (r.quantile[q] == level) return r.reached_quantiles[static_cast<std::size_t>(q * NUM_PHASES + phase)];
    }
    return 0.0;
  };
  const std::int64_t horizon_days = r.time_days.empty() ? 0 : r.time_days.back();
  out << (r.provenance.complete ? "" : "PARTIAL RUN: ") << r.trajectories_done << " of " << r.trajectories_planned
      << " trajectories (" << run.draws << " draws x " << run.trajectories << "), horizon " << horizon_days
      << " days, seed " << run.seed << ", " << r.provenance.threads << (r.provenance.threads == 1 ? " thread" : " threads")
      << (r.provenance.ranks > 1 ? " x " + std::to_string(r.provenance.ranks) + " ranks" : "") << ", "
      << fixed(r.provenance.wall_seconds, 1) << " s\n\n";
  auto sd = [](double x) { return std::isnan(x) ? std::string("n/a") : fixed(x); };
  out << pad("P(reach by day " + std::to_string(horizon_days) + ")", 24) << lpad("pooled", 8) << "  "
      << pad("95% interval", 18) << lpad("draws:  5%", 11) << lpad("50%", 8) << lpad("95%", 8) << lpad("sd*", 8) << "\n";
  for (int k = 1; k < NUM_PHASES; ++k) {
    out << pad("  " + r.phase[k], 24) << lpad(fixed(r.p_reached[k]), 8) << "  "
        << pad("[" + fixed(r.p_reached_interval[k * 2]) + ", " + fixed(r.p_reached_interval[k * 2 + 1]) + "]", 18)
        << lpad(fixed(q_at(0.05, k)), 11) << lpad(fixed(q_at(0.5, k)), 8) << lpad(fixed(q_at(0.95, k)), 8)
        << lpad(sd(r.p_reached_sd[k]), 8) << "\n";
  }
  out << pad("  nuclear war", 24) << lpad(fixed(r.p_nuclear), 8) << "  "
      << pad("[" + fixed(r.p_nuclear_interval[0]) + ", " + fixed(r.p_nuclear_interval[1]) + "]", 18)
      << lpad("", 27) << lpad(sd(r.p_nuclear_sd), 8) << "\n";
  const char* chain_labels[2] = {"  countermeasure", "  chain (>= 2 links)"};
  for (int k = 0; k < 2; ++k) {
    out << pad(chain_labels[k], 24) << lpad(fixed(r.p_chain[k]), 8) << "  "
        << pad("[" + fixed(r.p_chain_interval[2 * k]) + ", " + fixed(r.p_chain_interval[2 * k + 1]) + "]", 18) << "\n";
  }

  out << "\nIntervals cover both loops (parameter draws and trajectories); sd*: spread of the true\n"
         "per-draw probabilities across draws, with the binomial noise of each draw removed.\n";
  std::int64_t wars = std::accumulate(r.war_trigger.begin(), r.war_trigger.end(), std::int64_t{0});
  if (wars > 0) {
    std::vector<std::size_t> order(r.war_trigger.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return r.war_trigger[a] > r.war_trigger[b]; });
    out << "\nTop war triggers (share of " << wars << " wars):\n";
    for (std::size_t i = 0; i < std::min<std::size_t>(5, order.size()) && r.war_trigger[order[i]] > 0; ++i) {
      double share = static_cast<double>(r.war_trigger[order[i]]) / static_cast<double>(wars);
      out << "  " << pad(r.cause[order[i]], 28) << lpad(fixed(100 * share, 1), 6) << "%\n";
    }
  } else {
    out << "\nNo trajectory reached war.\n";
  }
}

}  // namespace escalate
