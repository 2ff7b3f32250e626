#pragma once
// The record (docs/calibration.md, "The record file"): what was observed, in the
// engine's terms, for `escalate calibrate`. A TOML file of its own (`schema = 1`) with one
// or more windows; each window names a config whose incident types are among the
// forecast's (its uncertain parameters are the forecast's or its own: window_parameters),
// the periods its counts are given for, the counts of recorded
// incidents per type and period, the answers to them by rung, window totals of outcomes,
// and the reporting model: the probability that an engine incident enters the record.
//
// INTERFACE FIXED BY THE COORDINATOR (issue 19): the record engineer implements
// load_record and check_record_against in engine/config/record*.cpp; the calibrator
// engineer uses them. Change only by agreement.
#include "escalate/config/config.hpp"
#include "escalate/config/distribution.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace escalate {

// An outcome observed over a whole window: an exact count (low == high) or an interval.
struct ObservedRange {
  std::int64_t low = 0;
  std::int64_t high = 0;
  bool contains(std::int64_t n) const { return low <= n && n <= high; }
};

// P(an engine incident of a type enters the record), for every answer rung or one rung.
// Fixed (a number) or uncertain (a distribution: an inferred parameter named `path`).
struct ReportingParameter {
  std::string path;   // "reporting.<window>.<type>" or "reporting.<window>.<type>.<rung>"
  int type = 0;       // index into the window config's scenario.incidents
  int rung = -1;      // 0..4 (names::RUNGS); -1: every rung
  std::optional<double> value;        // a number in [0, 1]
  std::optional<Distribution> dist;   // or a distribution (support inside [0, 1])
  int line = 0;       // where the record file sets it (for messages)
};

struct RecordWindow {
  std::string name;
  std::string config_path;  // as resolved: relative paths are relative to the record file
  Config config;            // the window's config, loaded
  // Periods: half-open [start, end) in days since the window config's t = 0
  // (run.start_date), every one inside [0, horizon_days]; labels "2014" for calendar
  // years, "2022-02-24..2023-01-01" for date ranges.
  std::vector<double> period_start_days;
  std::vector<double> period_end_days;
  std::vector<std::string> period_labels;
  // counts[k][p]: recorded incidents of type k (scenario.incidents order) in period p;
  // -1 where not observed (a type absent from [counts], or -1 in the file).
  std::vector<std::vector<std::int64_t>> counts;
  // answers[k][r]: recorded incidents of type k answered at rung r over the window;
  // -1 where not observed (a type absent from [answers]).
  std::vector<std::array<std::int64_t, 5>> answers;
  std::optional<ObservedRange> wars, limited_strikes, countermeasures;
  // One entry per type and rung given in [reporting]; a type absent there is reported
  // with probability 1 (every engine incident of it would be in the record).
  std::vector<ReportingParameter> reporting;
};

struct Record {
  std::string path;
  std::string title;
  std::vector<RecordWindow> windows;
  // The uncertain reporting parameters of every window, in file order (their paths are
  // parameter names of the posterior).
  std::vector<const ReportingParameter*> uncertain_reporting() const;
};

// Reads and checks a record file and every window config it names. Throws ConfigError
// naming file, line and key (an unknown type with did-you-mean, a period outside its
// window, a count list of the wrong length, a negative count other than -1, a
// probability outside [0, 1], an outcome interval with low > high, a missing config).
Record load_record(const std::string& path);

// Throws ConfigError (naming the record file, the window, its config and the type, with
// did-you-mean) unless every incident type of every window config is one of the forecast
// config's (by name; a window may disable some of the forecast's types).
void check_record_against(const Record& record, const Config& forecast);

// Where a window's uncertain parameters take their values (docs/calibration.md, "A record
// against the forecast"). Window uncertain parameter i is SHARED when the forecast has an
// uncertain parameter of the same path with an identical distribution (same kind and
// numbers) and it is not a starting state (sides.<side>.initial_*): it takes the
// forecast's value. Otherwise it is LOCAL: a parameter of its own,
// named "window.<window name>.<path>", whose prior is the window's distribution (a window's
// starting state belongs to its own dates, not the forecast's). A forecast uncertain
// parameter the window does not list is fixed there at the window config's number.
struct WindowParameters {
  std::vector<int> forecast_index;       // per window uncertain parameter: index into forecast.uncertain, or -1 if local
  std::vector<std::size_t> local;        // window uncertain indices that are local, in window order
  std::vector<std::string> local_names;  // "window.<name>.<path>"
};

// One per window, in record order; calls check_record_against first.
std::vector<WindowParameters> window_parameters(const Record& record, const Config& forecast);

}  // namespace escalate
