#pragma once
// The quiet NaN that stands for an undefined estimate (statistics computes it, output
// writes it), named once: a layer's files are compiled together as unity batches
// (engine/CMakeLists.txt), where two private definitions would collide.
#include <limits>

namespace escalate {

inline constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

}  // namespace escalate
