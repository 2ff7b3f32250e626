#include "escalate/base/error.hpp"
#include "escalate/hdf5/hdf5_reader.hpp"
#include "escalate/hdf5/hdf5_writer.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace escalate;
using namespace escalate::test;

TEST_CASE("What H5Writer writes, H5Reader reads back exactly", "[hdf5]") {
  const std::string path = (scratch_dir() / "roundtrip.h5").string();
  {
    H5Writer h5(path);
    h5.dimension("x", std::vector<std::int64_t>{0, 5, 10}, {"time", "day"});
    h5.dimension("name", std::vector<std::string>{"dormant", "war"}, {"phase", ""});
    h5.dimension("g/level", std::vector<double>{0.05, 0.5}, {"quantile", "1"});
    h5.variable("d", std::vector<double>{0.1, 1e-300, -2.5, 3, 4, 5}, {"x", "name"}, {"doubles", "1"});
    h5.variable("f", std::vector<float>{1.5f, 2.25f}, {"name"}, {"floats", ""});
    h5.variable("g/i", std::vector<std::int64_t>{-1, 1LL << 53}, {"g/level"}, {"integers", "count"});
    h5.attribute("", "text", std::string("Przewodów"));  // UTF-8
    h5.attribute("", "n", std::int64_t{42});
    h5.attribute("d", "scale", 0.25);
    h5.close();
  }
  H5Reader h5(path);
  std::vector<hsize_t> shape;
  CHECK(h5.values<double>("d", &shape) == std::vector<double>{0.1, 1e-300, -2.5, 3, 4, 5});
  CHECK(shape == std::vector<hsize_t>{3, 2});
  CHECK(h5.values<float>("f") == std::vector<float>{1.5f, 2.25f});
  CHECK(h5.int64s("g/i") == std::vector<std::int64_t>{-1, 1LL << 53});
  CHECK(h5.doubles("g/i") == std::vector<double>{-1.0, 9007199254740992.0});  // converted by HDF5
  CHECK(h5.int64s("x") == std::vector<std::int64_t>{0, 5, 10});
  CHECK(h5.string_attribute("", "text") == "Przewodów");
  CHECK(h5.int_attribute("", "n") == 42);
  CHECK(h5.double_attribute("d", "scale") == 0.25);
  CHECK(h5.string_attribute("d", "long_name") == "doubles");
  CHECK(h5.string_attribute("x", "units") == "day");
  CHECK(h5.has("g/i"));
  CHECK_FALSE(h5.has("g/missing"));
  CHECK_FALSE(h5.has("nogroup/missing"));
  CHECK_THROWS_AS(h5.doubles("missing"), FileError);
  CHECK_THROWS_AS(h5.string_attribute("", "missing"), FileError);
  CHECK_THROWS_AS(h5.string_attribute("", "n"), FileError);  // not a string
}

TEST_CASE("A writer refuses data that does not fit the dimensions", "[hdf5]") {
  H5Writer h5((scratch_dir() / "shape.h5").string());
  h5.dimension("x", std::vector<std::int64_t>{0, 1, 2}, {"", ""});
  CHECK_THROWS_AS(h5.variable("v", std::vector<double>{1, 2}, {"x"}, {"", ""}), IoError);
}

TEST_CASE("Readers refuse missing and foreign files with a FileError", "[hdf5]") {
  CHECK_THROWS_AS(H5Reader((scratch_dir() / "no-such-file.h5").string()), FileError);
  CHECK_THROWS_AS(H5Reader(write_file("not-hdf5.h5", "just text\n")), FileError);
}

namespace {
// The stored type of an attribute: its class and size in bytes.
std::pair<H5T_class_t, std::size_t> stored_type(const std::string& path, const std::string& object, const std::string& name) {
  H5Handle file(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose, path);
  H5Handle attr(H5Aopen_by_name(file.get(), object.c_str(), name.c_str(), H5P_DEFAULT, H5P_DEFAULT), H5Aclose, name);
  H5Handle type(H5Aget_type(attr.get()), H5Tclose, name);
  return {H5Tget_class(type.get()), H5Tget_size(type.get())};
}
}  // namespace

TEST_CASE("Integer attributes take 4 bytes when the value fits, and stay exact when it does not", "[hdf5]") {
  // R's ncdf4 prints a warning for every 8-byte attribute it reads.
  const std::string path = (scratch_dir() / "integers.h5").string();
  const std::uint64_t big_seed = (std::uint64_t{1} << 63) + 5;
  {
    H5Writer h5(path);
    h5.attribute("", "small", std::int64_t{-2147483648LL});
    h5.attribute("", "large", std::int64_t{1} << 40);
    h5.attribute("", "seed", big_seed);
    h5.attribute("", "seed_small", std::uint64_t{20221115});
    h5.close();
  }
  CHECK(stored_type(path, ".", "small") == std::make_pair(H5T_INTEGER, std::size_t{4}));
  CHECK(stored_type(path, ".", "seed_small") == std::make_pair(H5T_INTEGER, std::size_t{4}));
  CHECK(stored_type(path, ".", "large") == std::make_pair(H5T_INTEGER, std::size_t{8}));
  CHECK(stored_type(path, ".", "seed") == std::make_pair(H5T_INTEGER, std::size_t{8}));
  H5Reader h5(path);
  CHECK(h5.int_attribute("", "small") == -2147483648LL);
  CHECK(h5.int_attribute("", "large") == (std::int64_t{1} << 40));
  CHECK(h5.uint_attribute("", "seed") == big_seed);
  CHECK(h5.uint_attribute("", "seed_small") == 20221115);
}

TEST_CASE("An attribute written twice keeps its last value, and the group's string checksum follows", "[hdf5]") {
  const std::string path = (scratch_dir() / "replaced.h5").string();
  {
    H5Writer h5(path);
    h5.dimension("g/x", std::vector<std::int64_t>{0, 1}, {"x", "1"});
    h5.attribute("", "title", std::string("first"));
    h5.attribute("", "title", std::string("second"));
    h5.attribute("", "other", std::string("text"));
    h5.attribute("", "other", std::int64_t{3});  // a string replaced by a number leaves the checksum
    h5.attribute("g", "title", std::string("group"));
    h5.close();
  }
  CHECK(stored_type(path, ".", STRING_CHECKSUM_ATTRIBUTE).first == H5T_STRING);  // not a uint64: no warning in R
  H5Reader h5(path);
  CHECK(h5.string_attribute("", "title") == "second");  // verified against the checksum first
  CHECK(h5.int_attribute("", "other") == 3);
  CHECK(h5.string_attribute("g", "title") == "group");
  CHECK(string_checksum_text(0x0123456789abcdefULL) == "fnv1a64:0123456789abcdef");
}

TEST_CASE("A group whose string text does not match its checksum is refused", "[hdf5]") {
  const std::string path = (scratch_dir() / "edited-text.h5").string();
  {
    H5Writer h5(path);
    h5.attribute("", "title", std::string("as written"));
    h5.close();
  }
  // Another tool changes the text; the file has lost its seal (80 bytes after the HDF5 data).
  std::filesystem::resize_file(path, std::filesystem::file_size(path) - 80);
  {
    H5Handle file(H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT), H5Fclose, path);
    H5Handle attr(H5Aopen(file.get(), "title", H5P_DEFAULT), H5Aclose, "title");
    H5Handle type = h5_string_type();
    const char* text = "as edited!";
    h5_check(H5Awrite(attr.get(), type.get(), &text), "editing title");
  }
  H5Reader h5(path);
  CHECK_THROWS_WITH(h5.string_attribute("", "title"), Catch::Contains("does not match their checksum"));
}
