# --target-ci adds whole batches until the 95% half-width on pooled P(war) is at most W;
# the result equals a plain run with the final trajectory count, bit for bit (issue #4).
source "$(dirname "$0")/lib.sh"
cfg="$SRC/tests/configs/small.toml"
cd "$WORK"
expect_exit 0 "$BIN" run "$cfg" --target-ci 0.004 -o adaptive.h5
expect_output "--target-ci 0.004: reached with 512 trajectories per draw after 2 round(s)"
expect_exit 0 "$BIN" run "$cfg" -q --trajectories 512 -o plain.h5
expect_exit 0 h5diff --exclude-attribute / adaptive.h5 plain.h5
expect_exit 0 "$BIN" run "$cfg" --target-ci 0.0001 --max-trajectories 1000 -o capped.h5
expect_output "NOT reached (cap) with 1024 trajectories per draw after 3 round(s)"
expect_exit 2 "$BIN" run "$cfg" --target-ci 0.01 --shard 1/2 -o x.h5
expect_output "no mpirun or --shard"
finish
