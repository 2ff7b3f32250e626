#pragma once
// The structure of a study as plain data: the grid, the two sides, and the named incident
// types, reassurance signals, events and injections with whom they involve. With the
// Parameters of one draw, it is everything the model needs; the config layer builds it.
#include "escalate/model/parameters.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace escalate {

struct IncidentType {
  std::string name;
  std::string description;
  int victim = 0;
  int suspect = 1;
};

struct ReassuranceSpec {
  int sender = 0;
};

// One entry of an event's `set`: which number of the trajectory's parameters it replaces.
struct SetTarget {
  std::string path;  // as written: "sides.nato.bias"
  ParamRef target;   // where it goes in Parameters
};

struct EventSpec {
  int side = 0;
  std::string label;
  std::vector<SetTarget> sets;  // values live in Parameters::event_sets[event]
};

struct InjectSpec {
  int incident = 0;
  bool deliberate = false;
};

struct Scenario {
  std::int64_t horizon_days = 0;
  std::int64_t grid_days = 0;
  std::array<std::string, 2> side_names;
  int alliance = 0;  // index of the alliance side (restraint: European autonomy)
  std::vector<IncidentType> incidents;
  std::vector<ReassuranceSpec> reassurance;
  std::vector<EventSpec> events;
  std::vector<InjectSpec> injects;

  std::int64_t grid_points() const { return horizon_days / grid_days + 1; }
  int side_index(const std::string& name) const;  // -1 if none
};

// What caused a transition: an incident type index (0..K-1), or one of these after them.
enum class Cause : int { Countermeasure = 0, Event, Initial, Reassurance, Grid };
inline int cause_index(int num_incidents, Cause c) { return num_incidents + static_cast<int>(c); }
inline constexpr int NUM_NON_INCIDENT_CAUSES = 5;
std::vector<std::string> cause_names(const Scenario& scenario);  // incident names, then the above

}  // namespace escalate
