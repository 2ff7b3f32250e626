#pragma once
// The resumable state of an interrupted calibration (docs/calibration.md, "Stopping and
// resuming"): the sampler's SmcState after its last finished stage, as a small text file
// (every double in hexadecimal floating point, so it reads back bit for bit), with the
// fingerprint of the calibration it belongs to (inputs' SHA-256s, seed, sizes, engine
// version): --resume refuses a state written for anything else.
#include "escalate/infer/smc_state.hpp"

#include <string>

namespace escalate::app {

// Writes atomically (a temporary beside it, then rename). Throws IoError.
void write_calibration_state(const std::string& path, const std::string& fingerprint, const infer::SmcState& state);

// Throws FileError naming the file when it is missing, not a state file, damaged, or
// written for another calibration (another fingerprint).
infer::SmcState read_calibration_state(const std::string& path, const std::string& fingerprint);

}  // namespace escalate::app
