#include "escalate/model/trajectory.hpp"

#include "escalate/model/belief.hpp"
#include "escalate/model/fear.hpp"
#include "escalate/model/intent.hpp"
#include "escalate/model/logistic.hpp"
#include "escalate/model/perception.hpp"
#include "escalate/model/phase.hpp"
#include "escalate/model/response.hpp"

#include <algorithm>
#include <limits>
#include <numeric>

namespace escalate {

namespace {
constexpr double INF = std::numeric_limits<double>::infinity();
constexpr double DAYS_PER_YEAR = 365.0;

bool later(const auto& a, const auto& b) { return a.time != b.time ? a.time > b.time : a.order > b.order; }
}  // namespace

Trajectory::Trajectory(const Scenario& scenario, std::uint64_t seed) : scenario_(scenario), seed_(seed) {}

void Trajectory::prepare(const Parameters& draw) {
  draw_ = &draw;
  params_ = draw;
  params_dirty_ = false;
  derive();
  auto by_day = [](const auto& items, std::vector<int>& order) {
    order.resize(items.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return items[a].day < items[b].day; });
  };
  by_day(params_.events, event_order_);
  by_day(params_.injects, inject_order_);
}

void Trajectory::derive() {
  for (int v = 0; v < 2; ++v) {
    const SideParams& self = params_.sides[v];
    const SideParams& other = params_.sides[1 - v];
    derived_.sensitivity[v] = fear_sensitivity(other.conventional_power, self.conventional_power, self.sensitivity_exponent);
    derived_.restraint[v] = restraint_on(params_.restraint, self, other, v == scenario_.alliance);
    derived_.deliberate_into[v].fill(0.0);
  }
  for (std::size_t k = 0; k < params_.incidents.size(); ++k) {
    int v = scenario_.incidents[k].victim;
    for (int ph = 0; ph < NUM_RATE_PHASES; ++ph) derived_.deliberate_into[v][ph] += params_.incidents[k].deliberate_rate[ph];
  }
}

double Trajectory::next_window_edge(double after) const {
  double next = INF;
  for (const auto& r : params_.reassurance) {
    if (!(r.start_day < r.end_day)) continue;
    if (r.start_day > after) next = std::min(next, r.start_day);
    if (r.end_day > after) next = std::min(next, r.end_day);
  }
  return next;
}

double Trajectory::fill_rates(double time) {
  const int ph = std::min<int>(phase_, NUM_RATE_PHASES - 1);
  const double m = params_.model.offensive_multiplier;
  const std::size_t K = params_.incidents.size();
  rates_.resize(K + params_.reassurance.size());
  double total = 0;
  for (std::size_t k = 0; k < K; ++k) {
    const auto& ip = params_.incidents[k];
    double deliberate = ip.deliberate_rate[ph] * (sides_[scenario_.incidents[k].suspect].offensive() ? m : 1.0);
    total += rates_[k] = ip.accidental_rate[ph] + deliberate;
  }
  for (std::size_t r = 0; r < params_.reassurance.size(); ++r) {
    const auto& rp = params_.reassurance[r];
    bool open = time >= rp.start_day && time < rp.end_day;
    double rate = open ? rp.rate_per_year / (sides_[scenario_.reassurance[r].sender].offensive() ? rp.credibility : 1.0) : 0.0;
    total += rates_[K + r] = rate;
  }
  return total;
}

void Trajectory::advance(double time) {
  double dt = time - time_;
  if (dt > 0) {
    const int ph = std::min<int>(phase_, NUM_RATE_PHASES - 1);
    for (int v = 0; v < 2; ++v) {
      const SideParams& p = params_.sides[v];
      sides_[v].logodds = calm_drift(sides_[v].logodds, p.open_mindedness, params_.model.offensive_multiplier,
                                     derived_.deliberate_into[v][ph], dt);
      sides_[v].fear = fear_decay(sides_[v].fear, p.fear_half_life_days, dt);
    }
  }
  time_ = time;
}

void Trajectory::update_intents() {
  for (int i = 0; i < 2; ++i) update_intent(sides_[i], params_.sides[i], params_.model.belief_flip);
}

void Trajectory::evaluate(int cause) {
  update_intents();
  settle_phase(cause);
}

void Trajectory::settle_phase(int cause) {
  phase_ = phase_of(sides_, out_->war, params_.model);
  ++out_->evaluations;
  if (phase_ > max_phase_) {
    if (max_phase_ < SPIRAL && phase_ >= SPIRAL) out_->spiral_cause = cause;
    max_phase_ = phase_;
  }
}

void Trajectory::handle_arrival(double total_rate) {
  // Which process fired, in proportion to its rate. rates_ still holds the rates the
  // arrival was drawn with: nothing that changes them (an evaluation, a window edge) lies
  // between the draw and the arrival.
  double pick = arrivals_.uniform() * total_rate;
  std::size_t chosen = 0;
  for (std::size_t i = 0; i < rates_.size(); ++i) {
    if (rates_[i] <= 0) continue;
    chosen = i;  // the last positive rate absorbs rounding at the end of the walk
    if (pick < rates_[i]) break;
    pick -= rates_[i];
  }
  const std::size_t K = params_.incidents.size();
  if (chosen >= K) return handle_signal(static_cast<int>(chosen - K));
  const auto& ip = params_.incidents[chosen];
  const int ph = std::min<int>(phase_, NUM_RATE_PHASES - 1);
  double accidental = ip.accidental_rate[ph];
  double deliberate = rates_[chosen] - accidental;
  bool is_deliberate = attributes_.uniform() * rates_[chosen] < deliberate;
  double severity = ip.severity_median * std::exp(ip.severity_sigma * attributes_.normal());
  handle_incident(static_cast<int>(chosen), is_deliberate, severity);
}

void Trajectory::handle_incident(int type, bool deliberate, double severity) {
  const IncidentType& t = scenario_.incidents[type];
  const IncidentParams& ip = params_.incidents[type];
  const SideParams& vp = params_.sides[t.victim];
  SideState& victim = sides_[t.victim];
  const int ph = std::min<int>(phase_, NUM_RATE_PHASES - 1);
  ++out_->incidents[static_cast<std::size_t>(type) * NUM_PHASES + phase_];

  PerceptionInput in{victim.belief(),  ip.deliberate_rate[ph], ip.accidental_rate[ph],
                     params_.model.offensive_multiplier, ip.clarity, vp.perception_noise, vp.bias,
                     vp.clarification, params_.model.clarification_epsilon, deliberate};
  double z = perception_.normal();
  double u = perception_.uniform();
  double q = perceive(in, z, u);

  victim.logodds = jeffrey_update(victim.logodds, q, params_.model.offensive_multiplier);
  victim.fear = fear_after_act(victim.fear, vp.fear_gain, derived_.sensitivity[t.victim], severity, q);
  update_intents();  // MODEL.md 9: perceive, update, intent, respond, then the phase
  respond(t.victim, q, severity, type);
  settle_phase(type);
}

void Trajectory::respond(int victim, double q, double severity, int cause, std::uint32_t depth) {
  const double eps = params_.model.clarification_epsilon;
  const double q_clamped = std::clamp(q, eps, 1.0 - eps);
  const SideState& v = sides_[victim];
  ResponseInput in{logit(q_clamped), severity, v.fear / params_.sides[victim].flip_threshold, v.offensive(),
                   derived_.restraint[victim]};
  ResponseProbabilities p = response_probabilities(params_.response, in);
  double u_choice = decisions_.uniform();
  double u_nuclear = decisions_.uniform();
  switch (choose_response(p, u_choice)) {
    case Response::War:
      out_->war = true;
      out_->war_day = time_;
      out_->war_cause = cause;
      out_->nuclear = u_nuclear < params_.model.nuclear_probability;
      pending_.clear();
      break;
    case Response::Countermeasure: {
      double mean = params_.response.countermeasure_delay_days;
      double delay = mean > 0 ? delays_.exponential(1.0 / mean) : 0.0;
      pending_.push_back({time_ + delay, pending_sent_++, 1 - victim, depth + 1});
      std::push_heap(pending_.begin(), pending_.end(), [](const Pending& a, const Pending& b) { return later(a, b); });
      break;
    }
    case Response::Restraint: break;
  }
}

void Trajectory::handle_countermeasure(int victim, std::uint32_t depth) {
  const SideParams& p = params_.sides[victim];
  const ResponseParams& r = params_.response;
  SideState& side = sides_[victim];
  ++out_->countermeasures;
  out_->longest_chain = std::max(out_->longest_chain, depth);
  const double q = r.countermeasure_hostility;
  side.logodds = jeffrey_update(side.logodds, q, r.countermeasure_offensiveness);
  side.fear = fear_after_act(side.fear, p.fear_gain, derived_.sensitivity[victim], r.countermeasure_severity, q);
  update_intents();
  const int cause = cause_index(static_cast<int>(scenario_.incidents.size()), Cause::Countermeasure);
  respond(victim, q, r.countermeasure_severity, cause, depth);
  settle_phase(cause);
}

void Trajectory::handle_event(int event) {
  const EventParams& e = params_.events[event];
  const EventSpec& spec = scenario_.events[event];
  SideState& side = sides_[spec.side];
  side.fear = std::max(0.0, side.fear + e.fear);
  side.logodds = clamp_logodds(side.logodds + e.belief_logodds);
  if (!spec.sets.empty()) {
    for (std::size_t j = 0; j < spec.sets.size(); ++j) params_.at(spec.sets[j].target) = params_.event_sets[event][j];
    params_dirty_ = true;
    derive();
  }
  evaluate(cause_index(static_cast<int>(scenario_.incidents.size()), Cause::Event));
}

void Trajectory::handle_signal(int reassurance) {
  const ReassuranceParams& r = params_.reassurance[reassurance];
  const int receiver = 1 - scenario_.reassurance[reassurance].sender;
  SideState& side = sides_[receiver];
  ++out_->signals;
  side.logodds = reassurance_update(side.logodds, params_.sides[receiver].open_mindedness, r.credibility);
  side.fear = fear_after_reassurance(side.fear, r.fear_relief);
  evaluate(cause_index(static_cast<int>(scenario_.incidents.size()), Cause::Reassurance));
}

void Trajectory::run(std::int64_t draw, std::int64_t index, TrajectoryRecord& out) {
  if (params_dirty_) {  // a previous trajectory's events changed the parameters
    params_ = *draw_;
    params_dirty_ = false;
    derive();
  }
  const std::uint64_t seed = seed_;
  const auto m = static_cast<std::uint64_t>(draw), n = static_cast<std::uint64_t>(index);
  arrivals_ = RandomStream(seed, RandomDomain::Arrivals, m, n);
  attributes_ = RandomStream(seed, RandomDomain::IncidentAttributes, m, n);
  perception_ = RandomStream(seed, RandomDomain::Perception, m, n);
  decisions_ = RandomStream(seed, RandomDomain::Decisions, m, n);
  delays_ = RandomStream(seed, RandomDomain::Delays, m, n);
  RandomStream initial(seed, RandomDomain::InitialState, m, n);

  const auto T = static_cast<std::size_t>(scenario_.grid_points());
  const int K = static_cast<int>(scenario_.incidents.size());
  out_ = &out;
  out.phase_at_grid.assign(T, 0);
  out.max_phase_at_grid.assign(T, 0);
  out.incidents.assign(static_cast<std::size_t>(K) * NUM_PHASES, 0);
  out.countermeasures = out.signals = out.longest_chain = 0;
  out.evaluations = 0;
  out.war = out.nuclear = false;
  out.war_day = 0;
  out.war_cause = out.spiral_cause = -1;
  pending_.clear();
  pending_sent_ = 0;

  for (int i = 0; i < 2; ++i) {
    const SideParams& p = params_.sides[i];
    sides_[i].innate = initial.bernoulli(p.innate_offensive_prior);
    sides_[i].acquired = initial.bernoulli(p.initial_offensive_probability);
    sides_[i].logodds = clamp_logodds(logit(p.initial_belief));
    sides_[i].fear = p.initial_fear;
  }
  time_ = 0;
  phase_ = max_phase_ = DORMANT;
  evaluate(cause_index(K, Cause::Initial));

  const double horizon = static_cast<double>(scenario_.horizon_days);
  const double grid = static_cast<double>(scenario_.grid_days);
  std::size_t next_event = 0, next_inject = 0, next_grid = 0;
  auto within = [&](double day) { return day <= horizon ? day : INF; };
  while (!out.war) {
    double te = next_event < event_order_.size() ? within(params_.events[event_order_[next_event]].day) : INF;
    double ti = next_inject < inject_order_.size() ? within(params_.injects[inject_order_[next_inject]].day) : INF;
    double tc = pending_.empty() ? INF : within(pending_.front().time);
    double tg = static_cast<double>(next_grid) * grid;
    double scheduled = std::min({te, ti, tc, tg, next_window_edge(time_)});

    const double total = fill_rates(time_);
    if (total > 0) {
      double arrival = time_ + arrivals_.exponential(total / DAYS_PER_YEAR);
      if (arrival < scheduled) {
        advance(arrival);
        handle_arrival(total);
        continue;
      }
    }
    advance(scheduled);
    // At equal times: events, then injections, then countermeasure arrivals, then the grid point.
    if (te == scheduled) {
      handle_event(event_order_[next_event++]);
    } else if (ti == scheduled) {
      int i = inject_order_[next_inject++];
      const InjectSpec& spec = scenario_.injects[i];
      handle_incident(spec.incident, spec.deliberate, params_.injects[i].severity);
    } else if (tc == scheduled) {
      std::pop_heap(pending_.begin(), pending_.end(), [](const Pending& a, const Pending& b) { return later(a, b); });
      Pending arrived = pending_.back();
      pending_.pop_back();
      handle_countermeasure(arrived.victim, arrived.depth);
    } else if (tg == scheduled) {
      evaluate(cause_index(K, Cause::Grid));
      out.phase_at_grid[next_grid] = static_cast<std::uint8_t>(phase_);
      out.max_phase_at_grid[next_grid] = static_cast<std::uint8_t>(max_phase_);
      if (++next_grid == T) break;
    }
    // Otherwise a reassurance window opened or closed: only the rates change.
  }
  for (; next_grid < T; ++next_grid) {  // war is absorbing
    out.phase_at_grid[next_grid] = WAR;
    out.max_phase_at_grid[next_grid] = WAR;
  }
}

}  // namespace escalate
