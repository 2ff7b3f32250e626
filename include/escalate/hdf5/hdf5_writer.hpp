#pragma once
// Writing netCDF-4-compatible HDF5 files: every axis is a dimension scale (hdf5_hl) with
// `_Netcdf4Dimid`, variables have their scales attached, creation order is tracked,
// strings are variable-length UTF-8. Nothing here knows the model.
//
// Damage is detectable: the file uses the HDF5 1.10 format, whose metadata (superblock,
// object headers, attribute heaps, chunk indexes) carries checksums; every numeric dataset
// with data is chunked with the Fletcher32 checksum filter (scalars and string axes cannot
// be; they are contiguous, as R's ncdf4 refuses compact storage); the text of each group's
// string attributes, kept in HDF5's unchecksummed global heap, is covered by the group's
// `string_checksum` attribute (see string_checksum(); checked by H5Reader, so a file
// rewritten by another tool, which loses the seal, still cannot pass damaged or edited
// text); and close() seals the whole file with a checksum appended after the HDF5 data
// (file_seal.hpp), which H5Reader checks before HDF5 reads anything.
#include "escalate/hdf5/hdf5_handle.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace escalate {

struct VariableAttributes {
  std::string long_name;
  std::string units;  // "" for none
};

class H5Writer {
 public:
  explicit H5Writer(const std::string& path);  // creates the file; refuses an existing one
  // A file in memory only (HDF5's core driver, no backing store), to learn the size a file
  // would have (`bytes()` after close()); `name` only labels errors.
  struct InMemory {};
  H5Writer(const std::string& name, InMemory);

  // Coordinate axes: 1-D dimension scales, at "name" or "group/name" (netCDF-4 dimensions
  // of that group). T: double, float, std::int64_t (H5Type), or std::string.
  template <typename T>
  void dimension(const std::string& name, const std::vector<T>& values, const VariableAttributes& attrs);
  void dimension(const std::string& name, const std::vector<std::string>& values, const VariableAttributes& attrs);

  // Variables at "group/name" (or "name") over named dimensions, row-major.
  template <typename T>
  void variable(const std::string& path, const std::vector<T>& data, const std::vector<std::string>& dims,
                const VariableAttributes& attrs);

  // A variable of variable-length UTF-8 strings over named dimensions (labels of an axis).
  void variable(const std::string& path, const std::vector<std::string>& data, const std::vector<std::string>& dims,
                const VariableAttributes& attrs);

  // Attributes of the root group (path "") or of a group/dataset; a second call with the
  // same name replaces the value. Integers are stored exactly in the smallest of int32,
  // int64 and uint64 that holds the value (R's ncdf4 warns about every 8-byte attribute).
  void attribute(const std::string& object, const std::string& name, const std::string& value);
  void attribute(const std::string& object, const std::string& name, std::int64_t value);
  void attribute(const std::string& object, const std::string& name, std::uint64_t value);
  void attribute(const std::string& object, const std::string& name, double value);

  void close();  // flushes, closes and seals; errors here are errors of the write
  std::uint64_t bytes() const { return bytes_; }  // of an in-memory file after close(), seal included

 private:
  hid_t group_for(const std::string& path, std::string& leaf);
  H5Handle create_dataset(const std::string& path, hid_t file_type, const std::vector<std::string>& dims,
                          const std::vector<hsize_t>& shape, const void* data, hid_t memory_type);
  std::vector<hsize_t> shape_of(const std::string& path, std::size_t values, const std::vector<std::string>& dims) const;
  void finish_dimension(const std::string& name, H5Handle dataset, const VariableAttributes& attrs);
  void describe(const std::string& path, const VariableAttributes& attrs);
  hid_t object(const std::string& path);

  std::string path_;
  bool in_memory_ = false;
  std::uint64_t bytes_ = 0;
  H5Handle file_;
  std::map<std::string, H5Handle> groups_;
  std::map<std::string, H5Handle> dimensions_;
  std::map<std::string, hsize_t> dimension_sizes_;
  std::map<std::string, H5Handle> datasets_;
  std::map<std::string, std::map<std::string, std::string>> group_strings_;  // group -> name -> value
};

// FNV-1a 64 over "name\0value\0" of each (name, value), in name order (the checksum
// attribute itself left out): the value of a group's `string_checksum` attribute, stored
// as the string string_checksum_text() (files before format 3: a uint64).
std::uint64_t string_checksum(const std::map<std::string, std::string>& attributes);
std::string string_checksum_text(std::uint64_t checksum);  // "fnv1a64:" and 16 hex digits
inline constexpr const char* STRING_CHECKSUM_ATTRIBUTE = "string_checksum";

template <typename T>
void H5Writer::dimension(const std::string& name, const std::vector<T>& values, const VariableAttributes& attrs) {
  dimension_sizes_[name] = values.size();
  finish_dimension(name, create_dataset(name, H5Type<T>::file_type(), {}, {values.size()}, values.data(),
                                        H5Type<T>::memory_type()),
                   attrs);
}

template <typename T>
void H5Writer::variable(const std::string& path, const std::vector<T>& data, const std::vector<std::string>& dims,
                        const VariableAttributes& attrs) {
  std::vector<hsize_t> shape = shape_of(path, data.size(), dims);
  datasets_.emplace(path, create_dataset(path, H5Type<T>::file_type(), dims, shape, data.data(), H5Type<T>::memory_type()));
  describe(path, attrs);
}

}  // namespace escalate
