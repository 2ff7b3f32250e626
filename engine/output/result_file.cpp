#include "escalate/output/result_file.hpp"

#include "escalate/base/error.hpp"
#include "escalate/output/file_publish.hpp"
#include "escalate/output/hdf5_writer.hpp"
#include "escalate/output/run_state.hpp"
#include "escalate/version.hpp"

#include <chrono>
#include <ctime>
#include <limits>

namespace escalate {

namespace {

std::string now_iso8601() {
  std::time_t t = std::time(nullptr);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buffer;
}

}  // namespace

void write_seed(H5Writer& h5, const std::string& group, std::uint64_t seed) {
  // A signed 64-bit integer, as every file so far; unsigned only where it must be (2^63
  // and above, once run.seed takes the whole uint64 range).
  if (seed > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) h5.attribute(group, "seed", seed);
  else h5.attribute(group, "seed", static_cast<std::int64_t>(seed));
}

void write_results(H5Writer& h5, const std::string& group, const Config& config, const Results& r) {
  const std::string prob = "1";  // dimensionless probability, CF style
  const std::string g = group.empty() ? "" : group + "/";
  auto dims = [&](std::initializer_list<const char*> names) {
    std::vector<std::string> out;
    for (const char* n : names) out.push_back(g + n);
    return out;
  };
  h5.dimension(g + "time_days", r.time_days, {"time since the start of the run", "day"});
  h5.dimension(g + "phase", r.phase, {"phase of the security dilemma (MODEL.md section 3)", ""});
  h5.dimension(g + "draw", r.draw, {"parameter draw (outer loop)", ""});
  h5.dimension(g + "parameter", r.parameter, {"path of an uncertain parameter in the config", ""});
  h5.dimension(g + "incident", r.incident, {"incident type", ""});
  h5.dimension(g + "cause", r.cause, {"what caused a transition: incident type or mechanism", ""});
  h5.dimension(g + "quantile", r.quantile, {"quantile level across draws", prob});
  h5.dimension(g + "bound", std::vector<std::string>{"lower", "upper"}, {"interval bound", ""});
  h5.dimension(g + "chain_length", r.chain_length, {"links in a chain of countermeasures (an answer to an incident is 1)", ""});

  h5.variable(g + "occupancy", r.occupancy, dims({"time_days", "phase"}), {"fraction of all trajectories in each phase", prob});
  h5.variable(g + "reached", r.reached, dims({"time_days", "phase"}), {"fraction of trajectories that reached phase >= k by t", prob});
  h5.variable(g + "p_reached", r.p_reached, dims({"phase"}), {"pooled probability of reaching phase >= k by the horizon", prob});
  h5.variable(g + "p_reached_interval", r.p_reached_interval, dims({"phase", "bound"}),
              {"95% Wilson interval of p_reached (pooled over all trajectories)", prob});
  h5.variable(g + "p_nuclear", std::vector<double>{r.p_nuclear}, std::vector<std::string>{}, {"pooled probability of nuclear war by the horizon", prob});
  h5.variable(g + "p_nuclear_interval", r.p_nuclear_interval, dims({"bound"}), {"95% Wilson interval of p_nuclear", prob});
  h5.variable(g + "war_by_draw", r.war_by_draw, dims({"draw", "time_days"}), {"per-draw probability of war by t", prob});
  h5.variable(g + "war_quantiles", r.war_quantiles, dims({"quantile", "time_days"}),
              {"quantiles across draws of the probability of war by t", prob});
  h5.variable(g + "reached_quantiles", r.reached_quantiles, dims({"quantile", "phase"}),
              {"quantiles across draws of the probability of reaching phase >= k by the horizon", prob});
  h5.variable(g + "incident_count", r.incident_count, dims({"incident", "phase"}),
              {"incidents by type and by the phase in which they happened (all trajectories)", "count"});
  h5.variable(g + "war_trigger", r.war_trigger, dims({"cause"}), {"wars by what triggered them", "count"});
  h5.variable(g + "spiral_trigger", r.spiral_trigger, dims({"cause"}),
              {"first entries into spiral (or war) by what triggered them", "count"});
  h5.variable(g + "p_countermeasure_chain", r.p_chain, dims({"chain_length"}),
              {"pooled probability of a countermeasure chain of at least this many links by the horizon", prob});
  h5.variable(g + "p_countermeasure_chain_interval", r.p_chain_interval, dims({"chain_length", "bound"}),
              {"95% Wilson interval of p_countermeasure_chain", prob});
  h5.variable(g + "sensitivity", r.sensitivity, dims({"parameter"}),
              {"Spearman rank correlation across draws of p_war with each uncertain parameter", "1"});

  h5.variable(g + "draws/p_war", r.p_war, dims({"draw"}), {"per-draw probability of war by the horizon", prob});
  h5.variable(g + "draws/p_spiral", r.p_spiral, dims({"draw"}), {"per-draw probability of reaching spiral by the horizon", prob});
  h5.variable(g + "draws/p_nuclear", r.p_nuclear_by_draw, dims({"draw"}), {"per-draw probability of nuclear war by the horizon", prob});
  h5.variable(g + "draws/p_reached", r.p_reached_by_draw, dims({"draw", "phase"}),
              {"per-draw probability of reaching phase >= k by the horizon", prob});
  h5.variable(g + "draws/parameters", r.parameters, dims({"draw", "parameter"}), {"value of each uncertain parameter in each draw", ""});

  const auto& run = config.run;
  h5.attribute(group, "filetype", std::string(RESULT_FILETYPE));
  h5.attribute(group, "format_version", RESULT_FORMAT_VERSION);
  h5.attribute(group, "schema_version", std::int64_t{1});
  h5.attribute(group, "engine_version", std::string(ENGINE_VERSION));
  h5.attribute(group, "git_sha1", std::string(GIT_SHA1));
  h5.attribute(group, "created", now_iso8601());
  h5.attribute(group, "title", "Escalate results for " + config.source_path);
  write_seed(h5, group, run.seed);
  h5.attribute(group, "draws", run.draws);
  h5.attribute(group, "trajectories", run.trajectories);
  h5.attribute(group, "horizon_days", config.scenario.horizon_days);
  h5.attribute(group, "grid_days", config.scenario.grid_days);
  h5.attribute(group, "config_path", config.source_path);
  h5.attribute(group, "config", config.resolved_text);
  h5.attribute(group, "command_line", r.provenance.command_line);
  h5.attribute(group, "threads", static_cast<std::int64_t>(r.provenance.threads));
  h5.attribute(group, "ranks", static_cast<std::int64_t>(r.provenance.ranks));
  h5.attribute(group, "wall_time_seconds", r.provenance.wall_seconds);
  h5.attribute(group, "complete", static_cast<std::int64_t>(r.provenance.complete ? 1 : 0));
  h5.attribute(group, "trajectories_done", r.trajectories_done);
  h5.attribute(group, "trajectories_planned", r.trajectories_planned);
  h5.attribute(group, "countermeasures", r.countermeasures);
  h5.attribute(group, "reassurance_signals", r.signals);
  h5.attribute(group, "evaluations", r.evaluations);
}

void write_result_file(const std::string& path, const Config& config, const Results& results,
                       const DriverResult& driver, const ShardInfo& shard, bool overwrite,
                       const std::string& may_replace) {
  write_file_atomically(path, overwrite, [&](H5Writer& h5) {
    write_results(h5, "", config, results);
    write_state(h5, driver, shard);
  }, may_replace);
}

}  // namespace escalate
