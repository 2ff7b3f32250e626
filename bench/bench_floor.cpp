// The floor: the random draws and transcendental functions MODEL.md requires per event,
// with nothing else (no state, no branching on outcomes). Three bundles:
//   incident        next-arrival exponential; which process, deliberate, clarification,
//                   2 decision uniforms; severity and evidence normals; exp for severity,
//                   sigmoid(b), logit(pi), sigmoid(q), Jeffrey (sigmoid + logit), three
//                   response exps + logit(q) + ln(s), phase and intent sigmoids (4);
//                   fear decay exp2 for both sides; one sqrt
//   countermeasure  next-arrival exponential, delay exponential, 2 decision uniforms,
//                   Jeffrey, response (3 exp, 2 log), 4 sigmoids, 2 exp2
//   grid            next-arrival exponential, 2 exp2, 4 sigmoids
// bench_engine weights these by the baseline's observed event mix.
#include "escalate/bench_floor.hpp"

#include "escalate/model/logistic.hpp"
#include "escalate/model/random_stream.hpp"

#include <chrono>
#include <cmath>

namespace escalate {

namespace {
template <typename Bundle>
double nanoseconds_per_call(Bundle bundle) {
  RandomStream s(1, RandomDomain::Arrivals, 0, 0);
  volatile double sink = 0;
  double acc = 0;
  const int n = 2'000'000;
  for (int i = 0; i < 100'000; ++i) acc += bundle(s, acc);  // warm-up
  auto t0 = std::chrono::steady_clock::now();
  for (int i = 0; i < n; ++i) acc += bundle(s, acc * 1e-300);
  auto t1 = std::chrono::steady_clock::now();
  sink = acc;
  (void)sink;
  return std::chrono::duration<double, std::nano>(t1 - t0).count() / n;
}

// `x` is a data dependency on the previous call, so the compiler cannot hoist the math.
double incident(RandomStream& s, double x) {
  double t = s.exponential(0.5) + x;
  double u = s.uniform() + s.uniform() + s.uniform() + s.uniform() + s.uniform();
  double z = s.normal() + s.normal();
  double sev = std::exp(0.8 * z);
  double b = sigmoid(t + 0.3);
  double pi = logit(0.1 + 0.8 * b);
  double q = sigmoid(pi + z + std::sqrt(1.0 + u));
  double j = logit(0.5 * sigmoid(q) + 0.25);
  double r = std::exp(j - 1) + std::exp(j - 2) + std::exp(-j) + logit(0.3 + 0.4 * q) + std::log(sev);
  double ph = sigmoid(r) + sigmoid(-r) + sigmoid(r + 1) + sigmoid(r - 1);
  return ph + std::exp2(-t / 180) + std::exp2(-t / 120);
}

double countermeasure(RandomStream& s, double x) {
  double t = s.exponential(0.5) + s.exponential(1.0 / 30) + x;
  double u = s.uniform() + s.uniform();
  double j = logit(0.5 * sigmoid(t) + 0.25);
  double r = std::exp(j - 1) + std::exp(j - 2) + std::exp(-j) + logit(0.3 + 0.4 * u / 2) + std::log(0.1 + u);
  double ph = sigmoid(r) + sigmoid(-r) + sigmoid(r + 1) + sigmoid(r - 1);
  return ph + std::exp2(-t / 180) + std::exp2(-t / 120);
}

double grid(RandomStream& s, double x) {
  double t = s.exponential(0.5) + x;
  double ph = sigmoid(t) + sigmoid(-t) + sigmoid(t + 1) + sigmoid(t - 1);
  return ph + std::exp2(-t / 180) + std::exp2(-t / 120);
}
}  // namespace

FloorCosts measure_floor() {
  return {nanoseconds_per_call(incident), nanoseconds_per_call(countermeasure), nanoseconds_per_call(grid)};
}

}  // namespace escalate
