# `cmake --install` into a fresh prefix gives a working escalate (docs: README, "Installing"):
# P/bin/escalate reports the version of the built binary and checks and runs a config
# from outside the source and build trees.
source "$(dirname "$0")/lib.sh"
BUILD=$(cd "$(dirname "$BIN")/.." && pwd)   # build/<preset>, whose engine/escalate is $BIN
PREFIX="$WORK/prefix with space"
expect_exit 0 cmake --install "$BUILD" --prefix "$PREFIX"
[ -x "$PREFIX/bin/escalate" ] && pass "installed $PREFIX/bin/escalate" || fail "no $PREFIX/bin/escalate"
cd "$WORK"
expect_exit 0 "$PREFIX/bin/escalate" --version
"$BIN" --version > built-version.txt 2>&1
cmp -s "$WORK/out" built-version.txt && pass "same --version as the built binary" || fail "--version differs"
cp "$SRC/tests/configs/small.toml" small.toml
expect_exit 0 "$PREFIX/bin/escalate" check small.toml
expect_exit 0 "$PREFIX/bin/escalate" run small.toml -q --draws 2 --trajectories 10 -o installed.h5
[ -f installed.h5 ] && pass "the installed binary wrote a result" || fail "no result written"
expect_exit 2 "$PREFIX/bin/escalate" check no-such.toml
finish
