# Bad input: exit code 2, a message naming file, line and key, nothing written.
source "$(dirname "$0")/lib.sh"
cd "$WORK"
mkdir results

printf 'schema = 2\n[run]\nhorizon_days = 10\ngrid_dayz = 5\n' > typo.toml
expect_exit 2 "$BIN" run typo.toml
expect_output "typo.toml:4:1: run.grid_dayz: unknown key (did you mean 'grid_days'?)"
[ -z "$(ls results)" ] && pass "nothing written after a config error" || fail "files left in results/: $(ls results)"

expect_exit 2 "$BIN" run missing.toml
expect_output "missing.toml: config file not found"

expect_exit 2 "$BIN" run "$SRC/tests/configs/small.toml" -o typo.toml/nodir/out.h5
expect_output "cannot create the output directory typo.toml/nodir: typo.toml is not a directory"

expect_exit 2 "$BIN" run "$SRC/tests/configs/small.toml" --draws 0
expect_output "--draws"

expect_exit 2 "$BIN" run "$SRC/tests/configs/small.toml" --bogus
expect_exit 2 "$BIN"

# An existing result is never replaced without --force, and stays intact.
echo "precious" > results/small.h5
expect_exit 2 "$BIN" run "$SRC/tests/configs/small.toml" -q
expect_output "already exists (use --force"
[ "$(cat results/small.h5)" = "precious" ] && pass "existing file untouched" || fail "existing file changed"
expect_exit 0 "$BIN" run "$SRC/tests/configs/small.toml" -q --force --draws 2 --trajectories 10
h5dump -H results/small.h5 >/dev/null 2>&1 && pass "--force replaced it with a valid HDF5 file" || fail "not HDF5 after --force"
[ -z "$(ls -A results | grep -v '^small.h5$')" ] && pass "no temporary files left" || fail "left: $(ls -A results)"

expect_exit 0 "$BIN" check "$SRC/tests/configs/small.toml"
expect_output "uncertain parameter(s)"
expect_output "response.intercept.1 ~ normal"
expect_exit 0 "$BIN" --help
expect_output "Examples:"
expect_exit 0 "$BIN" run --help
expect_output "--trajectories"
# Seeds take the whole range [0, 2^64): from 2^63 on, the resolved config stores the seed as
# a decimal string (TOML integers are signed), and the file reads back.
expect_exit 0 "$BIN" run "$SRC/tests/configs/small.toml" -q --force --draws 2 --trajectories 10 --seed 18446744073709551615 -o big-seed.h5
expect_exit 0 "$BIN" summary big-seed.h5
expect_output "seed 18446744073709551615"
for i in 1 2; do
  expect_exit 0 "$BIN" run "$SRC/tests/configs/small.toml" -q --draws 2 --trajectories 10 --seed 18446744073709551615 --shard $i/2 -o part-$i.h5
done
expect_exit 0 "$BIN" merge part-1.h5 part-2.h5 -q -o merged-seed.h5
expect_exit 0 h5diff --exclude-attribute / big-seed.h5 merged-seed.h5
finish
