#pragma once
// Internal to the config layer: builds a Config (Scenario, fixed Parameters, uncertain
// parameters, warnings) from the merged TOML table of a schema-2 config, one section at
// a time. Event `set` paths are parsed in set_paths.cpp.
#include "escalate/config/config.hpp"
#include "escalate/config/schema.hpp"
#include "toml_values.hpp"

#include <map>
#include <span>
#include <string>
#include <vector>

namespace escalate::detail {

class Loader {
 public:
  explicit Loader(Config& config) : config_(config) {}

  void load(const toml::table& root);

 private:
  void add_value(const NumberOrDistribution& v, const std::string& path, const ParamRef& ref);

  // Reads the fields of a section's table into `target` (a struct of that section) and
  // refuses keys that are neither fields nor listed in `other_keys`. Fields named in
  // `skip` are neither required nor read (an event's day or rate). Supports of the values
  // read go into `supports` when given.
  void read_section(const toml::table& table, const std::string& prefix, std::span<const FieldSpec> fields,
                    Section section, int index, void* target, std::vector<std::string> other_keys,
                    std::map<std::string, Range>* supports = nullptr, const std::vector<std::string>& skip = {});

  void read_run(const toml::table& run);
  std::uint64_t read_seed(const toml::table& run);
  void read_sides(const toml::table& sides);
  void read_model(const toml::table& model);
  int side_or_fail(const toml::table& table, const std::string& prefix, const std::string& key);

  // The enabled named tables of `root[key]`, in name order, each with its validated name.
  // A table with `enabled = false` is skipped (its keys are still checked against `allowed`).
  std::vector<std::pair<std::string, const toml::table*>> named_tables(const toml::table& root, const std::string& key,
                                                                       const std::vector<std::string>& allowed);
  void read_incidents(const toml::table& root);
  void read_reassurance(const toml::table& root);
  void read_events(const toml::table& root);
  void read_injects(const toml::table& root);

  // `set` keys are dotted paths; written unquoted, TOML nests them as tables, so nested
  // tables that are not distributions are flattened back into paths.
  void read_set(const toml::table& table, const std::string& path_prefix, const std::string& key_prefix, int event,
                EventSpec& spec);
  void add_set_target(const toml::node& node, const std::string& path, const std::string& key, int event,
                      EventSpec& spec);
  // A `set` of a threshold must keep revert < flip against the other threshold as configured.
  void check_set_threshold(const std::string& name, const NumberOrDistribution& v, int side, const toml::node& node,
                           const std::string& key);

  // Forgets the uncertain parameters under `prefix.` (an item ignored after reading it).
  void drop(const std::string& prefix);
  void warn(const std::string& message) { config_.warnings.push_back(message); }

  Config& config_;
  std::vector<std::string> disabled_incidents_;
};

// Names of sides, incidents, signals, events and injections: letters, digits, '-' and '_'.
bool valid_name(const std::string& name);
// A name as it can be shown in one line of an error message (control characters escaped).
std::string printable(const std::string& name);

}  // namespace escalate::detail
