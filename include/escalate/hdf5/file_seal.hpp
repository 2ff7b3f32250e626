#pragma once
// A whole-file checksum for result and comparison files, appended after the HDF5 data
// (HDF5, h5py, netCDF and xarray ignore bytes past the end of the HDF5 address space, and
// the file still starts with the HDF5 signature, so xarray recognises it). HDF5's own
// checksums leave gaps (its global heap, where variable-length strings live, has none, and
// a damaged heap object size makes HDF5 1.10 read out of bounds), so the reader checks the
// seal before HDF5 parses a byte: any flipped byte is refused. A file without a seal
// (written before it, or rewritten by another tool, which drops it) is read without it,
// under HDF5's checksums and the reader's checks of every value, after a walk of its
// global heaps (the one structure HDF5 1.10 neither checksums nor bounds-checks).
//
// The seal is SEAL_BYTES of text: "escalate-seal 1 size=N fnv1a64=HEX\n" padded with
// spaces, where N is the size of the HDF5 data before it and HEX the FNV-1a 64 hash of it.
#include <cstdint>
#include <string>

namespace escalate {

inline constexpr std::uint64_t SEAL_BYTES = 80;

// Appends the seal to a closed HDF5 file. Throws IoError.
void seal_file(const std::string& path);

// Checks the seal of a file about to be read (or, without one, its global heaps). Throws
// FileError when it does not match.
void verify_seal(const std::string& path);

}  // namespace escalate
