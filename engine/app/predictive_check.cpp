// The posterior predictive check of a calibration (predictive_check.hpp).
#include "escalate/app/predictive_check.hpp"

#include "escalate/base/names.hpp"
#include "escalate/sim/parallel_rows.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <sstream>

namespace escalate::app {

namespace {

CheckSpec make_spec(std::string observation, std::size_t window, CheckSpec::Kind kind, std::size_t type, std::size_t index,
                    std::int64_t observed) {
  CheckSpec s;
  s.observation = std::move(observation);
  s.window = window, s.kind = kind, s.type = type, s.index = index;
  if (observed >= 0) s.observed = ObservedRange{observed, observed};
  return s;
}

}  // namespace

std::vector<CheckSpec> check_specs_of(const Record& record) {
  std::vector<CheckSpec> specs;
  for (std::size_t w = 0; w < record.windows.size(); ++w) {
    const RecordWindow& win = record.windows[w];
    const auto& types = win.config.scenario.incidents;
    for (std::size_t k = 0; k < types.size(); ++k) {
      for (std::size_t p = 0; p < win.period_labels.size(); ++p) {
        specs.push_back(make_spec(win.name + "/counts/" + types[k].name + "/" + win.period_labels[p], w,
                                  CheckSpec::Kind::Count, k, p, win.counts[k][p]));
      }
    }
    for (std::size_t k = 0; k < types.size(); ++k) {
      for (std::size_t r = 0; r < 5; ++r) {
        specs.push_back(make_spec(win.name + "/answers/" + types[k].name + "/" + std::string(names::RUNGS[r]), w,
                                  CheckSpec::Kind::Answer, k, r, win.answers[k][r]));
      }
    }
    const std::pair<WindowOutcome, const std::optional<ObservedRange>*> outcomes[] = {
        {WindowOutcome::Wars, &win.wars},
        {WindowOutcome::LimitedStrikes, &win.limited_strikes},
        {WindowOutcome::Countermeasures, &win.countermeasures}};
    for (const auto& [outcome, range] : outcomes) {
      CheckSpec s = make_spec(win.name + "/outcomes/" + outcome_name(outcome), w, CheckSpec::Kind::Outcome, 0, 0, -1);
      s.outcome = outcome;
      s.observed = *range;
      specs.push_back(std::move(s));
    }
  }
  return specs;
}

double check_value(const CheckSpec& spec, const RecordedTrajectory& t) {
  switch (spec.kind) {
    case CheckSpec::Kind::Count: return static_cast<double>(t.count(spec.type, spec.index));
    case CheckSpec::Kind::Answer: return static_cast<double>(t.answer(spec.type, spec.index));
    case CheckSpec::Kind::Outcome: return static_cast<double>(outcome_of(t, spec.outcome));
  }
  return 0;
}

namespace {

// The inverse empirical CDF of sorted draws at probability q: the smallest x with F(x) >= q.
double draw_quantile(const std::vector<double>& sorted, double q) {
  const auto n = static_cast<double>(sorted.size());
  const auto i = static_cast<std::size_t>(std::max(0.0, std::ceil(q * n) - 1));
  return sorted[std::min(i, sorted.size() - 1)];
}

std::string number_text(double x) {
  std::ostringstream out;
  out << x;
  return out.str();
}

}  // namespace

PosteriorCheckRow check_row(const CheckSpec& spec, std::vector<double> draws, double u) {
  constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
  PosteriorCheckRow row;
  row.observation = spec.observation;
  std::sort(draws.begin(), draws.end());
  row.median = draw_quantile(draws, 0.5);
  row.low = draw_quantile(draws, 0.05);
  row.high = draw_quantile(draws, 0.95);
  if (!spec.observed) {
    row.observed = NaN, row.pit = NaN, row.observed_text = "not observed";
    return row;
  }
  const auto low = static_cast<double>(spec.observed->low), high = static_cast<double>(spec.observed->high);
  row.observed = low;
  row.observed_text = low == high ? number_text(low) : "[" + number_text(low) + ", " + number_text(high) + "]";
  const auto n = static_cast<double>(draws.size());
  const auto below = static_cast<double>(std::lower_bound(draws.begin(), draws.end(), low) - draws.begin());
  const auto upto = static_cast<double>(std::upper_bound(draws.begin(), draws.end(), high) - draws.begin());
  row.pit = (below + u * (upto - below)) / n;
  // An outlier whatever u: the whole interval [F(low - 1), F(high)] of the randomised PIT
  // lies below 0.005 or above 0.995 (an observation at a value the draws often take is
  // never one, however small u is).
  row.outlier = upto / n < 0.005 || below / n > 0.995;
  return row;
}

std::string misfit_line(const PosteriorCheckRow& row) {
  std::ostringstream out;
  out << row.observation << ": observed " << row.observed_text << ", predictive median " << row.median
      << ", 90% band [" << row.low << ", " << row.high << "], PIT " << row.pit;
  if (row.pit > 0.5) {
    out << " (" << row.observed - row.high << " above the band)";
  } else {
    out << " (" << row.low - row.observed << " below the band)";
  }
  return out.str();
}

PredictiveCheck predictive_check(const CalibrationModel& model, const WindowRunnerFactory& make_runner,
                                 const Record& record, const std::vector<std::vector<double>>& draws,
                                 std::uint64_t seed, int threads, const Cluster* cluster) {
  const std::vector<CheckSpec> specs = check_specs_of(record);
  const std::size_t rows = specs.size(), windows = record.windows.size();
  PredictiveCheck check;
  check.predictive.assign(draws.size() * rows, 0.0);
  std::vector<std::unique_ptr<WindowRunner>> runners(static_cast<std::size_t>(parallel_slots(threads)));
  const std::int64_t ranks = cluster ? cluster->size() : 1, rank = cluster ? cluster->rank() : 0;
  parallel_rows(static_cast<std::int64_t>(draws.size()), threads, [&](std::int64_t d, int slot) {
    if (d % ranks != rank) return;
    auto& runner = runners[static_cast<std::size_t>(slot)];
    if (!runner) runner = make_runner();
    const auto draw = static_cast<std::size_t>(d);
    const infer::StreamKey key{seed, PREDICTIVE_STAGE, 0, static_cast<std::uint64_t>(d)};
    std::vector<RecordedTrajectory> simulated;
    for (std::size_t w = 0; w < windows; ++w) simulated.push_back(recorded_window(model, *runner, w, draws[draw], key, 1).front());
    for (std::size_t i = 0; i < rows; ++i) check.predictive[draw * rows + i] = check_value(specs[i], simulated[specs[i].window]);
  });
  if (cluster) cluster->sum_all(check.predictive);  // each draw's row filled by one rank
  infer::InferStream pit_stream({seed, PREDICTIVE_STAGE, 1, 0}, infer::StreamPurpose::Likelihood, 0xFE);
  for (std::size_t i = 0; i < rows; ++i) {
    std::vector<double> column(draws.size());
    for (std::size_t d = 0; d < draws.size(); ++d) column[d] = check.predictive[d * rows + i];
    check.rows.push_back(check_row(specs[i], std::move(column), pit_stream.uniform()));
    if (check.rows.back().outlier) check.misfits.push_back(misfit_line(check.rows.back()));
  }
  return check;
}

}  // namespace escalate::app
