# The same seed gives identical datasets for 1 and 2 threads (provenance attributes differ).
source "$(dirname "$0")/lib.sh"
cfg="$SRC/tests/configs/small.toml"
expect_exit 0 "$BIN" run "$cfg" --threads 1 -q -o "$WORK/one.h5"
expect_exit 0 "$BIN" run "$cfg" --threads 2 -q -o "$WORK/two.h5"
expect_exit 0 h5diff --exclude-attribute / "$WORK/one.h5" "$WORK/two.h5"
# And a different seed does change them (the comparison can fail).
expect_exit 0 "$BIN" run "$cfg" --threads 2 -q --seed 8 -o "$WORK/other.h5"
expect_exit 1 h5diff --exclude-attribute / "$WORK/one.h5" "$WORK/other.h5"
finish
