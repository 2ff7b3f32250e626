#include "escalate/report/comparison_report.hpp"

#include "text_columns.hpp"

#include <algorithm>
#include <cmath>

namespace escalate {

namespace {
std::string interval(double lo, double hi) { return "[" + signed_fixed(lo) + ", " + signed_fixed(hi) + "]"; }
}  // namespace

void print_comparison(std::ostream& out, const Comparison& c, const RunSettings& run, std::int64_t horizon_days) {
  out << "Against " << c.reference << ": seed " << run.seed << ", " << run.draws << " draws x " << run.trajectories
      << " trajectories each, common random numbers; by day " << horizon_days << ".\n"
      << "P: each config's probability; dP: P(config) - P(" << c.reference << "), with its paired 95% interval\n"
      << "over " << c.unit_count << " " << c.units << " (the unpaired interval is in the file and in --json).\n\n";
  std::vector<std::size_t> order;
  for (std::size_t i = 1; i < c.rows.size(); ++i) order.push_back(i);
  std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) {
    return c.rows[a].outcomes[OUTCOME_WAR].difference < c.rows[b].outcomes[OUTCOME_WAR].difference;
  });
  order.insert(order.begin(), 0);
  std::size_t width = 8;
  for (const auto& r : c.rows) width = std::max(width, std::min<std::size_t>(r.name.size() + 1, 28));
  auto p = [](double x) { return std::isnan(x) ? std::string("n/a") : signed_fixed(x).substr(1); };  // "0.0612"
  out << cell("config", width) << cell("P(war)", 7) << cell("dP(war) paired 95%", 30) << cell("P(clash)", 9) << cell("dP(clash)", 10)
      << cell("P(nucl.)", 9) << cell("dP(nucl.)", 10) << "draws\n";
  for (std::size_t i : order) {
    const auto& r = c.rows[i];
    std::string name = r.name.size() > width - 1 ? r.name.substr(0, width - 2) + "~" : r.name;
    out << cell(name, width) << cell(p(r.absolute[OUTCOME_WAR].mean), 7);
    if (i == 0) {
      out << cell("(reference)", 30) << cell(p(r.absolute[OUTCOME_CLASH].mean), 9) << cell("", 10)
          << cell(p(r.absolute[OUTCOME_NUCLEAR].mean), 9) << "\n";
      continue;
    }
    const auto& w = r.outcomes[OUTCOME_WAR];
    out << cell(signed_fixed(w.difference) + " " + interval(w.paired_lo, w.paired_hi), 30) << cell(p(r.absolute[OUTCOME_CLASH].mean), 9)
        << cell(signed_fixed(r.outcomes[OUTCOME_CLASH].difference), 10) << cell(p(r.absolute[OUTCOME_NUCLEAR].mean), 9)
        << cell(signed_fixed(r.outcomes[OUTCOME_NUCLEAR].difference), 10) << r.draws_paired_exactly << "/" << run.draws << "\n";
  }
  out << "\n'draws': draws in which every uncertain parameter the two configs share has the same value.\n";
  for (std::size_t i : order) {
    if (c.rows[i].differing_parameters.empty()) continue;
    out << "  " << c.rows[i].name << ": not paired in ";
    for (std::size_t k = 0; k < c.rows[i].differing_parameters.size(); ++k) {
      out << (k ? ", " : "") << c.rows[i].differing_parameters[k];
    }
    out << "\n";
  }
}

}  // namespace escalate
