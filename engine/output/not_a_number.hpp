#pragma once
// The quiet NaN the output layer writes for an undefined estimate, named once (the layer's
// files are compiled together as unity batches, engine/CMakeLists.txt). Private to
// engine/output.
#include <limits>

namespace escalate {

inline constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

}  // namespace escalate
