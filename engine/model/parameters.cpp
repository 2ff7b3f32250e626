#include "escalate/model/parameters.hpp"


namespace escalate {

const char* phase_name(int phase) {
  static constexpr const char* names[NUM_PHASES] = {"dormant", "activated", "deep", "spiral", "war"};
  return names[phase];
}

double& Parameters::at(const ParamRef& ref) {
  void* base = nullptr;
  switch (ref.section) {
    case Section::Model: base = &model; break;
    case Section::Side: base = &sides[ref.index]; break;
    case Section::Response: base = &response; break;
    case Section::Restraint: base = &restraint; break;
    case Section::Incident: base = &incidents[ref.index]; break;
    case Section::Reassurance: base = &reassurance[ref.index]; break;
    case Section::Event: base = &events[ref.index]; break;
    case Section::EventSet: return event_sets[ref.index][ref.element];
    case Section::Inject: base = &injects[ref.index]; break;
  }
  return reinterpret_cast<double*>(static_cast<char*>(base) + ref.offset)[ref.element];
}

}  // namespace escalate
