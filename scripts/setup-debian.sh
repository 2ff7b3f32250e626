#!/usr/bin/env bash
# Installs the Debian 12 packages Escalate needs, by profile:
#   run    building and running the binary (`make run`)
#   plots  run + the Python stack the figures are drawn with, and python3-venv/-setuptools/
#          -pip/-wheel for the escalate package's venv (`make plots`)
#   test   everything (the default; `make setup`, `make build`, `make test`): plots + clang
#          for the fuzzers and sanitizers, Open MPI, R with ncdf4, the netCDF, udunits and
#          HDF5 tools
# Usage: setup-debian.sh [run|plots|test]
# Idempotent and silent when everything is present; needs root (or sudo) only
# when something is missing.
# Where it cannot install (no root, no sudo, not Debian, no network), it says what is
# missing and stops; `make build SETUP=0` skips this check when the packages come from
# elsewhere (modules, a container, a login node's own installation).
set -euo pipefail

profile=${1:-test}
run_packages=(
  # toolchain (git: the version header names the commit)
  g++ cmake ninja-build make pkg-config git
  # libraries
  libtbb-dev librandom123-dev libboost-dev libhdf5-dev libcli11-dev libtomlplusplus-dev
  # SHA-256 of the inputs a result records (a posterior file)
  nettle-dev
)
plots_packages=(
  # the figures and the Python tools (Debian's /usr/bin/python3)
  python3 python3-h5py python3-h5netcdf python3-numpy python3-xarray python3-netcdf4 python3-matplotlib
  python3-scipy
  # the Python tools as a package: a venv with --system-site-packages, pip install
  # --no-build-isolation (pip needs wheel to build the package)
  python3-venv python3-setuptools python3-pip python3-wheel
)
test_packages=(
  # the unit tests; time and bc for the CLI tests and the bench
  catch2 time bc
  # sanitizer and fuzzer builds
  clang-14 libclang-rt-14-dev
  # cluster path (optional at build time, used by tests when present)
  libopenmpi-dev openmpi-bin
  # tools for reading results: h5diff/h5dump, ncdump; R's ncdf4 and udunits2, which the
  # CF tests read the files with (r-cran-ncdf4 pulls in r-base-core: 26 MB download, 43 MB
  # installed without recommends; udunits-bin 0.5 MB)
  hdf5-tools netcdf-bin r-cran-ncdf4 udunits-bin
)
case $profile in
  run) packages=("${run_packages[@]}") ;;
  plots) packages=("${run_packages[@]}" "${plots_packages[@]}") ;;
  test) packages=("${run_packages[@]}" "${plots_packages[@]}" "${test_packages[@]}") ;;
  *) echo "setup: unknown profile '$profile' (run, plots or test)" >&2; exit 2 ;;
esac

skip_hint="if they are provided another way (modules, a container), \`make build SETUP=0\` skips this check"
give_up() {  # give_up WHY: what is missing, why it cannot be installed here, how to go on
  echo "setup: missing Debian packages: ${missing[*]}" >&2
  echo "setup: $1" >&2
  echo "setup: $skip_hint" >&2
  exit 1
}

if ! command -v dpkg-query >/dev/null; then
  missing=("${packages[@]}")
  echo "setup: not a Debian system (no dpkg-query): cannot check or install packages" >&2
  echo "setup: Escalate needs a C++20 compiler, CMake >= 3.25, Ninja, oneTBB, Random123, Boost, HDF5, CLI11," >&2
  echo "setup: toml++ and Catch2 (optional: Open MPI); their Debian names are listed in $0" >&2
  echo "setup: $skip_hint" >&2
  exit 1
fi

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [ "$status" = "installed" ] || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || give_up "installing needs root or sudo, and this account has neither"
  # Without a terminal sudo cannot ask for a password: say so instead of failing inside apt.
  if ! sudo -n true 2>/dev/null && ! [ -t 0 ]; then
    give_up "installing needs root; sudo asks for a password and there is no terminal to type it"
  fi
  sudo="sudo"
fi
echo "setup: installing ${#missing[@]} missing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq || give_up "apt-get update failed (no network or no package sources?)"
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null ||
  give_up "apt-get install failed (see its message above)"
echo "setup: done"
