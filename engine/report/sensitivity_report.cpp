// The table and the JSON of `escalate sensitivity` (declared in sensitivity.hpp).
#include "escalate/report/sensitivity_report.hpp"

#include "escalate/report/json_text.hpp"
#include "text_columns.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

namespace escalate {

namespace {

// "[lo,hi]" with each bound right-aligned in w characters (blank when undefined).
std::string interval(const IntervalEstimate& e, int digits, std::size_t w) {
  if (!std::isfinite(e.lo) || !std::isfinite(e.hi)) return pad("", 2 * w + 3);
  return "[" + lpad(fixed_without_minus_zero(e.lo, digits), w) + "," + lpad(fixed_without_minus_zero(e.hi, digits), w) + "]";
}

std::string pair(const IntervalEstimate& e) { return "[" + json_number(e.lo) + ", " + json_number(e.hi) + "]"; }

double mean_of(const SensitivityAnalysis& a, int outcome) {
  double sum = 0;
  std::int64_t n = 0;
  for (std::size_t i = static_cast<std::size_t>(outcome); i < a.p.size(); i += SENSITIVITY_OUTCOMES) {
    if (std::isfinite(a.p[i])) sum += a.p[i], ++n;
  }
  return n ? sum / static_cast<double>(n) : std::nan("");
}

// Parameters by `key` descending, undefined last.
std::vector<std::size_t> ranked(std::size_t P, const auto& key) {
  std::vector<std::size_t> order(P);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](auto x, auto y) {
    const double kx = key(x), ky = key(y);
    return std::isfinite(kx) && (!std::isfinite(ky) || kx > ky);
  });
  return order;
}

}  // namespace

void print_sensitivity(std::ostream& out, const Config& config, const SensitivityAnalysis& a, const Provenance& provenance) {
  const std::int64_t P = a.design.parameters, points = a.design.points();
  const std::string horizon = "by day " + std::to_string(config.scenario.horizon_days);
  std::size_t width = 9;
  for (const auto& p : a.parameter) width = std::max(width, p.size());
  width += 1;
  const std::string parameters = ", " + std::to_string(P) + " parameters: ";
  const std::string sizes = std::to_string(points) + " points\nx " + std::to_string(config.run.trajectories) +
                            " trajectories, seed " + std::to_string(config.run.seed) + ", " +
                            std::to_string(provenance.threads) + (provenance.threads == 1 ? " thread, " : " threads, ") +
                            fixed_without_minus_zero(provenance.wall_seconds, 1) + " s";
  const double mean = mean_of(a, 0);
  if (!a.sobol.empty()) {
    const SobolIndices& s = a.sobol.front();
    out << "Sobol' indices of P(war " << horizon << ")" << parameters << a.design.base << " base samples x (P + 2) = "
        << sizes << "\n";
    const double observed = s.variance + s.noise_variance;
    out << "Across the design: mean P(war) " << fixed_without_minus_zero(mean, 4) << ", variance of the true P(war) " << fixed_without_minus_zero(s.variance, 6)
        << "\n(binomial noise " << fixed_without_minus_zero(s.noise_variance, 6) << " removed: "
        << (observed > 0 ? fixed_without_minus_zero(100 * s.noise_variance / observed, 0) : std::string("n/a")) << "% of the estimates' variance)\n\n";
    out << pad("parameter", width) << lpad("S1", 6) << " " << pad("95% interval", 13) << lpad("ST", 6) << " 95% interval\n";
    for (std::size_t k : ranked(static_cast<std::size_t>(P), [&](std::size_t k) { return s.total[k].value; })) {
      out << pad(a.parameter[k], width) << lpad(fixed_without_minus_zero(s.first[k].value, 2), 6) << " " << interval(s.first[k], 2, 5) << " "
          << lpad(fixed_without_minus_zero(s.total[k].value, 2), 6) << " " << interval(s.total[k], 2, 5) << "\n";
    }
    double sum = 0;
    for (const auto& e : s.first) sum += std::isfinite(e.value) ? e.value : 0.0;
    out << "S1: the share of the variance of P(war) a parameter explains alone; ST: with its interactions.\n";
    if (sum > 1) {
      out << "The S1 sum to " << fixed_without_minus_zero(sum, 2) << " > 1: they share the error of the base points (A, B), so small ones\n"
          << "scatter together; rank by ST (docs/sensitivity.md).\n";
    }
    out << "Intervals: 95% bootstrap over the " << a.design.base << " base samples. "
        << (variance_is_positive(s.variance, s.variance_se) ? "Clash and nuclear use: in the file and --json.\n"
                                                        : "n/a: P(war) varies no more than its binomial noise (the corrected variance is within " +
                                                              short_number(VARIANCE_STANDARD_ERRORS) + " standard errors of 0); use more --trajectories.\n");
    return;
  }
  if (!a.morris.empty()) {
    const MorrisMeasures& m = a.morris.front();
    out << "Morris elementary effects on P(war " << horizon << ")" << parameters << a.design.base << " paths x (P + 1) = "
        << sizes << "\n";
    double floor = 0;
    for (double f : m.noise_floor) floor += f / static_cast<double>(P);
    out << "Across the design: mean P(war) " << fixed_without_minus_zero(mean, 4) << "; binomial noise alone gives mu* about " << fixed_without_minus_zero(floor, 4)
        << "\n\n";
    out << pad("parameter", width) << lpad("mu*", 7) << " " << pad("95% interval", 17) << lpad("mu", 8) << lpad("sigma", 8) << "\n";
    for (std::size_t k : ranked(static_cast<std::size_t>(P), [&](std::size_t k) { return m.mu_star[k].value; })) {
      out << pad(a.parameter[k], width) << lpad(fixed_without_minus_zero(m.mu_star[k].value, 4), 7) << " " << interval(m.mu_star[k], 4, 7)
          << lpad(fixed_without_minus_zero(m.mu[k], 4), 8) << lpad(fixed_without_minus_zero(m.sigma[k], 4), 8) << "\n";
    }
    out << "mu*: mean |change of P(war)| per unit of quantile moved; mu: its signed mean; sigma: its spread\n"
        << "(interactions, non-linearity; binomial noise removed). Intervals: 95% bootstrap over the " << a.design.base
        << " paths.\nEach parameter's noise floor, and clash and nuclear use: in the file and --json.\n";
    return;
  }
  out << "Per-point estimates of P(war), P(clash), P(nuclear use) " << horizon << parameters << sizes << "\n"
      << "Across the design: mean P(war) " << fixed_without_minus_zero(mean, 4) << ", P(clash) " << fixed_without_minus_zero(mean_of(a, 1), 4)
      << ", P(nuclear use) " << fixed_without_minus_zero(mean_of(a, 2), 4) << "\n"
      << "No indices from a free design: give --design-layout saltelli or morris if it has that structure,\n"
      << "or analyse estimates/p in the file with your own tools (e.g. SALib's analyze).\n";
}

void print_sensitivity_json(std::ostream& out, const std::string& path, const Config& config, const SensitivityAnalysis& a) {
  const auto P = static_cast<std::size_t>(a.design.parameters);
  out << "{\n  \"file\": " << json_string(path) << ",\n  \"filetype\": " << json_string(SENSITIVITY_FILETYPE)
      << ",\n  \"config_path\": " << json_string(config.source_path) << ",\n  \"layout\": " << json_string(layout_name(a.design.layout))
      << ",\n  \"design_file\": " << (a.design_file.empty() ? "null" : json_string(a.design_file)) << ",\n  \"seed\": " << a.seed
      << ",\n  \"base_samples\": " << a.design.base << ",\n  \"levels\": " << a.design.levels << ",\n  \"points\": "
      << a.design.points() << ",\n  \"trajectories\": " << config.run.trajectories << ",\n  \"horizon_days\": "
      << config.scenario.horizon_days << ",\n  \"bootstrap_resamples\": " << BOOTSTRAP_RESAMPLES << ",\n  \"parameters\": [";
  for (std::size_t k = 0; k < P; ++k) {
    out << (k ? "," : "") << "\n    {\"path\": " << json_string(a.parameter[k]) << ", \"distribution\": "
        << json_string(config.uncertain[k].dist.text()) << "}";
  }
  out << "\n  ],\n  \"outcomes\": {";
  for (int o = 0; o < SENSITIVITY_OUTCOMES; ++o) {
    const auto i = static_cast<std::size_t>(o);
    out << (o ? "," : "") << "\n    " << json_string(SENSITIVITY_OUTCOME_NAMES[i]) << ": {\"mean\": " << json_number(mean_of(a, o));
    if (!a.sobol.empty()) {
      const SobolIndices& s = a.sobol[i];
      out << ", \"variance\": " << json_number(s.variance) << ", \"noise_variance\": " << json_number(s.noise_variance) << ", \"indices\": {";
      for (std::size_t k = 0; k < P; ++k) {
        out << (k ? "," : "") << "\n      " << json_string(a.parameter[k]) << ": {\"S1\": " << json_number(s.first[k].value)
            << ", \"S1_interval\": " << pair(s.first[k]) << ", \"ST\": " << json_number(s.total[k].value)
            << ", \"ST_interval\": " << pair(s.total[k]) << "}";
      }
      out << "\n    }";
    }
    if (!a.morris.empty()) {
      const MorrisMeasures& m = a.morris[i];
      out << ", \"indices\": {";
      for (std::size_t k = 0; k < P; ++k) {
        out << (k ? "," : "") << "\n      " << json_string(a.parameter[k]) << ": {\"mu_star\": " << json_number(m.mu_star[k].value)
            << ", \"mu_star_interval\": " << pair(m.mu_star[k]) << ", \"mu\": " << json_number(m.mu[k]) << ", \"sigma\": "
            << json_number(m.sigma[k]) << ", \"mu_star_noise_floor\": " << json_number(m.noise_floor[k]) << "}";
      }
      out << "\n    }";
    }
    out << "}";
  }
  out << "\n  }\n}\n";
}

}  // namespace escalate
