// The text summary of a posterior file (posterior_summary.hpp).
#include "escalate/report/posterior_summary.hpp"

#include "escalate/base/printable_text.hpp"
#include "escalate/infer/bijection.hpp"
#include "escalate/infer/parameter_space.hpp"
#include "escalate/infer/prior_refresh.hpp"
#include "escalate/infer/prior_text.hpp"
#include "escalate/statistics/statistics.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>

namespace escalate {

namespace posterior_text {  // named, not anonymous: safe in a unity build beside summary.cpp

std::string general(double x, int digits = 4) {
  if (std::isnan(x)) return "-";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.*g", digits, x);
  return buffer;
}
std::string fixed(double x, int digits) {
  if (std::isnan(x)) return "-";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.*f", digits, x);
  return buffer;
}
std::string pad(const std::string& s, std::size_t width) { return s.size() >= width ? s : s + std::string(width - s.size(), ' '); }
std::string lpad(const std::string& s, std::size_t width) { return s.size() >= width ? s : std::string(width - s.size(), ' ') + s; }

// A label in a column of `width`: a longer one gets its own line, the row continues below.
std::string label(const std::string& text, std::size_t width) {
  const std::string shown = printable_text(text);
  return shown.size() < width ? pad(shown, width) : shown + "\n  " + std::string(width, ' ');
}

// A value shown to 4 significant digits, with rounding noise below 1e-9 of `scale` as 0.
std::string shown(double x, double scale) { return general(std::abs(x) < 1e-9 * std::abs(scale) ? 0.0 : x); }

void print_parameters(std::ostream& out, const PosteriorFile& p) {
  out << "Parameters, prior against posterior (90% interval: 5% and 95% quantiles of the draws;\n"
         "shrinkage: 1 - var_post/var_prior on the sampler's unconstrained scale (log, logit or none)):\n";
  out << "  " << pad("parameter", 28) << pad("prior", 24) << lpad("prior mean", 10) << lpad("post mean", 10)
      << "  " << pad("90% interval", 18) << lpad("shrink", 6) << "\n";
  for (std::size_t k = 0; k < p.parameters.size(); ++k) {
    const ParameterShift s = parameter_shift(p, k);
    const double scale = std::max(s.prior_sd, std::abs(s.prior_mean));
    const std::string name = printable_text(p.parameters[k]), prior = printable_text(p.prior_text[k]);
    if (name.size() < 28 && prior.size() < 24) {
      out << "  " << pad(name, 28) << pad(prior, 24);
    } else {  // too wide for its column: the name and the prior on a line of their own
      out << "  " << name << "  " << prior << "\n  " << std::string(52, ' ');
    }
    out << lpad(shown(s.prior_mean, scale), 10) << lpad(shown(s.mean, scale), 10) << "  "
        << pad("[" + shown(s.q05, scale) + ", " + shown(s.q95, scale) + "]", 18) << lpad(fixed(s.shrinkage, 2), 6) << "\n";
  }
}

void print_check(std::ostream& out, const PosteriorFile& p) {
  if (p.check.empty()) return;
  std::size_t outliers = 0, held_out = 0;
  out << "\nPosterior predictive check (90% band: 5% and 95% quantiles; outlier: PIT < 0.005 or > 0.995):\n";
  out << "  " << pad("observation", 42) << lpad("observed", 10) << lpad("median", 9) << "  " << pad("90% band", 18)
      << lpad("PIT", 6) << "\n";
  for (const auto& row : p.check) {
    const bool held = std::isnan(row.observed);
    held_out += held;
    outliers += row.outlier;
    const std::string observed = held ? "held out" : printable_text(row.observed_text.empty() ? general(row.observed, 6) : row.observed_text);
    out << "  " << label(row.observation, 42) << lpad(observed, 10) << lpad(general(row.median), 9) << "  "
        << pad("[" + general(row.low) + ", " + general(row.high) + "]", 18) << lpad(fixed(row.pit, 3), 6)
        << (row.outlier ? "  OUTLIER" : "") << "\n";
  }
  out << "  " << p.check.size() << " rows: " << outliers << (outliers == 1 ? " outlier" : " outliers");
  if (held_out) out << ", " << held_out << " held out (unobserved entries: predicted, not scored)";
  out << "\n";
}

void print_stages(std::ostream& out, const PosteriorFile& p) {
  out << "\nStages of the sampler (" << p.stages.size() << "):\n";
  out << "  " << lpad("stage", 5) << lpad("temperature", 13) << lpad("ESS", 10) << lpad("acceptance", 12) << lpad("moves", 8)
      << lpad("evaluations", 13) << "\n";
  for (std::size_t s = 0; s < p.stages.size(); ++s) {
    const PosteriorStage& st = p.stages[s];
    out << "  " << lpad(std::to_string(s), 5) << lpad(general(st.temperature, 5), 13) << lpad(fixed(st.ess, 1), 10)
        << lpad(fixed(st.acceptance, 3), 12) << lpad(std::to_string(st.moves), 8) << lpad(std::to_string(st.evaluations), 13) << "\n";
  }
}

void print_at_prior(std::ostream& out, const PosteriorFile& p) {
  std::vector<std::string> names;
  for (std::size_t k = 0; k < p.parameters.size(); ++k) {
    if (left_at_prior(parameter_shift(p, k))) names.push_back(printable_text(p.parameters[k]));
  }
  out << "\nLeft at their prior by the record (shrinkage < " << general(AT_PRIOR_SHRINKAGE) << " and posterior mean within "
      << general(AT_PRIOR_MEAN_SHIFT) << " prior sd\nof the prior mean, both on the unconstrained scale): " << names.size() << " of "
      << p.parameters.size()
      << (names.empty() ? "\n" : "\n");
  std::string line = " ";
  for (const auto& name : names) {
    if (line.size() + name.size() + 2 > 98) {
      out << line << "\n";
      line = " ";
    }
    line += " " + name;
  }
  if (line.size() > 1) out << line << "\n";
}

}  // namespace posterior_text

namespace posterior_text {

double column_mean(const std::vector<double>& x) {
  double sum = 0;
  for (double v : x) sum += v;
  return x.empty() ? std::nan("") : sum / static_cast<double>(x.size());
}
double column_variance(const std::vector<double>& x, double mean) {
  double squares = 0;
  for (double v : x) squares += (v - mean) * (v - mean);
  return x.size() > 1 ? squares / static_cast<double>(x.size() - 1) : std::nan("");
}

}  // namespace posterior_text

ParameterShift parameter_shift(const PosteriorFile& p, std::size_t k) {
  ParameterShift s;
  s.prior_mean = p.prior_mean[k];
  s.prior_sd = std::sqrt(p.prior_variance[k]);
  std::vector<double> column;
  column.reserve(static_cast<std::size_t>(p.draws));
  for (std::int64_t m = 0; m < p.draws; ++m) column.push_back(p.value(m, k));
  s.mean = posterior_text::column_mean(column);
  s.q05 = quantile(column, 0.05);
  s.q95 = quantile(column, 0.95);
  s.shrinkage = s.mean_shift = std::nan("");
  const std::optional<infer::Prior> prior = infer::prior_from_text(p.prior_text[k]);
  if (!prior) return s;
  const infer::UnconstrainedMoments z_prior =
      infer::unconstrained_prior_moments(infer::ParameterSpace({{"parameter", *prior}}))[0];
  if (!(z_prior.variance > 0)) return s;
  const infer::Bijection map = infer::Bijection::of(*prior);
  for (double& x : column) x = map.to_unconstrained(x);
  const double z_mean = posterior_text::column_mean(column);
  s.shrinkage = 1 - posterior_text::column_variance(column, z_mean) / z_prior.variance;
  s.mean_shift = std::abs(z_mean - z_prior.mean) / std::sqrt(z_prior.variance);
  return s;
}

bool left_at_prior(const ParameterShift& s) {
  return s.shrinkage < AT_PRIOR_SHRINKAGE && s.mean_shift < AT_PRIOR_MEAN_SHIFT;
}

DrawDiversity draw_diversity(const PosteriorFile& p) {
  const std::size_t width = p.parameters.size();
  std::map<std::vector<double>, std::int64_t> copies;
  for (std::size_t m = 0; width > 0 && (m + 1) * width <= p.values.size(); ++m) {
    const auto row = p.values.begin() + static_cast<std::ptrdiff_t>(m * width);
    ++copies[std::vector<double>(row, row + static_cast<std::ptrdiff_t>(width))];
  }
  DrawDiversity d;
  d.distinct = static_cast<std::int64_t>(copies.size());
  for (const auto& [row, n] : copies) d.most_copies = std::max(d.most_copies, n);
  return d;
}

void print_posterior_summary(std::ostream& out, const std::string& path, const PosteriorFile& p) {
  const PosteriorProvenance& v = p.provenance;
  out << printable_text(path) << ": Escalate posterior, engine " << printable_text(v.engine_version) << "\n";
  out << "forecast config: " << printable_text(v.forecast_config) << "\n";
  out << "record: " << printable_text(v.record) << "\n";
  const DrawDiversity diversity = draw_diversity(p);
  out << p.draws << " draws of " << p.parameters.size() << " parameters; final ESS " << posterior_text::fixed(p.final_ess, 1)
      << "; log evidence " << posterior_text::general(p.log_evidence, 6) << "\n";
  out << diversity.distinct << " distinct draws, the most repeated " << diversity.most_copies << " times\n";
  if (static_cast<double>(diversity.distinct) < DISTINCT_DRAWS_WARNING * static_cast<double>(p.draws))
    out << "WARNING: only " << diversity.distinct << " of " << p.draws << " draws are distinct: the last moves did\n"
        << "not separate the copies of the final resampling, and spreads and forecasts from these\n"
        << "draws are less certain than their number suggests (docs/calibration.md, \"When the fit is poor\").\n";
  out << "seed " << v.seed << ", " << v.particles << " particles, " << v.trajectories
      << " trajectories per window and likelihood estimate\n";
  if (!v.likelihood.empty()) out << "Likelihood: " << printable_text(v.likelihood) << "\n";
  out << "\n";
  posterior_text::print_parameters(out, p);
  posterior_text::print_check(out, p);
  posterior_text::print_stages(out, p);
  out << "\nMisfits (observations no particle reproduces: PIT below 0.005 or above 0.995 throughout): ";
  if (p.misfits.empty()) out << "none\n";
  else {
    out << p.misfits.size() << "\n";
    for (const auto& m : p.misfits) out << "  " << printable_text(m) << "\n";
  }
  posterior_text::print_at_prior(out, p);
}

}  // namespace escalate
