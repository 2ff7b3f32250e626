#include "escalate/model/parameters.hpp"

namespace escalate {

double& Parameters::at(const ParamRef& ref) {
  void* base = nullptr;
  const auto i = static_cast<std::size_t>(ref.index);
  switch (ref.section) {
    case Section::Model: base = &model; break;
    case Section::Side: base = &sides[i]; break;
    case Section::Response: base = &response; break;
    case Section::War: base = &war; break;
    case Section::Restraint: base = &restraint; break;
    case Section::Incident: base = &incidents[i]; break;
    case Section::Reassurance: base = &reassurance[i]; break;
    case Section::Event: base = &events[i]; break;
    case Section::EventSet: return event_sets[i][static_cast<std::size_t>(ref.element)];
    case Section::Inject: base = &injects[i]; break;
  }
  // Every section struct is a standard-layout struct of doubles and arrays of doubles,
  // so offsetof is well defined and the field (or array) starts at base + offset.
  return reinterpret_cast<double*>(static_cast<char*>(base) + ref.offset)[ref.element];
}

}  // namespace escalate
