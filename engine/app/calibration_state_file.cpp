// The resumable state of an interrupted calibration as a text file (calibration_state_file.hpp).
#include "escalate/app/calibration_state_file.hpp"

#include "escalate/base/error.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <ios>
#include <sstream>
#include <unistd.h>

namespace escalate::app {

namespace {

// Layout 2 adds each stage's prior-refresh acceptance (the sampler's refresh moves).
constexpr const char* STATE_MAGIC = "escalate-calibration-state 2";
constexpr const char* STATE_MAGIC_1 = "escalate-calibration-state 1";

void put(std::ostream& out, double x) { out << std::hexfloat << x << std::defaultfloat; }

double get_double(std::istream& in) {
  std::string word;
  if (!(in >> word)) throw std::runtime_error("truncated");
  char* end = nullptr;
  const double x = std::strtod(word.c_str(), &end);  // hexadecimal floats, inf, -inf and subnormals read back exactly
  if (end != word.c_str() + word.size()) throw std::runtime_error("not a number: " + word);
  return x;
}

template <class T>
T get_integer(std::istream& in) {
  T x{};
  if (!(in >> x)) throw std::runtime_error("truncated");
  return x;
}

void expect_word(std::istream& in, const std::string& word) {
  std::string got;
  if (!(in >> got) || got != word) throw std::runtime_error("expected '" + word + "'");
}

}  // namespace

void write_calibration_state(const std::string& path, const std::string& fingerprint, const infer::SmcState& s) {
  std::ostringstream out;
  out << STATE_MAGIC << "\nfingerprint " << fingerprint << "\n";
  out << "seed " << s.seed << "\nstage " << s.stage << "\ntemperature ";
  put(out, s.temperature);
  out << "\nscale ";
  put(out, s.scale);
  out << "\nlog_evidence ";
  put(out, s.log_evidence);
  const std::size_t d = s.particles.empty() ? 0 : s.particles.front().size();
  out << "\nparticles " << s.particles.size() << " " << d << "\n";
  for (std::size_t i = 0; i < s.particles.size(); ++i) {
    for (double z : s.particles[i]) put(out, z), out << " ";
    put(out, s.log_likelihood[i]);
    out << "\n";
  }
  out << "stages " << s.stages.size() << "\n";
  for (const infer::StageDiagnostics& g : s.stages) {
    out << g.stage << " " << g.moves << " " << g.evaluations;
    for (double x : {g.temperature, g.ess, g.acceptance, g.log_evidence_increment, g.scale, g.refresh_acceptance})
      out << " ", put(out, x);
    out << "\n";
  }
  out << "end\n";
  const std::filesystem::path target(path);
  const std::filesystem::path temporary =
      target.parent_path() / ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()));
  {
    std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
    file << out.str();
    file.flush();
    if (!file) {
      std::error_code ignored;
      std::filesystem::remove(temporary, ignored);
      throw IoError(path + ": cannot write the calibration state");
    }
  }
  std::error_code error;
  std::filesystem::rename(temporary, target, error);
  if (error) {
    std::filesystem::remove(temporary, error);
    throw IoError(path + ": cannot write the calibration state");
  }
}

namespace {

infer::SmcState parse_state(std::istream& in, const std::string& path, const std::string& fingerprint) {
  std::string line;
  const bool got = static_cast<bool>(std::getline(in, line));
  if (got && line == STATE_MAGIC_1)
    throw FileError(path + ": a calibration state of layout 1, written by an engine whose sampler had no "
                    "prior-refresh moves; it cannot be resumed by this one: start the calibration again");
  if (!got || line != STATE_MAGIC) throw FileError(path + ": not a calibration state file");
  if (!std::getline(in, line) || line != "fingerprint " + fingerprint) {
    throw FileError(path + ": written by another calibration (other inputs, seed, sizes, engine version or sampler revision); "
                    "--resume needs the same forecast, record and flags");
  }
  infer::SmcState s;
  expect_word(in, "seed"), s.seed = get_integer<std::uint64_t>(in);
  expect_word(in, "stage"), s.stage = get_integer<std::size_t>(in);
  expect_word(in, "temperature"), s.temperature = get_double(in);
  expect_word(in, "scale"), s.scale = get_double(in);
  expect_word(in, "log_evidence"), s.log_evidence = get_double(in);
  expect_word(in, "particles");
  const auto n = get_integer<std::size_t>(in), d = get_integer<std::size_t>(in);
  if (n > 100'000'000 || d > 100'000) throw std::runtime_error("sizes out of range");
  s.particles.assign(n, std::vector<double>(d));
  s.log_likelihood.assign(n, 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    for (double& z : s.particles[i]) z = get_double(in);
    s.log_likelihood[i] = get_double(in);
  }
  expect_word(in, "stages");
  s.stages.resize(get_integer<std::size_t>(in));
  for (infer::StageDiagnostics& g : s.stages) {
    g.stage = get_integer<std::size_t>(in), g.moves = get_integer<std::size_t>(in), g.evaluations = get_integer<std::size_t>(in);
    for (double* x : {&g.temperature, &g.ess, &g.acceptance, &g.log_evidence_increment, &g.scale, &g.refresh_acceptance})
      *x = get_double(in);
  }
  expect_word(in, "end");
  return s;
}

}  // namespace

infer::SmcState read_calibration_state(const std::string& path, const std::string& fingerprint) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw FileError(path + ": cannot read the calibration state (missing or not readable)");
  try {
    return parse_state(in, path, fingerprint);
  } catch (const FileError&) {
    throw;
  } catch (const std::exception& e) {
    throw FileError(path + ": damaged calibration state (" + std::string(e.what()) + ")");
  }
}

}  // namespace escalate::app
