#pragma once
// Internal to the config layer: builds a Config (Scenario, fixed Parameters, uncertain
// parameters) from the merged TOML table, one section at a time. Event `set` paths are
// parsed in set_paths.cpp.
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

  // Reads every field of a section's table into `target` (a struct of that section) and
  // refuses keys that are neither fields nor listed in `other_keys`.
  void read_section(const toml::table& table, const std::string& prefix, std::span<const FieldSpec> fields,
                    Section section, int index, void* target, std::vector<std::string> other_keys,
                    std::map<std::string, Range>* supports = nullptr);

  void read_run(const toml::table& run);

  void read_sides(const toml::table& sides);

  static void check_thresholds(const Range& revert, const Range& flip, const toml::table& table,
                               const std::string& prefix);

  int side_or_fail(const toml::table& table, const std::string& prefix, const std::string& key);

  void read_model(const toml::table& model);

  // Each element of an array of tables, or a clear error if the key holds something else.
  template <typename Fn>
  void for_each_table(const toml::table& root, const std::string& key, Fn&& fn);

  void read_incidents(const toml::table& root);

  void read_reassurance(const toml::table& root);

  void read_events(const toml::table& root);

  // `set` keys are dotted paths; written unquoted, TOML nests them as tables, so
  // nested tables that are not distributions are flattened back into paths.
  void read_set(const toml::table& table, const std::string& path_prefix, const std::string& key_prefix, int event,
                EventSpec& spec);

  void add_set_target(const toml::node& node, const std::string& path, const std::string& key, int event,
                      EventSpec& spec);

  // A `set` of a threshold must keep revert < flip against the other threshold as configured.
  void check_set_threshold(const std::string& name, const NumberOrDistribution& v, int side, const toml::node& node,
                           const std::string& key);

  void read_injects(const toml::table& root);

  Config& config_;
};

}  // namespace escalate::detail
