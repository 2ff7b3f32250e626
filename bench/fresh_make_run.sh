#!/usr/bin/env bash
# Times `make run` on a fresh Debian 12 system: a minimal bookworm tree made with
# debootstrap (the packages of a base image, no compiler, no libraries), a clean clone of
# this repository inside it, then `make run` in a chroot: the Debian packages of the run
# profile are installed from the network, the binary is built without a compiler cache and
# the baseline runs. Prints the wall time. docs/reliability.md, "A lean `make run`".
#
# Usage (as root, on a Debian or Ubuntu host with network; debootstrap is a Debian package):
#   bash bench/fresh_make_run.sh [DIR]     # DIR: where the tree goes (default: a new temp dir)
# The tree is left in DIR for inspection; remove it with `umount -R DIR/{proc,dev,sys}; rm -rf DIR`.
set -euo pipefail

[ "$(id -u)" -eq 0 ] || { echo "fresh_make_run: needs root (debootstrap, chroot)" >&2; exit 2; }
command -v debootstrap >/dev/null || { echo "fresh_make_run: needs debootstrap (apt-get install debootstrap)" >&2; exit 2; }
root=${1:-$(mktemp -d /tmp/escalate-fresh.XXXXXX)}
repo=$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)
mirror=${MIRROR:-http://deb.debian.org/debian}

echo "fresh_make_run: debootstrap --variant=minbase bookworm $root" >&2
debootstrap --variant=minbase bookworm "$root" "$mirror" >"$root.debootstrap.log" 2>&1 ||
  { echo "fresh_make_run: debootstrap failed, see $root.debootstrap.log" >&2; exit 1; }
cp /etc/resolv.conf "$root/etc/"
mount -t proc proc "$root/proc"
mount --rbind /dev "$root/dev"
mount --rbind /sys "$root/sys"
git clone -q "$repo" "$root/root/escalate"

in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
  DEBIAN_FRONTEND=noninteractive /bin/bash -c "$1"; }
# A base image has no make: the user installs it to type the command at all. Then the
# package lists are dropped again, so `make run` starts from what a new machine has.
in_root 'apt-get update -qq && apt-get install -y -qq --no-install-recommends make >/dev/null &&
  rm -rf /var/lib/apt/lists/* /var/cache/apt/archives/*.deb'

echo "fresh_make_run: load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
start=$(date +%s.%N)
in_root 'cd /root/escalate && make run'
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" 'BEGIN { printf "fresh make run: %.1f s wall (apt-get install, build, baseline run)\n", e - s }'
