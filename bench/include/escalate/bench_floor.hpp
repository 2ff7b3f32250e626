#pragma once
// The floor: nanoseconds per evaluation point of the work the model (docs/model.md)
// requires, by kind of evaluation point: its random draws and its libm calls, nothing
// else (bench_floor.cpp says what each bundle holds).
namespace escalate {

struct FloorCosts {
  double incident;        // an incident arrives (§4, §5.1-5.4)
  double attribution;     // an attribution arrives: the replacement of §5.3
  double decision;        // a decision is taken: the ladder of §9.1
  double countermeasure;  // a countermeasure arrives (§9.3)
  double strike;          // a limited strike arrives (§9.3)
  double war_end;         // a war hazard fires: ceasefire or nuclear use (§9.4)
  double other;           // a threshold crossing (§3.3); also priced for signals, events and the initial evaluation
  double grid;            // a grid point: observation only (§3.4)
};

// Times each bundle with `calls` calls (after a warm-up) in this thread's CPU time.
FloorCosts measure_floor(int calls = 400'000);

}  // namespace escalate
