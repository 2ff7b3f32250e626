// The summaries of a window and its synthetic log-likelihood (calibration_summary.hpp).
#include "escalate/app/calibration_summary.hpp"

#include "escalate/base/names.hpp"
#include "escalate/infer/synthetic_likelihood.hpp"

#include <cmath>

namespace escalate::app {

std::int64_t outcome_of(const RecordedTrajectory& t, WindowOutcome outcome) {
  switch (outcome) {
    case WindowOutcome::Wars: return t.wars;
    case WindowOutcome::LimitedStrikes: return t.limited_strikes;
    case WindowOutcome::Countermeasures: return t.countermeasures;
  }
  return 0;
}

const char* outcome_name(WindowOutcome outcome) {
  switch (outcome) {
    case WindowOutcome::Wars: return "wars";
    case WindowOutcome::LimitedStrikes: return "limited_strikes";
    case WindowOutcome::Countermeasures: return "countermeasures";
  }
  return "?";
}

namespace {

void add_outcome(SummaryLayout& layout, WindowOutcome outcome, const std::optional<ObservedRange>& range) {
  if (!range) return;
  if (range->low == range->high) {
    layout.exact_outcomes.push_back(outcome);
    layout.observed.push_back(static_cast<double>(range->low));
    layout.names.push_back(std::string("outcomes/") + outcome_name(outcome));
  } else {
    layout.intervals.push_back({outcome, *range});
  }
}

void add_counts(SummaryLayout& layout, const RecordWindow& window) {
  for (std::size_t k = 0; k < window.counts.size(); ++k) {
    SummaryLayout::TypeCounts c{k, {}, 0};
    for (std::size_t p = 0; p < window.counts[k].size(); ++p) {
      if (window.counts[k][p] >= 0) c.periods.push_back(p);
    }
    if (c.periods.empty()) continue;
    const std::string type = window.config.scenario.incidents[k].name;
    c.later_from = c.periods.size() - c.periods.size() / 2;
    double total = 0, later = 0;
    for (std::size_t i = 0; i < c.periods.size(); ++i) {
      const auto n = static_cast<double>(window.counts[k][c.periods[i]]);
      total += n;
      if (i >= c.later_from) later += n;
    }
    layout.observed.push_back(total);
    layout.names.push_back("counts/" + type + "/total");
    if (c.later_from < c.periods.size()) {
      layout.observed.push_back(later);
      layout.names.push_back("counts/" + type + "/later");
    }
    layout.counts.push_back(std::move(c));
  }
}

}  // namespace

SummaryLayout SummaryLayout::of(const RecordWindow& window) {
  SummaryLayout layout;
  add_counts(layout, window);
  double pooled[5] = {};
  for (std::size_t k = 0; k < window.answers.size(); ++k) {
    if (window.answers[k][0] < 0) continue;
    layout.answer_types.push_back(k);
    for (std::size_t r = 0; r < 5; ++r) pooled[r] += static_cast<double>(window.answers[k][r]);
  }
  if (!layout.answer_types.empty()) {
    for (std::size_t r = 0; r < 5; ++r) {
      layout.observed.push_back(pooled[r]);
      layout.names.push_back("answers/" + std::string(names::RUNGS[r]));
    }
  }
  add_outcome(layout, WindowOutcome::Wars, window.wars);
  add_outcome(layout, WindowOutcome::LimitedStrikes, window.limited_strikes);
  add_outcome(layout, WindowOutcome::Countermeasures, window.countermeasures);
  return layout;
}

std::vector<double> SummaryLayout::summarise(const RecordedTrajectory& t) const {
  std::vector<double> s;
  s.reserve(observed.size());
  for (const TypeCounts& c : counts) {
    double total = 0, later = 0;
    for (std::size_t i = 0; i < c.periods.size(); ++i) {
      const auto n = static_cast<double>(t.count(c.type, c.periods[i]));
      total += n;
      if (i >= c.later_from) later += n;
    }
    s.push_back(total);
    if (c.later_from < c.periods.size()) s.push_back(later);
  }
  if (!answer_types.empty()) {
    for (std::size_t r = 0; r < 5; ++r) {
      double pooled = 0;
      for (std::size_t k : answer_types) pooled += static_cast<double>(t.answer(k, r));
      s.push_back(pooled);
    }
  }
  for (WindowOutcome o : exact_outcomes) s.push_back(static_cast<double>(outcome_of(t, o)));
  return s;
}

double window_log_likelihood(const SummaryLayout& layout, const std::vector<RecordedTrajectory>& trajectories) {
  double total = 0;
  if (layout.size() > 0) {
    infer::Matrix rows;
    rows.reserve(trajectories.size());
    for (const RecordedTrajectory& t : trajectories) rows.push_back(layout.summarise(t));
    infer::SyntheticLikelihoodOptions options;
    options.variance_floor = SUMMARY_VARIANCE_FLOOR;
    total += infer::gaussian_synthetic_log_likelihood(rows, layout.observed, options);
  }
  const auto n = static_cast<double>(trajectories.size());
  for (const SummaryLayout::IntervalOutcome& interval : layout.intervals) {
    double inside = 0;
    for (const RecordedTrajectory& t : trajectories) inside += interval.range.contains(outcome_of(t, interval.outcome)) ? 1 : 0;
    total += std::log((inside + 0.5) / (n + 1.0));
  }
  return total;
}

}  // namespace escalate::app
