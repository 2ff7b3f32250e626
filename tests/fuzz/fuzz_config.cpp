// libFuzzer target for the config loader: any bytes must give a Config or a ConfigError,
// never a crash, a hang, another exception or a sanitizer report. A draw is sampled too,
// so accepted configs are also exercised by the distribution code.
#include "escalate/config/config.hpp"
#include "escalate/base/error.hpp"

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  try {
    escalate::Config config = escalate::load_config_text(text, "fuzz-input.toml", "fuzz-input.toml");
    escalate::Parameters p = config.parameters_with(config.draw_values(0));
    (void)p;
  } catch (const escalate::ConfigError&) {
    // the expected answer to bad input
  }
  return 0;
}
