// The stage line and the posterior file of a calibration (calibrate_report.hpp).
#include "escalate/app/calibrate_report.hpp"

#include <cmath>
#include <cstdio>
#include <sstream>

namespace escalate::app {

namespace {

std::string with_commas(double x) {
  std::string digits = std::to_string(static_cast<long long>(std::llround(x)));
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<std::size_t>(i), ",");
  return digits;
}

std::string duration_text(double seconds) {
  if (seconds < 90) return std::to_string(static_cast<int>(std::lround(seconds))) + " s";
  if (seconds < 5400) return std::to_string(static_cast<int>(std::lround(seconds / 60))) + " min";
  char text[32];
  std::snprintf(text, sizeof text, "%.1f h", seconds / 3600);
  return text;
}

// Remaining time from the last stage: its growth of log t carried on to t = 1, each stage
// left as long as the last (elapsed time shared out by likelihood estimates). Later stages
// grow log t less and take more moves than the first ones, so a mean over all stages would
// promise too little. Empty before there are two positive temperatures.
std::string eta_text(const infer::SmcState& s, double elapsed) {
  const std::size_t k = s.stages.size();
  if (s.finished() || k < 3) return "";
  const double before = s.stages[k - 2].temperature;
  if (before <= 0 || s.temperature <= before) return "";
  const double stages_left = std::max(1.0, -std::log(s.temperature) / std::log(s.temperature / before));
  double evaluations = 0;
  for (const auto& stage : s.stages) evaluations += static_cast<double>(stage.evaluations);
  const double last_share = evaluations > 0 ? static_cast<double>(s.stages.back().evaluations) / evaluations
                                            : 1.0 / static_cast<double>(k - 1);
  return ", about " + duration_text(stages_left * elapsed * last_share) + " to go";
}

}  // namespace

std::string stage_line(const infer::SmcState& s, std::size_t particles, double trajectories_per_estimate, double elapsed) {
  const infer::StageDiagnostics& g = s.stages.back();
  double evaluations = 0;
  for (const auto& stage : s.stages) evaluations += static_cast<double>(stage.evaluations);
  std::ostringstream out;
  out.precision(3);
  out << "stage " << g.stage << ": temperature " << s.temperature;
  if (g.stage > 0) {
    out << ", ESS " << std::lround(g.ess) << "/" << particles << ", acceptance " << g.acceptance << " (" << g.moves
        << (g.moves == 1 ? " move" : " moves");
    // With two kernels (a walk and prior-preserving moves), the second one's own rate; the
    // default sampler (pCN moves alone) has one rate, the acceptance.
    if (g.moves > 1 && g.refresh_acceptance != g.acceptance) out << "; prior-preserving moves " << g.refresh_acceptance;
    out << ")";
  } else {
    out << " (the prior particles)";
  }
  out << ", " << with_commas(evaluations) << " likelihood estimates (" << with_commas(evaluations * trajectories_per_estimate)
      << " trajectories); " << duration_text(elapsed) << " elapsed" << eta_text(s, elapsed);
  return out.str();
}

PosteriorFile posterior_file_of(const infer::ParameterSpace& space, const infer::Posterior& post, PredictiveCheck check,
                                PosteriorProvenance provenance) {
  PosteriorFile f;
  for (const infer::Parameter& p : space.parameters()) {
    f.parameters.push_back(p.name);
    f.prior_text.push_back(p.prior.text());
    f.prior_mean.push_back(p.prior.mean());
    f.prior_variance.push_back(p.prior.variance());
  }
  f.draws = static_cast<std::int64_t>(post.draws.size());
  for (const auto& draw : post.draws) f.values.insert(f.values.end(), draw.begin(), draw.end());
  f.log_likelihood = post.log_likelihood;
  for (const infer::StageDiagnostics& g : post.stages) {
    f.stages.push_back({g.temperature, g.ess, g.acceptance, static_cast<std::int64_t>(g.moves),
                        static_cast<std::int64_t>(g.evaluations)});
  }
  f.log_evidence = post.log_evidence;
  f.final_ess = post.final_ess;
  f.check = std::move(check.rows);
  f.predictive = std::move(check.predictive);
  f.misfits = std::move(check.misfits);
  f.provenance = std::move(provenance);
  return f;
}

}  // namespace escalate::app
