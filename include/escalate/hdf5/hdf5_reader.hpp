#pragma once
// Reading datasets and attributes of an existing HDF5 file given by the user. The file must
// be a regular file (base/input_file.hpp: never a FIFO or a device). Anything wrong with
// it is a FileError naming the file and the object: missing, foreign, truncated, damaged
// (the file's seal or an HDF5 checksum fails) or edited (a value of the wrong type or
// shape). Shapes are checked before anything is allocated, so a damaged size cannot
// exhaust memory.
#include "escalate/hdf5/hdf5_handle.hpp"

#include <cstdint>
#include <map>
#include <type_traits>
#include <string>
#include <vector>

namespace escalate {

class H5Reader {
 public:
  explicit H5Reader(const std::string& path);
  const std::string& path() const { return path_; }
  bool has(const std::string& object) const;

  // Largest dataset values() reads without an expected shape.
  static constexpr std::size_t MAX_ELEMENTS = std::size_t{1} << 28;
  // Longest string attribute read unless the caller allows more.
  static constexpr std::size_t MAX_STRING = std::size_t{1} << 20;

  // A whole dataset, converted to T (double, float, std::int64_t), row-major. Refuses a
  // dataset whose shape is not `expected`, and one whose values are not numbers of T's
  // kind (integers for std::int64_t; integers or floating point for double and float).
  template <typename T>
  std::vector<T> values(const std::string& dataset, const std::vector<hsize_t>& expected) const {
    std::vector<hsize_t> s = open_shape(dataset, is_integer<T>());
    if (s != expected) throw_shape(dataset, s, expected);
    return read_all<T>(dataset, s);
  }
  // A whole dataset of any shape (at most MAX_ELEMENTS values); its shape into `shape`.
  template <typename T>
  std::vector<T> values(const std::string& dataset, std::vector<hsize_t>* shape = nullptr) const {
    std::vector<hsize_t> s = open_shape(dataset, is_integer<T>());
    std::vector<T> out = read_all<T>(dataset, s);
    if (shape) *shape = s;
    return out;
  }
  std::vector<std::int64_t> int64s(const std::string& dataset) const { return values<std::int64_t>(dataset); }
  // A 1-D dataset of variable-length strings of `expected` elements, each at most
  // `max_length` bytes (a string axis, a list of labels).
  std::vector<std::string> strings(const std::string& dataset, hsize_t expected, std::size_t max_length = 4096) const;
  std::vector<double> doubles(const std::string& dataset) const { return values<double>(dataset); }

  bool has_attribute(const std::string& object, const std::string& name) const;
  // A scalar string attribute of at most `max_length` bytes; the group's string attributes
  // are checked against its `string_checksum` first, when it has one.
  std::string string_attribute(const std::string& object, const std::string& name,
                               std::size_t max_length = MAX_STRING) const;
  // Scalar integer attributes (a string or a float here is an edited file: FileError).
  std::int64_t int_attribute(const std::string& object, const std::string& name) const;
  std::uint64_t uint_attribute(const std::string& object, const std::string& name) const;
  // A scalar finite number (integer or floating point).
  double double_attribute(const std::string& object, const std::string& name) const;

 private:
  template <typename T> static constexpr bool is_integer() { return std::is_same_v<T, std::int64_t>; }
  template <typename T>
  std::vector<T> read_all(const std::string& dataset, const std::vector<hsize_t>& s) const {
    std::size_t n = 1;
    for (auto d : s) {
      if (d != 0 && n > MAX_ELEMENTS / d) throw_shape(dataset, s, {});
      n *= static_cast<std::size_t>(d);
    }
    if (n > MAX_ELEMENTS) throw_shape(dataset, s, {});
    std::vector<T> out(n);
    read(dataset, H5Type<T>::memory_type(), n, out.data());
    return out;
  }
  [[noreturn]] void throw_shape(const std::string& dataset, const std::vector<hsize_t>& got,
                                const std::vector<hsize_t>& expected) const;
  std::vector<hsize_t> open_shape(const std::string& dataset, bool integer) const;
  void read(const std::string& dataset, hid_t memory_type, std::size_t n, void* data) const;
  // A single-value attribute of class `klass` (or `or_klass`; floats also accept integers).
  H5Handle open_attribute(const std::string& object, const std::string& name, H5T_class_t klass,
                          H5T_class_t or_klass = H5T_NO_CLASS) const;
  std::string read_string(hid_t attribute, const std::string& what, std::size_t max_length) const;
  void verify_strings(const std::string& object) const;
  std::string path_;
  H5Handle file_;
  mutable std::map<std::string, bool> verified_;  // group -> its string attributes match their checksum
};

}  // namespace escalate
