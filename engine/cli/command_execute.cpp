// What the commands share: running a config with progress and Ctrl-C handling, paths, exit codes.
#include "commands.hpp"

#include "escalate/base/error.hpp"
#include "escalate/base/printable_text.hpp"
#include "escalate/cli/progress.hpp"
#include "escalate/output/file_publish.hpp"

#include <sys/stat.h>

#include <atomic>
#include <algorithm>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <iostream>

namespace escalate::cli {

namespace {

std::atomic<bool> stop_requested{false};

extern "C" void on_interrupt(int signal) {
  stop_requested.store(true);
  std::signal(signal, SIG_DFL);  // a second Ctrl-C ends the process at once
}

}  // namespace

std::string default_output(const std::string& config) {
  return (std::filesystem::path("results") / std::filesystem::path(config).stem()).string() + ".h5";
}

std::uint64_t parse_integer_flag(const std::string& flag, const std::string& text, std::uint64_t low, std::uint64_t high) {
  const auto refuse = [&](const std::string& why) -> std::uint64_t {
    throw UsageError(flag + " " + text + ": " + why);
  };
  const std::string range = "must be an integer in [" + std::to_string(low) + ", " + std::to_string(high) + "]";
  std::size_t i = 0;
  if (i < text.size() && text[i] == '+') ++i;
  std::string digits;  // mantissa digits, decimal point removed
  std::int64_t exponent = 0;
  bool any = false, point = false;
  for (; i < text.size() && ((text[i] >= '0' && text[i] <= '9') || (text[i] == '.' && !point)); ++i) {
    if (text[i] == '.') { point = true; continue; }
    digits += text[i], any = true;
    if (point) --exponent;
  }
  if (!any) return refuse(range);
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    bool negative = false;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
    std::int64_t e = 0;
    bool exp_digits = false;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
      e = std::min<std::int64_t>(e * 10 + (text[i] - '0'), 100000);
      exp_digits = true;
    }
    if (!exp_digits) return refuse(range);
    exponent += negative ? -e : e;
  }
  if (i != text.size()) return refuse(range);
  // Drop trailing digits a negative exponent removes; they must be zeros.
  while (exponent < 0 && !digits.empty()) {
    if (digits.back() != '0') return refuse(range + " (not a whole number)");
    digits.pop_back(), ++exponent;
  }
  __extension__ typedef unsigned __int128 wide;
  const wide cap = wide{1} << 65;
  wide value = 0;
  for (char c : digits) value = std::min<wide>(cap, value * 10 + static_cast<unsigned>(c - '0'));
  for (; exponent > 0 && value != 0; --exponent) value = std::min<wide>(cap, value * 10);
  if (value < low || value > high) return refuse(range);
  return static_cast<std::uint64_t>(value);
}

void check_config_reads_back(const Config& config) {
  std::string why;
  try {
    const Config back = load_config_text(config.resolved_text, config.source_path + " (as stored)", config.source_path);
    if (back.resolved_text == config.resolved_text) return;
    why = "it reads back differently";
  } catch (const ConfigError& e) {
    why = e.what();
  }
  throw ConfigError(config.source_path + ": the resolved config would not read back from the result file (" + why +
                    "); give sides, incidents and `set` paths plain names: letters, digits, '-' and '_'");
}

bool same_file(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return false;
  struct stat sa{}, sb{};
  return ::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

void report_stale_temporaries(const std::string& output) {
  for (const auto& path : remove_stale_temporaries(output)) {
    std::cerr << "escalate: removed " << printable_text(path) << ", the temporary file of a run that was killed\n";
  }
}

// Runs one config on all cores with progress and Ctrl-C handling.
Execution execute(const Config& config, int threads, bool quiet, const std::string& command_line,
                  const std::vector<std::uint8_t>* run_batches, const DrawTable* draws) {
  std::atomic<std::int64_t> done{0};
  DriverOptions options;
  options.threads = threads;
  options.run_batches = run_batches;
  options.draws = draws;
  options.trajectories_done = &done;
  options.stop = &stop_requested;
  std::signal(SIGINT, on_interrupt);
  std::signal(SIGTERM, on_interrupt);
  const auto start = std::chrono::steady_clock::now();
  Execution e;
  {
    const std::int64_t total = trajectories_in(BatchLayout::of(config.run), run_batches);
    ProgressReporter progress(done, total, ProgressReporter::detect(quiet));
    e.driver = run_simulation(config, options);
  }
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  e.provenance = Provenance::of(e.driver, command_line, wall);
  return e;
}

int exit_code_of(const std::exception& e) {
  if (dynamic_cast<const Interrupted*>(&e)) return 130;
  if (dynamic_cast<const ConfigError*>(&e) || dynamic_cast<const UsageError*>(&e) || dynamic_cast<const FileError*>(&e)) return 2;
  return 1;
}

std::string error_kind(const std::exception& e) {
  if (dynamic_cast<const ConfigError*>(&e)) return "config error: ";
  if (dynamic_cast<const IoError*>(&e)) return "I/O error: ";
  if (dynamic_cast<const UsageError*>(&e) || dynamic_cast<const FileError*>(&e) || dynamic_cast<const Interrupted*>(&e)) {
    return "";
  }
  return "internal error: ";
}

void report_warnings(const Config& config) {
  for (const auto& w : config.warnings) std::cerr << "escalate: warning: " << printable_text(config.source_path) << ": " << printable_text(w) << "\n";
}

}  // namespace escalate::cli
