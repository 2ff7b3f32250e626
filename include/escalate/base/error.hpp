#pragma once
// Typed errors. They are caught in one place (the CLI's main), which prints one message
// and picks the exit code (exit_code_of, below: the one mapping, which the services also
// use to end every MPI rank alike):
//   RequestError, ConfigError, FileError -> 2 (the user asked for something wrong; the
//                                          CLI's error for a bad command line is one)
//   IoError                            -> 1 (a fault while doing valid work)
//   Interrupted                        -> 130 (Ctrl-C or SIGTERM; a partial result was kept)
#include <exception>
#include <stdexcept>
#include <string>

namespace escalate {

// Bad user input in a config file or a flag value.
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A request a library call cannot satisfy as asked: options that conflict, sizes that do
// not match, an output that exists without `overwrite`, an output directory that cannot
// be made. Every layer throws it; the CLI's error for a command line it cannot parse
// (cli/usage_error.hpp) derives from it.
class RequestError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// An input file that is not what it should be: missing, foreign, truncated, damaged or
// edited (a result file given to summary, merge, compare or --resume).
class FileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A fault while doing valid work: disk full, an HDF5 call failing on a valid file.
class IoError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The user stopped the run (SIGINT, SIGTERM). What was finished has been written.
class Interrupted : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// 2 for bad input, usage or a damaged input file, 130 for an interrupt, 1 otherwise.
int exit_code_of(const std::exception& e);

}  // namespace escalate
