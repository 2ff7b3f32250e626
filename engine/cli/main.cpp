// The `escalate` binary: init (MPI when under mpirun) → parse → the command's service →
// finalize. Every error becomes one message and its exit code here (exit_code_of: 2 bad
// input, usage or input file; 130 interrupted; 1 runtime fault).
#include "commands.hpp"
#include "help.hpp"
#include "escalate/base/error.hpp"
#include "escalate/base/printable_text.hpp"
#include "escalate/version.hpp"

#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

using namespace escalate;
using namespace escalate::cli;

namespace {

// The rank of this process under mpirun (0 otherwise), for errors raised before or
// outside a collective step: every rank meets the same refusal, rank 0 prints it.
int launcher_rank() {
  for (const char* name : {"OMPI_COMM_WORLD_RANK", "PMIX_RANK", "PMI_RANK"}) {
    if (const char* v = std::getenv(name)) return std::atoi(v);
  }
  return 0;
}

int run_main(int argc, char** argv, const std::string& command_line, Cluster& cluster) {
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
    const std::string name = command.subcommand->get_name();
    if (cluster.size() > 1 && name != "run" && name != "calibrate") {
      throw UsageError("only `escalate run` and `escalate calibrate` use MPI ranks; start other commands without mpirun");
    }
    return command.run(cluster);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string command_line;
  for (int i = 0; i < argc; ++i) command_line += (i ? " " : "") + std::string(argv[i]);
  // The cluster outlives the message: MPI_Finalize (in its destructor, after the catch)
  // holds the other ranks until the failing one has printed, so mpirun, which aborts the
  // job when a rank exits non-zero, cannot cut the message off.
  std::optional<Cluster> cluster;
  try {
    cluster.emplace(argc, argv);
    return run_main(argc, argv, command_line, *cluster);
  } catch (const SilentExit& e) {
    return e.code;  // another rank failed and said why
  } catch (const std::exception& e) {
    if (launcher_rank() == 0) std::cerr << "escalate: " << error_kind(e) << printable_text(e.what()) << "\n";  // one line, whatever it quotes
    return exit_code_of(e);
  }
}
