#include "escalate/result_file.hpp"

#include "escalate/error.hpp"
#include "escalate/hdf5_file.hpp"
#include "escalate/version.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>

namespace escalate {

namespace fs = std::filesystem;

void check_output_path(const std::string& path, bool overwrite) {
  fs::path p(path);
  fs::path dir = p.has_parent_path() ? p.parent_path() : fs::path(".");
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw UsageError(path + ": output directory " + dir.string() + " does not exist");
  if (::access(dir.c_str(), W_OK) != 0) throw UsageError(path + ": output directory " + dir.string() + " is not writable");
  if (fs::is_directory(p, ec)) throw UsageError(path + ": is a directory; give a file name for the results");
  if (fs::exists(p, ec) && !overwrite) throw UsageError(path + ": already exists (use --force to replace it)");
}

namespace {

std::string now_iso8601() {
  std::time_t t = std::time(nullptr);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buffer;
}

void write_contents(H5Writer& h5, const Config& config, const Results& r) {
  const std::string prob = "1";  // dimensionless probability, CF style
  h5.dimension("time_days", r.time_days, {"time since the start of the run", "day"});
  h5.dimension("phase", r.phase, {"phase of the security dilemma (MODEL.md section 3)", ""});
  h5.dimension("draw", r.draw, {"parameter draw (outer loop)", ""});
  h5.dimension("parameter", r.parameter, {"path of an uncertain parameter in the config", ""});
  h5.dimension("incident", r.incident, {"incident type", ""});
  h5.dimension("cause", r.cause, {"what caused a transition: incident type or mechanism", ""});
  h5.dimension("quantile", r.quantile, {"quantile level across draws", prob});
  h5.dimension("bound", std::vector<std::string>{"lower", "upper"}, {"interval bound", ""});

  h5.variable("occupancy", r.occupancy, {"time_days", "phase"}, {"fraction of all trajectories in each phase", prob});
  h5.variable("reached", r.reached, {"time_days", "phase"}, {"fraction of trajectories that reached phase >= k by t", prob});
  h5.variable("p_reached", r.p_reached, {"phase"}, {"pooled probability of reaching phase >= k by the horizon", prob});
  h5.variable("p_reached_interval", r.p_reached_interval, {"phase", "bound"},
              {"95% Wilson interval of p_reached (pooled over all trajectories)", prob});
  h5.variable("p_nuclear", std::vector<double>{r.p_nuclear}, {}, {"pooled probability of nuclear war by the horizon", prob});
  h5.variable("p_nuclear_interval", r.p_nuclear_interval, {"bound"}, {"95% Wilson interval of p_nuclear", prob});
  h5.variable("war_by_draw", r.war_by_draw, {"draw", "time_days"}, {"per-draw probability of war by t", prob});
  h5.variable("war_quantiles", r.war_quantiles, {"quantile", "time_days"},
              {"quantiles across draws of the probability of war by t", prob});
  h5.variable("reached_quantiles", r.reached_quantiles, {"quantile", "phase"},
              {"quantiles across draws of the probability of reaching phase >= k by the horizon", prob});
  h5.variable("incident_count", r.incident_count, {"incident", "phase"},
              {"incidents by type and by the phase in which they happened (all trajectories)", "count"});
  h5.variable("war_trigger", r.war_trigger, {"cause"}, {"wars by what triggered them", "count"});
  h5.variable("spiral_trigger", r.spiral_trigger, {"cause"},
              {"first entries into spiral (or war) by what triggered them", "count"});
  h5.variable("sensitivity", r.sensitivity, {"parameter"},
              {"Spearman rank correlation across draws of p_war with each uncertain parameter", "1"});

  h5.variable("draws/p_war", r.p_war, {"draw"}, {"per-draw probability of war by the horizon", prob});
  h5.variable("draws/p_spiral", r.p_spiral, {"draw"}, {"per-draw probability of reaching spiral by the horizon", prob});
  h5.variable("draws/p_nuclear", r.p_nuclear_by_draw, {"draw"}, {"per-draw probability of nuclear war by the horizon", prob});
  h5.variable("draws/p_reached", r.p_reached_by_draw, {"draw", "phase"},
              {"per-draw probability of reaching phase >= k by the horizon", prob});
  h5.variable("draws/parameters", r.parameters, {"draw", "parameter"}, {"value of each uncertain parameter in each draw", ""});

  const auto& run = config.run;
  h5.attribute("", "filetype", std::string(RESULT_FILETYPE));
  h5.attribute("", "format_version", RESULT_FORMAT_VERSION);
  h5.attribute("", "schema_version", std::int64_t{1});
  h5.attribute("", "engine_version", std::string(ENGINE_VERSION));
  h5.attribute("", "git_sha1", std::string(GIT_SHA1));
  h5.attribute("", "created", now_iso8601());
  h5.attribute("", "title", "Escalate results for " + config.source_path);
  h5.attribute("", "seed", static_cast<std::int64_t>(run.seed));
  h5.attribute("", "draws", run.draws);
  h5.attribute("", "trajectories", run.trajectories);
  h5.attribute("", "horizon_days", run.horizon_days);
  h5.attribute("", "grid_days", run.grid_days);
  h5.attribute("", "config_path", config.source_path);
  h5.attribute("", "config", config.resolved_text);
  h5.attribute("", "command_line", r.provenance.command_line);
  h5.attribute("", "threads", static_cast<std::int64_t>(r.provenance.threads));
  h5.attribute("", "ranks", static_cast<std::int64_t>(r.provenance.ranks));
  h5.attribute("", "wall_time_seconds", r.provenance.wall_seconds);
  h5.attribute("", "complete", static_cast<std::int64_t>(r.provenance.complete ? 1 : 0));
  h5.attribute("", "trajectories_done", r.trajectories_done);
  h5.attribute("", "trajectories_planned", r.trajectories_planned);
  h5.attribute("", "countermeasures", r.countermeasures);
  h5.attribute("", "reassurance_signals", r.signals);
  h5.attribute("", "evaluations", r.evaluations);
}

}  // namespace

void write_result_file(const std::string& path, const Config& config, const Results& results, bool overwrite) {
  check_output_path(path, overwrite);
  fs::path final_path(path);
  fs::path temp = final_path;
  temp.replace_filename("." + final_path.filename().string() + ".tmp-" + std::to_string(::getpid()));
  try {
    H5Writer h5(temp.string());
    write_contents(h5, config, results);
    h5.close();
    std::error_code ec;
    fs::rename(temp, final_path, ec);
    if (ec) throw IoError(path + ": cannot move the finished file into place: " + ec.message());
  } catch (...) {
    std::error_code ignored;
    fs::remove(temp, ignored);
    throw;
  }
}

}  // namespace escalate
