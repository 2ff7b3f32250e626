#pragma once
// A validated run configuration (MODEL.md §15) and the parameter draws it defines (§11).
#include "escalate/distribution.hpp"
#include "escalate/parameters.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace escalate {

struct RunSettings {
  std::int64_t horizon_days = 0;
  std::int64_t grid_days = 0;
  std::int64_t draws = 0;
  std::int64_t trajectories = 0;  // per draw
  std::uint64_t seed = 0;

  std::int64_t grid_points() const { return horizon_days / grid_days + 1; }
};

struct IncidentType {
  std::string name;
  std::string description;
  int victim = 0;
  int suspect = 1;
};

struct ReassuranceSpec {
  int sender = 0;
};

// One entry of an event's `set`: which number of the trajectory's parameters it replaces.
struct SetTarget {
  std::string path;  // as written: "sides.nato.clarification"
  ParamRef target;   // where it goes in Parameters
  Range range;
};

struct EventSpec {
  int side = 0;
  std::string label;
  std::vector<SetTarget> sets;  // values live in Parameters::event_sets[event]
};

struct InjectSpec {
  int incident = 0;
  bool deliberate = false;
};

// A parameter given as a distribution: sampled once per draw.
struct UncertainParameter {
  std::string path;  // "sides.nato.bias", "incident.stray-missile.accidental_rate.3"
  ParamRef ref;
  Distribution dist;
  std::uint64_t stream_id;  // stable_hash(path): the same path draws the same numbers
};

// Values given on the command line that override the file (and are recorded in the
// resolved config text written with the results).
struct ConfigOverrides {
  std::optional<std::int64_t> draws;
  std::optional<std::int64_t> trajectories;
  std::optional<std::int64_t> seed;
};

struct Config {
  std::string source_path;    // the file given on the command line
  std::string resolved_text;  // TOML after `base` merging and overrides
  RunSettings run;
  std::array<std::string, 2> side_names;
  int alliance = 0;           // index of the alliance side (§9 European autonomy)
  std::vector<IncidentType> incidents;
  std::vector<ReassuranceSpec> reassurance;
  std::vector<EventSpec> events;
  std::vector<InjectSpec> injects;
  Parameters fixed;           // every number; distributions hold their median here
  std::vector<UncertainParameter> uncertain;

  // The parameters of draw m: `fixed` with each uncertain parameter sampled from the
  // stream keyed by (seed, m, its path).
  Parameters draw(std::int64_t m) const;
  int side_index(const std::string& name) const;  // -1 if none
};

// Reads, merges (`base`), validates. Throws ConfigError naming file, line, column and key.
Config load_config(const std::string& path, const ConfigOverrides& overrides = {});

// A config from resolved TOML text, as stored in result files (`origin` names it in
// errors, e.g. "part-1.h5:/config"; `source_path` is the file it was first read from).
Config load_config_text(const std::string& text, const std::string& origin, const std::string& source_path);

// Did-you-mean: the candidate closest to `word` by edit distance, or "" if none is close.
std::string closest_match(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace escalate
