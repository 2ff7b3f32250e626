# The cluster paths reproduce a single-process run bit for bit (datasets; provenance
# attributes differ): 3 shards merged, and mpirun -n 2 (issue #4).
source "$(dirname "$0")/lib.sh"
cfg="$SRC/tests/configs/small.toml"
cd "$WORK"
expect_exit 0 "$BIN" run "$cfg" -q -o single.h5

for i in 1 2 3; do expect_exit 0 "$BIN" run "$cfg" -q --shard "$i/3" -o "part-$i.h5"; done
expect_exit 0 "$BIN" merge part-3.h5 part-1.h5 part-2.h5 -q -o merged.h5
expect_exit 0 h5diff --exclude-attribute / single.h5 merged.h5
expect_exit 0 "$BIN" summary part-2.h5
expect_output "PARTIAL, shard 2/3"

# merge refuses what cannot be merged, and writes nothing.
expect_exit 2 "$BIN" merge part-1.h5 part-3.h5 -o bad.h5
expect_output "missing shard(s) 2 of 3"
expect_output "--allow-partial"
expect_exit 2 "$BIN" merge part-1.h5 part-1.h5 part-2.h5 part-3.h5 -o bad.h5
expect_output "given twice"
expect_exit 0 "$BIN" run "$cfg" -q --shard 2/3 --seed 99 -o other-seed.h5
expect_exit 2 "$BIN" merge part-1.h5 other-seed.h5 part-3.h5 -o bad.h5
expect_output "the seed differs"
head -c 3000 single.h5 > truncated.h5
expect_exit 2 "$BIN" merge part-1.h5 truncated.h5 -o bad.h5
expect_output "truncated.h5"
[ ! -e bad.h5 ] && pass "nothing written by refused merges" || fail "bad.h5 exists"

# --allow-partial writes the incomplete result, says so (also with -q), and exits 0; it is
# a partial run that --resume completes to the single run's datasets; so is one shard
# resumed without --shard (it runs the rest of the run).
expect_exit 0 "$BIN" merge part-1.h5 part-3.h5 -q --allow-partial -o some.h5
expect_output "some.h5 is partial (complete = 0): shard(s) 2 missing"
expect_exit 0 "$BIN" summary some.h5
expect_output "PARTIAL"
expect_exit 0 "$BIN" run "$cfg" -q --resume some.h5 -o completed.h5
expect_exit 0 h5diff --exclude-attribute / single.h5 completed.h5
expect_exit 0 "$BIN" run "$cfg" -q --resume part-2.h5 -o from-part.h5
expect_exit 0 h5diff --exclude-attribute / single.h5 from-part.h5
expect_exit 2 "$BIN" run "$cfg" -q --shard 1/3 --resume some.h5 -o x.h5
expect_output "some.h5 is a whole run; drop --shard"
expect_exit 2 "$BIN" run "$cfg" -q --shard 4/3 -o x.h5
expect_output "need 1 <= i <= n"

# The Slurm scripts, run by bash with the variables Slurm would set: the array's parts
# merge to the single run; a part missing makes merge.sbatch fail (exit 2: an afterok
# chain stops) unless ALLOW_PARTIAL=1; the resubmitted task (n given, as for a subset)
# makes it whole; an existing part is resumed as its shard, not recomputed.
slurm() { env ESCALATE="$BIN" SLURM_CPUS_PER_TASK=2 "$@"; }
for i in 1 2 3; do
  expect_exit 0 slurm SLURM_ARRAY_TASK_ID=$i SLURM_ARRAY_TASK_COUNT=3 bash "$SRC/scripts/slurm/array.sbatch" "$cfg" parts
done
rm parts/part-2.h5
expect_exit 2 slurm bash "$SRC/scripts/slurm/merge.sbatch" parts slurm.h5
expect_output "missing shard(s) 2 of 3"
expect_exit 0 slurm ALLOW_PARTIAL=1 bash "$SRC/scripts/slurm/merge.sbatch" parts slurm.h5
expect_output "is partial"
expect_exit 0 slurm SLURM_ARRAY_TASK_ID=2 SLURM_ARRAY_TASK_COUNT=1 bash "$SRC/scripts/slurm/array.sbatch" "$cfg" parts 3
expect_exit 2 slurm SLURM_ARRAY_TASK_ID=2 SLURM_ARRAY_TASK_COUNT=1 bash "$SRC/scripts/slurm/array.sbatch" "$cfg" parts 3
expect_output "already complete (merge it)"
expect_exit 0 slurm bash "$SRC/scripts/slurm/merge.sbatch" parts slurm.h5
expect_exit 0 h5diff --exclude-attribute / single.h5 slurm.h5
# mpi.sbatch hands srun the task's cores (Slurm >= 22.05 no longer passes them on): a fake
# srun insists on --cpus-per-task and runs the command alone.
mkdir -p fakebin
cat > fakebin/srun <<'SH'
#!/bin/bash
cpus=""
while [ "${1#-}" != "$1" ]; do case $1 in --cpus-per-task=*) cpus=${1#*=};; esac; shift; done
[ "$cpus" = "$SLURM_CPUS_PER_TASK" ] || { echo "srun without --cpus-per-task=$SLURM_CPUS_PER_TASK" >&2; exit 9; }
exec "$@"
SH
chmod +x fakebin/srun
expect_exit 0 env PATH="$WORK/fakebin:$PATH" ESCALATE="$BIN" SLURM_CPUS_PER_TASK=2 bash "$SRC/scripts/slurm/mpi.sbatch" "$cfg" srun.h5
expect_exit 0 h5diff --exclude-attribute / single.h5 srun.h5

# MPI: 2 ranks x 1 thread against the single process (as root, mpirun needs these).
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
if ! command -v mpirun >/dev/null; then fail "mpirun missing (make setup installs openmpi-bin)"; finish; fi
expect_exit 0 mpirun --oversubscribe -n 2 "$BIN" run "$cfg" -q --threads 1 -o mpi.h5
expect_exit 0 h5diff --exclude-attribute / single.h5 mpi.h5
[ "$(h5dump -a /ranks mpi.h5 | grep -c '(0): 2')" = 1 ] && pass "ranks = 2 recorded" || fail "ranks attribute"
# An error on every rank ends the job with one message.
printf 'schema = 1\n[run]\nhorizn_days = 1\n' > bad.toml
expect_exit 2 mpirun --oversubscribe -n 2 "$BIN" run bad.toml -o x.h5
[ "$(grep -c 'escalate: config error' "$WORK/out")" = 1 ] && pass "one message for two failing ranks" || fail "messages: $(grep -c 'escalate:' "$WORK/out")"
finish
