// ReportedNameMatcher: the hand-written path for ASCII text must answer exactly as the
// regex does, and both must find the names news puts before reporting verbs.
#include "extract/reported_name.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace actorgraph {
namespace {

const std::vector<std::string> kVerbs = {"said", "says", "told", "tell", "tells", "met", "warned", "told reporters",
                                         "said:"};

std::string Describe(bool matched, const ReportedNameMatcher::Match& m) {
  if (!matched) return "none";
  return std::to_string(m.name_begin) + "-" + std::to_string(m.name_end) + ".." + std::to_string(m.end);
}

TEST(ReportedNameMatcher, FindsTwoOrThreeCapitalisedWordsBeforeAVerb) {
  ReportedNameMatcher matcher(kVerbs);
  ReportedNameMatcher::Match m;
  std::string text = "Officials said Daleep Singh warned New Delhi.";
  ASSERT_TRUE(matcher.Find(text, 0, text.size(), &m));
  EXPECT_EQ(text.substr(m.name_begin, m.name_end - m.name_begin), "Daleep Singh");
  EXPECT_EQ(text.substr(m.name_end, m.end - m.name_end), " warned");
  text = "Then Ravi Kumar Singh told reporters so.";
  ASSERT_TRUE(matcher.Find(text, 0, text.size(), &m));
  EXPECT_EQ(text.substr(m.name_begin, m.end - m.name_begin), "Ravi Kumar Singh told reporters");
  text = "Singh said it.";  // one word is no name
  EXPECT_FALSE(matcher.Find(text, 0, text.size(), &m));
  text = "Daleep Singh saidx";  // the verb ends on a word boundary
  EXPECT_FALSE(matcher.Find(text, 0, text.size(), &m));
  text = "Łukasz Nowak said";  // not ASCII: the regex answers
  ASSERT_TRUE(matcher.Find(text, 0, text.size(), &m));
  EXPECT_EQ(m.name_begin, 0u);
}

// Random sentences over a small alphabet of words, cut at random bounds: every answer
// of the hand-written path equals the regex's.
TEST(ReportedNameMatcher, HandWrittenPathAgreesWithTheRegex) {
  ReportedNameMatcher matcher(kVerbs);
  const std::vector<std::string> names = {"Ab", "Daleep", "Singh", "McDonald", "Ravi", "Kumar", "ABc", "A",
                                          "O'Neil", "É", "de", "Josée", "Łukasz", "Émile", "Ndéye", "İlham", "Øst"};
  const std::vector<std::string> others = {"said", "says", "told", "tell", "tells", "met", "warned", "reporters",
                                           "x", "saidx", ":", "_", "9", "said:", "tells_", "“", "’s", "saidé", "é"};
  const std::vector<std::string> gaps = {" ", " ", " ", " ", " ", "  ", ", ", "-", ""};
  std::mt19937 random(20261206);
  int matched = 0;
  for (int i = 0; i < 100000; ++i) {
    std::string text;
    int words = 1 + random() % 9;
    for (int w = 0; w < words; ++w) {
      text += random() % 3 ? names[random() % names.size()] : others[random() % others.size()];
      text += gaps[random() % gaps.size()];
    }
    std::size_t from = 0, to = text.size();
    if (random() % 2) {
      from = random() % (text.size() + 1);
      to = from + random() % (text.size() - from + 1);
    }
    ReportedNameMatcher::Match fast, regex;
    bool fast_found = matcher.Find(text, from, to, &fast);
    bool regex_found = matcher.FindWithRegex(text, from, to, &regex);
    ASSERT_EQ(Describe(fast_found, fast), Describe(regex_found, regex))
        << "'" << text << "' from " << from << " to " << to;
    matched += regex_found;
  }
  EXPECT_GT(matched, 1000);  // the alphabet makes matches common enough to test
}

}  // namespace
}  // namespace actorgraph
