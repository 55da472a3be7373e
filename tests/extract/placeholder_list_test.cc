#include "extract/placeholder_list.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <random>
#include <string>
#include <vector>

namespace actorgraph {
namespace {

// "{P0} and {C1}" -> "\x01P0\x02 and \x01C1\x02".
std::string Text(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '{') out += kPlaceholderOpen;
    else if (c == '}') out += kPlaceholderClose;
    else out += c;
  }
  return out;
}

std::vector<std::size_t> Ends(const std::string& text, std::string_view letters, std::size_t start = 0) {
  std::vector<std::size_t> ends;
  PlaceholderListEnds(text, start, text.size(), letters, &ends);
  return ends;
}

using Positions = std::vector<std::size_t>;

TEST(PlaceholderList, RegexIsTheOneRulesHaveAlwaysUsed) {
  EXPECT_EQ(PlaceholderListRegex("PC", "X"),
            "(?P<X>(?:both |either )?\x01[PC]\\d+\x02(?:(?:, (?:(?:his|her|their|its|the) )?\x01[PC]\\d+\x02)*"
            "(?:,? and |,? as well as |,? along with |,? or | & )(?:(?:his|her|their|its|the) )?"
            "\x01[PC]\\d+\x02)?)");
}

TEST(PlaceholderList, EndsAfterEachItemThatMayCloseTheList) {
  struct Case {
    std::string text;
    std::string letters;
    Positions ends;
  };
  const Case cases[] = {
      {"{P0}", "P", {4}},
      {"{P0} met", "P", {4}},
      {"{P0} and {C1}", "PC", {4, 13}},
      {"{P0} and {C1}", "P", {4}},                      // C is not admitted
      {"{p12}", "P", {5}},                              // roles ignore case
      {"both {P0} and his {P1}", "P", {9, 22}},
      {"Either {O0} or {O1}", "O", {11, 19}},
      {"{P0}, {P1} and {P2}", "P", {4, 19}},            // a comma alone makes no list
      {"{P0}, {P1}", "P", {4}},
      {"{P0}, {P1}, the {P2} as well as {P3}", "P", {4, 36}},
      {"{P0} AND {P1}", "P", {4, 13}},
      {"{P0} & {P1}", "P", {4, 11}},
      {"{P0} and the president", "P", {4}},
      {"{P0} hi\xC5\xBF {P1}", "P", {4}},               // "hiſ" is no conjunction...
      {"{P0} and hi\xC5\xBF {P1}", "P", {4, 18}},       // ...but a determiner, as RE2 reads it
      {"{P}", "P", {}},                                 // no digits
      {"{X0}", "PCOGL", {}},
      {"both", "P", {}},
  };
  for (const Case& c : cases) EXPECT_EQ(Ends(Text(c.text), c.letters), c.ends) << c.text;
}

TEST(PlaceholderList, ReadsNothingPastTheLimit) {
  std::string text = Text("{P0} and {P1}");
  std::vector<std::size_t> ends;
  PlaceholderListEnds(text, 0, text.size() - 1, "P", &ends);
  EXPECT_EQ(ends, Positions{4});
  PlaceholderListEnds(text, 0, 3, "P", &ends);
  EXPECT_EQ(ends, Positions{});
}

// The recogniser and RE2 agree on every stretch of random texts made of the pieces of
// lists and a few bytes that come close to them.
TEST(PlaceholderList, EndsAreWhereTheRegexMatches) {
  static const char* const kItems[] = {"\x01P0\x02", "\x01" "C12\x02", "\x01O3\x02", "\x01G4\x02", "\x01L5\x02",
                                       "\x01p6\x02", "\x01" "c7\x02",  "\x01P\x02",  "\x01Q1\x02"};
  static const char* const kOthers[] = {
      "\x01",       "\x02",         "1",          "both ",       "BOTH ",        "either ",
      "Either ",    "both",         ", ",         ",",           " ",            " and ",
      ", and ",     " AND ",        " as well as ", " aS WELL as ", " a\xC5\xBF well a\xC5\xBF ", " along with ",
      ", along with ", " or ",      ", or ",      " & ",         "&",            "his ",
      "hi\xC5\xBF ", "her ",        "their ",     "its ",        "it\xC5\xBF ",  "THE ",
      "the",        "x",            "\xC5",       "\xE2\x84\xAA", "and ",         "him "};
  const char* const kLetters[] = {"P", "PC", "CL", "PCOG", "PCOGL", "O"};
  std::mt19937 random(3);
  RE2::Options options;
  options.set_case_sensitive(false);
  std::vector<std::unique_ptr<RE2>> regexes;
  for (const char* letters : kLetters) {
    regexes.push_back(std::make_unique<RE2>(PlaceholderListRegex(letters, "X"), options));
    ASSERT_TRUE(regexes.back()->ok());
  }
  std::size_t lists = 0;
  for (int t = 0; t < 3000; ++t) {
    std::string text;
    int tokens = 1 + static_cast<int>(random() % 12);
    for (int k = 0; k < tokens; ++k) {
      // Mostly an item between two others, as in a list.
      bool item = k % 2 == 0 ? random() % 8 != 0 : random() % 8 == 0;
      text += item ? kItems[random() % std::size(kItems)] : kOthers[random() % std::size(kOthers)];
    }
    re2::StringPiece piece(text);
    for (std::size_t l = 0; l < std::size(kLetters); ++l) {
      for (std::size_t start = 0; start < text.size(); ++start) {
        std::size_t limit = start + random() % (text.size() - start + 1);
        Positions expected;
        for (std::size_t end = start + 1; end <= limit; ++end) {
          if (regexes[l]->Match(piece, start, end, RE2::ANCHOR_BOTH, nullptr, 0)) expected.push_back(end);
        }
        std::vector<std::size_t> ends;
        PlaceholderListEnds(text, start, limit, kLetters[l], &ends);
        ASSERT_EQ(ends, expected) << "letters " << kLetters[l] << " start " << start << " limit " << limit
                                  << " in '" << text << "'";
        lists += ends.size() > 1;
      }
    }
  }
  EXPECT_GT(lists, 500u);  // lists of more than one item
}

}  // namespace
}  // namespace actorgraph
