// Fuzz check of text preparation and sentence splitting (extract/prepared_text.h,
// extract/sentence_splitter.h): the offsets they hand on must stay in range and in order,
// since evidence and mentions are cut out of articles with them.
#ifndef ACTORGRAPH_FUZZ_SENTENCE_CHECK_H_
#define ACTORGRAPH_FUZZ_SENTENCE_CHECK_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/prepared_text.h"
#include "extract/sentence_splitter.h"
#include "fuzz/fuzz_check.h"

namespace actorgraph::fuzz {

inline bool IsSpaceByte(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// The contract of SplitSentences for any bytes; with `utf8` (text from PrepareText) also
// that no span starts or ends inside a character.
inline void CheckSentenceSpans(std::string_view text, std::size_t max_bytes, bool utf8) {
  const std::vector<SentenceSpan> spans = SplitSentences(text, max_bytes);
  const std::size_t limit = std::max<std::size_t>(max_bytes, 1);
  std::size_t previous_end = 0;
  for (std::size_t i = 0; i < spans.size(); ++i) {
    const SentenceSpan s = spans[i];
    const std::string where = "span " + std::to_string(i) + " [" + std::to_string(s.begin) + ", " +
                              std::to_string(s.end) + ") of " + std::to_string(text.size()) +
                              " bytes, limit " + std::to_string(max_bytes);
    FUZZ_CHECK(s.begin < s.end, where);
    FUZZ_CHECK(s.end <= text.size(), where);
    FUZZ_CHECK(s.begin >= previous_end, where + ": overlaps the previous one");
    FUZZ_CHECK(!IsSpaceByte(text[s.begin]) && !IsSpaceByte(text[s.end - 1]),
               where + ": leading or trailing whitespace");
    if (utf8) {
      FUZZ_CHECK(!IsContinuationByte(text[s.begin]), where + ": starts inside a character");
      FUZZ_CHECK(s.end == text.size() || !IsContinuationByte(text[s.end]),
                 where + ": ends inside a character");
    }
    if (s.end - s.begin > limit) {
      // Only a single character longer than the limit may exceed it.
      bool one_character = s.end - s.begin <= 4;
      for (std::size_t k = s.begin + 1; k < s.end && one_character; ++k) {
        one_character = IsContinuationByte(text[k]);
      }
      FUZZ_CHECK(one_character, where + ": longer than the limit");
    }
    previous_end = s.end;
  }
  // Nothing but whitespace is lost: every non-space byte is inside a span.
  std::size_t next = 0;
  for (const SentenceSpan& s : spans) {
    for (std::size_t k = next; k < s.begin; ++k) {
      FUZZ_CHECK(IsSpaceByte(text[k]), "byte " + std::to_string(k) + " is in no sentence");
    }
    next = s.end;
  }
  for (std::size_t k = next; k < text.size(); ++k) {
    FUZZ_CHECK(IsSpaceByte(text[k]), "byte " + std::to_string(k) + " is in no sentence");
  }
}

// The contract of PrepareText and ValidUtf8, then SplitSentences over both the raw bytes
// and the prepared text. The first byte chooses the sentence limit, so tiny limits (where
// pieces are cut inside words) are fuzzed as well as the default.
inline void CheckSentences(const std::uint8_t* data, std::size_t size) {
  std::size_t max_bytes = 4096;
  if (size > 0) {
    max_bytes = data[0] < 0xC0 ? data[0] : 4096;
    ++data;
    --size;
  }
  const std::string_view original(reinterpret_cast<const char*>(data), size);

  CountingDiagnostics diagnostics;
  const PreparedText prepared = PrepareText(original, "fuzz", diagnostics);
  FUZZ_CHECK(diagnostics.count() <= 1, "more than one warning for one document");
  FUZZ_CHECK(IsValidUtf8(prepared.text), "prepared text is not valid UTF-8: " + Excerpt(prepared.text));
  const std::size_t end = prepared.ToOriginal(prepared.text.size());
  FUZZ_CHECK(end == original.size(), "the end maps to " + std::to_string(end));
  for (std::size_t i = 0; i < prepared.text.size(); ++i) {
    const std::string where = "text[" + std::to_string(i) + "]";
    const std::size_t offset = prepared.ToOriginal(i);
    FUZZ_CHECK(offset <= prepared.ToOriginal(i + 1), where + ": offsets decrease");
    FUZZ_CHECK(offset < original.size(), where + ": offset past the original");
    // A letter or digit is copied from the original or decoded from an entity.
    const char c = prepared.text[i];
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      const char from = original[offset];
      FUZZ_CHECK(from == c || from == '&',
                 where + " '" + std::string(1, c) + "' maps to '" + Excerpt(std::string(1, from)) + "'");
    }
  }

  const std::string valid = ValidUtf8(original);
  FUZZ_CHECK(IsValidUtf8(valid), "ValidUtf8 output is not valid UTF-8");
  if (IsValidUtf8(original)) FUZZ_CHECK(valid == original, "ValidUtf8 changed valid input");

  CheckSentenceSpans(prepared.text, max_bytes, /*utf8=*/true);
  CheckSentenceSpans(original, max_bytes, /*utf8=*/false);
}

}  // namespace actorgraph::fuzz

#endif  // ACTORGRAPH_FUZZ_SENTENCE_CHECK_H_
