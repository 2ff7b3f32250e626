// The record file (engine/config/record*.cpp; docs/calibration.md, "The record file
// (schema 1)"): periods as calendar years and as date ranges, counts, answers, outcomes
// and reporting read into a RecordWindow; every error naming file, line and key; the test
// records and data/record.toml. The record against a forecast: test_record_check.cpp.
#include "record_fixture.hpp"

using namespace escalate;
using namespace escalate::test;
using namespace escalate::test::record;
using Catch::Matchers::Contains;

TEST_CASE("A record by calendar years: partial first and last years, counts, answers, outcomes", "[record]") {
  const std::string text = HEAD +
                           "periods = \"years\"\n"
                           "[window.w.counts]\n"
                           "accident = [1, -1, 3]\n"
                           "[window.w.reporting]\n"
                           "border-drone = { none = 0.5, protest = { dist = \"beta\", a = 2, b = 8 } }\n"
                           "accident = { dist = \"uniform\", low = 0.1, high = 0.9 }\n"
                           "[window.w.answers.accident]\n"
                           "protest = 2\n"
                           "war = 0\n"
                           "[window.w.outcomes]\n"
                           "wars = 0\n"
                           "limited_strikes = [0, 2]\n";
  const Record record = load_record(write_record("years.toml", text));
  CHECK(record.title == "test");
  REQUIRE(record.windows.size() == 1);
  const RecordWindow& w = record.windows[0];
  CHECK(w.name == "w");
  CHECK(w.config_path == (scratch_dir() / "record-window.toml").string());
  CHECK(w.config.scenario.horizon_days == 720);
  // 2021-07-01 .. 2022-01-01 is 184 days; 2022 has 365; 2023 to 2023-06-21 is 171 more.
  CHECK(w.period_labels == std::vector<std::string>{"2021", "2022", "2023"});
  CHECK(w.period_start_days == std::vector<double>{0, 184, 549});
  CHECK(w.period_end_days == std::vector<double>{184, 549, 720});
  // Types in the config's (name) order: accident, border-drone.
  REQUIRE(w.counts.size() == 2);
  CHECK(w.counts[0] == std::vector<std::int64_t>{1, -1, 3});
  CHECK(w.counts[1] == std::vector<std::int64_t>{-1, -1, -1});
  REQUIRE(w.answers.size() == 2);
  CHECK(w.answers[0] == std::array<std::int64_t, 5>{0, 2, 0, 0, 0});  // a rung the table omits is 0
  CHECK(w.answers[1] == std::array<std::int64_t, 5>{-1, -1, -1, -1, -1});  // no table: not observed
  REQUIRE(w.wars.has_value());
  CHECK((w.wars->low == 0 && w.wars->high == 0));
  REQUIRE(w.limited_strikes.has_value());
  CHECK((w.limited_strikes->low == 0 && w.limited_strikes->high == 2));
  CHECK(w.limited_strikes->contains(2));
  CHECK_FALSE(w.limited_strikes->contains(3));
  CHECK_FALSE(w.countermeasures.has_value());
  // Reporting in file order (border-drone's rungs, then accident), not name order.
  REQUIRE(w.reporting.size() == 3);
  CHECK(w.reporting[0].path == "reporting.w.border-drone.none");
  CHECK((w.reporting[0].type == 1 && w.reporting[0].rung == 0 && w.reporting[0].value == 0.5));
  CHECK_FALSE(w.reporting[0].dist.has_value());
  CHECK(w.reporting[1].path == "reporting.w.border-drone.protest");
  CHECK((w.reporting[1].type == 1 && w.reporting[1].rung == 1 && !w.reporting[1].value));
  REQUIRE(w.reporting[1].dist.has_value());
  CHECK((w.reporting[1].dist->kind == Distribution::Kind::Beta && w.reporting[1].dist->a == 2 && w.reporting[1].dist->b == 8));
  CHECK(w.reporting[1].line == std::stoi(line_of(text, "border-drone = ")));
  CHECK(w.reporting[2].path == "reporting.w.accident");
  CHECK((w.reporting[2].type == 0 && w.reporting[2].rung == -1));
  const auto uncertain = record.uncertain_reporting();
  REQUIRE(uncertain.size() == 2);
  CHECK(uncertain[0]->path == "reporting.w.border-drone.protest");
  CHECK(uncertain[1]->path == "reporting.w.accident");
}

TEST_CASE("A record by date ranges, with windows in file order", "[record]") {
  const std::string text = "schema = 1\n"
                           "[window.zulu]\nconfig = \"../record-window.toml\"\n"
                           "periods = [[\"2021-07-01\", \"2021-08-01\"], [\"2022-01-01\", \"2023-06-21\"]]\n"
                           "[window.zulu.counts]\nborder-drone = [0, 4]\n"
                           "[window.alpha]\nconfig = \"../record-window.toml\"\n"
                           "periods = [[2021-07-02, 2021-07-03]]\n"  // TOML dates are dates too
                           "[window.alpha.reporting]\naccident = { dist = \"beta\", a = 1, b = 1 }\n";
  const Record record = load_record(write_record("ranges.toml", text));
  CHECK(record.title.empty());
  REQUIRE(record.windows.size() == 2);
  const RecordWindow& zulu = record.windows[0];
  CHECK(zulu.name == "zulu");
  CHECK(zulu.period_labels == std::vector<std::string>{"2021-07-01..2021-08-01", "2022-01-01..2023-06-21"});
  CHECK(zulu.period_start_days == std::vector<double>{0, 184});  // a gap between periods is allowed
  CHECK(zulu.period_end_days == std::vector<double>{31, 720});  // the last period may end with the window
  CHECK(zulu.counts[1] == std::vector<std::int64_t>{0, 4});
  CHECK(zulu.counts[0] == std::vector<std::int64_t>{-1, -1});
  const RecordWindow& alpha = record.windows[1];
  CHECK(alpha.name == "alpha");
  CHECK(alpha.period_start_days == std::vector<double>{1});
  CHECK(alpha.period_end_days == std::vector<double>{2});
  CHECK(alpha.answers[0][0] == -1);
  REQUIRE(record.uncertain_reporting().size() == 1);
  CHECK(record.uncertain_reporting()[0]->path == "reporting.alpha.accident");
}

TEST_CASE("Errors in the record's top level and windows name file, line and key", "[record]") {
  CHECK_THAT(error_of([] { load_record(write_record("no-schema.toml", "title = \"t\"\n")); }),
             Contains("schema: missing required key 'schema'"));
  const std::string two = write_record("two.toml", "schema = 2\n[window.w]\nconfig = \"../record-window.toml\"\n");
  CHECK_THAT(error_of([&] { load_record(two); }), Contains(two + ":1:") && Contains("schema: expected 1") &&
                                                     Contains("(a config? a record file has [window.<name>] tables)"));
  // A record given where a config belongs (a forecast and its record swapped) says so.
  CHECK_THAT(error_of([] { load_config(source_path("tests/data/records/minimal.toml")); }),
             Contains("minimal.toml:4:") && Contains("schema: this is a record file") && !Contains("model v1"));
  CHECK_THAT(error_at("titel = \"x\"\n", "titel"), Contains("window.w.titel: unknown key"));
  const std::string top = write_record("top.toml", "schema = 1\ntitel = \"x\"\n");
  CHECK_THAT(error_of([&] { load_record(top); }), Contains(top + ":2:") && Contains("titel: unknown key (did you mean 'title'?)"));
  CHECK_THAT(error_of([] { load_record(write_record("none.toml", "schema = 1\n")); }),
             Contains("window: a record needs at least one [window.<name>] table"));
  CHECK_THAT(error_at("period = \"years\"\n", "period ="), Contains("window.w.period: unknown key (did you mean 'periods'?)"));
  const std::string missing = "schema = 1\n[window.w]\nconfig = \"nowhere.toml\"\n";
  CHECK_THAT(error_of([&] { load_record(write_record("missing.toml", missing)); }),
             Contains("missing.toml:3:") && Contains("window.w.config: file not found") && Contains("nowhere.toml"));
  CHECK_THAT(error_of([] { load_record((scratch_dir() / "records" / "absent.toml").string()); }),
             Contains("absent.toml: record file not found"));
}

TEST_CASE("Errors in a record's periods name file, line and key", "[record]") {
  CHECK_THAT(error_at("periods = \"year\"\n", "periods"), Contains("window.w.periods: expected \"years\" or a list"));
  CHECK_THAT(error_at("periods = [[\"2021-07-01\", \"2024-01-01\"]]\n", "periods"),
             Contains("window.w.periods: period 1 [2021-07-01, 2024-01-01) is outside the window [2021-07-01, 2023-06-21)"));
  CHECK_THAT(error_at("periods = [[\"2021-06-30\", \"2022-01-01\"]]\n", "periods"), Contains("is outside the window"));
  CHECK_THAT(error_at("periods = [[\"2021-07-01\", \"2022-01-01\"], [\"2021-12-31\", \"2022-02-01\"]]\n", "periods"),
             Contains("window.w.periods: period 2 [2021-12-31, 2022-02-01) starts before period 1 ends (2022-01-01)"));
  CHECK_THAT(error_at("periods = [[\"2022-01-01\", \"2022-02-01\"], [\"2021-08-01\", \"2021-09-01\"]]\n", "periods"),
             Contains("periods are in order and do not overlap"));
  CHECK_THAT(error_at("periods = [[\"2022-01-01\", \"2022-01-01\"]]\n", "periods"), Contains("its end must come after its start"));
  CHECK_THAT(error_at("periods = [[\"2022-02-30\", \"2022-03-01\"]]\n", "periods"),
             Contains("period 1: \"2022-02-30\" is not a calendar date"));
  CHECK_THAT(error_at("periods = [\"2022-01-01\"]\n", "periods"), Contains("period 1: expected a half-open range"));
  CHECK_THAT(error_at("periods = []\n", "periods"), Contains("expected at least one period"));
  // A window config without run.start_date cannot place calendar years (nor dates).
  const std::string text = "schema = 1\n[window.w]\nconfig = \"../no-date.toml\"\nperiods = \"years\"\n";
  closed_form_with("seed = 14", "seed = 14", "no-date.toml");
  const std::string path = write_record("no-date.toml", text);
  CHECK_THAT(error_of([&] { load_record(path); }),
             Contains(path + ":4:") && Contains("window.w.periods: the window config") && Contains("has no run.start_date"));
}

TEST_CASE("Errors in a record's counts, answers and outcomes name file, line and key", "[record]") {
  CHECK_THAT(error_at("[window.w.counts]\nacident = [1, 2, 3]\n", "acident"),
             Contains("window.w.counts.acident: unknown incident type 'acident'") && Contains("(did you mean 'accident'?)"));
  CHECK_THAT(error_at("[window.w.counts]\nxyzzy = [1, 2, 3]\n", "xyzzy"), Contains("(its types: accident, border-drone)"));
  CHECK_THAT(error_at("[window.w.counts]\naccident = [1, 2]\n", "accident ="),
             Contains("window.w.counts.accident: expected 3 counts, one per period (2021 to 2023), got 2"));
  CHECK_THAT(error_at("[window.w.counts]\naccident = [1, -2, 3]\n", "accident ="),
             Contains("window.w.counts.accident: period 2022: a count >= 0, or -1 for not observed, got -2"));
  CHECK_THAT(error_at("[window.w.counts]\naccident = [1, 2.5, 3]\n", "accident ="), Contains("expected an integer"));
  CHECK_THAT(error_at("[window.w.answers.acident]\nnone = 1\n", "acident"),
             Contains("window.w.answers.acident: unknown incident type") && Contains("did you mean 'accident'"));
  CHECK_THAT(error_at("[window.w.answers.accident]\nprotests = 1\n", "protests"),
             Contains("window.w.answers.accident.protests: unknown key (did you mean 'protest'?)"));
  CHECK_THAT(error_at("[window.w.answers.accident]\nnone = -1\n", "none ="),
             Contains("window.w.answers.accident.none: a count of answers >= 0, got -1"));
  CHECK_THAT(error_at("[window.w.outcomes]\ncountermeasures = [5, 2]\n", "countermeasures ="),
             Contains("window.w.outcomes.countermeasures: the interval [5, 2] has low > high"));
  CHECK_THAT(error_at("[window.w.outcomes]\nwars = -1\n", "wars ="), Contains("window.w.outcomes.wars: a count >= 0"));
  CHECK_THAT(error_at("[window.w.outcomes]\nwars = [0, 1, 2]\n", "wars ="), Contains("got an array of 3"));
  CHECK_THAT(error_at("[window.w.outcomes]\nwar = 0\n", "war ="), Contains("window.w.outcomes.war: unknown key (did you mean 'wars'?)"));
}

TEST_CASE("Errors in a record's reporting name file, line and key", "[record]") {
  CHECK_THAT(error_at("[window.w.reporting]\naccident = 1.5\n", "accident ="),
             Contains("window.w.reporting.accident: value 1.5 is outside the allowed range [0, 1]"));
  CHECK_THAT(error_at("[window.w.reporting]\naccident = { dist = \"normal\", mean = 0.5, sd = 0.1 }\n", "accident ="),
             Contains("window.w.reporting.accident: normal(mean=0.5, sd=0.1) has support") && Contains("use a beta"));
  CHECK_THAT(error_at("[window.w.reporting]\naccident = { dist = \"betta\", a = 1, b = 1 }\n", "accident ="),
             Contains("window.w.reporting.accident.dist: unknown distribution 'betta' (did you mean 'beta'?)"));
  CHECK_THAT(error_at("[window.w.reporting]\naccident = { none = 0.5, protst = 0.9 }\n", "accident ="),
             Contains("window.w.reporting.accident.protst: unknown key (did you mean 'protest'?)"));
  CHECK_THAT(error_at("[window.w.reporting]\naccident = { none = 1.25 }\n", "accident ="),
             Contains("window.w.reporting.accident.none: value 1.25 is outside"));
  CHECK_THAT(error_at("[window.w.reporting]\naccident = { a = 2, b = 8 }\n", "accident ="),
             Contains("window.w.reporting.accident: a table here must be a distribution with a `dist` key"));
  CHECK_THAT(error_at("[window.w.reporting]\naccident = {}\n", "accident ="), Contains("got an empty table"));
  CHECK_THAT(error_at("[window.w.reporting]\nacident = 0.5\n", "acident"),
             Contains("window.w.reporting.acident: unknown incident type") && Contains("did you mean 'accident'"));
  CHECK_THAT(error_at("[window.w.reporting]\naccident = \"high\"\n", "accident ="), Contains("expected a number or a distribution"));
}

TEST_CASE("A type the window config disables may be given only as zeros", "[record]") {
  write_window_config();
  write_file("record-disabling.toml", "schema = 2\nbase = \"record-window.toml\"\n[incident.border-drone]\nenabled = false\n");
  const std::string head = "schema = 1\n[window.w]\nconfig = \"../record-disabling.toml\"\n";
  const Record record = load_record(write_record("disabled-zero.toml", head +
                                                "[window.w.counts]\nborder-drone = [0, -1, 0]\naccident = [1, 2, 3]\n"
                                                "[window.w.answers.border-drone]\nnone = 0\n"));
  REQUIRE(record.windows[0].counts.size() == 1);  // accident only: the disabled type has no index
  CHECK(record.windows[0].counts[0] == std::vector<std::int64_t>{1, 2, 3});
  const std::string counted = head + "[window.w.counts]\nborder-drone = [0, 2, 0]\n";
  const std::string path = write_record("disabled-count.toml", counted);
  CHECK_THAT(error_of([&] { load_record(path); }), Contains(path + ":5:") && Contains("window.w.counts.border-drone: the window config") &&
                                                       Contains("disables this incident type"));
  const std::string answered = head + "[window.w.answers.border-drone]\nprotest = 1\n";
  CHECK_THAT(error_of([&] { load_record(write_record("disabled-answer.toml", answered)); }),
             Contains("window.w.answers.border-drone: the window config") && Contains("answers above 0"));
  const std::string reported = head + "[window.w.reporting]\nborder-drone = 0.5\n";
  CHECK_THAT(error_of([&] { load_record(write_record("disabled-report.toml", reported)); }),
             Contains("window.w.reporting.border-drone: the window config") && Contains("has no incidents to report"));
}

TEST_CASE("The test records: minimal.toml loads, each bad record fails with its expected message", "[record]") {
  const Record minimal = load_record(source_path("tests/data/records/minimal.toml"));
  REQUIRE(minimal.windows.size() == 1);
  CHECK(minimal.windows[0].period_labels.size() == 3);
  CHECK(minimal.windows[0].counts[0] == std::vector<std::int64_t>{3, 6, -1});
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(source_path("tests/data/records/bad"))) {
    const std::string path = entry.path().string();
    const std::string text = read_text(path);
    const std::string tag = "# expect: ";
    REQUIRE(text.rfind(tag, 0) == 0);
    const std::string expected = text.substr(tag.size(), text.find('\n') - tag.size());
    INFO(path);
    CHECK_THAT(error_of([&] { load_record(path); }), Contains(path + ":") && Contains(expected));
    ++files;
  }
  CHECK(files >= 6);
}

TEST_CASE("data/record.toml loads: two windows, by calendar year and by date range", "[record]") {
  const Record record = load_record(source_path("data/record.toml"));
  REQUIRE(record.windows.size() == 2);
  const RecordWindow& pre_war = record.windows[0];
  CHECK(pre_war.name == "pre_war");
  CHECK(pre_war.period_labels == std::vector<std::string>{"2014", "2015", "2016", "2017", "2018", "2019", "2020", "2021"});
  CHECK(pre_war.period_end_days.back() == 2922);
  const RecordWindow& war = record.windows[1];
  CHECK(war.name == "war");
  CHECK(war.period_labels.front() == "2022-02-24..2023-01-01");
  CHECK(war.period_end_days.back() == 1556);  // to 2026-05-30 (exclusive), the window's end
  REQUIRE(war.limited_strikes.has_value());
  CHECK(war.limited_strikes->high == 0);
  REQUIRE(war.countermeasures.has_value());
  CHECK((war.countermeasures->low == 18 && war.countermeasures->high == 36));
  // The observation model: every type a window enables, by rung; `none` and `protest`
  // inferred (Betas), the public acts above them fixed at 1.
  std::vector<std::string> uncertain;
  for (const auto* p : record.uncertain_reporting()) uncertain.push_back(p->path);
  std::vector<std::string> expected;
  const std::vector<std::string> pre_war_types{"airspace-violation", "close-encounter", "infrastructure-sabotage",
                                               "cyber-attack",       "nato-deployment", "nuclear-signalling"};
  const std::vector<std::string> war_types{"stray-missile", "airspace-violation",        "close-encounter", "infrastructure-sabotage",
                                           "cyber-attack",  "strike-attributed-to-nato", "nato-deployment", "nuclear-signalling"};
  for (const auto& [window, types] : {std::pair{"pre_war", pre_war_types}, std::pair{"war", war_types}}) {
    for (const auto& type : types) {
      for (const char* rung : {"none", "protest"}) expected.push_back(std::string("reporting.") + window + "." + type + "." + rung);
    }
  }
  CHECK(uncertain == expected);
  CHECK(war.reporting.size() == 8 * 5);
  for (const auto& parameter : war.reporting) {
    INFO(parameter.path);
    CHECK(parameter.rung >= 0);
    if (parameter.rung >= 2) CHECK((!parameter.dist && parameter.value == 1.0));
  }
}
