// `escalate summary` and `escalate check`: reading a result file or a config back to the user.
#include "commands.hpp"

#include "terminal.hpp"
#include "escalate/app/execution.hpp"
#include "escalate/app/summary.hpp"

#include <iostream>

namespace escalate::cli {

int command_summary(const std::string& path, SummaryFormat format) {
  std::cout << app::summary(path, format);  // nothing is printed unless the whole file could be read
  return 0;
}

int command_check(const std::string& path) {
  Config config = app::check(path);
  std::cout << "# " << path << ": valid. Resolved config (after `base`):\n\n" << with_shortest_floats(config.resolved_text);
  std::cout << "\n# " << config.uncertain.size() << " uncertain parameter(s), drawn once per draw:\n";
  for (const auto& u : config.uncertain) std::cout << "#   " << u.path << " ~ " << u.dist.text() << "\n";
  std::cout << "# " << config.run.draws << " draws x " << config.run.trajectories << " trajectories, "
            << config.scenario.grid_points() << " grid points over " << config.scenario.horizon_days << " days\n";
  const Scenario& s = config.scenario;
  auto list = [](const char* what, const auto& items, auto name_of) {
    std::cout << "# " << items.size() << " " << what << (items.empty() ? "" : ":");
    for (const auto& item : items) std::cout << " " << name_of(item);
    std::cout << "\n";
  };
  list("incident type(s)", s.incidents, [](const IncidentType& t) { return t.name; });
  list("reassurance signal(s)", s.signals, [](const SignalSpec& t) { return t.name; });
  list("event(s)", s.events, [](const EventSpec& t) { return t.name + (t.is_random ? " (random time)" : ""); });
  list("injection(s)", s.injections, [](const InjectionSpec& t) { return t.name; });
  app::report_warnings(config, terminal_callbacks(false));
  return 0;
}

}  // namespace escalate::cli
