// The bytes and words of prepared text as the extractor sees them: what counts as a word
// byte, ASCII letter classes and case folding (without the locale lookups of <cctype>:
// the actor finder asks these questions of every byte of every article, and
// `std::isalnum` through the C locale cost a tenth of its time), and the words of a text.
#ifndef ACTORGRAPH_EXTRACT_WORD_BYTES_H_
#define ACTORGRAPH_EXTRACT_WORD_BYTES_H_

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace actorgraph {

namespace word_bytes_internal {
constexpr std::array<bool, 256> MakeWordByteTable() {
  std::array<bool, 256> table{};
  for (int c = 0; c < 256; ++c) {
    table[c] = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0x80;
  }
  return table;
}
inline constexpr std::array<bool, 256> kWordByte = MakeWordByteTable();
}  // namespace word_bytes_internal

// An ASCII letter or digit, or any byte of a multi-byte UTF-8 character: names in other
// scripts and with accents ("Žilina", "Erdoğan") are words too.
inline bool IsWordByte(char c) { return word_bytes_internal::kWordByte[static_cast<unsigned char>(c)]; }

inline bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
inline bool IsAsciiLetter(char c) { return IsAsciiUpper(c) || IsAsciiLower(c); }
inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

inline char AsciiLower(char c) { return IsAsciiUpper(c) ? static_cast<char>(c - 'A' + 'a') : c; }
inline char AsciiUpper(char c) { return IsAsciiLower(c) ? static_cast<char>(c - 'a' + 'A') : c; }

// Whether `text` equals `lower` (all lowercase) ignoring ASCII case.
inline bool EqualsIgnoringAsciiCase(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (AsciiLower(text[i]) != lower[i]) return false;
  }
  return true;
}

// The end of the run of word bytes that starts at `pos` (`pos` itself if none does).
inline std::size_t WordEnd(std::string_view text, std::size_t pos) {
  while (pos < text.size() && IsWordByte(text[pos])) ++pos;
  return pos;
}

namespace word_bytes_internal {
// Bit i set: p[i] is a word byte (IsWordByte), for the `size` (at most 64) bytes at `p`.
// A whole block of 64 is classified 16 bytes to an instruction with SSE2, where a byte
// at a time cost ten instructions a byte, a tenth of the actor finder's work.
inline std::uint64_t WordByteMask(const char* p, std::size_t size) {
#if defined(__SSE2__)
  if (size == 64) {
    std::uint64_t mask = 0;
    for (int k = 0; k < 4; ++k) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
      // Compares are signed: bytes from 0x80 up (UTF-8) are the negative ones.
      const __m128i non_ascii = _mm_cmplt_epi8(v, _mm_setzero_si128());
      const __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)),
                                          _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1)));
      // Setting 0x20 lowers 'A'-'Z' onto 'a'-'z' and moves no other byte there.
      const __m128i folded = _mm_or_si128(v, _mm_set1_epi8(0x20));
      const __m128i letter = _mm_and_si128(_mm_cmpgt_epi8(folded, _mm_set1_epi8('a' - 1)),
                                           _mm_cmplt_epi8(folded, _mm_set1_epi8('z' + 1)));
      const int bits = _mm_movemask_epi8(_mm_or_si128(non_ascii, _mm_or_si128(digit, letter)));
      mask |= std::uint64_t{static_cast<std::uint16_t>(bits)} << (16 * k);
    }
    return mask;
  }
#endif
  std::uint64_t mask = 0;
  for (std::size_t i = 0; i < size; ++i) mask |= std::uint64_t{IsWordByte(p[i])} << i;
  return mask;
}
}  // namespace word_bytes_internal

// A summary of `word` (not empty) that sets of words keep a bit per value of, to turn
// most words away without reading them (PhraseMatcher): its first and last bytes and its
// length, mixed. Equal words have equal signatures.
inline std::uint32_t WordSignature(std::string_view word) {
  auto byte = [](char c) { return static_cast<std::uint32_t>(static_cast<unsigned char>(c)); };
  return byte(word.front()) * 257 + byte(word.back()) * 31 + static_cast<std::uint32_t>(word.size());
}

// A maximal run of word bytes: [begin, end) of the text it was found in, and its
// WordSignature. Made by SplitWords, which works the signature out once per word of an
// article, rather than each of the finder's word sets when it asks.
struct Word {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::uint32_t signature = 0;
};

// The words of `text`, left to right, with their signatures. Finding them once per
// article spares every later scan (names, titles, verbs, surnames, pronouns) its own pass
// over the bytes.
//
// The bytes are classified 64 at a time into a bit mask, and words start and end where
// the mask changes: a loop that stopped at each word boundary mispredicted a branch at
// almost every word (a word is six bytes on average), which made this a tenth of the
// actor finder's time.
inline std::vector<Word> SplitWords(std::string_view text) {
  std::vector<Word> words;
  words.reserve(text.size() / 6);
  std::size_t ended = 0;       // words whose end has been found
  std::uint64_t inside = 0;    // 1 if the byte before the block is a word byte
  for (std::size_t block = 0; block < text.size(); block += 64) {
    const std::size_t size = std::min<std::size_t>(64, text.size() - block);
    // bit i: text[block + i] is a word byte
    const std::uint64_t word_bytes = word_bytes_internal::WordByteMask(text.data() + block, size);
    const std::uint64_t after_word_byte = word_bytes << 1 | inside;
    const std::uint64_t in_block = size == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << size) - 1;
    for (std::uint64_t starts = word_bytes & ~after_word_byte; starts != 0; starts &= starts - 1) {
      words.push_back({block + static_cast<std::size_t>(std::countr_zero(starts)), 0, 0});
    }
    for (std::uint64_t ends = ~word_bytes & after_word_byte & in_block; ends != 0; ends &= ends - 1) {
      Word& word = words[ended++];
      word.end = block + static_cast<std::size_t>(std::countr_zero(ends));
      word.signature = WordSignature(std::string_view(text.data() + word.begin, word.end - word.begin));
    }
    inside = word_bytes >> (size - 1) & 1;
  }
  if (ended < words.size()) {
    Word& word = words.back();
    word.end = text.size();
    word.signature = WordSignature(std::string_view(text.data() + word.begin, word.end - word.begin));
  }
  return words;
}

}  // namespace actorgraph

#endif  // ACTORGRAPH_EXTRACT_WORD_BYTES_H_
