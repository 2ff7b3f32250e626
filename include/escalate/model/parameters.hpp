#pragma once
// The numbers of one parameter draw, as typed structs of doubles. Which keys exist, their
// ranges and defaults are the config layer's business (escalate/config/schema.hpp); the
// model only reads the numbers.
#include <array>
#include <cstddef>
#include <vector>

namespace escalate {

inline constexpr int NUM_PHASES = 5;       // dormant, activated, deep, spiral, war
inline constexpr int NUM_RATE_PHASES = 4;  // incident rates are given for phases 0..3
enum Phase : int { DORMANT = 0, ACTIVATED = 1, DEEP = 2, SPIRAL = 3, WAR = 4 };
const char* phase_name(int phase);

struct ModelParams {
  double offensive_multiplier, belief_activated, belief_deep, fear_deep, belief_flip,
      clarification_epsilon, nuclear_probability;
};

struct SideParams {
  double conventional_power, nuclear_warheads, innate_offensive_prior,
      initial_offensive_probability, initial_belief, initial_fear, fear_gain,
      fear_half_life_days, flip_threshold, revert_threshold, bias, perception_noise,
      open_mindedness, clarification, sensitivity_exponent;
};

struct ResponseParams {
  double war_intercept, countermeasure_intercept, weight_attribution, weight_severity,
      weight_fear, weight_offensive, countermeasure_delay_days, countermeasure_severity,
      countermeasure_offensiveness, countermeasure_hostility;
};

struct RestraintParams {
  double nuclear_weight, nuclear_reference, conventional_weight, institutions,
      institutions_weight, interdependence, interdependence_weight, european_autonomy,
      european_autonomy_weight;
};

struct IncidentParams {
  double accidental_rate[NUM_RATE_PHASES];
  double deliberate_rate[NUM_RATE_PHASES];
  double severity_median, severity_sigma, clarity;
};

struct ReassuranceParams {
  double rate_per_year, credibility, fear_relief, start_day, end_day;
};

struct EventParams {
  double day, fear, belief_logodds;
};

struct InjectParams {
  double day, severity;
};

// Where a number lives in a Parameters: a section, which entry of it (side, incident,
// event, ...) and which double inside that entry.
enum class Section { Model, Side, Response, Restraint, Incident, Reassurance, Event, EventSet, Inject };

struct ParamRef {
  Section section;
  int index = 0;              // side / incident / reassurance / event / inject index
  std::size_t offset = 0;     // byte offset of the field inside its struct
  int element = 0;            // array element (rates), or the `set` entry of an event
};

struct Parameters {
  ModelParams model{};
  std::array<SideParams, 2> sides{};
  ResponseParams response{};
  RestraintParams restraint{};
  std::vector<IncidentParams> incidents;
  std::vector<ReassuranceParams> reassurance;
  std::vector<EventParams> events;
  std::vector<std::vector<double>> event_sets;  // per event, the values of its `set`
  std::vector<InjectParams> injects;

  double& at(const ParamRef& ref);
  double at(const ParamRef& ref) const { return const_cast<Parameters*>(this)->at(ref); }
};

}  // namespace escalate
