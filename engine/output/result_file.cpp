#include "escalate/output/result_file.hpp"

#include "escalate/base/error.hpp"
#include "escalate/output/cf_conventions.hpp"
#include "escalate/hdf5/file_publish.hpp"
#include "escalate/hdf5/hdf5_writer.hpp"
#include "escalate/output/run_state.hpp"
#include "escalate/output/tally_names.hpp"
#include "escalate/config/schema.hpp"
#include "escalate/model/phase.hpp"
#include "escalate/sim/tally_layout.hpp"
#include "escalate/version.hpp"

namespace escalate {

void write_seed(H5Writer& h5, const std::string& group, std::uint64_t seed) {
  // Exact: int32 when it fits (R reads it without a warning), int64, uint64 from 2^63.
  h5.attribute(group, "seed", seed);
}

void require_format_version(const std::string& path, std::int64_t format) {
  if (format == RESULT_FORMAT_VERSION) return;
  if (format < RESULT_FORMAT_VERSION && format >= 1) {
    throw FileError(path + ": result format " + std::to_string(format) + " was written by an older engine (before " +
                    "format 3 and its CF-1.8 names: time_days became time); this engine reads format " +
                    std::to_string(RESULT_FORMAT_VERSION) + ". Read it with the engine that wrote it " +
                    "(see its engine_version), or run its config again");
  }
  throw FileError(path + ": result format " + std::to_string(format) + ", this engine reads format " +
                  std::to_string(RESULT_FORMAT_VERSION) + " (written by a newer engine, or an edited file)");
}

namespace {

constexpr const char* PROB = "1";   // dimensionless probability, CF style
constexpr const char* COUNT = "1";  // counts are dimensionless numbers in UDUNITS

// The paths of dimensions named in a group ("" for the root).
std::vector<std::string> dims_in(const std::string& g, std::initializer_list<const char*> names) {
  std::vector<std::string> out;
  for (const char* n : names) out.push_back(g + n);
  return out;
}

std::vector<double> scalar(double x) { return std::vector<double>{x}; }

// The coordinates of a run, each a netCDF dimension scale.
void write_dimensions(H5Writer& h5, const std::string& g, const Config& config, const Results& r) {
  const std::string prob = PROB, count = COUNT;
  write_time_coordinate(h5, g + "time", r.time_days, config.run.start_date);
  h5.dimension(g + "phase", r.phase, {"phase of the security dilemma", ""});
  h5.dimension(g + "incident_phase", r.incident_phase, {"phase in which an incident happened (rates are given per phase)", ""});
  h5.dimension(g + "rung", r.rung, {"rung of the escalation ladder chosen in a decision", ""});
  h5.dimension(g + "side", r.side, {"side", ""});
  h5.dimension(g + "draw", r.draw, {"parameter draw (outer loop)", count});
  h5.dimension(g + "parameter", r.parameter, {"path of an uncertain parameter in the config", ""});
  h5.dimension(g + "incident", r.incident, {"incident type", ""});
  h5.dimension(g + "cause", r.cause, {"cause of a decision or a transition: an incident type or a built-in act", ""});
  h5.dimension(g + "quantile", r.quantile, {"quantile level across draws", prob});
  h5.dimension(g + "bound", std::vector<std::string>{"lower", "upper"}, {"interval bound", ""});
  h5.dimension(g + "duration_bin", r.duration_bin, {"lower edge of a bin of war durations", "day"});

}

// The estimates over both loops, counts by cause, and the Spearman screen.
void write_estimates(H5Writer& h5, const std::string& g, const Results& r) {
  const std::string prob = PROB, count = COUNT;
  auto dims = [&](std::initializer_list<const char*> names) { return dims_in(g, names); };
  const std::vector<std::string> none;
  std::vector<double> p_reached, p_reached_interval, p_reached_sd;
  for (const Outcome& o : r.reach) {
    p_reached.push_back(o.pooled.mean);
    p_reached_interval.insert(p_reached_interval.end(), {o.pooled.lo, o.pooled.hi});
    p_reached_sd.push_back(o.pooled.between_draw_sd);
  }
  const std::string both = " (95% Monte Carlo interval over both loops: hull of a Student t interval over "
                           "per-draw estimates and the Wilson interval of the pooled count)";
  h5.variable(g + "occupancy", r.occupancy, dims({"time", "phase"}), {"fraction of trajectories in each phase at t", prob});
  h5.variable(g + "reached", r.reached, dims({"time", "phase"}), {"fraction of trajectories that reached phase >= k by t", prob});
  h5.variable(g + "clash_by_time", r.clash_by_time, dims({"time"}), {"fraction of trajectories with a first clash by t", prob});
  h5.variable(g + "p_reached", p_reached, dims({"phase"}), {"probability of reaching phase >= k by the horizon (mean over draws)", prob});
  h5.variable(g + "p_reached_interval", p_reached_interval, dims({"phase", "bound"}), {"interval of p_reached" + both, prob});
  h5.variable(g + "p_reached_between_draw_sd", p_reached_sd, dims({"phase"}),
              {"between-draw sd of the true per-draw probabilities (binomial noise removed)", prob});
  h5.variable(g + "p_nuclear", scalar(r.reach[NUCLEAR].pooled.mean), none, {"probability of nuclear use by the horizon (mean over draws)", prob});
  h5.variable(g + "p_nuclear_interval", std::vector<double>{r.reach[NUCLEAR].pooled.lo, r.reach[NUCLEAR].pooled.hi}, dims({"bound"}),
              {"interval of p_nuclear" + both, prob});
  h5.variable(g + "p_clash", scalar(r.clash.pooled.mean), none,
              {"probability of a first clash (limited strike or war) by the horizon (mean over draws)", prob});
  h5.variable(g + "p_clash_interval", std::vector<double>{r.clash.pooled.lo, r.clash.pooled.hi}, dims({"bound"}),
              {"interval of p_clash" + both, prob});
  h5.variable(g + "p_clash_between_draw_sd", scalar(r.clash.pooled.between_draw_sd), none,
              {"between-draw sd of the true per-draw probabilities of a clash", prob});
  h5.variable(g + "p_war_by_time", r.p_war_by_time, dims({"time"}), {"probability of war by t (mean over draws)", prob});
  h5.variable(g + "p_war_by_time_interval", r.p_war_by_time_interval, dims({"time", "bound"}), {"interval of p_war_by_time" + both, prob});
  h5.variable(g + "war_by_draw", r.war_by_draw, dims({"draw", "time"}), {"per-draw probability of war by t", prob});
  h5.variable(g + "war_quantiles", r.war_quantiles, dims({"quantile", "time"}), {"quantiles across draws of the probability of war by t", prob});
  h5.variable(g + "reached_quantiles", r.reached_quantiles, dims({"quantile", "phase"}),
              {"quantiles across draws of the probability of reaching phase >= k by the horizon", prob});
  h5.variable(g + "clash_quantiles", r.clash_quantiles, dims({"quantile"}), {"quantiles across draws of the probability of a clash", prob});
  for (const CountDataset& d : COUNT_DATASETS) {
    std::vector<std::string> count_dims;
    for (const std::string& dim : tally_names(d.id).dims) count_dims.push_back(g + dim);
    h5.variable(g + d.name, r.count(d.id), count_dims, {d.long_name, count});
  }
  h5.variable(g + "act_offspring_pooled", scalar(r.act_offspring_pooled), none,
              {"acts (countermeasures, strikes) chosen in decisions on acts, per such decision, all draws", "1"});
  h5.variable(g + "sensitivity", r.sensitivity, dims({"parameter"}),
              {"Spearman rank correlation across draws of per-draw P(war) with each uncertain parameter", "1"});
  h5.attribute(g + "sensitivity", "noise_threshold", r.sensitivity_threshold);
  h5.attribute(g + "sensitivity", "noise_threshold_meaning",
               std::string("|rho| that a parameter without effect exceeds with probability 5% at these draws "
                           "(t approximation); smaller correlations are indistinguishable from chance"));

}

// The per-draw variables (group draws/) and the ancillary links of the estimates.
void write_by_draw(H5Writer& h5, const std::string& g, const Results& r) {
  const std::string prob = PROB, count = COUNT;
  auto dims = [&](std::initializer_list<const char*> names) { return dims_in(g, names); };
  auto by_draw = [&](const char* name, const std::vector<double>& v, const std::string& what) {
    h5.variable(g + "draws/" + name, v, dims({"draw"}), {what, prob});
  };
  by_draw("p_war", r.reach[WAR].by_draw, "per-draw probability of war by the horizon");
  by_draw("p_spiral", r.reach[SPIRAL].by_draw, "per-draw probability of reaching spiral by the horizon");
  by_draw("p_nuclear", r.reach[NUCLEAR].by_draw, "per-draw probability of nuclear use by the horizon");
  by_draw("p_clash", r.clash.by_draw, "per-draw probability of a first clash by the horizon");
  h5.variable(g + "draws/act_offspring", r.act_offspring, dims({"draw"}),
              {"per-draw act offspring ratio: probability that a countermeasure or strike is answered by another", "1"});
  h5.variable(g + "draws/incidents", r.incidents_by_draw, dims({"draw", "incident"}),
              {"per-draw mean number of incidents per trajectory over the horizon, by type", "1"});
  h5.variable(g + "draws/incident_decisions", r.incident_decisions_by_draw, dims({"draw", "incident", "rung"}),
              {"per-draw mean number of decisions on incidents (not on acts or injections) per trajectory, by type and rung", "1"});
  h5.variable(g + "draws/parameters", r.parameters, dims({"draw", "parameter"}), {"value of each uncertain parameter in each draw", ""});
  h5.attribute(g + "draws/parameters", "comment",
               std::string("no units attribute: each column is in the units of its config key (docs/model.md)"));
  link_ancillary(h5, g + "p_reached", {"p_reached_interval", "p_reached_between_draw_sd", "reached_quantiles"});
  link_ancillary(h5, g + "p_nuclear", {"p_nuclear_interval"});
  link_ancillary(h5, g + "p_clash", {"p_clash_interval", "p_clash_between_draw_sd", "clash_quantiles"});
  link_ancillary(h5, g + "p_war_by_time", {"p_war_by_time_interval", "war_quantiles", "war_by_draw"});

}

// The provenance and sizes of the run, as attributes of its group.
void write_run_attributes(H5Writer& h5, const std::string& group, const Config& config, const Results& r) {
  const auto& run = config.run;
  h5.attribute(group, "filetype", std::string(RESULT_FILETYPE));
  h5.attribute(group, "format_version", RESULT_FORMAT_VERSION);
  h5.attribute(group, "schema_version", CONFIG_SCHEMA);
  h5.attribute(group, "engine_version", std::string(ENGINE_VERSION));
  h5.attribute(group, "git_sha1", std::string(GIT_SHA1));
  const std::string now = utc_timestamp();
  h5.attribute(group, "created", now);
  h5.attribute(group, "title", "Escalate results for " + config.source_path);
  h5.attribute(group, "history", history_with(r.provenance.history, now, r.provenance.command_line));
  write_seed(h5, group, run.seed);
  h5.attribute(group, "draws", run.draws);
  h5.attribute(group, "trajectories", run.trajectories);
  h5.attribute(group, "horizon_days", config.scenario.horizon_days);
  h5.attribute(group, "grid_days", config.scenario.grid_days);
  if (!run.start_date.empty()) h5.attribute(group, "start_date", run.start_date);
  h5.attribute(group, "config_path", config.source_path);
  if (!r.provenance.posterior_sha256.empty()) {  // --posterior: the file the draws came from
    h5.attribute(group, "posterior", r.provenance.posterior);
    h5.attribute(group, "posterior_sha256", r.provenance.posterior_sha256);
  }
  h5.attribute(group, "config", config.resolved_text);
  h5.attribute(group, "command_line", r.provenance.command_line);
  h5.attribute(group, "threads", static_cast<std::int64_t>(r.provenance.threads));
  h5.attribute(group, "ranks", static_cast<std::int64_t>(r.provenance.ranks));
  h5.attribute(group, "wall_time_seconds", r.provenance.wall_seconds);
  h5.attribute(group, "complete", static_cast<std::int64_t>(r.provenance.complete ? 1 : 0));
  h5.attribute(group, "trajectories_done", r.trajectories_done);
  h5.attribute(group, "trajectories_planned", r.trajectories_planned);
  for (std::size_t c = 0; c < COUNTER_NAMES.size(); ++c) {
    if (COUNTER_NAMES[c] != "trajectories") h5.attribute(group, COUNTER_NAMES[c], r.counter(static_cast<int>(c)));
  }
  std::string warnings;
  for (const auto& w : r.warnings) warnings += (warnings.empty() ? "" : "\n") + w;
  h5.attribute(group, "warnings", warnings);
}

}  // namespace

void write_results(H5Writer& h5, const std::string& group, const Config& config, const Results& r) {
  const std::string g = group.empty() ? "" : group + "/";
  write_dimensions(h5, g, config, r);
  write_estimates(h5, g, r);
  write_by_draw(h5, g, r);
  write_run_attributes(h5, group, config, r);
}

void write_result_file(const std::string& path, const Config& config, const Results& results,
                       const DriverResult& driver, const ShardInfo& shard, bool overwrite,
                       const std::string& may_replace) {
  write_file_atomically(path, overwrite, [&](H5Writer& h5) {
    write_results(h5, "", config, results);
    write_cf_globals(h5, "Monte Carlo estimates of escalation probabilities from " + std::to_string(config.run.draws) +
                             " parameter draws x " + std::to_string(config.run.trajectories) +
                             " trajectories; probabilities and counts have units 1; each estimate's 95% interval "
                             "(over both loops) is named in its ancillary_variables. Per-draw results are in "
                             "group draws, the mergeable integer state in group state. See docs/loading.md");
    write_state(h5, driver, shard);
  }, may_replace);
}

std::uint64_t result_file_size(const Config& config, const Results& results, const DriverResult& driver,
                               const ShardInfo& shard) {
  return file_size_of([&](H5Writer& h5) {
    write_results(h5, "", config, results);
    write_state(h5, driver, shard);
  });
}

}  // namespace escalate
