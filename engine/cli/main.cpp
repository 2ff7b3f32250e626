// The `escalate` binary: init (MPI when under mpirun) → parse and run the command
// (run_command_line, command_line.cpp: no CLI11 here) → finalize. Every error becomes one
// message and its exit code here (exit_code_of: 2 bad input, usage or input file; 130
// interrupted; 1 runtime fault).
#include "command_line.hpp"
#include "escalate/base/error.hpp"
#include "escalate/base/printable_text.hpp"

#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>

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
    return run_command_line(argc, argv, command_line, *cluster);
  } catch (const SilentExit& e) {
    return e.code;  // another rank failed and said why
  } catch (const std::exception& e) {
    if (launcher_rank() == 0) std::cerr << "escalate: " << error_kind(e) << printable_text(e.what()) << "\n";  // one line, whatever it quotes
    return exit_code_of(e);
  }
}
