// Running, or piloting, the configs of a comparison.
#include "compared_runs.hpp"

#include "escalate/app/execution.hpp"
#include "escalate/base/error.hpp"
#include "escalate/hdf5/file_publish.hpp"

namespace escalate::app {

void check_posterior_columns(const std::vector<ComparedRun>& runs, const std::vector<bool>& stored,
                             const std::optional<PosteriorDraws>& posterior) {
  for (std::size_t i = 0; i < runs.size(); ++i) {
    if (!stored[i]) posterior_table(runs[i].config, posterior);  // refuses a config without the posterior's paths
  }
}

void execute_all(std::vector<ComparedRun>& runs, int threads, const Callbacks& callbacks, const std::string& command_line,
                 const std::vector<bool>& stored, const std::optional<PosteriorDraws>& posterior) {
  for (std::size_t i = 0; i < runs.size(); ++i) {
    if (stored[i]) continue;  // read from a result file
    ComparedRun& run = runs[i];
    callbacks.say("running " + run.name);
    const std::optional<DrawTable> draws = posterior_table(run.config, posterior);
    Execution e = execute(run.config, threads, callbacks, command_line, nullptr, draws ? &*draws : nullptr);
    record_posterior(e.provenance, posterior);
    if (!e.driver.complete) throw Interrupted("interrupted: nothing written (a comparison needs complete runs)");
    run.driver = std::move(e.driver);
    run.results = compute_results(run.config, run.driver, e.provenance);
  }
}

ComparisonEstimate estimate_comparison(std::vector<ComparedRun>& runs, const std::vector<bool>& stored, int threads,
                                       const std::function<void(H5Writer&, const Comparison&)>& fill) {
  ComparisonEstimate estimate;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    ComparedRun& run = runs[i];
    if (stored[i]) {
      estimate.pilots.emplace_back();
      estimate.seconds.push_back(0);
      continue;
    }
    Pilot pilot = run_pilot(run.config, threads, nullptr);
    const double seconds = estimated_seconds(pilot, run.config, nullptr);
    estimate.total_seconds += seconds;
    run.driver = empty_run_of(run.config, pilot);
    run.results = compute_results(run.config, run.driver, Provenance::of(run.driver, "", 0));
    estimate.threads = pilot.driver.threads;
    estimate.seconds.push_back(seconds);
    estimate.pilots.emplace_back(std::move(pilot));
  }
  const Comparison comparison = compare_runs(runs);
  estimate.bytes = file_size_of([&](H5Writer& h5) { fill(h5, comparison); });
  return estimate;
}

}  // namespace escalate::app
