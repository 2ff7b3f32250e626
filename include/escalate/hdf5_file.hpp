#pragma once
// Small RAII wrappers over the HDF5 C API for writing netCDF-4-compatible files:
// every axis is a dimension scale (hdf5_hl) with `_Netcdf4Dimid`, variables have their
// scales attached, creation order is tracked, strings are variable-length UTF-8, every
// return code is checked and errors name the object. Nothing here knows the model.
#include <hdf5.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace escalate {

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

struct VariableAttributes {
  std::string long_name;
  std::string units;  // "" for none
};

class H5Writer {
 public:
  explicit H5Writer(const std::string& path);  // creates (truncating) the file

  // Coordinate axes: 1-D dimension scales, at "name" or "group/name" (netCDF-4 dimensions of that group).
  void dimension(const std::string& name, const std::vector<std::int64_t>& values, const VariableAttributes& attrs);
  void dimension(const std::string& name, const std::vector<double>& values, const VariableAttributes& attrs);
  void dimension(const std::string& name, const std::vector<std::string>& values, const VariableAttributes& attrs);

  // Variables at "group/name" (or "name") over named dimensions, row-major.
  void variable(const std::string& path, const std::vector<double>& data, const std::vector<std::string>& dims,
                const VariableAttributes& attrs);
  void variable(const std::string& path, const std::vector<float>& data, const std::vector<std::string>& dims,
                const VariableAttributes& attrs);
  void variable(const std::string& path, const std::vector<std::int64_t>& data, const std::vector<std::string>& dims,
                const VariableAttributes& attrs);

  // Attributes of the root group (path "") or of a group/dataset.
  void attribute(const std::string& object, const std::string& name, const std::string& value);
  void attribute(const std::string& object, const std::string& name, std::int64_t value);
  void attribute(const std::string& object, const std::string& name, double value);

  void close();  // flushes and closes; errors here are errors of the write

 private:
  hid_t group_for(const std::string& path, std::string& leaf);
  H5Handle create_dataset(const std::string& path, hid_t file_type, const std::vector<std::string>& dims,
                          const std::vector<hsize_t>& shape, const void* data, hid_t memory_type);
  void finish_dimension(const std::string& name, H5Handle dataset, const VariableAttributes& attrs);
  void describe(const std::string& path, const VariableAttributes& attrs);
  hid_t object(const std::string& path);

  std::string path_;
  H5Handle file_;
  std::map<std::string, H5Handle> groups_;
  std::map<std::string, H5Handle> dimensions_;
  std::map<std::string, hsize_t> dimension_sizes_;
  std::map<std::string, H5Handle> datasets_;
};

// Reads datasets and attributes of an existing file. A missing, foreign or truncated file
// is a UsageError naming it (the user gave the wrong file); a fault while reading a valid
// one is an IoError.
class H5Reader {
 public:
  explicit H5Reader(const std::string& path);
  const std::string& path() const { return path_; }
  bool has(const std::string& object) const;
  std::vector<std::int64_t> int64s(const std::string& dataset, std::vector<hsize_t>* shape = nullptr) const;
  std::vector<double> doubles(const std::string& dataset, std::vector<hsize_t>* shape = nullptr) const;
  bool has_attribute(const std::string& object, const std::string& name) const;
  std::string string_attribute(const std::string& object, const std::string& name) const;
  std::int64_t int_attribute(const std::string& object, const std::string& name) const;
  double double_attribute(const std::string& object, const std::string& name) const;

 private:
  void read(const std::string& dataset, hid_t memory_type, std::size_t element_size, std::vector<hsize_t>& shape,
            void* (*resize)(void* vec, std::size_t n), void* vec) const;
  H5Handle open_attribute(const std::string& object, const std::string& name) const;
  std::string path_;
  H5Handle file_;
};

// Throws IoError naming the file and object when an HDF5 call fails.
herr_t h5_check(herr_t status, const std::string& what);
hid_t h5_check_id(hid_t id, const std::string& what);

}  // namespace escalate
