// Set-up of a trajectory and its event loop (docs/model.md §3 "Order at equal times").
#include "escalate/model/logistic.hpp"
#include "escalate/model/never.hpp"
#include "escalate/model/phase.hpp"
#include "escalate/model/trajectory.hpp"

#include <algorithm>
#include <initializer_list>
#include <limits>
#include <numeric>

namespace escalate {

namespace {
constexpr std::uint32_t STOP_POLL_MASK = 1023;  // poll the stop flag every 1024 loop steps

std::vector<int> name_ranks(const std::vector<EventSpec>& specs) {
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
  draw_ = DrawConstants::of(scenario_, draw);
  k_ = &draw_;
  s_.sets_applied = false;
}

void Trajectory::start(std::int64_t draw, std::int64_t index, std::uint64_t seed) {
  k_ = &draw_;  // what a previous trajectory's events `set` does not carry over
  s_.sets_applied = false;
  const auto m = static_cast<std::uint64_t>(draw), n = static_cast<std::uint64_t>(index);
  TrajectoryStreams& r = s_.streams;
  if (!s_.streams_keyed || r.initial.seed() != seed) {  // the keys (seed, domain) once per seed
    r.initial = RandomStream(seed, RandomDomain::InitialState, m, n);
    r.arrivals = RandomStream(seed, RandomDomain::Arrivals, m, n);
    r.attributes = RandomStream(seed, RandomDomain::IncidentAttributes, m, n);
    r.perception = RandomStream(seed, RandomDomain::Perception, m, n);
    r.attribution = RandomStream(seed, RandomDomain::Attribution, m, n);
    r.decisions = RandomStream(seed, RandomDomain::Decisions, m, n);
    r.delays = RandomStream(seed, RandomDomain::Delays, m, n);
    r.strikes = RandomStream(seed, RandomDomain::Strikes, m, n);
    r.war = RandomStream(seed, RandomDomain::War, m, n);
    r.schedule = RandomStream(seed, RandomDomain::Schedule, m, n);
    s_.streams_keyed = true;
  } else {  // the same keys: each stream restarts at this trajectory's counter
    for (RandomStream* stream : {&r.initial, &r.arrivals, &r.attributes, &r.perception, &r.attribution, &r.decisions,
                                 &r.delays, &r.strikes, &r.war, &r.schedule})
      stream->restart(m, n);
  }

  s_.pending.reset();
  s_.readings.clear();
  s_.free_readings.clear();
  s_.now = 0;
  s_.phase = s_.max_phase = DORMANT;
  s_.at_war = s_.nuclear = s_.halted = false;
  s_.next_event = s_.next_injection = 0;
  s_.war_end_time = NEVER;
  // §4: the first arrival's budget, spent from t = 0 once the rates are known (settle).
  s_.budget = r.arrivals.standard_exponential();
  s_.budget_time = 0;
  s_.total_rate = 0;
  s_.rate_key = NO_RATE_KEY;
  s_.arrival_time = NEVER;
  s_.crossing_stale = BOTH_SIDES;
  s_.edge_time = next_window_edge(0.0);

  // §2: the initial state, side 0 then side 1, two uniforms each.
  for (std::size_t i = 0; i < 2; ++i) {
    const SideParams& p = k_->params.sides[i];
    s_.sides[i].innate = r.initial.uniform() < p.innate_offensive_prior;
    s_.sides[i].acquired = r.initial.uniform() < p.initial_offensive_probability;
    s_.sides[i].logodds = clamp_logodds(logit(p.initial_belief));
    s_.sides[i].fear = p.initial_fear;
  }

  // §10: this trajectory's events. A random event's time is drawn now, one uniform per
  // random event in name order; it happens at most once, on [start_day, end_day).
  const auto horizon = static_cast<double>(scenario_.horizon_days);
  s_.events.clear();
  for (int e : events_by_name_) {
    const EventParams& ep = k_->params.events[static_cast<std::size_t>(e)];
    double time = ep.day;
    if (scenario_.events[static_cast<std::size_t>(e)].is_random) {
      const double wait = r.schedule.standard_exponential();
      time = ep.rate_per_year > 0 ? ep.start_day + wait * 365.0 / ep.rate_per_year : NEVER;
      if (!(time < ep.end_day)) time = NEVER;
    }
    if (time <= horizon) s_.events.push_back({time, event_rank_[static_cast<std::size_t>(e)], e});
  }
  std::sort(s_.events.begin(), s_.events.end(), [](const DatedItem& a, const DatedItem& b) {
    return a.time != b.time ? a.time < b.time : a.rank < b.rank;
  });

  // The initial state goes through §8 and §3 like every evaluation point.
  update_intents();
  settle(scenario_.cause_index(BuiltinCause::Initial));
}

void Trajectory::run(std::int64_t draw, std::int64_t index, std::uint64_t seed, TrajectoryRecord& out,
                     const std::atomic<bool>* stop) {
  const auto T = static_cast<std::size_t>(scenario_.grid_points());
  out.clear(T, scenario_.incidents.size(), static_cast<std::size_t>(scenario_.cause_count()), periods_.size());
  out_ = &out;
  if (stop != nullptr && stop->load(std::memory_order_relaxed)) {
    out.stopped = true;
    return;
  }
  start(draw, index, seed);

  const auto grid = static_cast<double>(scenario_.grid_days);
  const std::vector<DatedItem>& injections = draw_.injections;
  std::size_t next_grid = 0;
  double next_grid_time = 0.0;  // static_cast<double>(next_grid) * grid
  std::uint32_t steps = 0;
  // The next window edge, event or injection: they move only when one of them is taken.
  auto next_fixed = [&] {
    const double te = s_.next_event < s_.events.size() ? s_.events[s_.next_event].time : NEVER;
    const double ti = s_.next_injection < injections.size() ? injections[s_.next_injection].time : NEVER;
    return std::min(s_.edge_time, std::min(te, ti));
  };
  double t_fixed = next_fixed();
  while (!s_.halted && next_grid < T) {
    if (stop != nullptr && (++steps & STOP_POLL_MASK) == 0 && stop->load(std::memory_order_relaxed)) {
      out.stopped = true;
      break;
    }
    const double tp = s_.pending.next_time();
    const double ta = s_.arrival_time;
    const double th = s_.war_end_time;
    const double t_other = std::min(t_fixed, std::min(std::min(tp, ta), th));
    // The crossing's lower bound after everything else: it is not next, whatever its
    // exact instant; otherwise that instant is needed.
    if (!s_.crossing_exact && s_.crossing.time <= t_other) resolve_crossing();
    const double tx = s_.crossing.time;
    const double t = std::min(tx, t_other);
    // Grid points before t only observe; one at t comes after everything else at t.
    for (; next_grid < T && next_grid_time < t; next_grid_time = static_cast<double>(++next_grid) * grid) {
      out.phase_at_grid[next_grid] = static_cast<std::uint8_t>(s_.phase);
      out.max_phase_at_grid[next_grid] = static_cast<std::uint8_t>(s_.max_phase);
    }
    if (next_grid == T) break;  // t is after the horizon
    // At equal times: a crossing (the flow up to t), a window edge, events, injections,
    // pending items, then arrivals and war hazards.
    if (tx == t) {
      on_crossing();
    } else if (t_fixed == t) {
      if (s_.edge_time == t) {
        on_window_edge();  // a reassurance window opens or closes: only the rates change
      } else if (s_.next_event < s_.events.size() && s_.events[s_.next_event].time == t) {
        const DatedItem& event = s_.events[s_.next_event++];
        on_event(event.index, event.time);
      } else {
        on_injection(injections[s_.next_injection++].index);
      }
      t_fixed = next_fixed();
    } else if (tp == t) {
      on_pending();
    } else if (ta == t) {
      on_arrival();
    } else {
      on_war_end();
    }
  }
  finish(next_grid);
}

void Trajectory::finish(std::size_t next_grid) {
  // After a nuclear use, a runaway or a stop, the last phase holds to the horizon.
  for (; next_grid < out_->phase_at_grid.size(); ++next_grid) {
    out_->phase_at_grid[next_grid] = static_cast<std::uint8_t>(s_.phase);
    out_->max_phase_at_grid[next_grid] = static_cast<std::uint8_t>(s_.max_phase);
  }
  if (s_.at_war && !s_.nuclear) {  // a war still going at the horizon is censored there
    WarSpell& spell = out_->war_spells.back();
    spell.days = static_cast<double>(scenario_.horizon_days) - spell.start_day;
    spell.censored = true;
  }
}

}  // namespace escalate
