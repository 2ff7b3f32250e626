#include "escalate/sim/tally_layout.hpp"

#include "escalate/model/phase.hpp"
#include "escalate/model/ladder.hpp"

#include <stdexcept>

namespace escalate {

std::int64_t TallySlice::size() const {
  std::int64_t n = 1;
  for (auto d : shape) n *= d;
  return n;
}

TallyLayout::TallyLayout(const Scenario& scenario, const BatchLayout& batches, std::int64_t draws)
    : draws_(draws), batches_(batches.batches), grid_days_(scenario.grid_days) {
  using A = TallyAxis;
  axis_length_.assign(static_cast<std::size_t>(A::Count), 0);
  auto set = [&](A axis, std::int64_t n) { axis_length_[static_cast<std::size_t>(axis)] = n; };
  set(A::Time, scenario.grid_points());
  set(A::Phase, PHASE_COUNT);
  set(A::RatePhase, RATE_PHASE_COUNT);
  set(A::Incident, scenario.incident_count());
  set(A::Cause, scenario.cause_count());
  set(A::Rung, RUNG_COUNT);
  set(A::Side, 2);
  set(A::DurationBin, static_cast<std::int64_t>(WAR_DURATION_EDGES.size()));
  set(A::Counter, COUNTER_COUNT);
  set(A::RatioPart, 2);  // numerator, denominator
  set(A::BatchField, static_cast<std::int64_t>(BATCH_FIELD_NAMES.size()));
  for (const TallySliceSpec& spec : TALLY_SLICES) add(spec);
}

void TallyLayout::add(const TallySliceSpec& spec) {
  TallySlice slice{spec.name, spec.scope, {}, {}, 0};
  for (TallyAxis axis : spec.axes) {
    if (axis == TallyAxis::None) continue;
    slice.axes.push_back(axis);
    slice.shape.push_back(length(axis));
  }
  std::int64_t& block = block_[static_cast<int>(slice.scope)];
  slice.offset = block;
  block += slice.size();
  slices_.push_back(std::move(slice));
}

const TallySlice& TallyLayout::slice(const std::string& name) const {
  for (const auto& s : slices_) if (s.name == name) return s;
  throw std::out_of_range("no tally slice named " + name);
}

std::int64_t TallyLayout::block_start(TallyScope scope, std::int64_t i) const {
  switch (scope) {
    case TallyScope::Run: return 0;
    case TallyScope::Draw: return block_[0] + i * block_[1];
    case TallyScope::Batch: return block_[0] + draws_ * block_[1] + i * block_[2];
  }
  return 0;
}

}  // namespace escalate
