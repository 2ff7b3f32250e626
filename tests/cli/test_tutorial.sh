# The tutorial's commands run as written (issue #6): every ```sh block of docs/tutorial.md,
# line by line from the repository root, must succeed.
source "$(dirname "$0")/lib.sh"
cd "$SRC"
blocks=$(awk '/^```sh$/ {on=1; next} /^```$/ {on=0} on' docs/tutorial.md)
[ -n "$blocks" ] && pass "the tutorial has commands" || fail "no sh blocks found"
while IFS= read -r line; do
  [ -z "$line" ] && continue
  expect_exit 0 bash -o pipefail -c "$line"
done <<< "$blocks"
for f in przewodow-run.h5 przewodow.h5 przewodow-forest.png delay.h5 delay-sweep.png policies.h5 policies-forest.png policies-fan.png; do
  [ -s "results/tutorial/$f" ] && pass "wrote $f" || fail "missing results/tutorial/$f"
done
for img in $(grep -o 'img/[a-z-]*\.png' docs/tutorial.md); do
  [ -s "docs/$img" ] && pass "docs/$img is committed" || fail "docs/$img missing"
done
finish
