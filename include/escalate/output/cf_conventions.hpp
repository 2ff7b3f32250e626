#pragma once
// The CF-1.8 metadata of result, comparison and sweep files, in one place: the global
// attributes (Conventions, source, references, history, comment), the `time` coordinate
// (`days since <start_date>` when the config has one, so netCDF tools give dates) and the
// links from an estimate to its intervals (`ancillary_variables`). Units are UDUNITS
// strings: "1" for probabilities, fractions and counts, "day" for durations.
#include <cstdint>
#include <string>
#include <vector>

namespace escalate {

class H5Writer;

inline constexpr const char* CF_CONVENTIONS = "CF-1.8";
inline constexpr const char* CF_DIMENSIONLESS = "1";  // probabilities, fractions, counts, ratios
inline constexpr const char* CF_DAY = "day";          // durations (UDUNITS; "day", not "days", so
                                                      // xarray keeps numbers instead of timedeltas)

// Now, UTC, as "YYYY-MM-DDTHH:MM:SSZ".
std::string utc_timestamp();

// A CF `history`: the lines of the files this one was made from, then "<timestamp>
// <command line>". Lines repeated by several inputs (the shards of one run) are kept once.
std::string history_with(const std::vector<std::string>& earlier, const std::string& timestamp,
                         const std::string& command_line);

// The root group's Conventions, source (engine, version, git commit, model), references
// (the paper) and comment. `title` and `history` are the caller's (a group may carry its own).
void write_cf_globals(H5Writer& h5, const std::string& comment);

// The time coordinate `path` (e.g. "time", "hawkish/time"): whole days from the start of
// the simulation, as `days since <start_date> 00:00:00` (calendar proleptic_gregorian,
// standard_name time, axis T) when `start_date` ("YYYY-MM-DD") is given, else in "day".
void write_time_coordinate(H5Writer& h5, const std::string& path, const std::vector<std::int64_t>& days,
                           const std::string& start_date);

// Sets `ancillary_variables` of `variable` to the names (in its own group) of the
// variables that qualify it: its intervals, between-draw spreads, quantiles.
void link_ancillary(H5Writer& h5, const std::string& variable, const std::vector<std::string>& ancillary);

}  // namespace escalate
