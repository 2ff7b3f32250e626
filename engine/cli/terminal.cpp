// The services' callbacks for a terminal: progress and news on stderr, Ctrl-C as interrupt.
#include "terminal.hpp"

#include "escalate/cli/progress.hpp"

#include <csignal>
#include <iostream>

namespace escalate::cli {

namespace {

std::atomic<bool> stop_requested{false};

extern "C" void on_interrupt(int signal) {
  stop_requested.store(true);
  std::signal(signal, SIG_DFL);  // a second Ctrl-C ends the process at once
}

}  // namespace

app::Callbacks terminal_callbacks(bool quiet) {
  app::Callbacks callbacks;
  callbacks.interrupt = &stop_requested;
  if (!quiet) callbacks.log = [](const std::string& line) { std::cerr << line << "\n"; };
  callbacks.warn = [](const std::string& line) { std::cerr << "escalate: " << line << "\n"; };
  callbacks.progress = [quiet](const std::atomic<std::int64_t>& done, std::int64_t total) -> std::shared_ptr<void> {
    std::signal(SIGINT, on_interrupt);
    std::signal(SIGTERM, on_interrupt);
    return std::make_shared<ProgressReporter>(done, total, ProgressReporter::detect(quiet));
  };
  return callbacks;
}

}  // namespace escalate::cli
