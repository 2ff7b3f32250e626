#include "escalate/hdf5_file.hpp"

#include "escalate/error.hpp"

#include <hdf5_hl.h>

#include <cstdio>

namespace escalate {

namespace {
struct SilenceHdf5 {  // our errors name the object; HDF5's own stack trace would be noise
  SilenceHdf5() { H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr); }
};
const SilenceHdf5 silence;

H5Handle string_type() {
  H5Handle type(H5Tcopy(H5T_C_S1), H5Tclose, "string type");
  h5_check(H5Tset_size(type.get(), H5T_VARIABLE), "string type");
  h5_check(H5Tset_cset(type.get(), H5T_CSET_UTF8), "string type");
  return type;
}

H5Handle order_tracking(hid_t klass) {
  H5Handle plist(H5Pcreate(klass), H5Pclose, "property list");
  unsigned flags = H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED;
  if (klass != H5P_DATASET_CREATE) h5_check(H5Pset_link_creation_order(plist.get(), flags), "creation order");
  h5_check(H5Pset_attr_creation_order(plist.get(), flags), "creation order");
  return plist;
}
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

H5Writer::H5Writer(const std::string& path) : path_(path) {
  H5Handle fcpl = order_tracking(H5P_FILE_CREATE);
  file_ = H5Handle(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, fcpl.get(), H5P_DEFAULT), H5Fclose,
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
  H5Handle dataset(H5Dcreate2(parent, leaf.c_str(), file_type, space.get(), H5P_DEFAULT, dcpl.get(), H5P_DEFAULT),
                   H5Dclose, what);
  bool empty = false;
  for (auto s : shape) empty = empty || s == 0;
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

void H5Writer::dimension(const std::string& name, const std::vector<std::int64_t>& values, const VariableAttributes& attrs) {
  dimension_sizes_[name] = values.size();
  finish_dimension(name, create_dataset(name, H5T_STD_I64LE, {}, {values.size()}, values.data(), H5T_NATIVE_INT64), attrs);
}

void H5Writer::dimension(const std::string& name, const std::vector<double>& values, const VariableAttributes& attrs) {
  dimension_sizes_[name] = values.size();
  finish_dimension(name, create_dataset(name, H5T_IEEE_F64LE, {}, {values.size()}, values.data(), H5T_NATIVE_DOUBLE), attrs);
}

void H5Writer::dimension(const std::string& name, const std::vector<std::string>& values, const VariableAttributes& attrs) {
  dimension_sizes_[name] = values.size();
  std::vector<const char*> pointers;
  for (const auto& v : values) pointers.push_back(v.c_str());
  H5Handle type = string_type();
  finish_dimension(name, create_dataset(name, type.get(), {}, {values.size()}, pointers.data(), type.get()), attrs);
}

namespace {
template <typename T>
void check_shape(const std::string& path, const std::vector<T>& data, const std::vector<hsize_t>& shape) {
  hsize_t n = 1;
  for (auto s : shape) n *= s;
  if (n != data.size()) throw IoError("internal error: " + path + " has " + std::to_string(data.size()) +
                                      " values for a shape of " + std::to_string(n));
}
}  // namespace

#define ESCALATE_VARIABLE(CXX_TYPE, FILE_TYPE, MEMORY_TYPE)                                                    \
  void H5Writer::variable(const std::string& path, const std::vector<CXX_TYPE>& data,                        \
                          const std::vector<std::string>& dims, const VariableAttributes& attrs) {            \
    std::vector<hsize_t> shape;                                                                                \
    for (const auto& d : dims) shape.push_back(dimension_sizes_.at(d));                                        \
    check_shape(path, data, shape);                                                                            \
    datasets_.emplace(path, create_dataset(path, FILE_TYPE, dims, shape, data.data(), MEMORY_TYPE));           \
    describe(path, attrs);                                                           \
  }
ESCALATE_VARIABLE(double, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE)
ESCALATE_VARIABLE(float, H5T_IEEE_F32LE, H5T_NATIVE_FLOAT)
ESCALATE_VARIABLE(std::int64_t, H5T_STD_I64LE, H5T_NATIVE_INT64)
#undef ESCALATE_VARIABLE

hid_t H5Writer::object(const std::string& path) {
  if (path.empty()) return file_.get();
  if (auto it = datasets_.find(path); it != datasets_.end()) return it->second.get();
  if (auto it = dimensions_.find(path); it != dimensions_.end()) return it->second.get();
  if (auto it = groups_.find(path); it != groups_.end()) return it->second.get();
  throw IoError("internal error: no object " + path + " in " + path_);
}

namespace {
void write_attribute(hid_t object, const std::string& where, const std::string& name, hid_t type, const void* value) {
  H5Handle space(H5Screate(H5S_SCALAR), H5Sclose, "scalar space");
  H5Handle attr(H5Acreate2(object, name.c_str(), type, space.get(), H5P_DEFAULT, H5P_DEFAULT), H5Aclose,
                where + ": attribute " + name);
  h5_check(H5Awrite(attr.get(), type, value), where + ": writing attribute " + name);
}
}  // namespace

void H5Writer::attribute(const std::string& object_path, const std::string& name, const std::string& value) {
  H5Handle type = string_type();
  const char* pointer = value.c_str();
  write_attribute(object(object_path), path_ + ":/" + object_path, name, type.get(), &pointer);
}

void H5Writer::attribute(const std::string& object_path, const std::string& name, std::int64_t value) {
  write_attribute(object(object_path), path_ + ":/" + object_path, name, H5T_NATIVE_INT64, &value);
}

void H5Writer::attribute(const std::string& object_path, const std::string& name, double value) {
  write_attribute(object(object_path), path_ + ":/" + object_path, name, H5T_NATIVE_DOUBLE, &value);
}

void H5Writer::close() {
  datasets_.clear();
  dimensions_.clear();
  groups_.clear();
  if (file_.get() >= 0) {
    h5_check(H5Fflush(file_.get(), H5F_SCOPE_GLOBAL), "flushing " + path_);
    h5_check(H5Fclose(file_.release()), "closing " + path_);
  }
}

H5Reader::H5Reader(const std::string& path) : path_(path) {
  htri_t is_hdf5 = H5Fis_hdf5(path.c_str());
  if (is_hdf5 <= 0) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) throw UsageError(path + ": cannot open (no such file, or not readable)");
    std::fclose(f);
    throw UsageError(path + ": not an HDF5 file (or a truncated one)");
  }
  hid_t id = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  if (id < 0) throw UsageError(path + ": cannot open as HDF5 (truncated or damaged?)");
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

void H5Reader::read(const std::string& dataset, hid_t memory_type, std::size_t, std::vector<hsize_t>& shape,
                    void* (*resize)(void*, std::size_t), void* vec) const {
  if (!has(dataset)) throw UsageError(path_ + ": no dataset /" + dataset + " (not an Escalate result, or an older format)");
  std::string what = path_ + ":/" + dataset;
  H5Handle d(H5Dopen2(file_.get(), dataset.c_str(), H5P_DEFAULT), H5Dclose, "opening " + what);
  H5Handle space(H5Dget_space(d.get()), H5Sclose, "reading the shape of " + what);
  int rank = H5Sget_simple_extent_ndims(space.get());
  if (rank < 0) throw IoError("HDF5 error: shape of " + what);
  shape.assign(static_cast<std::size_t>(rank), 0);
  if (rank > 0) H5Sget_simple_extent_dims(space.get(), shape.data(), nullptr);
  std::size_t n = 1;
  for (auto s : shape) n *= s;
  void* data = resize(vec, n);
  if (n > 0) h5_check(H5Dread(d.get(), memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, data), "reading " + what + " (truncated file?)");
}

std::vector<std::int64_t> H5Reader::int64s(const std::string& dataset, std::vector<hsize_t>* shape) const {
  std::vector<std::int64_t> out;
  std::vector<hsize_t> s;
  read(dataset, H5T_NATIVE_INT64, sizeof(std::int64_t), s,
       [](void* v, std::size_t n) -> void* { auto* vec = static_cast<std::vector<std::int64_t>*>(v); vec->resize(n); return vec->data(); },
       &out);
  if (shape) *shape = s;
  return out;
}

std::vector<double> H5Reader::doubles(const std::string& dataset, std::vector<hsize_t>* shape) const {
  std::vector<double> out;
  std::vector<hsize_t> s;
  read(dataset, H5T_NATIVE_DOUBLE, sizeof(double), s,
       [](void* v, std::size_t n) -> void* { auto* vec = static_cast<std::vector<double>*>(v); vec->resize(n); return vec->data(); },
       &out);
  if (shape) *shape = s;
  return out;
}

bool H5Reader::has_attribute(const std::string& object, const std::string& name) const {
  if (!object.empty() && !has(object)) return false;
  return H5Aexists_by_name(file_.get(), object.empty() ? "." : object.c_str(), name.c_str(), H5P_DEFAULT) > 0;
}

H5Handle H5Reader::open_attribute(const std::string& object, const std::string& name) const {
  if (!has_attribute(object, name)) {
    throw UsageError(path_ + ": no attribute '" + name + "' on /" + object + " (not an Escalate result?)");
  }
  return H5Handle(H5Aopen_by_name(file_.get(), object.empty() ? "." : object.c_str(), name.c_str(), H5P_DEFAULT, H5P_DEFAULT),
                  H5Aclose, path_ + ": attribute " + name);
}

std::string H5Reader::string_attribute(const std::string& object, const std::string& name) const {
  H5Handle attr = open_attribute(object, name);
  H5Handle type(H5Aget_type(attr.get()), H5Tclose, "attribute type");
  if (H5Tget_class(type.get()) != H5T_STRING) throw UsageError(path_ + ": attribute " + name + " is not a string");
  if (H5Tis_variable_str(type.get()) > 0) {
    H5Handle memory = string_type();
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
