// The periods of a record window: calendar years ("years", the default) or explicit
// half-open date ranges, placed in days since the window config's run.start_date.
#include "record_reading.hpp"

#include "config_loader.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <optional>

namespace escalate::detail {

namespace {

namespace ch = std::chrono;

// Days since 1970-01-01 of a "YYYY-MM-DD" calendar date; nothing for any other text.
std::optional<std::int64_t> day_number(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
  }
  const ch::year_month_day date{ch::year{std::stoi(text.substr(0, 4))},
                                ch::month{static_cast<unsigned>(std::stoi(text.substr(5, 2)))},
                                ch::day{static_cast<unsigned>(std::stoi(text.substr(8, 2)))}};
  if (!date.ok()) return std::nullopt;
  return ch::sys_days{date}.time_since_epoch().count();
}

ch::year_month_day date_of_day(std::int64_t day) { return ch::year_month_day{ch::sys_days{ch::days{day}}}; }

std::string date_text(std::int64_t day) {
  const ch::year_month_day date = date_of_day(day);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return buffer;
}

std::int64_t new_year(int year) {
  return ch::sys_days{ch::year_month_day{ch::year{year}, ch::January, ch::day{1}}}.time_since_epoch().count();
}

// A date given as a string "YYYY-MM-DD" or as a TOML date.
std::int64_t read_date(const toml::node& node, const std::string& key, const std::string& what) {
  std::string text;
  if (const auto* string = node.as_string()) {
    text = string->get();
  } else if (const auto* date = node.as_date()) {
    const toml::date d = date->get();
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04u-%02u-%02u", static_cast<unsigned>(d.year), static_cast<unsigned>(d.month),
                  static_cast<unsigned>(d.day));
    text = buffer;
  } else {
    fail(node.source(), key, what + ": expected a date \"YYYY-MM-DD\", got " + type_name(node));
  }
  const std::optional<std::int64_t> day = day_number(text);
  if (!day) fail(node.source(), key, what + ": \"" + printable(text) + "\" is not a calendar date \"YYYY-MM-DD\"");
  return *day;
}

void add_period(RecordWindow& w, std::int64_t start, std::int64_t from, std::int64_t to, std::string label) {
  w.period_start_days.push_back(static_cast<double>(from - start));
  w.period_end_days.push_back(static_cast<double>(to - start));
  w.period_labels.push_back(std::move(label));
}

// The calendar years that meet [start, end), the first and last cut to the window.
void calendar_years(std::int64_t start, std::int64_t end, RecordWindow& w) {
  for (int year = static_cast<int>(date_of_day(start).year());; ++year) {
    const std::int64_t from = std::max(start, new_year(year));
    const std::int64_t to = std::min(end, new_year(year + 1));
    if (from >= end) break;
    add_period(w, start, from, to, std::to_string(year));
  }
}

const char* const RANGE_FORM = "[\"YYYY-MM-DD\", \"YYYY-MM-DD\"]";

void date_ranges(const toml::array& list, const std::string& key, std::int64_t start, std::int64_t end,
                 RecordWindow& w) {
  if (list.empty()) fail(list.source(), key, std::string("expected at least one period ") + RANGE_FORM);
  const std::string window = "[" + date_text(start) + ", " + date_text(end) + ")";
  std::int64_t previous_end = start;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const toml::node& element = *list.get(i);
    const std::string what = "period " + std::to_string(i + 1);
    const toml::array* pair = element.as_array();
    if (!pair || pair->size() != 2) {
      fail(element.source(), key, what + ": expected a half-open range " + RANGE_FORM + ", got " +
                                      (pair ? "an array of " + std::to_string(pair->size()) : type_name(element)));
    }
    const std::int64_t from = read_date(*pair->get(0), key, what);
    const std::int64_t to = read_date(*pair->get(1), key, what);
    const std::string range = "[" + date_text(from) + ", " + date_text(to) + ")";
    if (from >= to) fail(element.source(), key, what + " " + range + ": its end must come after its start");
    if (from < start || to > end) {
      fail(element.source(), key, what + " " + range + " is outside the window " + window + " of " + w.config_path +
                                      " (run.start_date and run.horizon_days)");
    }
    if (from < previous_end && i > 0) {
      fail(element.source(), key, what + " " + range + " starts before period " + std::to_string(i) + " ends (" +
                                      date_text(previous_end) + "): periods are in order and do not overlap");
    }
    previous_end = to;
    add_period(w, start, from, to, date_text(from) + ".." + date_text(to));
  }
}

}  // namespace

void read_periods(const toml::table& table, WindowReading& reading) {
  RecordWindow& w = reading.window;
  const std::string key = reading.prefix + ".periods";
  const toml::node* node = table.get("periods");
  const toml::source_region& source = node ? node->source() : table.source();
  const std::string& start_text = w.config.run.start_date;
  if (start_text.empty()) {
    fail(source, key, "the window config " + w.config_path +
                          " has no run.start_date, so the periods' dates cannot be placed in it; set run.start_date there");
  }
  const std::optional<std::int64_t> start = day_number(start_text);
  if (!start) {
    fail(source, key, "the window config's run.start_date \"" + printable(start_text) + "\" is not a calendar date");
  }
  const std::int64_t end = *start + w.config.scenario.horizon_days;
  const std::string form = std::string("\"years\" or a list of half-open date ranges ") + RANGE_FORM;
  if (!node) return calendar_years(*start, end, w);
  if (const auto* text = node->as_string()) {
    if (text->get() == "years") return calendar_years(*start, end, w);
    fail(node->source(), key, "expected " + form + ", got \"" + printable(text->get()) + "\"");
  }
  const toml::array* list = node->as_array();
  if (!list) fail(node->source(), key, "expected " + form + ", got " + type_name(*node));
  date_ranges(*list, key, *start, end, w);
}

}  // namespace escalate::detail
