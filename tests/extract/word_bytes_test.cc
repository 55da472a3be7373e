// word_bytes.h: what a word byte is, and the words SplitWords finds.
#include "extract/word_bytes.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace actorgraph {
namespace {

// The words as WordEnd finds them, one byte at a time: what SplitWords must give.
std::vector<std::pair<std::size_t, std::size_t>> WordsByteByByte(std::string_view text) {
  std::vector<std::pair<std::size_t, std::size_t>> words;
  for (std::size_t i = 0; i < text.size();) {
    if (!IsWordByte(text[i])) {
      ++i;
      continue;
    }
    words.emplace_back(i, WordEnd(text, i));
    i = words.back().second;
  }
  return words;
}

// The words SplitWords finds, each checked to carry its own signature.
std::vector<std::pair<std::size_t, std::size_t>> Split(std::string_view text) {
  std::vector<std::pair<std::size_t, std::size_t>> words;
  for (const Word& word : SplitWords(text)) {
    words.emplace_back(word.begin, word.end);
    EXPECT_EQ(word.signature, WordSignature(text.substr(word.begin, word.end - word.begin))) << word.begin;
  }
  return words;
}

TEST(SplitWords, WordsAreRunsOfWordBytes) {
  using Words = std::vector<std::pair<std::size_t, std::size_t>>;
  EXPECT_EQ(Split(""), Words{});
  EXPECT_EQ(Split(" ,. "), Words{});
  EXPECT_EQ(Split("Xi"), (Words{{0, 2}}));
  EXPECT_EQ(Split("Xi's visit, Erdo\xC4\x9F" "an."), (Words{{0, 2}, {3, 4}, {5, 10}, {12, 20}}));
}

// Words that cross, start or end at the 64-byte blocks SplitWords classifies at once.
TEST(SplitWords, SameAsByteByByteAcrossBlocks) {
  std::mt19937 random(7);
  const std::string alphabet = "ab Z9 .,'-\xC3\xA9\n";
  for (int round = 0; round < 2000; ++round) {
    std::string text(random() % 300, ' ');
    const bool long_words = round % 2;
    for (char& c : text) {
      c = long_words && random() % 16 ? 'w' : alphabet[random() % alphabet.size()];
    }
    ASSERT_EQ(Split(text), WordsByteByByte(text)) << text;
  }
}

// Whole blocks are classified by range compares (SSE2) rather than the table: every byte
// value, and the neighbours of each range ('/', ':', '@', '[', '`', '{', 0x7F, 0x80), must
// come out as IsWordByte says.
TEST(SplitWords, EveryByteValueInWholeBlocks) {
  std::string alone, runs;  // each byte between spaces; all 256 in a row
  for (int c = 0; c < 256; ++c) {
    alone += static_cast<char>(c);
    alone += ' ';
    runs += static_cast<char>(c);
  }
  EXPECT_EQ(Split(alone), WordsByteByByte(alone));
  EXPECT_EQ(Split(runs), WordsByteByByte(runs));
}

}  // namespace
}  // namespace actorgraph
