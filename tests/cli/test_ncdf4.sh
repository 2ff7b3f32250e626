#!/usr/bin/env bash
# R's ncdf4 (Debian r-cran-ncdf4, installed by scripts/setup-debian.sh) opens run, comparison
# and sweep files, lists every variable with its units and reads P(war by t) with dates,
# without a warning; the R example of docs/loading.md runs as written. Skipped (exit 77)
# only when R is not installed.
source "$(dirname "$0")/lib.sh"
if ! command -v Rscript >/dev/null; then
  echo "SKIP: Rscript not found; scripts/setup-debian.sh installs r-cran-ncdf4 (R and ncdf4)"
  exit 77
fi
Rscript -e 'library(ncdf4)' >/dev/null 2>&1 || { fail "R is installed but not ncdf4: apt-get install r-cran-ncdf4"; finish; }
cd "$WORK" || exit 1
printf 'schema = 2\nbase = "%s"\n[run]\nstart_date = "2022-11-15"\ndraws = 3\ntrajectories = 20\n' \
  "$SRC/tests/configs/small.toml" > dated.toml
expect_exit 0 "$BIN" run dated.toml -q -o run.h5
expect_exit 0 "$BIN" compare dated.toml "$SRC/tests/configs/small.toml" -q --draws 3 --trajectories 10 -o compare.h5
expect_exit 0 "$BIN" sweep dated.toml --set restraint.institutions=0,1 -q --draws 3 --trajectories 10 -o sweep.h5
# The ```r blocks of docs/loading.md, reading this run and sweep instead of the baseline's.
awk '/^```r$/ {on = 1; next} /^```/ {on = 0} on' "$SRC/docs/loading.md" | sed -e 's#results/baseline-2022.h5#run.h5#g' -e 's#results/sweep-baseline-2022.h5#sweep.h5#g' > snippet.R
[ -s snippet.R ] && pass "docs/loading.md has an R example" || fail "no \`\`\`r block in docs/loading.md"
Rscript "$SRC/tests/r/read_with_ncdf4.R" 2022-11-15 run.h5 compare.h5 dated sweep.h5 snippet.R >"$WORK/out" 2>&1
got=$?
cat "$WORK/out"
[ $got = 0 ] && pass "R's ncdf4 reads the files" || fail "Rscript exit $got"
finish
