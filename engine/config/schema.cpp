#include "escalate/config/schema.hpp"

#include <cstddef>

namespace escalate {

const char* const SCHEMA_1_REFUSAL =
    "this is a schema 1 (model v1) config; this engine reads schema 2 (model v2). What changed: "
    "[response] is an escalation ladder of four steps (intercept, weight_attribution, weight_severity, "
    "weight_fear, weight_offensive, weight_restraint are arrays of 4; war_intercept and "
    "countermeasure_intercept are gone); model.nuclear_probability is replaced by [war] hazards "
    "(ceasefire_rate_per_year, nuclear_use_rate_per_year, nuclear_imbalance_exponent); per-side "
    "clarification is replaced by per-incident clarification, clarification_delay_days and "
    "attribution_error; incidents, reassurance signals, events and injections are named tables "
    "([incident.<name>] instead of [[incident]]). docs/migrating.md shows a v1 config beside its v2 form";

namespace {
// offsetof on these standard-layout structs of doubles is well defined.
#define FIELD(S, name, range, ...) FieldSpec{#name, offsetof(S, name), 1, range, __VA_ARGS__}
#define ARRAY(S, name, range) FieldSpec{#name, offsetof(S, name), 4, range, std::nullopt}
const Range P = Range::unit();
const Range NONNEG = Range::non_negative();
const Range POS = Range::positive();
const Range ANY = Range::any();
const Range AT_LEAST_ONE = {1, Range::any().hi, false, true};
const Range HALF = {0, 0.5, false, false};
constexpr std::optional<double> REQ = std::nullopt;
static_assert(RATE_PHASE_COUNT == 4 && STEP_COUNT == 4, "array keys hold four values");

const FieldSpec MODEL[] = {
    FIELD(ModelParams, offensive_multiplier, AT_LEAST_ONE, REQ),
    FIELD(ModelParams, belief_activated, P, REQ),
    FIELD(ModelParams, belief_deep, P, REQ),
    FIELD(ModelParams, fear_deep, ANY, REQ),
    FIELD(ModelParams, belief_flip, P, REQ),
    FIELD(ModelParams, clarification_epsilon, Range::half_open_eps(), 0.01),
    FIELD(ModelParams, restraint_fear_damping, NONNEG, 0.0),
};

// initial_* and innate_offensive_prior act only at t = 0: an event may not set them.
const FieldSpec SIDE[] = {
    FIELD(SideParams, conventional_power, POS, REQ),
    FIELD(SideParams, nuclear_warheads, NONNEG, REQ),
    FIELD(SideParams, innate_offensive_prior, P, REQ, false),
    FIELD(SideParams, initial_offensive_probability, P, REQ, false),
    FIELD(SideParams, initial_belief, Range::open_unit(), REQ, false),
    FIELD(SideParams, initial_fear, NONNEG, REQ, false),
    FIELD(SideParams, fear_gain, NONNEG, REQ),
    FIELD(SideParams, fear_half_life_days, POS, REQ),
    FIELD(SideParams, flip_threshold, POS, REQ),
    FIELD(SideParams, revert_threshold, NONNEG, REQ),
    FIELD(SideParams, bias, ANY, REQ),
    FIELD(SideParams, perception_noise, NONNEG, REQ),
    FIELD(SideParams, open_mindedness, P, REQ),
    FIELD(SideParams, sensitivity_exponent, ANY, REQ),
    FIELD(SideParams, decision_delay_days, NONNEG, 0.0),
};

const FieldSpec RESPONSE[] = {
    ARRAY(ResponseParams, intercept, ANY),
    ARRAY(ResponseParams, weight_attribution, NONNEG),
    ARRAY(ResponseParams, weight_severity, NONNEG),
    ARRAY(ResponseParams, weight_fear, NONNEG),
    ARRAY(ResponseParams, weight_offensive, NONNEG),
    ARRAY(ResponseParams, weight_restraint, NONNEG),
    FIELD(ResponseParams, countermeasure_delay_days, NONNEG, REQ),
    FIELD(ResponseParams, countermeasure_severity, POS, REQ),
    FIELD(ResponseParams, countermeasure_offensiveness, NONNEG, REQ),
    FIELD(ResponseParams, countermeasure_hostility, P, REQ),
    FIELD(ResponseParams, strike_offensiveness, NONNEG, REQ),
    FIELD(ResponseParams, strike_severity_median, POS, REQ),
    FIELD(ResponseParams, strike_severity_sigma, NONNEG, REQ),
};

const FieldSpec WAR[] = {
    FIELD(WarParams, ceasefire_rate_per_year, NONNEG, REQ),
    FIELD(WarParams, nuclear_use_rate_per_year, NONNEG, REQ),
    FIELD(WarParams, nuclear_imbalance_exponent, NONNEG, REQ),
};

const FieldSpec RESTRAINT[] = {
    FIELD(RestraintParams, nuclear_weight, NONNEG, REQ),
    FIELD(RestraintParams, nuclear_reference, POS, REQ),
    FIELD(RestraintParams, conventional_weight, NONNEG, REQ),
    FIELD(RestraintParams, institutions, NONNEG, REQ),
    FIELD(RestraintParams, institutions_weight, NONNEG, REQ),
    FIELD(RestraintParams, interdependence, NONNEG, REQ),
    FIELD(RestraintParams, interdependence_weight, NONNEG, REQ),
    FIELD(RestraintParams, european_autonomy, NONNEG, REQ),
    FIELD(RestraintParams, european_autonomy_weight, NONNEG, REQ),
};

const FieldSpec INCIDENT[] = {
    ARRAY(IncidentParams, accidental_rate, NONNEG),
    ARRAY(IncidentParams, deliberate_rate, NONNEG),
    FIELD(IncidentParams, severity_median, POS, REQ),
    FIELD(IncidentParams, severity_sigma, NONNEG, REQ),
    FIELD(IncidentParams, clarity, NONNEG, REQ),
    FIELD(IncidentParams, clarification, P, 0.0),
    FIELD(IncidentParams, clarification_delay_days, NONNEG, 0.0),
    FIELD(IncidentParams, attribution_error, HALF, 0.0),
};

const FieldSpec REASSURANCE[] = {
    FIELD(ReassuranceParams, rate_per_year, NONNEG, REQ),
    FIELD(ReassuranceParams, credibility, Range::above_one(), REQ),
    FIELD(ReassuranceParams, fear_relief, NONNEG, REQ),
    FIELD(ReassuranceParams, start_day, NONNEG, 0.0),
    FIELD(ReassuranceParams, end_day, NONNEG, REQ),  // default: the horizon, filled in by the loader
};

// `day` or `rate_per_year` (exactly one); start_day and end_day only with a rate.
const FieldSpec EVENT[] = {
    FIELD(EventParams, day, NONNEG, REQ),
    FIELD(EventParams, rate_per_year, NONNEG, REQ),
    FIELD(EventParams, start_day, NONNEG, 0.0),
    FIELD(EventParams, end_day, NONNEG, REQ),  // default: the horizon
    FIELD(EventParams, fear, ANY, 0.0),
    FIELD(EventParams, belief_logodds, ANY, 0.0),
};

const FieldSpec INJECT[] = {
    FIELD(InjectParams, day, NONNEG, REQ),
    FIELD(InjectParams, severity, POS, REQ),
};
#undef FIELD
#undef ARRAY
}  // namespace

std::span<const FieldSpec> model_fields() { return MODEL; }
std::span<const FieldSpec> side_fields() { return SIDE; }
std::span<const FieldSpec> response_fields() { return RESPONSE; }
std::span<const FieldSpec> war_fields() { return WAR; }
std::span<const FieldSpec> restraint_fields() { return RESTRAINT; }
std::span<const FieldSpec> incident_fields() { return INCIDENT; }
std::span<const FieldSpec> reassurance_fields() { return REASSURANCE; }
std::span<const FieldSpec> event_fields() { return EVENT; }
std::span<const FieldSpec> inject_fields() { return INJECT; }

const char* array_axis(std::span<const FieldSpec> section) {
  return section.data() == RESPONSE ? "ladder step: 0->1, 1->2, 2->3, 3->4" : "phase: dormant, activated, deep, spiral";
}

}  // namespace escalate
