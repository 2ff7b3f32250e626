// `escalate summary --csv`: the summary table as CSV for spreadsheets and scripts (the
// columns are SUMMARY_CSV_HEADER, documented in summary_file.hpp and docs/loading.md).
#include "escalate/report/summary_file.hpp"

#include "escalate/base/number_text.hpp"
#include "escalate/model/phase.hpp"
#include "escalate/report/csv_text.hpp"

#include <cmath>
#include <limits>

namespace escalate {

namespace {

constexpr int COLUMNS = 14;

std::string csv_number(double x) { return std::isfinite(x) ? shortest_number(x) : ""; }

void row(std::ostream& out, const std::string& config, const std::string& quantity, const std::vector<double>& values) {
  out << csv_field(config) << "," << quantity;
  for (std::size_t i = 0; i < COLUMNS - 2; ++i) out << "," << (i < values.size() ? csv_number(values[i]) : "");
  out << "\n";
}

}  // namespace

void write_results_csv(std::ostream& out, const std::string& config, const Results& r) {
  constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
  auto quantile = [&](const std::vector<double>& values, std::size_t stride, std::size_t k, double level) {
    for (std::size_t i = 0; i < r.quantile.size(); ++i) if (r.quantile[i] == level) return values[i * stride + k];
    return NaN;
  };
  auto estimate = [&](const std::string& name, const PooledEstimate& e, const std::vector<double>& q, std::size_t stride,
                      std::size_t k) {
    row(out, config, name, {e.mean, e.lo, e.hi, quantile(q, stride, k, 0.05), quantile(q, stride, k, 0.5),
                            quantile(q, stride, k, 0.95), e.between_draw_sd});
  };
  out << SUMMARY_CSV_HEADER << "\n";
  for (std::size_t k = 1; k < r.phase.size(); ++k) {  // dormant (k = 0) is reached by every trajectory
    estimate("p_" + r.phase[k], r.reach[k].pooled, r.reached_quantiles, r.phase.size(), k);
  }
  estimate("p_clash", r.clash.pooled, r.clash_quantiles, 1, 0);
  row(out, config, "act_offspring_ratio", {r.act_offspring_pooled});
}

void write_comparison_csv(std::ostream& out, const Comparison& c) {
  constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
  out << SUMMARY_CSV_HEADER << "\n";
  for (std::size_t i = 0; i < c.rows.size(); ++i) {
    const ComparisonRow& r = c.rows[i];
    for (int o = 0; o < NUM_OUTCOMES; ++o) {
      const PooledEstimate& a = r.absolute[o];
      const PairedEstimate& d = r.outcomes[o];
      std::vector<double> values = {a.mean, a.lo, a.hi, NaN, NaN, NaN, NaN};
      if (i > 0) values.insert(values.end(), {d.difference, d.paired_lo, d.paired_hi, d.unpaired_lo, d.unpaired_hi});
      row(out, r.name, std::string("p_") + OUTCOME_NAMES[o], values);
    }
  }
}

}  // namespace escalate
