#pragma once
// Typed errors. They are caught in one place (main), which prints one message and
// picks the exit code: 2 for anything the user asked wrongly (usage, config), 1 for
// runtime faults (I/O on a valid request).
#include <stdexcept>
#include <string>

namespace escalate {

// Bad user input: a config file, a flag value. Exit code 2.
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A request the command line cannot satisfy (output exists without --force,
// output directory missing, ...). Exit code 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A fault while doing valid work: disk full, unreadable result file. Exit code 1.
class IoError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace escalate
