#pragma once
// Internal to the `escalate` binary: the services' callbacks for a terminal (terminal.cpp).
// Progress goes to stderr (a bar on a terminal, lines otherwise, nothing when quiet); the
// first simulation installs the SIGINT and SIGTERM handlers that set the interrupt flag the
// services poll (a second Ctrl-C ends the process at once).
#include "escalate/app/callbacks.hpp"

namespace escalate::cli {

// `quiet`: no progress and no news lines; warnings are printed all the same.
app::Callbacks terminal_callbacks(bool quiet);

}  // namespace escalate::cli
