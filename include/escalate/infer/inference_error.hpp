#pragma once
// A sampler that cannot go on: no particle has a positive likelihood, a likelihood
// callback returned NaN or the wrong number of values, the stage cap was reached. The
// message says which; the calibrator's command maps it to an exit code (docs/inference.md §8).
#include <stdexcept>

namespace escalate::infer {

class InferenceError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace escalate::infer
