#pragma once
// One simulation of a config with the caller's callbacks, and the checks every service
// makes before any work.
#include "escalate/app/callbacks.hpp"
#include "escalate/config/config.hpp"
#include "escalate/statistics/results.hpp"
#include "escalate/sim/driver.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace escalate::app {

// The tallies of a run and how it ran; Results are computed once, when the tallies are
// final (after an MPI reduce, a resume's merge).
struct Execution {
  DriverResult driver;
  Provenance provenance;
};

// Runs `config` (only `run_batches`, if given; over the rows of `draws`, if given, instead
// of random draws) on `threads` threads (0: all cores). Stops after the running trajectory
// once callbacks.interrupt is set, leaving a partial result (driver.stopped).
Execution execute(const Config& config, int threads, const Callbacks& callbacks, const std::string& command_line,
                  const std::vector<std::uint8_t>* run_batches = nullptr, const DrawTable* draws = nullptr);

// Passes each of Config::warnings (what a config asks that can never happen) to callbacks.warn.
void report_warnings(const Config& config, const Callbacks& callbacks);

// Removes the temporary files of killed runs beside `output` and says so through callbacks.warn.
void report_stale_temporaries(const std::string& output, const Callbacks& callbacks);

// Refuses (ConfigError) a config whose resolved text, as result files store it, would not
// load back to the same config: toml++ 3.3.0 writes some keys unquoted (a side name with a
// newline), which `summary`, `merge` and `--resume` would then refuse after the whole run.
void check_config_reads_back(const Config& config);

// Whether two paths name the same existing file (device and inode).
bool same_file(const std::string& a, const std::string& b);

// results/<prefix><config-stem>.h5: where a service writes when the request names no file.
std::string default_output(const std::string& config, const std::string& prefix = "");

}  // namespace escalate::app
