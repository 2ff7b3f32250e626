#pragma once
// The structure of a study (docs/model.md §15) as plain data: what exists and who is who.
// The numbers live in Parameters, one per draw; the config layer builds both.
#include "escalate/model/parameters.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace escalate {

struct IncidentType {
  std::string name;
  int victim = 0;   // side index
  int suspect = 1;  // side index, != victim
};

struct SignalSpec {  // [reassurance.<name>]
  std::string name;
  int sender = 0;  // side index; the other side receives
};

// One entry of an event's `set`: a config path and the double it writes. An array key
// without an index (`response.intercept`) is given as one entry per element, each with
// its own ParamRef (element 0..3) and its own value in Parameters::event_sets; the
// config layer should name them with the element index appended (`response.intercept.2`).
struct SetEntry {
  std::string path;
  ParamRef target;
};

struct EventSpec {  // [event.<name>]
  std::string name;
  int side = -1;           // the side whose fear and log-odds change; -1 if none
  bool is_random = false;  // true: rate_per_year on [start_day, end_day); false: on `day`
  std::vector<SetEntry> sets;
};

struct InjectionSpec {  // [inject.<name>]
  std::string name;
  int incident = 0;  // incident type index
  bool deliberate = false;
};

// The built-in causes, after the incident types in cause_names(). A cause says which
// act a decision was on (decisions[cause, rung]) and what triggered a war, the first
// spiral and the first clash.
enum class BuiltinCause : int { Countermeasure = 0, Strike, Inject, Event, Initial, Reassurance };
inline constexpr int BUILTIN_CAUSE_COUNT = 6;
inline constexpr const char* BUILTIN_CAUSE_NAMES[BUILTIN_CAUSE_COUNT] = {
    "countermeasure", "strike", "inject", "event", "initial", "reassurance"};

struct Scenario {
  std::int64_t horizon_days = 0;
  std::int64_t grid_days = 1;          // divides horizon_days
  std::int64_t max_events = 1000000;   // §9.5: evaluation points per trajectory
  std::array<std::string, 2> side_names{};
  int alliance = 1;                    // side index of the alliance (european autonomy, §9.2)
  std::vector<IncidentType> incidents;
  std::vector<SignalSpec> signals;
  std::vector<EventSpec> events;
  std::vector<InjectionSpec> injections;

  // Grid points t = 0, grid_days, ..., horizon_days.
  std::int64_t grid_points() const { return horizon_days / grid_days + 1; }
  int incident_count() const { return static_cast<int>(incidents.size()); }
  int cause_count() const { return incident_count() + BUILTIN_CAUSE_COUNT; }
  int cause_index(BuiltinCause c) const { return incident_count() + static_cast<int>(c); }
  int side_index(const std::string& name) const;  // -1 if neither side has that name
  // Incident names in order, then BUILTIN_CAUSE_NAMES in order.
  std::vector<std::string> cause_names() const;
};

}  // namespace escalate
