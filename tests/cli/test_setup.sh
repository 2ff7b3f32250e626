# `make setup` where it cannot install (issue 13): it names what is missing, says why it
# cannot install it, and how to skip the check (make build SETUP=0), instead of failing
# inside sudo or apt. Fake dpkg-query/id/sudo on a PATH of their own; nothing is installed.
source "$(dirname "$0")/lib.sh"
cd "$WORK"
mkdir fake
tool() { printf '#!/bin/sh\n%s\n' "$2" > "fake/$1"; chmod +x "fake/$1"; }
tool dpkg-query 'case "$*" in *libhdf5-dev*) echo not-installed;; *) echo installed;; esac'
tool id 'echo 1000'
setup() { PATH="$WORK/fake" /bin/bash "$SRC/scripts/setup-debian.sh"; }

# Not root, no sudo.
expect_exit 1 setup
expect_output "missing Debian packages: libhdf5-dev"
expect_output "needs root or sudo, and this account has neither"
expect_output "make build SETUP=0"
# sudo, but it wants a password and there is no terminal.
tool sudo 'exit 1'
expect_exit 1 setup </dev/null
expect_output "sudo asks for a password and there is no terminal"
# Not Debian at all.
rm fake/dpkg-query
expect_exit 1 setup
expect_output "not a Debian system"
expect_output "SETUP=0"
# Everything present: silent, exit 0.
tool dpkg-query 'echo installed'
expect_exit 0 setup
[ ! -s "$WORK/out" ] && pass "silent when nothing is missing" || fail "output: $(cat "$WORK/out")"
# Profiles (issue 21): `make run` asks only for what building and running need.
tool dpkg-query 'case "$*" in *clang-14*|*r-cran-ncdf4*|*python3-xarray*|*catch2*) echo not-installed;; *) echo installed;; esac'
tool id 'echo 1000'
rm -f fake/sudo
profile() { PATH="$WORK/fake" /bin/bash "$SRC/scripts/setup-debian.sh" "$@"; }
expect_exit 0 profile run
[ ! -s "$WORK/out" ] && pass "run profile: clang, R, Python and Catch2 are not its business" || fail "run profile: $(cat "$WORK/out")"
expect_exit 1 profile plots
expect_output "missing Debian packages: python3-xarray"
grep -q "clang-14" "$WORK/out" && fail "plots profile asks for clang" || pass "plots profile: no clang"
expect_exit 1 profile test
expect_output "missing Debian packages: python3-xarray catch2 clang-14 r-cran-ncdf4"
expect_exit 1 profile
expect_output "clang-14"
expect_exit 2 profile everything
expect_output "unknown profile 'everything' (run, plots or test)"
grep -q "python3-venv" "$SRC/scripts/setup-debian.sh" && pass "the test profile has python3-venv" || fail "no python3-venv"
# `make run` builds the binary alone; `make test` the whole tree.
make -n -s -C "$SRC" run SETUP=0 >"$WORK/out" 2>&1
expect_output "--target escalate"
make -n -s -C "$SRC" build SETUP=0 >"$WORK/out" 2>&1
grep -q -- "--target" "$WORK/out" && fail "make build builds a single target" || pass "make build builds everything"
# make SETUP=0 skips the check and says so.
expect_exit 0 make -s -C "$SRC" setup SETUP=0
expect_output "setup: skipped (SETUP=0)"
finish
