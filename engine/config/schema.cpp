#include "escalate/config/schema.hpp"

#include <cstddef>

namespace escalate {

namespace {
// offsetof on these standard-layout structs of doubles is well defined.
#define FIELD(S, name, range, ...) FieldSpec{#name, offsetof(S, name), 1, range, __VA_ARGS__}
#define RATES(S, name, range) FieldSpec{#name, offsetof(S, name), NUM_RATE_PHASES, range, std::nullopt}
const Range P = Range::unit();
const Range NONNEG = Range::non_negative();
const Range POS = Range::positive();
const Range ANY = Range::any();
constexpr std::optional<double> REQ = std::nullopt;

const FieldSpec MODEL[] = {
    FIELD(ModelParams, offensive_multiplier, NONNEG, REQ),
    FIELD(ModelParams, belief_activated, P, REQ),
    FIELD(ModelParams, belief_deep, P, REQ),
    FIELD(ModelParams, fear_deep, NONNEG, REQ),
    FIELD(ModelParams, belief_flip, P, REQ),
    FIELD(ModelParams, clarification_epsilon, Range::half_open_eps(), 0.01),
    FIELD(ModelParams, nuclear_probability, P, REQ),
};

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
    FIELD(SideParams, clarification, P, REQ),
    FIELD(SideParams, sensitivity_exponent, NONNEG, REQ),
};

const FieldSpec RESPONSE[] = {
    FIELD(ResponseParams, war_intercept, ANY, REQ),
    FIELD(ResponseParams, countermeasure_intercept, ANY, REQ),
    FIELD(ResponseParams, weight_attribution, NONNEG, REQ),
    FIELD(ResponseParams, weight_severity, NONNEG, REQ),
    FIELD(ResponseParams, weight_fear, NONNEG, REQ),
    FIELD(ResponseParams, weight_offensive, NONNEG, REQ),
    FIELD(ResponseParams, countermeasure_delay_days, NONNEG, REQ),
    FIELD(ResponseParams, countermeasure_severity, POS, REQ),
    FIELD(ResponseParams, countermeasure_offensiveness, NONNEG, REQ),
    FIELD(ResponseParams, countermeasure_hostility, P, REQ),
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
    RATES(IncidentParams, accidental_rate, NONNEG),
    RATES(IncidentParams, deliberate_rate, NONNEG),
    FIELD(IncidentParams, severity_median, POS, REQ),
    FIELD(IncidentParams, severity_sigma, NONNEG, REQ),
    FIELD(IncidentParams, clarity, NONNEG, REQ),
};

const FieldSpec REASSURANCE[] = {
    FIELD(ReassuranceParams, rate_per_year, NONNEG, REQ),
    FIELD(ReassuranceParams, credibility, Range::above_one(), REQ),
    FIELD(ReassuranceParams, fear_relief, NONNEG, REQ),
    FIELD(ReassuranceParams, start_day, NONNEG, 0.0),
    FIELD(ReassuranceParams, end_day, NONNEG, REQ),  // default filled in from the horizon
};

const FieldSpec EVENT[] = {
    FIELD(EventParams, day, NONNEG, REQ),
    FIELD(EventParams, fear, ANY, 0.0),
    FIELD(EventParams, belief_logodds, ANY, 0.0),
};

const FieldSpec INJECT[] = {
    FIELD(InjectParams, day, NONNEG, REQ),
    FIELD(InjectParams, severity, POS, REQ),
};
#undef FIELD
#undef RATES
}  // namespace

std::span<const FieldSpec> model_fields() { return MODEL; }
std::span<const FieldSpec> side_fields() { return SIDE; }
std::span<const FieldSpec> response_fields() { return RESPONSE; }
std::span<const FieldSpec> restraint_fields() { return RESTRAINT; }
std::span<const FieldSpec> incident_fields() { return INCIDENT; }
std::span<const FieldSpec> reassurance_fields() { return REASSURANCE; }
std::span<const FieldSpec> event_fields() { return EVENT; }
std::span<const FieldSpec> inject_fields() { return INJECT; }

}  // namespace escalate
