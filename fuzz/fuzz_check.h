// What every fuzz check shares. A check is a function from bytes to nothing: it runs one
// stage of actorgraph on the bytes and asserts the stage's contract (fuzz/*_check.h).
// A broken contract throws CheckFailure. Under libFuzzer nothing catches it, so the
// process terminates with the message and libFuzzer saves the input as a crash; the
// regression test (tests/export/fuzz_regressions_test.cc) catches it and fails the case
// for that file. The checks are header-only so that both build them from the same text.
#ifndef ACTORGRAPH_FUZZ_FUZZ_CHECK_H_
#define ACTORGRAPH_FUZZ_FUZZ_CHECK_H_

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "extract/diagnostics.h"

namespace actorgraph::fuzz {

class CheckFailure : public std::logic_error {
 public:
  explicit CheckFailure(const std::string& what) : std::logic_error(what) {}
};

#define ACTORGRAPH_FUZZ_STRINGIFY2(x) #x
#define ACTORGRAPH_FUZZ_STRINGIFY(x) ACTORGRAPH_FUZZ_STRINGIFY2(x)
// Throws CheckFailure naming the place and the condition when `condition` is false;
// `detail` (a std::string expression) is evaluated only then.
#define FUZZ_CHECK(condition, detail)                                               \
  do {                                                                              \
    if (!(condition)) {                                                             \
      throw ::actorgraph::fuzz::CheckFailure(                                       \
          std::string(__FILE__ ":" ACTORGRAPH_FUZZ_STRINGIFY(__LINE__) ": check '") + \
          #condition + "' failed: " + std::string(detail));                         \
    }                                                                               \
  } while (false)

// Counts warnings instead of printing them: fuzzed input warns a lot.
class CountingDiagnostics : public Diagnostics {
 public:
  void Warn(std::string_view) override { ++count_; }
  std::size_t count() const { return count_; }

 private:
  std::atomic<std::size_t> count_{0};
};

// Well-formed UTF-8 per Unicode 3.9 (Table 3-7): no overlongs, surrogates or code
// points past U+10FFFF. Written here independently of the library's own decoders so a
// bug in those is not mirrored in the check.
inline bool IsValidUtf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b = static_cast<std::uint8_t>(s[i]);
    if (b < 0x80) {
      ++i;
      continue;
    }
    std::size_t n = 0;
    std::uint8_t lo = 0x80, hi = 0xBF;
    if (b >= 0xC2 && b <= 0xDF) {
      n = 1;
    } else if (b >= 0xE0 && b <= 0xEF) {
      n = 2;
      if (b == 0xE0) lo = 0xA0;
      if (b == 0xED) hi = 0x9F;
    } else if (b >= 0xF0 && b <= 0xF4) {
      n = 3;
      if (b == 0xF0) lo = 0x90;
      if (b == 0xF4) hi = 0x8F;
    } else {
      return false;
    }
    if (s.size() - i <= n) return false;
    const auto b1 = static_cast<std::uint8_t>(s[i + 1]);
    if (b1 < lo || b1 > hi) return false;
    for (std::size_t k = 2; k <= n; ++k) {
      const auto c = static_cast<std::uint8_t>(s[i + k]);
      if (c < 0x80 || c > 0xBF) return false;
    }
    i += n + 1;
  }
  return true;
}

inline bool IsContinuationByte(char c) { return (static_cast<std::uint8_t>(c) & 0xC0) == 0x80; }

// A short printable excerpt of `s` for failure messages.
inline std::string Excerpt(std::string_view s, std::size_t max = 80) {
  std::string out;
  for (char c : s.substr(0, max)) {
    const auto b = static_cast<std::uint8_t>(c);
    if (b >= 0x20 && b < 0x7F) {
      out += c;
    } else {
      static const char kHex[] = "0123456789abcdef";
      out += "\\x";
      out += kHex[b >> 4];
      out += kHex[b & 15];
    }
  }
  if (s.size() > max) out += "...";
  return out;
}

}  // namespace actorgraph::fuzz

#endif  // ACTORGRAPH_FUZZ_FUZZ_CHECK_H_
