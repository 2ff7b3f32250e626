// The comparison group of a comparison file, beside one results group per config.
#include "escalate/output/comparison_file.hpp"

#include "escalate/output/cf_conventions.hpp"
#include "escalate/hdf5/hdf5_writer.hpp"
#include "escalate/output/result_file.hpp"
#include "escalate/version.hpp"

#include <numeric>

namespace escalate {

void write_comparison(H5Writer& h5, const Comparison& c, const std::vector<ComparedRun>& runs,
                      const std::string& command_line) {
  for (const auto& run : runs) write_results(h5, run.name, run.config, run.results);
  const RunSettings& run = runs.front().config.run;
  std::vector<std::string> names;
  for (const auto& r : c.rows) names.push_back(r.name);
  std::vector<std::string> outcomes(OUTCOME_NAMES, OUTCOME_NAMES + NUM_OUTCOMES);
  std::vector<std::int64_t> draws(static_cast<std::size_t>(run.draws));
  std::iota(draws.begin(), draws.end(), 0);
  h5.dimension("comparison/config", names, {"compared config (the first is the reference)", ""});
  h5.dimension("comparison/outcome", outcomes, {"outcome reached by the horizon", ""});
  h5.dimension("comparison/bound", std::vector<std::string>{"lower", "upper"}, {"interval bound", ""});
  h5.dimension("comparison/draw", draws, {"parameter draw", CF_DIMENSIONLESS});
  std::vector<double> difference, paired, unpaired, per_draw, absolute, absolute_interval;
  std::vector<std::int64_t> exact;
  for (const auto& r : c.rows) {
    for (const auto& a : r.absolute) {
      absolute.push_back(a.mean);
      absolute_interval.insert(absolute_interval.end(), {a.lo, a.hi});
    }
    for (const auto& e : r.outcomes) {
      difference.push_back(e.difference);
      paired.insert(paired.end(), {e.paired_lo, e.paired_hi});
      unpaired.insert(unpaired.end(), {e.unpaired_lo, e.unpaired_hi});
    }
    per_draw.insert(per_draw.end(), r.per_draw_difference.begin(), r.per_draw_difference.end());
    exact.push_back(r.draws_paired_exactly);
  }
  const std::vector<std::string> co = {"comparison/config", "comparison/outcome"};
  const std::vector<std::string> cob = {"comparison/config", "comparison/outcome", "comparison/bound"};
  h5.variable("comparison/probability", absolute, co, {"P(config) by the horizon (mean over draws)", "1"});
  h5.variable("comparison/probability_interval", absolute_interval, cob, {"95% Monte Carlo interval of P(config), both loops", "1"});
  h5.variable("comparison/difference", difference, co, {"P(config) - P(reference) by the horizon, pooled", "1"});
  h5.variable("comparison/paired_interval", paired, cob, {"95% interval of the difference from paired units", "1"});
  h5.variable("comparison/unpaired_interval", unpaired, cob, {"95% interval as if the runs were independent", "1"});
  h5.variable("comparison/per_draw_difference", per_draw, {"comparison/config", "comparison/draw", "comparison/outcome"},
              {"per-draw P(config) - P(reference) by the horizon", "1"});
  h5.variable("comparison/draws_paired_exactly", exact, {"comparison/config"},
              {"draws in which every shared uncertain parameter has the same value", CF_DIMENSIONLESS});
  link_ancillary(h5, "comparison/probability", {"probability_interval"});
  link_ancillary(h5, "comparison/difference", {"paired_interval", "unpaired_interval", "per_draw_difference"});
  h5.attribute("comparison", "reference", c.reference);
  h5.attribute("comparison", "units", c.units);
  h5.attribute("comparison", "unit_count", c.unit_count);
  h5.attribute("", "filetype", std::string("escalate-comparison"));
  h5.attribute("", "format_version", RESULT_FORMAT_VERSION);
  h5.attribute("", "engine_version", std::string(ENGINE_VERSION));
  h5.attribute("", "git_sha1", std::string(GIT_SHA1));
  write_seed(h5, "", run.seed);
  h5.attribute("", "draws", run.draws);
  h5.attribute("", "trajectories", run.trajectories);
  h5.attribute("", "command_line", command_line);
  std::string list;
  for (const auto& n : names) list += (list.empty() ? "" : " ") + n;
  h5.attribute("", "configs", list);
  h5.attribute("", "title", "Escalate comparison of " + std::to_string(names.size()) + " configs against " + c.reference);
  h5.attribute("", "history", history_with({}, utc_timestamp(), command_line));
  write_cf_globals(h5, "One group per compared config with its full results (" + std::to_string(run.draws) +
                           " parameter draws x " + std::to_string(run.trajectories) +
                           " trajectories each, common random numbers); group comparison holds each config's "
                           "probabilities and its paired differences from the reference, with 95% intervals "
                           "(ancillary_variables). Probabilities have units 1. See docs/loading.md");
}

}  // namespace escalate
