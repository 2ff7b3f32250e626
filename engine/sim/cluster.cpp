#include "escalate/cluster.hpp"

#include "escalate/error.hpp"

#ifdef ESCALATE_HAVE_MPI
#include <mpi.h>
#endif

#include <algorithm>
#include <cstdlib>
#include <exception>

namespace escalate {

namespace {
#ifdef ESCALATE_HAVE_MPI
bool launched_by_mpirun() {
  return std::getenv("OMPI_COMM_WORLD_SIZE") || std::getenv("PMI_SIZE") || std::getenv("PMIX_RANK");
}

// Every integer of a DriverResult, in a fixed order, for one MPI_Reduce.
std::vector<std::int64_t> flatten(const DriverResult& d) {
  const PooledTally& p = d.tally.pooled;
  std::vector<std::int64_t> v;
  for (const auto* part : {&p.occupancy, &p.reached, &p.incidents, &p.war_cause, &p.spiral_cause}) v.insert(v.end(), part->begin(), part->end());
  v.insert(v.end(), p.chain_at_least, p.chain_at_least + MAX_CHAIN_TALLY);
  v.insert(v.end(), {p.countermeasures, p.signals, p.evaluations, p.trajectories});
  for (const auto& dt : d.tally.draws) {
    v.insert(v.end(), dt.war_by_time.begin(), dt.war_by_time.end());
    v.insert(v.end(), dt.reached, dt.reached + NUM_PHASES);
    v.insert(v.end(), {dt.nuclear, dt.trajectories});
  }
  for (std::size_t b = 0; b < d.batch_done.size(); ++b) {
    const BatchOutcome& o = d.batches[b];
    v.insert(v.end(), {static_cast<std::int64_t>(d.batch_done[b]), o.trajectories, o.war, o.spiral, o.nuclear});
  }
  return v;
}

void unflatten(const std::vector<std::int64_t>& v, DriverResult& d) {
  std::size_t i = 0;
  auto take = [&](auto& into) { for (auto& x : into) x = v[i++]; };
  PooledTally& p = d.tally.pooled;
  for (auto* part : {&p.occupancy, &p.reached, &p.incidents, &p.war_cause, &p.spiral_cause}) take(*part);
  for (auto& c : p.chain_at_least) c = v[i++];
  p.countermeasures = v[i++], p.signals = v[i++], p.evaluations = v[i++], p.trajectories = v[i++];
  for (auto& dt : d.tally.draws) {
    take(dt.war_by_time);
    for (auto& r : dt.reached) r = v[i++];
    dt.nuclear = v[i++], dt.trajectories = v[i++];
  }
  for (std::size_t b = 0; b < d.batch_done.size(); ++b) {
    d.batch_done[b] = static_cast<std::uint8_t>(v[i++]);
    BatchOutcome& o = d.batches[b];
    o.trajectories = v[i++], o.war = v[i++], o.spiral = v[i++], o.nuclear = v[i++];
  }
  d.complete = std::all_of(d.batch_done.begin(), d.batch_done.end(), [](auto x) { return x == 1; });
}
#endif
}  // namespace

Cluster::Cluster(int& argc, char**& argv) {
#ifdef ESCALATE_HAVE_MPI
  if (launched_by_mpirun()) {
    int provided = 0;
    MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided);  // only the main thread calls MPI
    MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
    MPI_Comm_size(MPI_COMM_WORLD, &size_);
    mpi_ = true;
  }
#else
  (void)argc;
  (void)argv;
  const char* n = std::getenv("OMPI_COMM_WORLD_SIZE");
  if (n && std::atoi(n) > 1) {
    throw UsageError("this escalate was built without MPI, but mpirun started " + std::string(n) +
                     " copies; install libopenmpi-dev and rebuild (make build), or run without mpirun");
  }
#endif
}

Cluster::~Cluster() {
#ifdef ESCALATE_HAVE_MPI
  if (mpi_) MPI_Finalize();
#endif
}

void Cluster::collective(const std::function<void()>& step, const std::function<int(const std::exception&)>& exit_code) {
  std::exception_ptr error;
  int code = 0;
  try {
    step();
  } catch (const std::exception& e) {
    error = std::current_exception();
    code = exit_code(e);
  }
  if (size_ == 1) {
    if (error) std::rethrow_exception(error);
    return;
  }
  (void)code;
#ifdef ESCALATE_HAVE_MPI
  int worst = 0, first = size_;
  int mine = error ? rank_ : size_;
  MPI_Allreduce(&code, &worst, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
  MPI_Allreduce(&mine, &first, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
  if (worst == 0) return;
  if (rank_ == first) std::rethrow_exception(error);
  throw SilentExit{worst};
#endif
}

void Cluster::reduce_to_root([[maybe_unused]] DriverResult& result, const Config& config) const {
  if (size_ == 1) return;
#ifdef ESCALATE_HAVE_MPI
  std::vector<std::int64_t> mine = flatten(result), sum(mine.size(), 0);
  MPI_Reduce(mine.data(), sum.data(), static_cast<int>(mine.size()), MPI_INT64_T, MPI_SUM, 0, MPI_COMM_WORLD);
  if (root()) unflatten(sum, result);
#endif
  (void)config;
}

double Cluster::max(double value) const {
#ifdef ESCALATE_HAVE_MPI
  if (size_ > 1) {
    double out = value;
    MPI_Allreduce(&value, &out, 1, MPI_DOUBLE, MPI_MAX, MPI_COMM_WORLD);
    return out;
  }
#endif
  return value;
}

}  // namespace escalate
