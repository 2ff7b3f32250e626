#pragma once
// The time of something that does not happen: +infinity (days). One name for the model's
// files, which the release build compiles together as one unity batch.
#include <limits>

namespace escalate {

inline constexpr double NEVER = std::numeric_limits<double>::infinity();

}  // namespace escalate
