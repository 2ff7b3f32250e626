#pragma once
// Everything a tempered SMC run knows after a stage (docs/inference.md §7): plain data,
// so a caller can write it to a file and a later process can continue from it. The next
// stage depends on this struct, the settings and the likelihood only: a resumed run
// equals the uninterrupted one bit for bit.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace escalate::infer {

struct StageDiagnostics {
  std::size_t stage = 0;
  double temperature = 0;              // after the stage
  double ess = 0;                      // of the incremental weights, before resampling
  double acceptance = 0;               // mean MH acceptance over the stage's moves
  std::size_t moves = 0;               // MH moves of every particle
  double log_evidence_increment = 0;   // log mean of the incremental weights
  double scale = 0;                    // random-walk scale c used by the moves
  std::size_t evaluations = 0;         // likelihood estimates requested in the stage
  double refresh_acceptance = 0;       // of its prior-refresh moves alone (0 if none)
  friend bool operator==(const StageDiagnostics&, const StageDiagnostics&) = default;
};

struct SmcState {
  std::uint64_t seed = 0;
  std::size_t stage = 0;       // stages done; 0 = particles drawn from the prior
  double temperature = 0;      // 1 = finished: the particles are posterior draws
  double scale = 0;            // random-walk scale for the next stage's moves
  double log_evidence = 0;     // log of the estimated marginal likelihood so far
  // Equally weighted particles in unconstrained space, [particle][parameter], with the
  // log-likelihood estimate each one carries (pseudo-marginal: never recomputed unless
  // the particle moves).
  std::vector<std::vector<double>> particles;
  std::vector<double> log_likelihood;
  std::vector<StageDiagnostics> stages;  // one row per stage, stage 0 included

  bool finished() const { return temperature >= 1.0; }
  friend bool operator==(const SmcState&, const SmcState&) = default;
};

}  // namespace escalate::infer
