# --target-ci adds whole batches until the 95% half-width on pooled P(war) (the interval
# the results report, over both loops) is at most W; the result equals a plain run with
# the final trajectory count, bit for bit (issues #4, #10). When the spread between the
# parameter draws alone exceeds W (significantly more than binomial noise), it stops and
# says how many draws would be needed.
source "$(dirname "$0")/lib.sh"
cd "$WORK"
closed="$SRC/tests/configs/closed-form.toml"   # no uncertain parameter: only binomial noise
expect_exit 0 "$BIN" run "$closed" --trajectories 256 --target-ci 0.07 -o adaptive.h5
expect_output "--target-ci 0.07: reached with 512 trajectories per draw after 2 round(s)"
expect_exit 0 "$BIN" run "$closed" -q --trajectories 512 -o plain.h5
expect_exit 0 h5diff --exclude-attribute / adaptive.h5 plain.h5
expect_exit 0 "$BIN" run "$closed" --trajectories 256 --target-ci 0.0001 --max-trajectories 1000 -o capped.h5
expect_output "NOT reached (cap) with 1024 trajectories per draw after 3 round(s)"
# 12 draws whose P(war) differ: their spread alone gives a half-width of about 0.01.
expect_exit 0 "$BIN" run "$SRC/tests/configs/small.toml" --target-ci 0.005 -o floor.h5
expect_output "NOT reachable with these draws with 256 trajectories per draw after 1 round(s)"
expect_output "Rerun with about --draws 58"
expect_exit 2 "$BIN" run "$closed" --target-ci 0.01 --shard 1/2 -o x.h5
expect_output "no mpirun or --shard"
finish
