#pragma once
// Internal to the services: `--posterior FILE` for run, compare and sweep. The draws of a
// posterior file (`escalate calibrate`) become the outer loop: draw m of every parameter
// the posterior holds is its draw m, the others are drawn from the config as always.
// Paths `reporting.*` belong to the record (how incidents enter it), not to the model,
// and are ignored.
#include "escalate/config/config.hpp"
#include "escalate/statistics/results.hpp"
#include "escalate/sim/draw_table.hpp"

#include <optional>
#include <string>

namespace escalate::app {

struct PosteriorDraws {
  std::string path, sha256;
  GivenColumns columns;  // the model's parameters of the posterior, every draw
};

// Reads the posterior file at `path` ("": none). Throws FileError for a missing, foreign or
// damaged file.
std::optional<PosteriorDraws> load_posterior_draws(const std::string& path);

// The draw table of `config` with the posterior's columns (none without a posterior).
// Throws RequestError naming the paths a config lacks, or when the config asks for more
// draws than the posterior holds.
std::optional<DrawTable> posterior_table(const Config& config, const std::optional<PosteriorDraws>& posterior);

// Records the posterior's path and SHA-256 in a result's provenance (nothing without one).
void record_posterior(Provenance& provenance, const std::optional<PosteriorDraws>& posterior);

// Refuses (RequestError) a stored result `what` whose posterior SHA-256 (`stored`, "" for
// none) is not the one given now.
void require_same_posterior(const std::string& what, const std::string& stored,
                            const std::optional<PosteriorDraws>& posterior);

}  // namespace escalate::app
