// Set-up of a trajectory and its event loop (docs/model.md §3 "Order at equal times").
#include "escalate/model/fear.hpp"
#include "escalate/model/belief.hpp"
#include "escalate/model/logistic.hpp"
#include "escalate/model/phase.hpp"
#include "escalate/model/restraint.hpp"
#include "escalate/model/trajectory.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace escalate {

namespace {
constexpr double NEVER = std::numeric_limits<double>::infinity();
constexpr std::uint32_t STOP_POLL_MASK = 1023;  // poll the stop flag every 1024 loop steps

bool earlier(const auto& a, const auto& b) { return a.time != b.time ? a.time < b.time : a.rank < b.rank; }

template <class Specs>
std::vector<int> name_ranks(const Specs& specs) {
  std::vector<int> order(specs.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    return specs[static_cast<std::size_t>(a)].name < specs[static_cast<std::size_t>(b)].name;
  });
  std::vector<int> rank(specs.size());
  for (std::size_t r = 0; r < order.size(); ++r) rank[static_cast<std::size_t>(order[r])] = static_cast<int>(r);
  return rank;
}
}  // namespace

Trajectory::Trajectory(const Scenario& scenario) : scenario_(scenario), event_rank_(name_ranks(scenario.events)) {
  events_by_name_.resize(event_rank_.size());
  for (std::size_t e = 0; e < event_rank_.size(); ++e)
    events_by_name_[static_cast<std::size_t>(event_rank_[e])] = static_cast<int>(e);
}

void Trajectory::prepare(const Parameters& draw) {
  draw_ = draw;
  params_ = draw;
  params_dirty_ = false;
  derive();
  // Injections in order of day, then name (§3); those after the horizon are ignored (§10).
  const std::vector<int> rank = name_ranks(scenario_.injections);
  const auto horizon = static_cast<double>(scenario_.horizon_days);
  injections_.clear();
  for (std::size_t i = 0; i < scenario_.injections.size(); ++i)
    if (params_.injects[i].day <= horizon) injections_.push_back({params_.injects[i].day, rank[i], static_cast<int>(i)});
  std::sort(injections_.begin(), injections_.end(), [](const Dated& a, const Dated& b) { return earlier(a, b); });
}

void Trajectory::derive() {
  const ModelParams& m = params_.model;
  for (int v = 0; v < 2; ++v) {
    const auto iv = static_cast<std::size_t>(v);
    const SideParams& self = params_.sides[iv];
    const SideParams& other = params_.sides[1 - iv];
    derived_.sensitivity[iv] = fear_sensitivity(other.conventional_power, self.conventional_power, self.sensitivity_exponent);
    derived_.restraint[iv] = restraint_on(params_.restraint, self, other, v == scenario_.alliance);
    derived_.fear_gain[iv] = effective_fear_gain(self.fear_gain, m.restraint_fear_damping, derived_.restraint[iv]);
    for (int p = 0; p < RATE_PHASE_COUNT; ++p) {
      double into = 0;  // D_uv: deliberate rates per year of the types with victim v
      for (std::size_t k = 0; k < scenario_.incidents.size(); ++k)
        if (scenario_.incidents[k].victim == v) into += params_.incidents[k].deliberate_rate[p];
      derived_.drift[iv][static_cast<std::size_t>(p)] = calm_drift_per_day(self.open_mindedness, m.offensive_multiplier, into);
    }
  }
  derived_.flip_logodds = logit(m.belief_flip);
  derived_.hazards = war_hazards(params_.war, params_.sides);
}

void Trajectory::start(std::int64_t draw, std::int64_t index, std::uint64_t seed) {
  if (params_dirty_) {  // a previous trajectory's events changed the parameters
    params_ = draw_;
    params_dirty_ = false;
    derive();
  }
  const auto m = static_cast<std::uint64_t>(draw), n = static_cast<std::uint64_t>(index);
  initial_ = RandomStream(seed, RandomDomain::InitialState, m, n);
  arrivals_ = RandomStream(seed, RandomDomain::Arrivals, m, n);
  attributes_ = RandomStream(seed, RandomDomain::IncidentAttributes, m, n);
  perception_ = RandomStream(seed, RandomDomain::Perception, m, n);
  attribution_ = RandomStream(seed, RandomDomain::Attribution, m, n);
  decisions_ = RandomStream(seed, RandomDomain::Decisions, m, n);
  delays_ = RandomStream(seed, RandomDomain::Delays, m, n);
  strikes_ = RandomStream(seed, RandomDomain::Strikes, m, n);
  war_ = RandomStream(seed, RandomDomain::War, m, n);
  schedule_ = RandomStream(seed, RandomDomain::Schedule, m, n);

  pending_.reset();
  readings_.clear();
  free_readings_.clear();
  now_ = 0;
  phase_ = max_phase_ = DORMANT;
  at_war_ = nuclear_ = halted_ = false;
  next_event_ = next_injection_ = 0;
  war_end_time_ = NEVER;

  // §2: the initial state, side 0 then side 1, two uniforms each.
  for (std::size_t i = 0; i < 2; ++i) {
    const SideParams& p = params_.sides[i];
    sides_[i].innate = initial_.uniform() < p.innate_offensive_prior;
    sides_[i].acquired = initial_.uniform() < p.initial_offensive_probability;
    sides_[i].logodds = clamp_logodds(logit(p.initial_belief));
    sides_[i].fear = p.initial_fear;
  }

  // §10: this trajectory's events. A random event's time is drawn now, one uniform per
  // random event in name order; it happens at most once, on [start_day, end_day).
  const auto horizon = static_cast<double>(scenario_.horizon_days);
  events_.clear();
  for (int e : events_by_name_) {
    const EventParams& ep = params_.events[static_cast<std::size_t>(e)];
    double time = ep.day;
    if (scenario_.events[static_cast<std::size_t>(e)].is_random) {
      const double wait = schedule_.standard_exponential();
      time = ep.rate_per_year > 0 ? ep.start_day + wait * 365.0 / ep.rate_per_year : NEVER;
      if (!(time < ep.end_day)) time = NEVER;
    }
    if (time <= horizon) events_.push_back({time, event_rank_[static_cast<std::size_t>(e)], e});
  }
  std::sort(events_.begin(), events_.end(), [](const Dated& a, const Dated& b) { return earlier(a, b); });

  // The initial state goes through §8 and §3 like every evaluation point.
  update_intents();
  settle(scenario_.cause_index(BuiltinCause::Initial));
}

void Trajectory::run(std::int64_t draw, std::int64_t index, std::uint64_t seed, TrajectoryRecord& out,
                     const std::atomic<bool>* stop) {
  const auto T = static_cast<std::size_t>(scenario_.grid_points());
  out.clear(T, scenario_.incidents.size(), static_cast<std::size_t>(scenario_.cause_count()));
  out_ = &out;
  if (stop != nullptr && stop->load(std::memory_order_relaxed)) {
    out.stopped = true;
    return;
  }
  start(draw, index, seed);

  const auto grid = static_cast<double>(scenario_.grid_days);
  std::size_t next_grid = 0;
  std::uint32_t steps = 0;
  while (!halted_ && next_grid < T) {
    if (stop != nullptr && (++steps & STOP_POLL_MASK) == 0 && stop->load(std::memory_order_relaxed)) {
      out.stopped = true;
      break;
    }
    const double tx = crossing_.time;
    const double tw = edge_time_;
    const double te = next_event_ < events_.size() ? events_[next_event_].time : NEVER;
    const double ti = next_injection_ < injections_.size() ? injections_[next_injection_].time : NEVER;
    const double tp = pending_.next_time();
    const double ta = arrival_time_;
    const double th = war_end_time_;
    const double tg = static_cast<double>(next_grid) * grid;
    const double t = std::min({tx, tw, te, ti, tp, ta, th, tg});
    // At equal times: a crossing (the flow up to t), a window edge, events, injections,
    // pending items, then the grid point, which only observes.
    if (tx == t) {
      on_crossing();
    } else if (tw == t) {
      plan_arrival(t);  // a reassurance window opens or closes: only the rates change
    } else if (te == t) {
      const Dated& event = events_[next_event_++];
      on_event(event.index, event.time);
    } else if (ti == t) {
      on_injection(injections_[next_injection_++].index);
    } else if (tp == t) {
      on_pending();
    } else if (ta == t) {
      on_arrival();
    } else if (th == t) {
      on_war_end();
    } else {
      out.phase_at_grid[next_grid] = static_cast<std::uint8_t>(phase_);
      out.max_phase_at_grid[next_grid] = static_cast<std::uint8_t>(max_phase_);
      ++next_grid;
    }
  }
  finish(next_grid);
}

void Trajectory::finish(std::size_t next_grid) {
  // After a nuclear use, a runaway or a stop, the last phase holds to the horizon.
  for (; next_grid < out_->phase_at_grid.size(); ++next_grid) {
    out_->phase_at_grid[next_grid] = static_cast<std::uint8_t>(phase_);
    out_->max_phase_at_grid[next_grid] = static_cast<std::uint8_t>(max_phase_);
  }
  if (at_war_ && !nuclear_) {  // a war still going at the horizon is censored there
    WarSpell& spell = out_->war_spells.back();
    spell.days = static_cast<double>(scenario_.horizon_days) - spell.start_day;
    spell.censored = true;
  }
}

}  // namespace escalate
