#pragma once
// The summaries of one window that the synthetic likelihood compares (docs/calibration.md,
// "The likelihood"), and the window's log-likelihood estimate from n recorded trajectories.
//
// Per window: for each type with observed counts, the total over its observed periods and
// the total over the later half of them (a change of rate inside the window shows there);
// the answers of the types with observed answers, pooled over types, per rung; each
// outcome given as an exact count. These enter a Gaussian synthetic likelihood (Wood 2010)
// with a variance floor of 1/12 (integer summaries). Each outcome given as an interval
// [low, high] is a separate factor P(low <= X <= high | θ), estimated by the smoothed
// fraction (m + 1/2) / (n + 1) of the n trajectories inside it, assumed conditionally
// independent of the summaries. Entries the record leaves unobserved (-1) are left out.
#include "escalate/app/recorded_trajectory.hpp"
#include "escalate/config/record.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace escalate::app {

enum class WindowOutcome { Wars, LimitedStrikes, Countermeasures };

// The outcome's window total in a recorded trajectory, and its name ("wars", ...).
std::int64_t outcome_of(const RecordedTrajectory& trajectory, WindowOutcome outcome);
const char* outcome_name(WindowOutcome outcome);

// Variance added to every summary's variance: that of rounding to an integer.
inline constexpr double SUMMARY_VARIANCE_FLOOR = 1.0 / 12.0;

struct SummaryLayout {
  struct TypeCounts {
    std::size_t type = 0;
    std::vector<std::size_t> periods;  // the observed periods of the type, in order
    std::size_t later_from = 0;        // periods[later_from..] are the later half (none if == size)
  };
  struct IntervalOutcome {
    WindowOutcome outcome;
    ObservedRange range;
  };
  std::vector<TypeCounts> counts;
  std::vector<std::size_t> answer_types;     // types whose answers the record gives
  std::vector<WindowOutcome> exact_outcomes; // outcomes given as one number
  std::vector<IntervalOutcome> intervals;    // outcomes given as [low, high]
  std::vector<double> observed;              // the record's summary vector
  std::vector<std::string> names;            // one per summary: "counts/<type>/total", ...

  static SummaryLayout of(const RecordWindow& window);
  std::size_t size() const { return observed.size(); }
  std::vector<double> summarise(const RecordedTrajectory& trajectory) const;
};

// The window's log-likelihood estimate from its n >= 2 recorded trajectories at one θ:
// the Gaussian synthetic log-likelihood of the summaries plus the log of each interval
// factor; -infinity where the summaries cannot support a density.
double window_log_likelihood(const SummaryLayout& layout, const std::vector<RecordedTrajectory>& trajectories);

}  // namespace escalate::app
