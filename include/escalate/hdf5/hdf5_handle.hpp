#pragma once
// RAII over HDF5 identifiers, checked return codes that name the object, and the type
// trait that maps a C++ element type to its HDF5 file and memory types (as OpenMC's
// H5TypeMap): one template instead of a function per type.
#include <hdf5.h>

#include <cstdint>
#include <string>

namespace escalate {

// Throws IoError naming the file and object when an HDF5 call fails.
herr_t h5_check(herr_t status, const std::string& what);
hid_t h5_check_id(hid_t id, const std::string& what);

// An open HDF5 identifier, closed exactly once.
class H5Handle {
 public:
  using Closer = herr_t (*)(hid_t);
  H5Handle() = default;
  H5Handle(hid_t id, Closer closer, const std::string& what);
  H5Handle(H5Handle&& other) noexcept { *this = std::move(other); }
  H5Handle& operator=(H5Handle&& other) noexcept;
  H5Handle(const H5Handle&) = delete;
  H5Handle& operator=(const H5Handle&) = delete;
  ~H5Handle() { reset(); }
  hid_t get() const { return id_; }
  void reset();
  hid_t release() { hid_t id = id_; id_ = -1; return id; }  // the caller closes it

 private:
  hid_t id_ = -1;
  Closer closer_ = nullptr;
};

// Variable-length UTF-8 strings (what xarray and netCDF read without trouble).
H5Handle h5_string_type();

// file_type(): how values are stored (little-endian, fixed width); memory_type(): how
// they are laid out in this process.
template <typename T> struct H5Type;
template <> struct H5Type<double> {
  static hid_t file_type() { return H5T_IEEE_F64LE; }
  static hid_t memory_type() { return H5T_NATIVE_DOUBLE; }
};
template <> struct H5Type<float> {
  static hid_t file_type() { return H5T_IEEE_F32LE; }
  static hid_t memory_type() { return H5T_NATIVE_FLOAT; }
};
template <> struct H5Type<std::int64_t> {
  static hid_t file_type() { return H5T_STD_I64LE; }
  static hid_t memory_type() { return H5T_NATIVE_INT64; }
};
template <> struct H5Type<std::uint64_t> {
  static hid_t file_type() { return H5T_STD_U64LE; }
  static hid_t memory_type() { return H5T_NATIVE_UINT64; }
};

}  // namespace escalate
