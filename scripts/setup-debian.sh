#!/usr/bin/env bash
# Installs the Debian 12 packages Escalate needs to build, test and plot.
# Idempotent and silent when everything is present; needs root (or sudo) only
# when something is missing. Used by `make setup` (and so by `make run`/`make test`).
set -euo pipefail

packages=(
  # toolchain
  g++ cmake ninja-build make pkg-config git time bc
  # sanitizer and fuzzer builds (make test)
  clang-14 libclang-rt-14-dev
  # libraries (see README "Stack")
  libtbb-dev librandom123-dev libboost-dev libhdf5-dev libcli11-dev
  libtomlplusplus-dev catch2
  # cluster path (optional at build time, used by tests when present)
  libopenmpi-dev openmpi-bin
  # tools for reading results: h5diff/h5dump, ncdump; R's ncdf4 and udunits2, which the
  # CF tests read the files with (r-cran-ncdf4 pulls in r-base-core: 26 MB download, 43 MB
  # installed without recommends; udunits-bin 0.5 MB)
  hdf5-tools netcdf-bin r-cran-ncdf4 udunits-bin
  # analysis and the Python tests of the HDF5 files (Debian's /usr/bin/python3)
  python3 python3-h5py python3-h5netcdf python3-numpy python3-xarray python3-netcdf4 python3-matplotlib
  python3-scipy
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [ "$status" = "installed" ] || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "setup: installing ${#missing[@]} missing Debian packages: ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || {
    echo "setup: need root or sudo to install: ${missing[*]}" >&2
    echo "setup: if they are provided another way (modules, a container), \`make build SETUP=0\` skips this check" >&2
    exit 1
  }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "setup: done"
