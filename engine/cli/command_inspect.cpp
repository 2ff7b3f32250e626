// `escalate summary` and `escalate check`: reading a result file or a config back to the user.
#include "commands.hpp"

#include "terminal.hpp"
#include "escalate/app/execution.hpp"
#include "escalate/app/summary.hpp"
#include "escalate/config/toml_text.hpp"

#include <iostream>
#include <sstream>

namespace escalate::cli {

int command_summary(const std::string& path, SummaryFormat format) {
  std::cout << app::summary(path, format);  // nothing is printed unless the whole file could be read
  return 0;
}

int command_check(const std::string& path) {
  Config config = app::check(path);  // valid, and the printed config is TOML that reads back
  // Every line but the config itself is a TOML comment, escaped (config/toml_text.hpp).
  std::ostringstream out;
  out << toml_comment(path + ": valid. Resolved config (after `base`):") << "\n\n" << with_shortest_floats(config.resolved_text);
  out << "\n" << toml_comment(std::to_string(config.uncertain.size()) + " uncertain parameter(s), drawn once per draw:") << "\n";
  for (const auto& u : config.uncertain) out << toml_comment("  " + u.path + " ~ " + u.dist.text()) << "\n";
  out << toml_comment(std::to_string(config.run.draws) + " draws x " + std::to_string(config.run.trajectories) + " trajectories, " +
                      std::to_string(config.scenario.grid_points()) + " grid points over " +
                      std::to_string(config.scenario.horizon_days) + " days")
      << "\n";
  const Scenario& s = config.scenario;
  auto list = [&out](const char* what, const auto& items, auto name_of) {
    std::string line = std::to_string(items.size()) + " " + what + (items.empty() ? "" : ":");
    for (const auto& item : items) line += " " + name_of(item);
    out << toml_comment(line) << "\n";
  };
  list("incident type(s)", s.incidents, [](const IncidentType& t) { return t.name; });
  list("reassurance signal(s)", s.signals, [](const SignalSpec& t) { return t.name; });
  list("event(s)", s.events, [](const EventSpec& t) { return t.name + (t.is_random ? " (random time)" : ""); });
  list("injection(s)", s.injections, [](const InjectionSpec& t) { return t.name; });
  std::cout << out.str();
  app::report_warnings(config, terminal_callbacks(false));
  return 0;
}

}  // namespace escalate::cli
