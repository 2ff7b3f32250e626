#include "escalate/sim/cluster.hpp"

#include "escalate/base/error.hpp"

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
    throw RequestError("this escalate was built without MPI, but mpirun started " + std::string(n) +
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

void Cluster::reduce_to_root([[maybe_unused]] DriverResult& result) const {
  if (size_ == 1) return;
#ifdef ESCALATE_HAVE_MPI
  // The whole tally is one flat integer buffer (tally_layout.hpp): one sum does it.
  std::vector<std::int64_t>& mine = result.tally.counts;
  std::vector<std::int64_t> sum(root() ? mine.size() : 0, 0);
  MPI_Reduce(mine.data(), sum.data(), static_cast<int>(mine.size()), MPI_INT64_T, MPI_SUM, 0, MPI_COMM_WORLD);
  if (root()) {
    mine = std::move(sum);
    result.complete = result.tally.complete();
  }
#endif
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

void Cluster::sum_all([[maybe_unused]] std::vector<double>& values) const {
#ifdef ESCALATE_HAVE_MPI
  if (size_ > 1) {
    MPI_Allreduce(MPI_IN_PLACE, values.data(), static_cast<int>(values.size()), MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
  }
#endif
}

}  // namespace escalate
