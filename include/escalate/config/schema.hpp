#pragma once
// The keys of each config section (MODEL §15): one table per section (name, where the
// number goes in Parameters, length, admissible range, default). The tables drive loading,
// validation, the paths of uncertain parameters and the targets of an event's `set`: one
// mechanism for every key instead of code per key.
#include "escalate/config/range.hpp"
#include "escalate/model/parameters.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>

namespace escalate {

struct FieldSpec {
  const char* name;
  std::size_t offset;                   // byte offset in the section's struct of Parameters
  int length;                           // 1, or 4 for arrays (rates by phase, ladder steps)
  Range range;
  std::optional<double> default_value;  // nullopt: required
  bool settable = true;                 // may an event's `set` change it?
};

std::span<const FieldSpec> model_fields();
std::span<const FieldSpec> side_fields();
std::span<const FieldSpec> response_fields();
std::span<const FieldSpec> war_fields();
std::span<const FieldSpec> restraint_fields();
std::span<const FieldSpec> incident_fields();
std::span<const FieldSpec> reassurance_fields();  // end_day's default is the horizon
std::span<const FieldSpec> event_fields();        // day | rate_per_year (+ start_day, end_day)
std::span<const FieldSpec> inject_fields();

// What the four elements of an array key are: "phase" (rates: dormant, activated, deep,
// spiral) or "ladder step" (response: 0->1, 1->2, 2->3, 3->4).
const char* array_axis(std::span<const FieldSpec> section);

// The schema version this engine reads, and what a schema-1 file is told.
inline constexpr std::int64_t CONFIG_SCHEMA = 2;
extern const char* const SCHEMA_1_REFUSAL;

}  // namespace escalate
