#include "extract/literal_scanner.h"

#include <gtest/gtest.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <cctype>
#include <random>
#include <string>
#include <vector>

namespace actorgraph {
namespace {

// The indices of the literals found in `text`.
std::vector<int> Found(const LiteralScanner& scanner, std::string_view text) {
  std::vector<std::uint64_t> bits;
  scanner.Scan(text, &bits);
  std::vector<int> found;
  for (std::size_t i = 0; i < scanner.size(); ++i) {
    if (bits[i / 64] >> (i % 64) & 1) found.push_back(static_cast<int>(i));
  }
  return found;
}

using Ints = std::vector<int>;

TEST(LiteralScanner, FindsLiteralsAnywhereIgnoringCase) {
  LiteralScanner scanner({"met", "meeting", "eting", "talks with", "n the ", "'s"});
  EXPECT_EQ(Found(scanner, "they met"), Ints{0});
  EXPECT_EQ(Found(scanner, "a MEETING"), (Ints{1, 2}));  // one inside another
  EXPECT_EQ(Found(scanner, "Talks With x, in the end"), (Ints{3, 4}));
  EXPECT_EQ(Found(scanner, "Russia's"), Ints{5});
  EXPECT_EQ(Found(scanner, "mee ting, talks  with"), Ints{});
  EXPECT_EQ(Found(scanner, ""), Ints{});
}

TEST(LiteralScanner, FoldsCaseAsRe2Does) {
  LiteralScanner scanner({"talks", "asked"});
  EXPECT_EQ(Found(scanner, "tal\xE2\x84\xAA\xC5\xBF"), Ints{0});  // Kelvin sign, long s
  EXPECT_EQ(Found(scanner, "a\xC5\xBFKED"), Ints{1});
  EXPECT_EQ(Found(scanner, "tal\xE2\x84s"), Ints{});  // a broken sequence is no letter
}

TEST(LiteralScanner, GivesWhereEachLiteralLastEnds) {
  LiteralScanner scanner({"met", "talks", "zz", ""});
  std::vector<std::uint64_t> bits;
  std::vector<std::uint32_t> ends;
  scanner.Scan("Met, met and talk\xC5\xBF.", &bits, &ends);
  EXPECT_EQ(bits[0], 0b1011u);
  EXPECT_EQ(ends[0], 8u);   // the last "met"
  EXPECT_EQ(ends[1], 19u);  // "talkſ" is 6 bytes long
  EXPECT_EQ(ends[3], 20u);  // the empty literal ends everywhere
}

TEST(LiteralScanner, AnEmptyLiteralIsAlwaysFound) {
  LiteralScanner scanner({"x", ""});
  EXPECT_EQ(Found(scanner, "abc"), Ints{1});
}

TEST(LiteralScanner, IsAscii) {
  EXPECT_TRUE(LiteralScanner::IsAscii("talks with\n"));
  EXPECT_FALSE(LiteralScanner::IsAscii("caf\xC3\xA9"));
}

// The scanner reports what an RE2::Set of the same literals reports, on random texts
// made of pieces of the literals, other cases, folded characters and other bytes.
TEST(LiteralScanner, FindsWhatAnRe2SetFinds) {
  std::mt19937 random(5);
  const std::string alphabet = "abekst ,'\n-";
  std::vector<std::string> literals;
  for (int i = 0; i < 300; ++i) {
    std::string literal;
    int length = 1 + static_cast<int>(random() % 6);
    for (int k = 0; k < length; ++k) literal += alphabet[random() % alphabet.size()];
    literals.push_back(literal);
  }
  LiteralScanner scanner(literals);
  RE2::Options options;
  options.set_case_sensitive(false);
  RE2::Set set(options, RE2::UNANCHORED);
  for (const std::string& literal : literals) ASSERT_GE(set.Add(RE2::QuoteMeta(literal), nullptr), 0);
  ASSERT_TRUE(set.Compile());
  static const char* const kPieces[] = {"a", "b", "e", "k", "s", "t", " ", ",", "'", "\n", "-", "A", "E", "K",
                                        "S", "T", "\xC5\xBF", "\xE2\x84\xAA", "\xC5", "\xE2\x84", "\xBF", "x", "\x01"};
  std::size_t found = 0;
  for (int t = 0; t < 5000; ++t) {
    std::string text;
    int length = static_cast<int>(random() % 30);
    for (int k = 0; k < length; ++k) text += kPieces[random() % std::size(kPieces)];
    std::vector<int> expected;
    set.Match(text, &expected);
    std::sort(expected.begin(), expected.end());
    ASSERT_EQ(Found(scanner, text), expected) << text;
    // Without folded characters, a literal's last occurrence ends where rfind says.
    if (text.find_first_of("\xC5\xE2") == std::string::npos) {
      std::string lower = text;
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      std::vector<std::uint64_t> bits;
      std::vector<std::uint32_t> ends;
      scanner.Scan(text, &bits, &ends);
      for (int i : expected) ASSERT_EQ(ends[i], lower.rfind(literals[i]) + literals[i].size()) << text;
    }
    found += expected.size();
  }
  EXPECT_GT(found, 10000u);
}

// Enough states that the automaton's transitions no longer fit 16 bits.
TEST(LiteralScanner, ManyLiterals) {
  std::vector<std::string> literals;
  for (int i = 0; i < 20000; ++i) literals.push_back("w" + std::to_string(i * 7919) + "x");
  LiteralScanner scanner(literals);
  EXPECT_EQ(Found(scanner, "... W0X W7919X w158380x"), (Ints{0, 1, 20}));
}

}  // namespace
}  // namespace actorgraph
