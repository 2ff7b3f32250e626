#include "escalate/statistics/comparison.hpp"

#include "escalate/base/names.hpp"
#include "escalate/model/phase.hpp"
#include "escalate/statistics/statistics.hpp"
#include "escalate/statistics/not_a_number.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numeric>

namespace escalate {

namespace {

double mean_of(const std::vector<double>& v) {
  return std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
}

double variance_of(const std::vector<double>& v) {
  if (v.size() < 2) return NaN;
  double m = mean_of(v), s = 0;
  for (double x : v) s += (x - m) * (x - m);
  return s / static_cast<double>(v.size() - 1);
}

// Per-unit probabilities of one outcome: per draw when there are several draws, else per
// batch of the single draw.
std::vector<double> unit_values(const ComparedRun& run, int outcome, bool by_draw) {
  std::vector<double> v;
  auto ratio = [](std::int64_t a, std::int64_t n) { return n > 0 ? static_cast<double>(a) / static_cast<double>(n) : NaN; };
  const RunTally& tally = run.driver.tally;
  if (by_draw) {
    for (std::int64_t m = 0; m < tally.layout.draws(); ++m) {
      const auto reached = tally.at(TallyId::DrawReached, m);
      const std::int64_t k = outcome == OUTCOME_WAR ? reached[WAR] : outcome == OUTCOME_CLASH ? tally.value(TallyId::DrawClash, m)
                           : outcome == OUTCOME_SPIRAL ? reached[SPIRAL] : reached[NUCLEAR];
      v.push_back(ratio(k, tally.value(TallyId::DrawTrajectories, m)));
    }
  } else {
    // The batch-outcome field of each compared outcome (war, clash, spiral, nuclear).
    static constexpr int field[NUM_OUTCOMES] = {names::BATCH_WAR, names::BATCH_CLASH, names::BATCH_SPIRAL, names::BATCH_NUCLEAR};
    for (std::int64_t b = 0; b < tally.layout.batches(); ++b) {
      const auto o = tally.at(TallyId::BatchOutcome, b);
      v.push_back(ratio(o[static_cast<std::size_t>(field[outcome])], o[names::BATCH_TRAJECTORIES]));
    }
  }
  return v;
}

}  // namespace

PairedEstimate paired_estimate(const std::vector<double>& reference, const std::vector<double>& other) {
  const std::size_t n = reference.size();
  std::vector<double> d(n);
  for (std::size_t i = 0; i < n; ++i) d[i] = other[i] - reference[i];
  PairedEstimate e;
  e.difference = mean_of(d);
  double nn = static_cast<double>(n);
  double vd = variance_of(d);
  double half = vd == 0 ? 0.0 : t_quantile_95(nn - 1) * std::sqrt(vd / nn);
  e.paired_lo = e.difference - half;
  e.paired_hi = e.difference + half;
  double va = variance_of(reference) / nn, vb = variance_of(other) / nn;
  double welch_df = (va + vb) * (va + vb) / (va * va / (nn - 1) + vb * vb / (nn - 1));
  double unpaired_half = va + vb == 0 ? 0.0 : t_quantile_95(welch_df) * std::sqrt(va + vb);
  e.unpaired_lo = e.difference - unpaired_half;
  e.unpaired_hi = e.difference + unpaired_half;
  return e;
}

Comparison compare_runs(const std::vector<ComparedRun>& runs) {
  Comparison c;
  const ComparedRun& ref = runs.front();
  const std::int64_t M = ref.config.run.draws;
  const bool by_draw = M >= 2;
  c.reference = ref.name;
  c.units = by_draw ? "draws" : "batches";
  c.unit_count = by_draw ? M : ref.driver.tally.layout.batches();
  for (const auto& run : runs) {
    ComparisonRow row;
    row.name = run.name;
    const Results& r = run.results;
    row.absolute = {r.reach[WAR].pooled, r.clash.pooled, r.reach[SPIRAL].pooled, r.reach[NUCLEAR].pooled};
    for (int o = 0; o < NUM_OUTCOMES; ++o) {
      row.outcomes[o] = paired_estimate(unit_values(ref, o, by_draw), unit_values(run, o, by_draw));
    }
    std::vector<double> ref_draws[NUM_OUTCOMES], run_draws[NUM_OUTCOMES];
    for (int o = 0; o < NUM_OUTCOMES; ++o) {
      ref_draws[o] = unit_values(ref, o, true);
      run_draws[o] = unit_values(run, o, true);
    }
    for (std::int64_t m = 0; m < M; ++m) {
      for (int o = 0; o < NUM_OUTCOMES; ++o) {
        auto i = static_cast<std::size_t>(m);
        row.per_draw_difference.push_back(run_draws[o][i] - ref_draws[o][i]);
      }
    }
    // Which uncertain parameters are paired: shared paths; and in how many draws all agree.
    std::vector<std::pair<std::size_t, std::size_t>> shared;  // index in ref, index in run
    for (std::size_t j = 0; j < run.config.uncertain.size(); ++j) {
      const auto& u = run.config.uncertain[j];
      auto it = std::find_if(ref.config.uncertain.begin(), ref.config.uncertain.end(),
                             [&](const UncertainParameter& r) { return r.path == u.path; });
      if (it == ref.config.uncertain.end()) {
        row.differing_parameters.push_back(u.path + " (only here)");
        continue;
      }
      shared.push_back({static_cast<std::size_t>(it - ref.config.uncertain.begin()), j});
      if (it->dist.text() != u.dist.text()) row.differing_parameters.push_back(u.path + " (drawn differently)");
    }
    for (const auto& r : ref.config.uncertain) {
      bool here = std::any_of(run.config.uncertain.begin(), run.config.uncertain.end(),
                              [&](const UncertainParameter& u) { return u.path == r.path; });
      if (!here) row.differing_parameters.push_back(r.path + " (only in the reference)");
    }
    for (std::int64_t m = 0; m < M; ++m) {
      const auto a = ref.driver.draws.row(m), b = run.driver.draws.row(m);
      bool equal = std::all_of(shared.begin(), shared.end(), [&](const auto& p) { return a[p.first] == b[p.second]; });
      row.draws_paired_exactly += equal;
    }
    c.rows.push_back(std::move(row));
  }
  return c;
}

}  // namespace escalate
