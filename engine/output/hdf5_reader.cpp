#include "escalate/output/hdf5_reader.hpp"

#include "escalate/base/error.hpp"

#include <cstdio>

namespace escalate {

H5Reader::H5Reader(const std::string& path) : path_(path) {
  htri_t is_hdf5 = H5Fis_hdf5(path.c_str());
  if (is_hdf5 <= 0) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) throw FileError(path + ": cannot open (no such file, or not readable)");
    std::fclose(f);
    throw FileError(path + ": not an HDF5 file (or a truncated one)");
  }
  hid_t id = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  if (id < 0) throw FileError(path + ": cannot open as HDF5 (truncated or damaged?)");
  file_ = H5Handle(id, H5Fclose, path);
}

bool H5Reader::has(const std::string& object) const {
  // Check each link of the path, so that a missing parent group is not an error.
  std::string prefix;
  std::size_t start = 0;
  while (start <= object.size()) {
    std::size_t slash = object.find('/', start);
    prefix = object.substr(0, slash);
    htri_t exists = H5Lexists(file_.get(), prefix.c_str(), H5P_DEFAULT);
    if (exists <= 0) return false;
    if (slash == std::string::npos) return true;
    start = slash + 1;
  }
  return true;
}

std::vector<hsize_t> H5Reader::open_shape(const std::string& dataset) const {
  if (!has(dataset)) throw FileError(path_ + ": no dataset /" + dataset + " (not an Escalate result, or an older format)");
  std::string what = path_ + ":/" + dataset;
  H5Handle d(H5Dopen2(file_.get(), dataset.c_str(), H5P_DEFAULT), H5Dclose, "opening " + what);
  H5Handle space(H5Dget_space(d.get()), H5Sclose, "reading the shape of " + what);
  int rank = H5Sget_simple_extent_ndims(space.get());
  if (rank < 0) throw IoError("HDF5 error: shape of " + what);
  std::vector<hsize_t> shape(static_cast<std::size_t>(rank), 0);
  if (rank > 0) H5Sget_simple_extent_dims(space.get(), shape.data(), nullptr);
  return shape;
}

void H5Reader::read(const std::string& dataset, hid_t memory_type, std::size_t n, void* data) const {
  if (n == 0) return;
  std::string what = path_ + ":/" + dataset;
  H5Handle d(H5Dopen2(file_.get(), dataset.c_str(), H5P_DEFAULT), H5Dclose, "opening " + what);
  h5_check(H5Dread(d.get(), memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, data), "reading " + what + " (truncated file?)");
}

bool H5Reader::has_attribute(const std::string& object, const std::string& name) const {
  if (!object.empty() && !has(object)) return false;
  return H5Aexists_by_name(file_.get(), object.empty() ? "." : object.c_str(), name.c_str(), H5P_DEFAULT) > 0;
}

H5Handle H5Reader::open_attribute(const std::string& object, const std::string& name) const {
  if (!has_attribute(object, name)) {
    throw FileError(path_ + ": no attribute '" + name + "' on /" + object + " (not an Escalate result?)");
  }
  return H5Handle(H5Aopen_by_name(file_.get(), object.empty() ? "." : object.c_str(), name.c_str(), H5P_DEFAULT, H5P_DEFAULT),
                  H5Aclose, path_ + ": attribute " + name);
}

std::string H5Reader::string_attribute(const std::string& object, const std::string& name) const {
  H5Handle attr = open_attribute(object, name);
  H5Handle type(H5Aget_type(attr.get()), H5Tclose, "attribute type");
  if (H5Tget_class(type.get()) != H5T_STRING) throw FileError(path_ + ": attribute " + name + " is not a string");
  if (H5Tis_variable_str(type.get()) > 0) {
    H5Handle memory = h5_string_type();
    char* value = nullptr;
    h5_check(H5Aread(attr.get(), memory.get(), &value), path_ + ": reading attribute " + name);
    std::string out = value ? value : "";
    H5free_memory(value);
    return out;
  }
  std::size_t size = H5Tget_size(type.get());
  std::string out(size, '\0');
  h5_check(H5Aread(attr.get(), type.get(), out.data()), path_ + ": reading attribute " + name);
  return out.substr(0, out.find('\0'));
}

std::int64_t H5Reader::int_attribute(const std::string& object, const std::string& name) const {
  H5Handle attr = open_attribute(object, name);
  std::int64_t value = 0;
  h5_check(H5Aread(attr.get(), H5T_NATIVE_INT64, &value), path_ + ": reading attribute " + name);
  return value;
}

double H5Reader::double_attribute(const std::string& object, const std::string& name) const {
  H5Handle attr = open_attribute(object, name);
  double value = 0;
  h5_check(H5Aread(attr.get(), H5T_NATIVE_DOUBLE, &value), path_ + ": reading attribute " + name);
  return value;
}

}  // namespace escalate
