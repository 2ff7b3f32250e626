#include "escalate/hdf5/hdf5_writer.hpp"

#include "escalate/base/error.hpp"
#include "escalate/hdf5/file_seal.hpp"

#include <hdf5_hl.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <limits>

namespace escalate {

namespace {
H5Handle order_tracking(hid_t klass) {
  H5Handle plist(H5Pcreate(klass), H5Pclose, "property list");
  unsigned flags = H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED;
  if (klass != H5P_DATASET_CREATE) h5_check(H5Pset_link_creation_order(plist.get(), flags), "creation order");
  h5_check(H5Pset_attr_creation_order(plist.get(), flags), "creation order");
  return plist;
}

constexpr hsize_t MAX_CHUNK_BYTES = hsize_t{1} << 20;

// Chunks of at most 1 MiB: the whole dataset when it fits, else slices along the leading
// axes (so a reader verifying checksums needs little memory).
std::vector<hsize_t> chunk_shape(const std::vector<hsize_t>& shape, hsize_t element_bytes) {
  std::vector<hsize_t> chunk = shape;
  hsize_t bytes = element_bytes;
  for (auto d : shape) bytes *= d;
  for (std::size_t axis = 0; axis < chunk.size() && bytes > MAX_CHUNK_BYTES; ++axis) {
    const hsize_t slice = bytes / chunk[axis];  // bytes of one index along this axis
    chunk[axis] = std::max<hsize_t>(1, MAX_CHUNK_BYTES / slice);
    bytes = slice * chunk[axis];
  }
  return chunk;
}
}  // namespace

std::uint64_t string_checksum(const std::map<std::string, std::string>& attributes) {
  std::uint64_t hash = 14695981039346656037ULL;
  auto add = [&](const std::string& text) {
    for (unsigned char c : text) hash = (hash ^ c) * 1099511628211ULL;
    hash = (hash ^ 0) * 1099511628211ULL;  // the terminating NUL keeps pairs apart
  };
  for (const auto& [name, value] : attributes) add(name), add(value);
  return hash;
}

std::string string_checksum_text(std::uint64_t checksum) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "fnv1a64:%016llx", static_cast<unsigned long long>(checksum));
  return buffer;
}

H5Writer::H5Writer(const std::string& name, InMemory) : path_(name), in_memory_(true) {
  H5Handle fcpl = order_tracking(H5P_FILE_CREATE);
  H5Handle fapl(H5Pcreate(H5P_FILE_ACCESS), H5Pclose, "file access property list");
  h5_check(H5Pset_fapl_core(fapl.get(), std::size_t{1} << 20, false), "in-memory file driver");
  h5_check(H5Pset_libver_bounds(fapl.get(), H5F_LIBVER_V110, H5F_LIBVER_V110), "file format bounds");
  h5_check(H5Pset_fclose_degree(fapl.get(), H5F_CLOSE_STRONG), "file close degree");
  file_ = H5Handle(H5Fcreate(name.c_str(), H5F_ACC_EXCL, fcpl.get(), fapl.get()), H5Fclose, "cannot create " + name + " in memory");
}

H5Writer::H5Writer(const std::string& path) : path_(path) {
  H5Handle fcpl = order_tracking(H5P_FILE_CREATE);
  H5Handle fapl(H5Pcreate(H5P_FILE_ACCESS), H5Pclose, "file access property list");
  // The 1.10 format: checksums on the superblock, object headers, heaps and chunk indexes
  // (HDF5 1.10 and later read it: h5py, netCDF 4.9, xarray on Debian 12).
  h5_check(H5Pset_libver_bounds(fapl.get(), H5F_LIBVER_V110, H5F_LIBVER_V110), "file format bounds");
  // Closing the file closes whatever is still open in it, so a failed write leaves nothing
  // for HDF5's own shutdown to flush at exit.
  h5_check(H5Pset_fclose_degree(fapl.get(), H5F_CLOSE_STRONG), "file close degree");
  // Never replace an existing file: the temporary name is ours alone.
  file_ = H5Handle(H5Fcreate(path.c_str(), H5F_ACC_EXCL, fcpl.get(), fapl.get()), H5Fclose,
                   "cannot create " + path);
}

hid_t H5Writer::group_for(const std::string& path, std::string& leaf) {
  auto slash = path.rfind('/');
  if (slash == std::string::npos) {
    leaf = path;
    return file_.get();
  }
  std::string group = path.substr(0, slash);
  leaf = path.substr(slash + 1);
  auto it = groups_.find(group);
  if (it == groups_.end()) {
    H5Handle gcpl = order_tracking(H5P_GROUP_CREATE);
    H5Handle g(H5Gcreate2(file_.get(), group.c_str(), H5P_DEFAULT, gcpl.get(), H5P_DEFAULT), H5Gclose,
               path_ + ": cannot create group " + group);
    it = groups_.emplace(group, std::move(g)).first;
  }
  return it->second.get();
}

H5Handle H5Writer::create_dataset(const std::string& path, hid_t file_type, const std::vector<std::string>& dims,
                                  const std::vector<hsize_t>& shape, const void* data, hid_t memory_type) {
  std::string leaf;
  hid_t parent = group_for(path, leaf);
  std::string what = path_ + ": dataset " + path;
  H5Handle space(shape.empty() ? H5Screate(H5S_SCALAR)
                               : H5Screate_simple(static_cast<int>(shape.size()), shape.data(), nullptr),
                 H5Sclose, what);
  H5Handle dcpl = order_tracking(H5P_DATASET_CREATE);
  bool empty = false;
  for (auto s : shape) empty = empty || s == 0;
  const bool strings = H5Tis_variable_str(file_type) > 0;
  if (shape.empty() || strings) {
    // A scalar cannot be chunked, and HDF5 applies no filter to variable-length strings:
    // contiguous (not compact, which R's ncdf4 1.21 refuses to open; the whole-file seal
    // covers these bytes).
    h5_check(H5Pset_layout(dcpl.get(), H5D_CONTIGUOUS), "contiguous layout of " + what);
  } else if (!empty) {
    const std::vector<hsize_t> chunk = chunk_shape(shape, H5Tget_size(file_type));
    h5_check(H5Pset_chunk(dcpl.get(), static_cast<int>(chunk.size()), chunk.data()), "chunking " + what);
    h5_check(H5Pset_fletcher32(dcpl.get()), "Fletcher32 checksum of " + what);
  }
  H5Handle dataset(H5Dcreate2(parent, leaf.c_str(), file_type, space.get(), H5P_DEFAULT, dcpl.get(), H5P_DEFAULT),
                   H5Dclose, what);
  if (!empty) h5_check(H5Dwrite(dataset.get(), memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, data), "writing " + what);
  for (std::size_t axis = 0; axis < dims.size(); ++axis) {
    if (dims[axis] == path) continue;  // a dimension scale is not attached to itself
    h5_check(H5DSattach_scale(dataset.get(), dimensions_.at(dims[axis]).get(), static_cast<unsigned>(axis)),
             "attaching dimension " + dims[axis] + " to " + what);
  }
  return dataset;
}

void H5Writer::describe(const std::string& path, const VariableAttributes& attrs) {
  if (!attrs.long_name.empty()) attribute(path, "long_name", attrs.long_name);
  if (!attrs.units.empty()) attribute(path, "units", attrs.units);
}

void H5Writer::finish_dimension(const std::string& name, H5Handle dataset, const VariableAttributes& attrs) {
  std::string leaf = name.substr(name.rfind('/') == std::string::npos ? 0 : name.rfind('/') + 1);
  h5_check(H5DSset_scale(dataset.get(), leaf.c_str()), path_ + ": making " + name + " a dimension scale");
  H5Handle space(H5Screate(H5S_SCALAR), H5Sclose, "scalar space");
  H5Handle attr(H5Acreate2(dataset.get(), "_Netcdf4Dimid", H5T_NATIVE_INT, space.get(), H5P_DEFAULT, H5P_DEFAULT),
                H5Aclose, path_ + ": _Netcdf4Dimid of " + name);
  int id = static_cast<int>(dimensions_.size());
  h5_check(H5Awrite(attr.get(), H5T_NATIVE_INT, &id), "writing _Netcdf4Dimid");
  dimensions_.emplace(name, std::move(dataset));
  describe(name, attrs);
}

void H5Writer::dimension(const std::string& name, const std::vector<std::string>& values, const VariableAttributes& attrs) {
  dimension_sizes_[name] = values.size();
  std::vector<const char*> pointers;
  for (const auto& v : values) pointers.push_back(v.c_str());
  H5Handle type = h5_string_type();
  finish_dimension(name, create_dataset(name, type.get(), {}, {values.size()}, pointers.data(), type.get()), attrs);
}

void H5Writer::variable(const std::string& path, const std::vector<std::string>& data, const std::vector<std::string>& dims,
                        const VariableAttributes& attrs) {
  std::vector<hsize_t> shape = shape_of(path, data.size(), dims);
  std::vector<const char*> pointers;
  for (const auto& v : data) pointers.push_back(v.c_str());
  H5Handle type = h5_string_type();
  datasets_.emplace(path, create_dataset(path, type.get(), dims, shape, pointers.data(), type.get()));
  describe(path, attrs);
}

std::vector<hsize_t> H5Writer::shape_of(const std::string& path, std::size_t values,
                                        const std::vector<std::string>& dims) const {
  std::vector<hsize_t> shape;
  hsize_t n = 1;
  for (const auto& d : dims) shape.push_back(dimension_sizes_.at(d)), n *= shape.back();
  if (n != values) {
    throw IoError("internal error: " + path + " has " + std::to_string(values) + " values for a shape of " +
                  std::to_string(n));
  }
  return shape;
}

hid_t H5Writer::object(const std::string& path) {
  if (path.empty()) return file_.get();
  if (auto it = datasets_.find(path); it != datasets_.end()) return it->second.get();
  if (auto it = dimensions_.find(path); it != dimensions_.end()) return it->second.get();
  if (auto it = groups_.find(path); it != groups_.end()) return it->second.get();
  throw IoError("internal error: no object " + path + " in " + path_);
}

namespace {
// Writes a scalar attribute, replacing one of the same name.
void write_attribute(hid_t object, const std::string& where, const std::string& name, hid_t type, const void* value) {
  if (H5Aexists(object, name.c_str()) > 0) h5_check(H5Adelete(object, name.c_str()), where + ": replacing attribute " + name);
  H5Handle space(H5Screate(H5S_SCALAR), H5Sclose, "scalar space");
  H5Handle attr(H5Acreate2(object, name.c_str(), type, space.get(), H5P_DEFAULT, H5P_DEFAULT), H5Aclose,
                where + ": attribute " + name);
  h5_check(H5Awrite(attr.get(), type, value), where + ": writing attribute " + name);
}
}  // namespace

void H5Writer::attribute(const std::string& object_path, const std::string& name, const std::string& value) {
  hid_t target = object(object_path);
  if (H5Iget_type(target) != H5I_DATASET) group_strings_[object_path][name] = value;  // checksummed at close()
  H5Handle type = h5_string_type();
  const char* pointer = value.c_str();
  write_attribute(target, path_ + ":/" + object_path, name, type.get(), &pointer);
}

void H5Writer::attribute(const std::string& object_path, const std::string& name, std::int64_t value) {
  if (auto it = group_strings_.find(object_path); it != group_strings_.end()) it->second.erase(name);  // replaced
  const std::string where = path_ + ":/" + object_path;
  if (value >= std::numeric_limits<std::int32_t>::min() && value <= std::numeric_limits<std::int32_t>::max()) {
    const auto small = static_cast<std::int32_t>(value);  // R reads 4-byte integers without a warning
    write_attribute(object(object_path), where, name, H5T_STD_I32LE, &small);
  } else {
    write_attribute(object(object_path), where, name, H5T_STD_I64LE, &value);
  }
}

void H5Writer::attribute(const std::string& object_path, const std::string& name, std::uint64_t value) {
  if (value <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
    attribute(object_path, name, static_cast<std::int64_t>(value));
  } else {
    if (auto it = group_strings_.find(object_path); it != group_strings_.end()) it->second.erase(name);
    write_attribute(object(object_path), path_ + ":/" + object_path, name, H5T_STD_U64LE, &value);
  }
}

void H5Writer::attribute(const std::string& object_path, const std::string& name, double value) {
  if (auto it = group_strings_.find(object_path); it != group_strings_.end()) it->second.erase(name);
  write_attribute(object(object_path), path_ + ":/" + object_path, name, H5T_NATIVE_DOUBLE, &value);
}

void H5Writer::close() {
  for (const auto& [group, strings] : group_strings_) {
    const std::string sum = string_checksum_text(string_checksum(strings));
    const char* pointer = sum.c_str();
    H5Handle type = h5_string_type();
    write_attribute(object(group), path_ + ":/" + group, STRING_CHECKSUM_ATTRIBUTE, type.get(), &pointer);
  }
  group_strings_.clear();
  datasets_.clear();
  dimensions_.clear();
  groups_.clear();
  if (file_.get() >= 0) {
    errno = 0;
    if (H5Fflush(file_.get(), H5F_SCOPE_GLOBAL) < 0) {
      const int error = errno;  // what the failing write said: ENOSPC, EDQUOT, EFBIG, EIO
      throw IoError("HDF5 error: writing " + path_ + (error ? std::string(": ") + std::strerror(error) : std::string()));
    }
    if (in_memory_) {
      // The size of the file's image: what a file on disk would hold (the core driver's
      // own size is its memory, allocated in increments).
      const ssize_t image = H5Fget_file_image(file_.get(), nullptr, 0);
      if (image < 0) throw IoError("HDF5 error: the size of " + path_);
      bytes_ = static_cast<std::uint64_t>(image) + SEAL_BYTES;
      h5_check(H5Fclose(file_.release()), "closing " + path_);
      return;
    }
    h5_check(H5Fclose(file_.release()), "closing " + path_);
    seal_file(path_);
  }
}

}  // namespace escalate
