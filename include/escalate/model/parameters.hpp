#pragma once
// The numbers of one parameter draw (docs/model.md §15), as typed structs of doubles.
//
// The model reads these and nothing else. Names, ranges, defaults and the field tables
// that map config paths to fields belong to the config layer; here a ParamRef only says
// where one double lives, so that an event's `set` (§10) can change it in place.
#include <array>
#include <cstddef>
#include <vector>

namespace escalate {

inline constexpr int RATE_PHASE_COUNT = 4;  // incident rates are given for phases 0..3
inline constexpr int STEP_COUNT = 4;        // ladder steps 0->1, 1->2, 2->3, 3->4

struct ModelParams {
  double offensive_multiplier, belief_activated, belief_deep, fear_deep, belief_flip,
      clarification_epsilon, restraint_fear_damping;
};

struct SideParams {
  double conventional_power, nuclear_warheads, innate_offensive_prior,
      initial_offensive_probability, initial_belief, initial_fear, fear_gain,
      fear_half_life_days, flip_threshold, revert_threshold, bias, perception_noise,
      open_mindedness, sensitivity_exponent, decision_delay_days;
};

struct ResponseParams {
  // One value per ladder step r (from rung r to r + 1), §9.1.
  double intercept[STEP_COUNT];
  double weight_attribution[STEP_COUNT];
  double weight_severity[STEP_COUNT];
  double weight_fear[STEP_COUNT];
  double weight_offensive[STEP_COUNT];
  double weight_restraint[STEP_COUNT];
  // The acts themselves, §9.3.
  double countermeasure_delay_days, countermeasure_severity, countermeasure_offensiveness,
      countermeasure_hostility, strike_offensiveness, strike_severity_median, strike_severity_sigma;
};

struct WarParams {
  double ceasefire_rate_per_year, nuclear_use_rate_per_year, nuclear_imbalance_exponent;
};

struct RestraintParams {
  double nuclear_weight, nuclear_reference, conventional_weight, institutions,
      institutions_weight, interdependence, interdependence_weight, european_autonomy,
      european_autonomy_weight;
};

struct IncidentParams {
  double accidental_rate[RATE_PHASE_COUNT];  // per year, by phase 0..3
  double deliberate_rate[RATE_PHASE_COUNT];  // per year, by phase 0..3
  double severity_median, severity_sigma, clarity, clarification, clarification_delay_days,
      attribution_error;
};

struct ReassuranceParams {
  double rate_per_year, credibility, fear_relief, start_day, end_day;  // end_day: the horizon if not given
};

// A fixed-day event uses `day`; a random event (Scenario: is_random) uses rate_per_year,
// start_day and end_day. The unused fields are ignored.
struct EventParams {
  double day, rate_per_year, start_day, end_day, fear, belief_logodds;
};

struct InjectParams {
  double day, severity;
};

// Where a number lives in a Parameters: a section, which entry of it (side, incident,
// reassurance signal, event, injection) and which double inside that entry.
enum class Section { Model, Side, Response, War, Restraint, Incident, Reassurance, Event, EventSet, Inject };

struct ParamRef {
  Section section = Section::Model;
  int index = 0;            // side / incident / signal / event / injection index (0 otherwise)
  std::size_t offset = 0;   // byte offset of the field in its struct: offsetof(SideParams, fear_gain)
  int element = 0;          // array element (ladder step, rate phase); for EventSet the entry of the event's `set`
};

struct Parameters {
  ModelParams model{};
  std::array<SideParams, 2> sides{};
  ResponseParams response{};
  WarParams war{};
  RestraintParams restraint{};
  std::vector<IncidentParams> incidents;       // parallel to Scenario::incidents
  std::vector<ReassuranceParams> reassurance;  // parallel to Scenario::signals
  std::vector<EventParams> events;             // parallel to Scenario::events
  std::vector<std::vector<double>> event_sets; // per event, one value per Scenario::events[e].sets entry
  std::vector<InjectParams> injects;           // parallel to Scenario::injections

  // The double `ref` names. Undefined if ref is out of range (the config layer builds refs).
  double& at(const ParamRef& ref);
  double at(const ParamRef& ref) const { return const_cast<Parameters*>(this)->at(ref); }
};

}  // namespace escalate
