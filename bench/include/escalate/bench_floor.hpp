#pragma once
// Nanoseconds per event of the work MODEL.md requires, by event kind (bench_floor.cpp).
namespace escalate {
struct FloorCosts {
  double incident, countermeasure, grid;
};
FloorCosts measure_floor();
}  // namespace escalate
