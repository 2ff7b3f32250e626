#include "escalate/hdf5/hdf5_reader.hpp"
#include "escalate/output/result_file.hpp"
#include "escalate/output/tally_names.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <set>
#include <string>

using namespace escalate;
using namespace escalate::test;

TEST_CASE("Each axis has one dimension name, and a slice is stored under its axes' names", "[tally_names]") {
  std::set<std::string> seen;
  for (int a = 1; a < static_cast<int>(TallyAxis::Count); ++a) {
    const std::string& name = axis_dimension(static_cast<TallyAxis>(a));
    CHECK(!name.empty());
    CHECK(seen.insert(name).second);  // no two axes share a dimension
  }
  CHECK(tally_names(TallyId::Decisions).dims == std::vector<std::string>{"cause", "rung"});
  CHECK(tally_names(TallyId::DrawClash).dims.empty());
  CHECK(tally_names(TallyId::Counters).dims == std::vector<std::string>{"state/counter"});
}

TEST_CASE("A registered count dataset is its run-wide slice as it is, under its axes' dimensions", "[tally_names]") {
  std::set<std::string> names;
  for (const CountDataset& d : COUNT_DATASETS) {
    INFO(d.name);
    CHECK(tally_slice_spec(d.id).scope == TallyScope::Run);
    CHECK(names.insert(d.name).second);
    CHECK(std::string(d.long_name).size() > 0);
  }
  Config c = load_config(source_path("tests/configs/small.toml"));
  DriverResult driver = run_simulation(c, {});
  const Results r = compute_results(c, driver, Provenance::of(driver, "test", 0));
  for (const TallySliceSpec& spec : TALLY_SLICES) {
    INFO(spec.name);
    if (spec.scope != TallyScope::Run) CHECK(r.count(spec.id).empty());
  }
  const std::string path = (scratch_dir() / "counts.h5").string();
  write_result_file(path, c, r, driver, ShardInfo{}, true);
  H5Reader h5(path);
  std::int64_t nonzero = 0;
  for (const CountDataset& d : COUNT_DATASETS) {
    INFO(d.name);
    const auto tally = driver.tally.at(d.id);
    CHECK(r.count(d.id) == std::vector<std::int64_t>(tally.begin(), tally.end()));
    std::vector<hsize_t> shape;
    CHECK(h5.values<std::int64_t>(d.name, &shape) == r.count(d.id));
    std::vector<hsize_t> expected;
    for (auto n : driver.tally.layout.slice(d.id).shape) expected.push_back(static_cast<hsize_t>(n));
    CHECK(shape == expected);
    CHECK(h5.string_attribute(d.name, "long_name", 1024) == d.long_name);
    for (auto n : r.count(d.id)) nonzero += n != 0;
  }
  CHECK(nonzero > 0);  // the run counted something, so equal vectors are not two empty ones
}
