#pragma once
// The cluster path: MPI ranks when the process was started by mpirun and the engine was
// built with Open MPI; a single process otherwise. Nothing else in the engine knows MPI.
#include "escalate/sim/driver.hpp"

#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace escalate {

// Thrown on the ranks that did not fail when another rank did: main exits with `code`
// without printing, so the job ends with one message.
struct SilentExit {
  int code;
};

class Cluster {
 public:
  Cluster(int& argc, char**& argv);  // MPI_Init when launched by mpirun
  ~Cluster();                        // MPI_Finalize
  Cluster(const Cluster&) = delete;
  Cluster& operator=(const Cluster&) = delete;

  int rank() const { return rank_; }
  int size() const { return size_; }
  bool root() const { return rank_ == 0; }

  // Runs `step` on every rank. If it throws on any rank, the lowest failing rank rethrows
  // its exception and every other rank throws SilentExit with the same exit code.
  void collective(const std::function<void()>& step, const std::function<int(const std::exception&)>& exit_code);

  // Sums every rank's batches into rank 0's `result` (integer tallies: exact in any order).
  void reduce_to_root(DriverResult& result) const;
  double max(double value) const;
  // Every rank gets the element-wise sum of every rank's `values` (the same length on
  // each). Rows that each rank fills alone, zeros elsewhere, so gather exactly in row order
  // (x + 0 = x): the calibrator's likelihood batches.
  void sum_all(std::vector<double>& values) const;

 private:
  int rank_ = 0;
  int size_ = 1;
  [[maybe_unused]] bool mpi_ = false;
};

}  // namespace escalate
