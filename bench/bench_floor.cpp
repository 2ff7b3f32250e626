// The floor: the random draws and libm calls the model (docs/model.md) requires for each
// kind of evaluation point, and nothing else: no state, no queue, no tallies, no branching
// on outcomes beyond what the arithmetic needs. Draws are the engine's own (Philox4x64-10,
// one 64-bit output per variate, exponentials and normals by inversion, §12), because the
// model fixes them; the maths is written the cheapest way the equations allow (one libm
// call per sigmoid, logit, Jeffrey increment).
//
// Every evaluation point but a grid point does the work of §3.2:
//   forward  bring both sides to this instant: fear decays (one exp2 per side), log-odds
//            drift (a multiply-add);
//   replan   move the next arrival by its budget (model v2.2, §4: arithmetic, no draw)
//            and re-plan the next threshold crossing, per side one log2 (fear: the
//            threshold just below) and one division (log-odds: the threshold just below).
// On top of that, by kind:
//   incident        §4 which process, deliberate (two uniforms), the next arrival's budget
//                   (an Exp(1)), severity (a normal, an exp);
//                   §5.1 belief sigmoid (shared with Jeffrey) and logit(pi) = ln(w / A);
//                   §5.2 evidence normal, first reading sigmoid; §6 Jeffrey (one log);
//                   §7 fear (arithmetic); §5.3 attribution: two uniforms and an Exp(1),
//                   whatever the outcome; §5.4 the decision item: its ladder uniform and
//                   its delay Exp(1)
//   attribution     §5.3 the replacement: belief sigmoid at the incident, two Jeffrey
//                   increments (a log each), the decayed first-reading fear (one exp2)
//   decision        §9.1 logit(q) and ln(s) (a log each), four step sigmoids, the rung
//                   from the item's uniform; the act's two draws (countermeasure delay,
//                   strike severity) consumed whatever the rung (§12), their transforms
//                   priced where they are used: the delay's log with the countermeasure,
//                   the severity's inverse normal and exp with the strike
//   countermeasure  its delay's log; §6 Jeffrey (sigmoid and log); §7 fear; the decision
//                   item (ladder uniform, delay Exp(1))
//   strike          its severity (inverse normal, exp); Jeffrey; fear; the decision item
//   war end         the hazard time drawn at the previous evaluation point (an Exp(1)),
//                   which hazard fired (a uniform); no decay at war; replan after it
//   other           a threshold crossing: forward, the quantity set just below its
//                   threshold (nextafter), replan. Signals, events and the initial
//                   evaluation are priced the same (they add a uniform or two at most)
//   grid            observation only: two bytes stored
// The floor is generous to the engine in one respect: a decision could carry ln(s) and
// the reading's log-odds instead of recomputing them; it is priced as §9.1 is written.
// bench_engine weights the bundles by the event mix the engine actually processed.
#include "escalate/bench_floor.hpp"

#include "escalate/model/random_stream.hpp"

#include <cmath>
#include <cstdint>
#include <ctime>
#include <numbers>

namespace escalate {

namespace {
// One libm call each. (The engine's logit is log(p) - log1p(-p): two.)
double sig(double x) { return 1.0 / (1.0 + std::exp(-x)); }
double logit1(double p) { return std::log(p / (1.0 - p)); }
double exp1(RandomStream& s) { return -std::log(s.uniform()); }  // Exp(1) by inversion

// Jeffrey's rule (§6) given b = sigmoid(l), its complement nb (both accurate) and the
// likelihood ratio m: the new log-odds, one log.
double jeffrey(double b, double nb, double m, double q) {
  const double bm = b * m / (b * m + nb), nbm = nb / (b * m + nb);
  return std::log((q * bm + (1.0 - q) * b) / (q * nbm + (1.0 - q) * nb));
}

// §3.2 step 1: both sides brought forward over dt days.
double forward(double dt, double& fear, double& logodds) {
  const double f0 = 2.0 * std::exp2(-dt / 120.0), f1 = 1.5 * std::exp2(-dt / 90.0);
  fear = f0 + f1;
  logodds = 0.8 - 0.004 * dt;
  return (0.5 - 0.002 * dt) + f1;
}

// §3.2 step 6: the next arrival (the budget left, spent at the new rate) and the next
// crossing (both sides).
double replan(RandomStream&, double t, double fear, double logodds) {
  const double arrival = t + (0.8 - 1e-3 * fear) * 365.0 / (12.0 + fear);
  const double fear0 = 120.0 * std::log2(fear / 0.5), fear1 = 90.0 * std::log2((fear + 0.7) / 1.0);
  const double drift0 = (logodds + 0.4) / (0.004 + 1e-3 * fear), drift1 = (logodds + 0.6) / (0.002 + 1e-3 * fear);
  return arrival + fear0 + fear1 + drift0 + drift1;
}

// `x` (about 0) is a data dependency on the previous call, so nothing can be hoisted.
double incident(RandomStream& s, double x) {
  const double t = 30.0 + x;
  double fear, l;
  double y = forward(7.0 + x, fear, l);
  const double which = s.uniform(), budget = exp1(s);
  const bool deliberate = s.uniform() < 0.3;
  const double severity = 0.3 * std::exp(0.9 * s.normal());
  const double e = std::exp(-l), b = 1.0 / (1.0 + e), nb = e * b;
  const double m = 3.0;
  const double logit_pi = std::log(2.0 * (b * m + nb) / 4.0);
  const double evidence = (deliberate ? 0.5 : -0.5) + std::numbers::sqrt2 * s.normal();
  const double q0 = sig(logit_pi + evidence + 0.3);
  l = jeffrey(b, nb, m, q0);
  fear += 0.8 * severity * q0;
  const double established = s.uniform(), wrong = s.uniform(), t_attribution = t + 3.0 * exp1(s);
  const double ladder_uniform = s.uniform(), t_decision = t + 2.0 * exp1(s);
  return y + which + budget + established + wrong + t_attribution + ladder_uniform + t_decision + replan(s, t, fear, l);
}

double attribution(RandomStream& s, double x) {
  const double t = 32.0 + x;
  double fear, l;
  double y = forward(2.0 + x, fear, l);
  const double at_incident = 0.6 + x, m = 3.0, q0 = 0.7, qc = 0.1;
  const double e = std::exp(-at_incident), b = 1.0 / (1.0 + e), nb = e * b;
  l += jeffrey(b, nb, m, qc) - jeffrey(b, nb, m, q0);
  fear = std::fmax(0.0, fear + 0.8 * 0.3 * (qc - q0) * std::exp2(-(2.0 + x) / 120.0));
  return y + replan(s, t, fear, l);
}

double decision(RandomStream& s, double x) {
  const double t = 31.0 + x;
  double fear, l;
  double y = forward(1.0 + x, fear, l);
  const double logit_q = logit1(0.35 + x), log_s = std::log(0.3 + x);
  const double fear_ratio = fear / 4.0, restraint = 1.2;
  auto utility = [&](double a, double w) { return a + w * logit_q + w * log_s + 0.3 * fear_ratio - 0.1 * restraint; };
  const double p1 = sig(utility(0.5, 0.5)), p2 = p1 * sig(utility(-1.5, 0.3)), p3 = p2 * sig(utility(-3.0, 0.3)),
               p4 = p3 * sig(utility(-2.0, 0.3));
  const double u = 0.4 + x;  // the item's ladder uniform, drawn when it was created
  const int rung = (u < p1) + (u < p2) + (u < p3) + (u < p4);
  const std::uint64_t delay_draw = s(), severity_draw = s();
  return y + rung + static_cast<double>((delay_draw ^ severity_draw) >> 63) + replan(s, t, fear, l);
}

double countermeasure(RandomStream& s, double x) {
  const double t = 45.0 + x;
  double fear, l;
  double y = forward(14.0 + x, fear, l);
  const double delay = -14.0 * std::log(0.37 + x);
  const double e = std::exp(-l), b = 1.0 / (1.0 + e), nb = e * b;
  l = jeffrey(b, nb, 1.5, 0.5);
  fear += 0.8 * 0.2 * 0.5;
  const double ladder_uniform = s.uniform(), t_decision = t + 2.0 * exp1(s);
  return y + delay + ladder_uniform + t_decision + replan(s, t, fear, l);
}

double strike(RandomStream& s, double x) {
  const double t = 33.0 + x;
  double fear, l;
  double y = forward(x, fear, l);
  const double z = RandomStream::normal_of(static_cast<std::uint64_t>((0.37 + x) * 0x1.0p64));
  const double severity = std::exp(0.5 * z);
  const double e = std::exp(-l), b = 1.0 / (1.0 + e), nb = e * b;
  l = jeffrey(b, nb, 2.0, 0.99);
  fear += 0.8 * severity * 0.99;
  const double ladder_uniform = s.uniform(), t_decision = t + 2.0 * exp1(s);
  return y + ladder_uniform + t_decision + replan(s, t, fear, l);
}

double war_end(RandomStream& s, double x) {
  const double t = 40.0 + x;
  const double end = t + exp1(s) / (0.0068 + x);
  const double which = s.uniform();
  return which + replan(s, end, 4.0 + x, 0.85 + x);
}

double other(RandomStream& s, double x) {
  const double t = 50.0 + x;
  double fear, l;
  double y = forward(20.0 + x, fear, l);
  fear = std::nextafter(fear, 0.0);
  return y + replan(s, t, fear, l);
}

double grid(RandomStream&, double x) {
  static std::uint8_t phase[2][512];
  static unsigned next = 0;
  const unsigned g = next++ & 511u;
  phase[0][g] = static_cast<std::uint8_t>(2.0 + x);
  phase[1][g] = static_cast<std::uint8_t>(3.0 + x);
  return x + phase[0][(g + 1) & 511u];
}

double thread_cpu_ns() {  // CPU time of this thread: time spent descheduled does not count
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return 1e9 * static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec);
}

template <typename Bundle>
double nanoseconds_per_call(Bundle bundle, int calls) {
  RandomStream s(1, RandomDomain::Arrivals, 0, 0);
  volatile double sink = 0;
  double acc = 0;
  for (int i = 0; i < calls / 20 + 1000; ++i) acc += bundle(s, acc * 1e-300);  // warm-up
  acc = 0;
  const double t0 = thread_cpu_ns();
  for (int i = 0; i < calls; ++i) acc += bundle(s, acc * 1e-300);
  const double t1 = thread_cpu_ns();
  sink = acc;
  (void)sink;
  return (t1 - t0) / calls;
}
}  // namespace

FloorCosts measure_floor(int calls) {
  FloorCosts f;
  f.incident = nanoseconds_per_call(incident, calls);
  f.attribution = nanoseconds_per_call(attribution, calls);
  f.decision = nanoseconds_per_call(decision, calls);
  f.countermeasure = nanoseconds_per_call(countermeasure, calls);
  f.strike = nanoseconds_per_call(strike, calls);
  f.war_end = nanoseconds_per_call(war_end, calls);
  f.other = nanoseconds_per_call(other, calls);
  f.grid = nanoseconds_per_call(grid, calls);
  return f;
}

}  // namespace escalate
