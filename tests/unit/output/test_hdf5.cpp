#include "escalate/base/error.hpp"
#include "escalate/output/hdf5_reader.hpp"
#include "escalate/output/hdf5_writer.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

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
