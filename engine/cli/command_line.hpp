#pragma once
// Internal to the `escalate` binary: the whole command line behind one call, so that
// main.cpp includes no CLI11. CLI11 2.1 is header-only (Debian ships no compiled part) and
// every file that includes it compiles its inline functions again, about 8 CPU-seconds
// each: the layer's files that use it are compiled together (engine/cli/CMakeLists.txt),
// and main.cpp stays out of them.
#include "escalate/sim/cluster.hpp"

#include <exception>
#include <string>

namespace escalate::cli {

// Builds the app from the commands (commands.hpp), parses argv and runs the command on
// `cluster`. Returns the exit code: 0 after --help or --version, 2 after a parse error
// (explained on stderr by rank 0), else the command's. Throws what the command throws.
int run_command_line(int argc, char** argv, const std::string& command_line, Cluster& cluster);

// The words before an error's message: "config error: ", "I/O error: ", "internal error: " or "".
std::string error_kind(const std::exception& e);

}  // namespace escalate::cli
