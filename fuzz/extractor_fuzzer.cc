// libFuzzer target: Extractor::Extract with the built-in rules (fuzz/extractor_check.h).
#include <cstdint>

#include "fuzz/extractor_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // Compiled once: building the extractor compiles every rule.
  static const actorgraph::Extractor* extractor = new actorgraph::Extractor();
  actorgraph::fuzz::CheckExtraction(*extractor, data, size);
  return 0;
}
