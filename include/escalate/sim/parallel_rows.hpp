#pragma once
// Independent rows of work on threads (oneTBB, private to sim), for callers above sim
// that may not include oneTBB (the calibrator's likelihood: one row per particle). Each
// call of `work` gets the row and a worker slot in [0, slots): one thread at a time uses a
// slot, so a caller keeps per-slot state (a simulator) in a vector without locks. Rows
// are independent: what a row computes must not depend on its slot or on other rows, so
// the results are the same for any number of threads.
#include <cstdint>
#include <functional>

namespace escalate {

// The number of worker slots parallel_rows uses with `threads` (0: all cores).
int parallel_slots(int threads);

// Calls work(row, slot) once for every row in [0, rows) on `threads` threads (0: all
// cores), one row per task. The first exception a row throws is rethrown here once the
// running rows have finished; rows not yet started are then skipped.
void parallel_rows(std::int64_t rows, int threads, const std::function<void(std::int64_t row, int slot)>& work);

}  // namespace escalate
