// The app, its commands and the parse (command_line.hpp); main.cpp maps what escapes.
#include "command_line.hpp"

#include "commands.hpp"
#include "help.hpp"
#include "usage_error.hpp"
#include "escalate/base/error.hpp"
#include "escalate/version.hpp"

#include <iostream>
#include <string>
#include <vector>

namespace escalate::cli {

int run_command_line(int argc, char** argv, const std::string& command_line, Cluster& cluster) {
  CLI::App app{"Escalate: Monte Carlo escalation risk in a security-dilemma phase model.\n"
               "Samples incidents under uncertain intent and misperception, propagates them through\n"
               "dormant -> activated -> deep -> spiral -> war, and writes escalation probability\n"
               "distributions to HDF5 (xarray/netCDF readable).",
               "escalate"};
  app.set_version_flag("--version", std::string("escalate ") + ENGINE_VERSION + " (" + GIT_SHA1 + ")");
  app.require_subcommand(1);
  const std::vector<Command> commands = {
      add_run_command(app, command_line),         add_compare_command(app, command_line),
      add_sweep_command(app, command_line),       add_sensitivity_command(app, command_line),
      add_merge_command(app, command_line),       add_summary_command(app),
      add_check_command(app),                     add_names_command(app),
      add_calibrate_command(app, command_line)};
  add_help_examples(app);
  refuse_empty_assignments(argc, argv);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return cluster.root() ? app.exit(e) : 0;
  } catch (const CLI::CallForAllHelp& e) {
    return cluster.root() ? app.exit(e) : 0;
  } catch (const CLI::CallForVersion& e) {
    return cluster.root() ? app.exit(e) : 0;
  } catch (const CLI::ParseError& e) {
    if (cluster.root()) std::cerr << "escalate: " << explain_parse_error(app, e) << "\n";
    return 2;
  }
  refuse_empty_values(app);
  for (const Command& command : commands) {
    if (!*command.subcommand) continue;
    if (cluster.size() > 1 && command.subcommand->get_name() != "run" && command.subcommand->get_name() != "calibrate") {
      throw UsageError("only `escalate run` and `escalate calibrate` use MPI ranks; start other commands without mpirun");
    }
    return command.run(cluster);
  }
  return 0;
}

}  // namespace escalate::cli
