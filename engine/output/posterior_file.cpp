// Writing the posterior file of `escalate calibrate` (posterior_file.hpp; read back in
// posterior_file_read.cpp).
#include "escalate/output/posterior_file.hpp"

#include "escalate/base/error.hpp"
#include "escalate/output/cf_conventions.hpp"
#include "escalate/hdf5/file_publish.hpp"
#include "escalate/hdf5/hdf5_writer.hpp"
#include "escalate/version.hpp"

#include <numeric>

namespace escalate {

namespace posterior_writing {  // named, not anonymous: safe in a unity build beside summary.cpp

std::string lines_of(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : "\n") + item;
  return out;
}

// Every size against the others: a writer that disagrees with itself is a bug, refused
// before a byte is written.
void check_sizes(const PosteriorFile& p) {
  const std::size_t P = p.parameters.size(), D = static_cast<std::size_t>(p.draws), R = p.check.size();
  auto wrong = [](const std::string& what) { throw IoError("internal error: posterior file: " + what); };
  if (p.draws < 0) wrong("negative draws");
  if (p.prior_text.size() != P || p.prior_mean.size() != P || p.prior_variance.size() != P) wrong("prior sizes differ from the parameters");
  if (p.values.size() != D * P) wrong("values are not draws x parameters");
  if (p.log_likelihood.size() != D) wrong("log_likelihood is not one per draw");
  if (p.predictive.size() != D * R) wrong("predictive is not draws x check rows");
  if (p.provenance.window_configs.size() != p.provenance.window_sha256.size()) wrong("window configs and their SHA-256 differ in number");
}

void write_draws(H5Writer& h5, const PosteriorFile& p) {
  std::vector<std::int64_t> draw(static_cast<std::size_t>(p.draws));
  std::iota(draw.begin(), draw.end(), 0);
  h5.dimension("posterior/draw", draw, {"posterior draw (equally weighted, resampled at the end)", CF_DIMENSIONLESS});
  h5.dimension("posterior/parameter", p.parameters, {"path of an uncertain parameter (as draws/parameters of a run file)", ""});
  h5.variable("posterior/parameters", p.values, {"posterior/draw", "posterior/parameter"},
              {"posterior draws of each parameter", ""});
  h5.attribute("posterior/parameters", "comment",
               std::string("no units attribute: each column is in the units of its config key (docs/model.md)"));
  h5.variable("posterior/log_likelihood", p.log_likelihood, {"posterior/draw"},
              {"estimated log likelihood of the record at each draw", CF_DIMENSIONLESS});
  h5.variable("prior/text", p.prior_text, {"posterior/parameter"}, {"prior distribution of each parameter", ""});
  h5.variable("prior/mean", p.prior_mean, {"posterior/parameter"}, {"prior mean of each parameter", ""});
  h5.variable("prior/variance", p.prior_variance, {"posterior/parameter"}, {"prior variance of each parameter", ""});
}

void write_stages(H5Writer& h5, const std::vector<PosteriorStage>& stages) {
  std::vector<std::int64_t> stage(stages.size()), moves, evaluations;
  std::iota(stage.begin(), stage.end(), 0);
  std::vector<double> temperature, ess, acceptance;
  for (const auto& s : stages) {
    temperature.push_back(s.temperature);
    ess.push_back(s.ess);
    acceptance.push_back(s.acceptance);
    moves.push_back(s.moves);
    evaluations.push_back(s.evaluations);
  }
  const std::vector<std::string> dims = {"stages/stage"};
  h5.dimension("stages/stage", stage, {"stage of the sampler (0: the prior)", CF_DIMENSIONLESS});
  h5.variable("stages/temperature", temperature, dims, {"temperature (power of the likelihood) of the stage", CF_DIMENSIONLESS});
  h5.variable("stages/ess", ess, dims, {"effective sample size after reweighting, before resampling", CF_DIMENSIONLESS});
  h5.variable("stages/acceptance", acceptance, dims, {"acceptance rate of the stage's moves", CF_DIMENSIONLESS});
  h5.variable("stages/moves", moves, dims, {"move steps of the stage", CF_DIMENSIONLESS});
  h5.variable("stages/evaluations", evaluations, dims, {"likelihood estimates of the stage", CF_DIMENSIONLESS});
}

void write_check(H5Writer& h5, const PosteriorFile& p) {
  std::vector<std::string> observation, observed_text;
  std::vector<double> observed, median, low, high, pit;
  std::vector<std::int64_t> outlier;
  for (const auto& row : p.check) {
    observation.push_back(row.observation);
    observed_text.push_back(row.observed_text);
    observed.push_back(row.observed);
    median.push_back(row.median);
    low.push_back(row.low);
    high.push_back(row.high);
    pit.push_back(row.pit);
    outlier.push_back(row.outlier ? 1 : 0);
  }
  const std::vector<std::string> dims = {"check/observation"};
  h5.dimension("check/observation", observation, {"observation of the record (window/kind/type/period)", ""});
  h5.variable("check/observed", observed, dims, {"observed value (an interval: its low end; NaN: held out)", CF_DIMENSIONLESS});
  h5.variable("check/observed_text", observed_text, dims, {"observed value as the record gives it", ""});
  h5.variable("check/median", median, dims, {"median of the posterior predictive distribution", CF_DIMENSIONLESS});
  h5.variable("check/low", low, dims, {"5% quantile of the posterior predictive distribution", CF_DIMENSIONLESS});
  h5.variable("check/high", high, dims, {"95% quantile of the posterior predictive distribution", CF_DIMENSIONLESS});
  h5.variable("check/pit", pit, dims, {"probability integral transform (randomised for counts; NaN: held out)", CF_DIMENSIONLESS});
  h5.variable("check/outlier", outlier, dims, {"1 where pit < 0.005 or pit > 0.995", CF_DIMENSIONLESS});
  h5.variable("check/predictive", p.predictive, {"posterior/draw", "check/observation"},
              {"posterior predictive draw of each observation at each posterior draw", CF_DIMENSIONLESS});
  link_ancillary(h5, "check/median", {"low", "high", "pit", "outlier"});
}

void write_attributes(H5Writer& h5, const PosteriorFile& p) {
  const PosteriorProvenance& v = p.provenance;
  h5.attribute("", "filetype", std::string(POSTERIOR_FILETYPE));
  h5.attribute("", "format_version", POSTERIOR_FORMAT_VERSION);
  h5.attribute("", "engine_version", v.engine_version.empty() ? std::string(ENGINE_VERSION) : v.engine_version);
  h5.attribute("", "git_sha1", std::string(GIT_SHA1));
  const std::string now = utc_timestamp();
  h5.attribute("", "created", now);
  h5.attribute("", "title", "Escalate posterior of " + v.forecast_config + " given the record " + v.record);
  h5.attribute("", "history", history_with({}, now, v.command_line));
  h5.attribute("", "command_line", v.command_line);
  h5.attribute("", "forecast_config", v.forecast_config);
  h5.attribute("", "forecast_sha256", v.forecast_sha256);
  h5.attribute("", "record", v.record);
  h5.attribute("", "record_sha256", v.record_sha256);
  h5.attribute("", "window_configs", lines_of(v.window_configs));
  h5.attribute("", "window_sha256", lines_of(v.window_sha256));
  h5.attribute("", "likelihood", v.likelihood);
  h5.attribute("", "seed", v.seed);
  h5.attribute("", "particles", v.particles);
  h5.attribute("", "trajectories", v.trajectories);
  h5.attribute("", "draws", p.draws);
  h5.attribute("", "log_evidence", p.log_evidence);
  h5.attribute("", "final_ess", p.final_ess);
  h5.attribute("", "misfits", lines_of(p.misfits));
  write_cf_globals(h5, "Posterior draws of the uncertain parameters given the record (group posterior, equally "
                       "weighted), their priors (group prior), the sampler's stages (group stages) and the "
                       "posterior predictive check of every observation (group check). See docs/calibration.md");
}

}  // namespace posterior_writing

void write_posterior_file(const std::string& path, const PosteriorFile& posterior, bool overwrite) {
  posterior_writing::check_sizes(posterior);
  write_file_atomically(path, overwrite, [&](H5Writer& h5) {
    posterior_writing::write_draws(h5, posterior);
    posterior_writing::write_stages(h5, posterior.stages);
    posterior_writing::write_check(h5, posterior);
    posterior_writing::write_attributes(h5, posterior);
  });
}

}  // namespace escalate
