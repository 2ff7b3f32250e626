#pragma once
// What a service tells its caller and what stops it, supplied by the caller (the CLI, a
// calibrator, a test), as Stan's services take interrupt, logger and writer callbacks:
// the library never prints, installs signal handlers or looks at a terminal.
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace escalate::app {

struct Callbacks {
  // Polled between trajectories; set by the caller (the CLI sets it from SIGINT and
  // SIGTERM). The running trajectory finishes; a run keeps a partial result. Null: never.
  const std::atomic<bool>* interrupt = nullptr;
  // A line of news while a service works ("running baseline-2022", "round 2: ..."). Null: dropped.
  std::function<void(const std::string&)> log;
  // A line the user must see even when quiet: a config that asks what can never happen,
  // a removed temporary file of a killed run. Null: dropped.
  std::function<void(const std::string&)> warn;
  // Called as each simulation starts, with the counter its workers advance and the total
  // it will reach; what it returns is kept until that simulation ends (the CLI's progress
  // bar, and the moment it starts listening for Ctrl-C). Null: nothing.
  std::function<std::shared_ptr<void>(const std::atomic<std::int64_t>& done, std::int64_t total)> progress;

  void say(const std::string& line) const {
    if (log) log(line);
  }
  void warning(const std::string& line) const {
    if (warn) warn(line);
  }
};

}  // namespace escalate::app
