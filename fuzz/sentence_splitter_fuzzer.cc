// libFuzzer target: PrepareText, ValidUtf8 and SplitSentences (fuzz/sentence_check.h).
#include <cstdint>

#include "fuzz/sentence_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  actorgraph::fuzz::CheckSentences(data, size);
  return 0;
}
