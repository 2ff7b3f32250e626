#pragma once
// The state one side carries along a trajectory (docs/model.md §2).
#include "escalate/model/logistic.hpp"

namespace escalate {

struct SideState {
  bool innate = false;    // drawn once at t = 0, never reverts
  bool acquired = false;  // flips on and off by §8
  double logodds = 0;     // l_i: log-odds of b_i = P(the other side is offensive), in [-20, 20]
  double fear = 0;        // F_i >= 0

  bool offensive() const { return innate || acquired; }
  double belief() const { return sigmoid(logodds); }
};

}  // namespace escalate
