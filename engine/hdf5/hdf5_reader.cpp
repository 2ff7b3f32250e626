#include "escalate/hdf5/hdf5_reader.hpp"

#include "escalate/base/error.hpp"
#include "escalate/base/input_file.hpp"
#include "escalate/hdf5/file_seal.hpp"
#include "escalate/hdf5/hdf5_writer.hpp"

#include <cmath>
#include <cstring>
#include <limits>

namespace escalate {

namespace {
// Opening an HDF5 object of a file under our control: a failure is damage, not an I/O
// fault of a valid file.
H5Handle checked(hid_t id, H5Handle::Closer closer, const std::string& what) {
  if (id < 0) throw FileError(what);
  return H5Handle(id, closer, what);
}

std::string shape_text(const std::vector<hsize_t>& shape) {
  std::string out = "[";
  for (std::size_t i = 0; i < shape.size(); ++i) out += (i ? ", " : "") + std::to_string(shape[i]);
  return out + "]";
}

// A one-value dataspace: scalar, or simple with one element.
bool single_value(hid_t space) {
  H5S_class_t klass = H5Sget_simple_extent_type(space);
  if (klass == H5S_SCALAR) return true;
  return klass == H5S_SIMPLE && H5Sget_simple_extent_npoints(space) == 1;
}
}  // namespace

H5Reader::H5Reader(const std::string& path) : path_(path) {
  check_input_file(path, InputKind::Result);  // a regular file: never a FIFO or a device
  verify_seal(path);                           // every byte as written, before HDF5 parses one
  htri_t is_hdf5 = H5Fis_hdf5(path.c_str());
  if (is_hdf5 <= 0) throw FileError(path + ": not an HDF5 file (or a truncated one)");
  H5Handle fapl(H5Pcreate(H5P_FILE_ACCESS), H5Pclose, "file access property list");
  H5Pset_fclose_degree(fapl.get(), H5F_CLOSE_STRONG);
  hid_t id = H5Fopen(path.c_str(), H5F_ACC_RDONLY, fapl.get());
  if (id < 0) throw FileError(path + ": cannot open as HDF5 (truncated or damaged?)");
  file_ = H5Handle(id, H5Fclose, path);
}

bool H5Reader::has(const std::string& object) const {
  // Check each link of the path, so that a missing parent group is not an error.
  if (object.empty()) return true;
  std::size_t start = 0;
  while (start <= object.size()) {
    std::size_t slash = object.find('/', start);
    std::string prefix = object.substr(0, slash);
    htri_t exists = H5Lexists(file_.get(), prefix.c_str(), H5P_DEFAULT);
    if (exists <= 0) return false;
    if (slash == std::string::npos) return true;
    start = slash + 1;
  }
  return true;
}

void H5Reader::throw_shape(const std::string& dataset, const std::vector<hsize_t>& got,
                           const std::vector<hsize_t>& expected) const {
  throw FileError(path_ + ": /" + dataset + " has shape " + shape_text(got) +
                  (expected.empty() && !got.empty() ? ", too large" : ", expected " + shape_text(expected)) +
                  " (damaged or edited file)");
}

std::vector<hsize_t> H5Reader::open_shape(const std::string& dataset, bool integer) const {
  if (!has(dataset)) throw FileError(path_ + ": no dataset /" + dataset + " (not an Escalate result, or an older format)");
  const std::string what = path_ + ": /" + dataset;
  if (H5Oexists_by_name(file_.get(), dataset.c_str(), H5P_DEFAULT) <= 0) throw FileError(what + " cannot be opened (damaged file?)");
  H5Handle d = checked(H5Dopen2(file_.get(), dataset.c_str(), H5P_DEFAULT), H5Dclose, what + " is not a readable dataset (damaged file?)");
  H5Handle type = checked(H5Dget_type(d.get()), H5Tclose, what + ": unreadable type (damaged file?)");
  const H5T_class_t klass = H5Tget_class(type.get());
  const bool ok = integer ? klass == H5T_INTEGER : (klass == H5T_FLOAT || klass == H5T_INTEGER);
  if (!ok) throw FileError(what + " holds " + (klass == H5T_STRING ? "strings" : "values of another type") +
                           ", not " + (integer ? "integers" : "numbers") + " (damaged or edited file)");
  H5Handle space = checked(H5Dget_space(d.get()), H5Sclose, what + ": unreadable shape (damaged file?)");
  int rank = H5Sget_simple_extent_ndims(space.get());
  if (rank < 0 || rank > 8) throw FileError(what + ": unreadable shape (damaged file?)");
  std::vector<hsize_t> shape(static_cast<std::size_t>(rank), 0);
  if (rank > 0 && H5Sget_simple_extent_dims(space.get(), shape.data(), nullptr) < 0) {
    throw FileError(what + ": unreadable shape (damaged file?)");
  }
  return shape;
}

void H5Reader::read(const std::string& dataset, hid_t memory_type, std::size_t n, void* data) const {
  if (n == 0) return;
  const std::string what = path_ + ": /" + dataset;
  H5Handle d = checked(H5Dopen2(file_.get(), dataset.c_str(), H5P_DEFAULT), H5Dclose, what + " cannot be opened (damaged file?)");
  // Fletcher32 checksums are verified here: a damaged chunk fails the read.
  if (H5Dread(d.get(), memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, data) < 0) {
    throw FileError(what + " cannot be read: a checksum fails or the file is truncated (damaged file)");
  }
}

std::vector<std::string> H5Reader::strings(const std::string& dataset, hsize_t expected, std::size_t max_length) const {
  if (!has(dataset)) throw FileError(path_ + ": no dataset /" + dataset + " (not an Escalate file, or an older format)");
  const std::string what = path_ + ": /" + dataset;
  H5Handle d = checked(H5Dopen2(file_.get(), dataset.c_str(), H5P_DEFAULT), H5Dclose, what + " is not a readable dataset (damaged file?)");
  H5Handle type = checked(H5Dget_type(d.get()), H5Tclose, what + ": unreadable type (damaged file?)");
  if (H5Tget_class(type.get()) != H5T_STRING || H5Tis_variable_str(type.get()) <= 0) {
    throw FileError(what + " does not hold variable-length strings (damaged or edited file)");
  }
  H5Handle space = checked(H5Dget_space(d.get()), H5Sclose, what + ": unreadable shape (damaged file?)");
  std::vector<hsize_t> shape(1, 0);
  if (H5Sget_simple_extent_ndims(space.get()) != 1 || H5Sget_simple_extent_dims(space.get(), shape.data(), nullptr) < 0 ||
      shape[0] != expected) {
    throw_shape(dataset, shape, {expected});
  }
  std::vector<char*> raw(static_cast<std::size_t>(expected), nullptr);
  H5Handle memory = h5_string_type();
  if (expected > 0 && H5Dread(d.get(), memory.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, raw.data()) < 0) {
    throw FileError(what + " cannot be read (damaged file)");
  }
  std::vector<std::string> out;
  bool too_long = false;
  for (char* value : raw) {
    const std::size_t length = value ? ::strnlen(value, max_length + 1) : 0;
    too_long = too_long || length > max_length;
    out.emplace_back(value && length <= max_length ? std::string(value, length) : std::string());
  }
  if (expected > 0) H5Dvlen_reclaim(memory.get(), space.get(), H5P_DEFAULT, raw.data());
  if (too_long) throw FileError(what + " holds a string longer than " + std::to_string(max_length) + " bytes (damaged or edited file)");
  return out;
}

bool H5Reader::has_attribute(const std::string& object, const std::string& name) const {
  if (!object.empty() && !has(object)) return false;
  return H5Aexists_by_name(file_.get(), object.empty() ? "." : object.c_str(), name.c_str(), H5P_DEFAULT) > 0;
}

H5Handle H5Reader::open_attribute(const std::string& object, const std::string& name, H5T_class_t klass,
                                  H5T_class_t or_klass) const {
  if (!has_attribute(object, name)) {
    throw FileError(path_ + ": no attribute '" + name + "' on /" + object + " (not an Escalate result?)");
  }
  const std::string what = path_ + ": attribute " + name + " of /" + object;
  H5Handle attr = checked(H5Aopen_by_name(file_.get(), object.empty() ? "." : object.c_str(), name.c_str(), H5P_DEFAULT,
                                          H5P_DEFAULT), H5Aclose, what + " cannot be opened (damaged file?)");
  H5Handle type = checked(H5Aget_type(attr.get()), H5Tclose, what + ": unreadable type (damaged file?)");
  const H5T_class_t got = H5Tget_class(type.get());
  const bool ok = got == klass || (or_klass != H5T_NO_CLASS && got == or_klass) || (klass == H5T_FLOAT && got == H5T_INTEGER);
  if (!ok) {
    const char* want = klass == H5T_STRING ? "a string" : klass == H5T_INTEGER ? "an integer" : "a number";
    throw FileError(what + " is not " + std::string(want) + " (damaged or edited file)");
  }
  H5Handle space = checked(H5Aget_space(attr.get()), H5Sclose, what + ": unreadable shape (damaged file?)");
  if (!single_value(space.get())) throw FileError(what + " is not a single value (damaged or edited file)");
  return attr;
}

std::string H5Reader::read_string(hid_t attr, const std::string& what, std::size_t max_length) const {
  H5Handle type = checked(H5Aget_type(attr), H5Tclose, what + ": unreadable type (damaged file?)");
  if (H5Tis_variable_str(type.get()) > 0) {
    H5Handle memory = h5_string_type();
    char* value = nullptr;
    if (H5Aread(attr, memory.get(), &value) < 0) throw FileError(what + " cannot be read (damaged file?)");
    std::string out;
    bool too_long = false;
    if (value) {
      const std::size_t length = ::strnlen(value, max_length + 1);
      too_long = length > max_length;
      if (!too_long) out.assign(value, length);
    }
    H5free_memory(value);
    if (too_long) throw FileError(what + " is longer than " + std::to_string(max_length) + " bytes (damaged or edited file)");
    return out;
  }
  const std::size_t size = H5Tget_size(type.get());
  if (size == 0 || size > max_length) throw FileError(what + " has an implausible length (damaged or edited file)");
  std::string out(size, '\0');
  H5Handle memory = checked(H5Tcopy(type.get()), H5Tclose, what);
  if (H5Aread(attr, memory.get(), out.data()) < 0) throw FileError(what + " cannot be read (damaged file?)");
  return out.substr(0, out.find('\0'));
}

void H5Reader::verify_strings(const std::string& object) const {
  if (verified_.count(object)) return;
  const std::string where = object.empty() ? "." : object;
  if (!has_attribute(object, STRING_CHECKSUM_ATTRIBUTE)) {  // written before checksums: nothing to verify
    verified_[object] = true;
    return;
  }
  // Format 3 on: a string "fnv1a64:<16 hex digits>"; before: a uint64.
  std::uint64_t stored = 0;
  {
    H5Handle attr = open_attribute(object, STRING_CHECKSUM_ATTRIBUTE, H5T_INTEGER, H5T_STRING);
    H5Handle type = checked(H5Aget_type(attr.get()), H5Tclose, path_ + ": string_checksum (damaged file?)");
    if (H5Tget_class(type.get()) == H5T_INTEGER) {
      stored = uint_attribute(object, STRING_CHECKSUM_ATTRIBUTE);
    } else {
      const std::string text = read_string(attr.get(), path_ + ": attribute string_checksum of /" + object, 64);
      const std::string prefix = "fnv1a64:";
      if (text.size() != prefix.size() + 16 || text.compare(0, prefix.size(), prefix) != 0 ||
          text.find_first_not_of("0123456789abcdef", prefix.size()) != std::string::npos) {
        throw FileError(path_ + ": attribute string_checksum of /" + object + " is not fnv1a64:<16 hex digits> (damaged or edited file)");
      }
      stored = std::stoull(text.substr(prefix.size()), nullptr, 16);
    }
  }
  struct Walk {
    const H5Reader* reader;
    std::string where;
    std::map<std::string, std::string> strings;
    std::string error;
  } walk{this, path_ + ": /" + object, {}, {}};
  auto visit = [](hid_t location, const char* name, const H5A_info_t*, void* data) -> herr_t {
    auto& w = *static_cast<Walk*>(data);
    try {
      hid_t attr = H5Aopen(location, name, H5P_DEFAULT);
      if (attr < 0) throw FileError(w.where + ": attribute " + name + " cannot be opened (damaged file?)");
      H5Handle a(attr, H5Aclose, name);
      H5Handle type = checked(H5Aget_type(a.get()), H5Tclose, w.where + ": attribute " + name + " (damaged file?)");
      if (H5Tget_class(type.get()) != H5T_STRING || std::strcmp(name, STRING_CHECKSUM_ATTRIBUTE) == 0) return 0;
      H5Handle space = checked(H5Aget_space(a.get()), H5Sclose, w.where + ": attribute " + name + " (damaged file?)");
      if (!single_value(space.get())) throw FileError(w.where + ": attribute " + name + " is not a single value (damaged or edited file)");
      w.strings[name] = w.reader->read_string(a.get(), w.where + ": attribute " + name, MAX_CONFIG_BYTES);
      return 0;
    } catch (const std::exception& e) {
      w.error = e.what();
      return -1;
    }
  };
  H5Handle group = checked(H5Oopen(file_.get(), where.c_str(), H5P_DEFAULT), H5Oclose, walk.where + " cannot be opened (damaged file?)");
  hsize_t index = 0;
  if (H5Aiterate2(group.get(), H5_INDEX_NAME, H5_ITER_INC, &index, visit, &walk) < 0) {
    throw FileError(walk.error.empty() ? walk.where + ": attributes cannot be read (damaged file?)" : walk.error);
  }
  if (string_checksum(walk.strings) != stored) {
    throw FileError(walk.where + ": the text of its string attributes does not match their checksum (damaged or edited file)");
  }
  verified_[object] = true;
}

std::string H5Reader::string_attribute(const std::string& object, const std::string& name, std::size_t max_length) const {
  H5Handle attr = open_attribute(object, name, H5T_STRING);
  // Groups carry a checksum of their string attributes; datasets (long_name, units) do not.
  H5O_info_t info;
  const std::string where = object.empty() ? "." : object;
  if (H5Oget_info_by_name(file_.get(), where.c_str(), &info, H5P_DEFAULT) >= 0 && info.type == H5O_TYPE_GROUP) {
    verify_strings(object);
  }
  return read_string(attr.get(), path_ + ": attribute " + name + " of /" + object, max_length);
}

std::int64_t H5Reader::int_attribute(const std::string& object, const std::string& name) const {
  H5Handle attr = open_attribute(object, name, H5T_INTEGER);
  std::int64_t value = 0;
  if (H5Aread(attr.get(), H5T_NATIVE_INT64, &value) < 0) {
    throw FileError(path_ + ": attribute " + name + " cannot be read as a 64-bit integer (damaged or edited file)");
  }
  return value;
}

std::uint64_t H5Reader::uint_attribute(const std::string& object, const std::string& name) const {
  H5Handle attr = open_attribute(object, name, H5T_INTEGER);
  std::uint64_t value = 0;
  if (H5Aread(attr.get(), H5T_NATIVE_UINT64, &value) < 0) {
    throw FileError(path_ + ": attribute " + name + " cannot be read as an unsigned integer (damaged or edited file)");
  }
  return value;
}

double H5Reader::double_attribute(const std::string& object, const std::string& name) const {
  H5Handle attr = open_attribute(object, name, H5T_FLOAT);
  double value = 0;
  if (H5Aread(attr.get(), H5T_NATIVE_DOUBLE, &value) < 0 || !std::isfinite(value)) {
    throw FileError(path_ + ": attribute " + name + " is not a finite number (damaged or edited file)");
  }
  return value;
}

}  // namespace escalate
