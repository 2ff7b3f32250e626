#pragma once
// Internal to the compare and sweep services (compared_runs.cpp): running the configs of a
// comparison, measuring them for a dry run, and publishing the file.
#include "escalate/app/compare.hpp"
#include "posterior_draws.hpp"
#include "escalate/hdf5/hdf5_writer.hpp"

#include <functional>
#include <string>
#include <vector>

namespace escalate::app {

// Runs every config of a comparison (all with the same run settings) but those read from
// result files (`stored`), refusing to go on after an interrupt; fills each run's driver
// result and results. With a posterior, each config's draws of its parameters are the
// posterior's (check_posterior_columns refuses a config that lacks them, before any work).
void execute_all(std::vector<ComparedRun>& runs, int threads, const Callbacks& callbacks, const std::string& command_line,
                 const std::vector<bool>& stored, const std::optional<PosteriorDraws>& posterior);
void check_posterior_columns(const std::vector<ComparedRun>& runs, const std::vector<bool>& stored,
                             const std::optional<PosteriorDraws>& posterior);

// A dry run: pilots the configs still to run; the file's size from a comparison of their
// empty layouts (and the stored runs) written in memory by `fill`.
ComparisonEstimate estimate_comparison(std::vector<ComparedRun>& runs, const std::vector<bool>& stored, int threads,
                                       const std::function<void(H5Writer&, const Comparison&)>& fill);

}  // namespace escalate::app
