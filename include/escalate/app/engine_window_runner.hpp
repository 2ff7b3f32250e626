#pragma once
// The calibrator's engine: each window of a record simulated by the engine's
// WindowSimulator (sim/window_simulation.hpp), one simulator per window, made when first used.
#include "escalate/app/calibration_likelihood.hpp"
#include "escalate/config/record.hpp"

namespace escalate::app {

// Runners over the windows of `record`, which must outlive them; one per thread.
WindowRunnerFactory engine_window_runners(const Record& record);

}  // namespace escalate::app
