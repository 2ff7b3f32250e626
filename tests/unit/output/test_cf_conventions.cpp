#include "escalate/output/cf_conventions.hpp"
#include "escalate/hdf5/hdf5_reader.hpp"
#include "escalate/hdf5/hdf5_writer.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace escalate;
using namespace escalate::test;

TEST_CASE("history: the inputs' lines in order, each once, then this command", "[cf]") {
  CHECK(history_with({}, "2026-01-02T03:04:05Z", "escalate run a.toml") == "2026-01-02T03:04:05Z escalate run a.toml");
  // Two shards of one resumed run share its first line.
  const std::string shard1 = "T1 escalate run a.toml --shard 1/2\nT2 escalate run a.toml --resume p1.h5";
  const std::string shard2 = "T1 escalate run a.toml --shard 1/2\nT3 escalate run a.toml --shard 2/2";
  CHECK(history_with({shard1, shard2}, "T4", "escalate merge p1.h5 p2.h5") ==
        "T1 escalate run a.toml --shard 1/2\nT2 escalate run a.toml --resume p1.h5\n"
        "T3 escalate run a.toml --shard 2/2\nT4 escalate merge p1.h5 p2.h5");
  CHECK(history_with({""}, "T", "c") == "T c");  // a file without a history adds nothing
  const std::string now = utc_timestamp();
  REQUIRE(now.size() == 20);
  CHECK(now[4] == '-');
  CHECK(now[10] == 'T');
  CHECK(now.back() == 'Z');
}

TEST_CASE("The time coordinate: days since the start date when there is one, else days", "[cf]") {
  const std::string path = (scratch_dir() / "cf-time.h5").string();
  {
    H5Writer h5(path);
    write_time_coordinate(h5, "dated/time", {0, 5, 10}, "2022-11-15");
    write_time_coordinate(h5, "undated/time", {0, 5, 10}, "");
    h5.variable("dated/p", std::vector<double>{0, 0.1, 0.2}, {"dated/time"}, {"p", CF_DIMENSIONLESS});
    h5.variable("dated/p_interval", std::vector<double>{0, 0.1, 0.2}, {"dated/time"}, {"interval of p", CF_DIMENSIONLESS});
    link_ancillary(h5, "dated/p", {"p_interval"});
    write_cf_globals(h5, "a test");
    h5.close();
  }
  H5Reader h5(path);
  CHECK(h5.int64s("dated/time") == std::vector<std::int64_t>{0, 5, 10});
  CHECK(h5.string_attribute("dated/time", "units") == "days since 2022-11-15 00:00:00");
  CHECK(h5.string_attribute("dated/time", "calendar") == "proleptic_gregorian");
  CHECK(h5.string_attribute("dated/time", "standard_name") == "time");
  CHECK(h5.string_attribute("undated/time", "units") == "day");  // UDUNITS; xarray keeps numbers
  CHECK_FALSE(h5.has_attribute("undated/time", "calendar"));
  CHECK(h5.string_attribute("dated/p", "ancillary_variables") == "p_interval");
  CHECK(h5.string_attribute("", "Conventions") == "CF-1.8");
  CHECK(h5.string_attribute("", "comment") == "a test");
  CHECK(h5.string_attribute("", "references").find("Yang Lei & Zhang Lixia") == 0);
  CHECK(h5.string_attribute("", "source").find("Escalate ") == 0);
}
