// Shared by the record's tests (test_record.cpp, test_record_check.cpp): the window
// config and records written into the scratch directory, and the error helpers.
#pragma once

#include "escalate/base/error.hpp"
#include "escalate/config/record.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <string>

namespace escalate::test::record {

using namespace escalate;
using namespace escalate::test;


inline std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "(no error)";
}

// The closed-form config from 1 July 2021 for 720 days (to 2023-06-21, exclusive), with a
// second incident type `border-drone` and russia's bias uncertain: record-window.toml in
// the scratch directory, written once.
inline const char* const BORDER_DRONE = "\n[incident.border-drone]\nvictim = \"nato\"\nsuspect = \"russia\"\n"
                                 "accidental_rate = [1.0, 1.0, 1.0, 1.0]\ndeliberate_rate = [0.0, 0.0, 0.0, 0.0]\n"
                                 "severity_median = 1.0\nseverity_sigma = 0.0\nclarity = 1.0\n";
inline void write_window_config() {
  static const bool written = [] {
    closed_form_with({{"[run]", "[run]\nstart_date = \"2021-07-01\""},
                      {"horizon_days = 360", "horizon_days = 720"},
                      {"bias = 0.0", "bias = { dist = \"normal\", mean = 0.0, sd = 1.0 }"}},
                     "record-window.toml", BORDER_DRONE);
    return true;
  }();
  (void)written;
}

// A record in the scratch directory's `records/` folder; its windows name their config
// relative to it ("../record-window.toml").
inline std::string write_record(const std::string& name, const std::string& text) {
  write_window_config();
  std::filesystem::create_directories(scratch_dir() / "records");
  return write_file("records/" + name, text);
}

inline const std::string HEAD = "schema = 1\ntitle = \"test\"\n\n[window.w]\nconfig = \"../record-window.toml\"\n";

// The 1-based line of the first line of `text` that contains `needle`.
inline std::string line_of(const std::string& text, const std::string& needle) {
  const auto at = text.find(needle);
  REQUIRE(at != std::string::npos);
  return std::to_string(1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

// Loads HEAD + `body` and returns the error, which must name the file and the line of `needle`.
inline std::string error_at(const std::string& body, const std::string& needle, const std::string& name = "bad.toml") {
  const std::string text = HEAD + body;
  const std::string path = write_record(name, text);
  const std::string error = error_of([&] { load_record(path); });
  CHECK_THAT(error, Catch::Matchers::Contains(path + ":" + line_of(text, needle) + ":"));
  return error;
}

}  // namespace escalate::test::record
