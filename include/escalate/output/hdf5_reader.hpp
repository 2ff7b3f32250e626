#pragma once
// Reading datasets and attributes of an existing HDF5 file. A missing, foreign or
// truncated file is a FileError naming it (the user gave the wrong file); a fault while
// reading a valid one is an IoError.
#include "escalate/output/hdf5_handle.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace escalate {

class H5Reader {
 public:
  explicit H5Reader(const std::string& path);
  const std::string& path() const { return path_; }
  bool has(const std::string& object) const;

  // A whole dataset, converted to T (double, float, std::int64_t), row-major; its shape
  // into `shape` when given.
  template <typename T>
  std::vector<T> values(const std::string& dataset, std::vector<hsize_t>* shape = nullptr) const {
    std::vector<T> out;
    std::vector<hsize_t> s = open_shape(dataset);
    std::size_t n = 1;
    for (auto d : s) n *= d;
    out.resize(n);
    read(dataset, H5Type<T>::memory_type(), n, out.data());
    if (shape) *shape = s;
    return out;
  }
  std::vector<std::int64_t> int64s(const std::string& dataset) const { return values<std::int64_t>(dataset); }
  std::vector<double> doubles(const std::string& dataset) const { return values<double>(dataset); }

  bool has_attribute(const std::string& object, const std::string& name) const;
  std::string string_attribute(const std::string& object, const std::string& name) const;
  std::int64_t int_attribute(const std::string& object, const std::string& name) const;
  double double_attribute(const std::string& object, const std::string& name) const;

 private:
  std::vector<hsize_t> open_shape(const std::string& dataset) const;
  void read(const std::string& dataset, hid_t memory_type, std::size_t n, void* data) const;
  H5Handle open_attribute(const std::string& object, const std::string& name) const;
  std::string path_;
  H5Handle file_;
};

}  // namespace escalate
