// --posterior for the sampling services (posterior_draws.hpp).
#include "posterior_draws.hpp"

#include "escalate/base/error.hpp"
#include "escalate/output/posterior_file.hpp"

namespace escalate::app {

std::optional<PosteriorDraws> load_posterior_draws(const std::string& path) {
  if (path.empty()) return std::nullopt;
  const PosteriorFile file = read_posterior_file(path);
  PosteriorDraws out;
  out.path = path;
  out.sha256 = file_sha256(path);
  GivenColumns& c = out.columns;
  c.source = path;
  c.rows = file.draws;
  std::vector<std::size_t> kept;
  for (std::size_t k = 0; k < file.parameters.size(); ++k) {
    // The record's reporting probabilities and its windows' own starting states are not
    // parameters of the forecast (docs/calibration.md, "A record against the forecast").
    const std::string& name = file.parameters[k];
    if (name.rfind("reporting.", 0) == 0 || name.rfind("window.", 0) == 0) continue;
    kept.push_back(k);
    c.paths.push_back(file.parameters[k]);
  }
  c.values.reserve(static_cast<std::size_t>(file.draws) * kept.size());
  for (std::int64_t m = 0; m < file.draws; ++m) {
    for (std::size_t k : kept) c.values.push_back(file.value(m, k));
  }
  return out;
}

std::optional<DrawTable> posterior_table(const Config& config, const std::optional<PosteriorDraws>& posterior) {
  if (!posterior) return std::nullopt;
  return DrawTable::of(config, posterior->columns);
}

void record_posterior(Provenance& provenance, const std::optional<PosteriorDraws>& posterior) {
  if (!posterior) return;
  provenance.posterior = posterior->path;
  provenance.posterior_sha256 = posterior->sha256;
}

void require_same_posterior(const std::string& what, const std::string& stored,
                            const std::optional<PosteriorDraws>& posterior) {
  const std::string given = posterior ? posterior->sha256 : "";
  if (stored == given) return;
  if (given.empty()) {
    throw RequestError(what + ": its draws came from a posterior file (SHA-256 " + stored +
                     "); give the same one with --posterior");
  }
  throw RequestError(what + (stored.empty() ? ": was run without a posterior, not with --posterior " + posterior->path
                                          : ": its draws came from another posterior file (SHA-256 " + stored + ") than " +
                                                posterior->path + " (" + given + ")") +
                   "; its draws must be the same");
}

}  // namespace escalate::app
