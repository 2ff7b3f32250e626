#include "escalate/hdf5/hdf5_handle.hpp"

#include "escalate/base/error.hpp"

namespace escalate {

namespace {
struct SilenceHdf5 {
  SilenceHdf5() {
    // No HDF5 shutdown at exit: after a failed write (disk full) HDF5 1.10 keeps a
    // half-closed file in its tables, and its exit handler then crashes (SIGSEGV) trying to
    // close it again. Every file is closed explicitly; the OS reclaims the rest.
    H5dont_atexit();
    // Our errors name the object; HDF5's own stack trace would be noise.
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  }
};
const SilenceHdf5 silence;
}  // namespace

herr_t h5_check(herr_t status, const std::string& what) {
  if (status < 0) throw IoError("HDF5 error: " + what);
  return status;
}

hid_t h5_check_id(hid_t id, const std::string& what) {
  if (id < 0) throw IoError("HDF5 error: " + what);
  return id;
}

H5Handle::H5Handle(hid_t id, Closer closer, const std::string& what) : id_(h5_check_id(id, what)), closer_(closer) {}

H5Handle& H5Handle::operator=(H5Handle&& other) noexcept {
  if (this != &other) {
    reset();
    id_ = other.id_;
    closer_ = other.closer_;
    other.id_ = -1;
  }
  return *this;
}

void H5Handle::reset() {
  if (id_ >= 0 && closer_) closer_(id_);
  id_ = -1;
}

H5Handle h5_string_type() {
  H5Handle type(H5Tcopy(H5T_C_S1), H5Tclose, "string type");
  h5_check(H5Tset_size(type.get(), H5T_VARIABLE), "string type");
  h5_check(H5Tset_cset(type.get(), H5T_CSET_UTF8), "string type");
  return type;
}

}  // namespace escalate
