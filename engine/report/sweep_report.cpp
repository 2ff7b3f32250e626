// The sweep's table on stdout (declared in sweep_report.hpp).
#include "escalate/report/sweep_report.hpp"

#include "escalate/model/phase.hpp"
#include "text_columns.hpp"

#include <algorithm>
#include <charconv>

namespace escalate {

namespace {
std::string shortest_value(double x) {  // the shortest text that reads back as x
  char buffer[32];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, x);
  return ec == std::errc() ? std::string(buffer, end) : std::to_string(x);
}
}  // namespace

void print_sweep(std::ostream& out, const Sweep& sweep, const std::vector<ComparedRun>& runs, const Comparison& comparison) {
  const RunSettings& run = runs.front().config.run;
  out << "Sweep of " << runs.size() << " points: seed " << run.seed << ", " << run.draws << " draws x " << run.trajectories
      << " trajectories each, common random numbers; by day " << runs.front().config.scenario.horizon_days << ".\n"
      << "dP(war): paired difference against the first point, 95% interval over draws.\n\n";
  std::vector<std::size_t> width;
  for (const auto& path : sweep.paths) {
    const std::string leaf = path.substr(path.rfind('.') == std::string::npos ? 0 : path.rfind('.') + 1);
    width.push_back(std::max<std::size_t>(8, leaf.size() + 1));
    out << cell(leaf, width.back());
  }
  out << cell("P(war)", 8) << cell("95%", 18) << cell("P(clash)", 9) << cell("P(nuclear)", 11) << cell("dP(war)", 9) << "paired 95%\n";
  for (std::size_t i = 0; i < runs.size(); ++i) {
    for (std::size_t k = 0; k < sweep.paths.size(); ++k) out << cell(shortest_value(sweep.values[i][k]), width[k]);
    const Results& r = runs[i].results;
    const auto& w = r.reach[WAR].pooled;
    const auto& d = comparison.rows[i].outcomes[OUTCOME_WAR];
    out << cell(fixed(w.mean), 8) << cell("[" + fixed(w.lo) + ", " + fixed(w.hi) + "]", 18) << cell(fixed(r.clash.pooled.mean), 9)
        << cell(fixed(r.reach[NUCLEAR].pooled.mean), 11)
        << (i == 0 ? std::string("(reference)") : cell(fixed(d.difference), 9) + "[" + fixed(d.paired_lo) + ", " + fixed(d.paired_hi) + "]")
        << "\n";
  }
}

}  // namespace escalate
