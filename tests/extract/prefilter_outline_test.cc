#include "extract/prefilter_outline.h"

#include <gtest/gtest.h>
#include <re2/filtered_re2.h>
#include <re2/re2.h>

#include <string>
#include <vector>

namespace actorgraph {
namespace {

TEST(PrefilterOutline, OptionalPartsBecomeAnyBytes) {
  struct Case {
    std::string regex, outline;
  };
  const Case cases[] = {
      {"talks?", "talk\\C*"},
      {"(?:his |her )?talks", "\\C*talks"},
      {"met(?: with)?? him", "met\\C* him"},
      {"a(?:,? b)* c", "a\\C* c"},
      {"(?:x|y){0,80}?z", "\\C*z"},
      {"x{0,}y", "\\C*y"},
      {", (?:[^,;]|\\x01[CO]\\d+\\x02){1,80}?,", ", (?:[^,;]|\\x01[CO]\\d+\\x02){1,80}?,"},
      {"(?P<X>(?:both )?\x01[PC]\\d+\x02(?:, \x01[PC]\\d+\x02)*)",
       "(?P<X>\\C*\x01[PC]\\d+\x02\\C*)"},
      {"(?:^|: )(?:a(?:b)?)?c", "(?:^|: )\\C*c"},
  };
  for (const Case& c : cases) EXPECT_EQ(PrefilterOutline(c.regex), c.outline) << c.regex;
}

TEST(PrefilterOutline, RequiredPartsStay) {
  // x{0} is the empty string to RE2, not "anything"; a '{' that starts no repetition is
  // a literal; a quantifier after \Q...\E takes only the last character of the quote.
  for (const char* regex : {"ab+c", "a(?:bc)+?d", "ab{2,3}c", "ab{1,5}c", "ab{0}c", "ab{0,0}c",
                            "a{,3}b", "\\Qa*\\E?b", "(?i)ab"}) {
    EXPECT_EQ(PrefilterOutline(regex), regex);
  }
}

TEST(PrefilterOutline, EscapesClassesAndCharactersAreWholeOperands) {
  struct Case {
    std::string regex, outline;
  };
  const Case cases[] = {
      {"a\\x{41}?b", "a\\C*b"}, {"a\\x41?b", "a\\C*b"},        {"a\\101?b", "a\\C*b"},
      {"a\\pN?b", "a\\C*b"},    {"a\\p{Greek}*b", "a\\C*b"},   {"a[?*]?b", "a\\C*b"},
      {"a[]x]?b", "a\\C*b"},    {"a[[:alpha:]?]*b", "a\\C*b"}, {"a\xC3\xA9?b", "a\\C*b"},
      {"a\\.?b", "a\\C*b"},     {"a{x}?", "a{x\\C*"},
  };
  for (const Case& c : cases) EXPECT_EQ(PrefilterOutline(c.regex), c.outline) << c.regex;
}

std::vector<std::string> Atoms(const std::vector<std::string>& regexes) {
  RE2::Options options;
  options.set_case_sensitive(false);
  re2::FilteredRE2 filter;
  for (const std::string& regex : regexes) {
    int id = 0;
    EXPECT_EQ(filter.Add(regex, options, &id), RE2::NoError) << regex;
  }
  std::vector<std::string> atoms;
  filter.Compile(&atoms);
  return atoms;
}

// The reason for the outline: FilteredRE2 finds the same atoms in it as in the pattern,
// for patterns of the kind the built-in rules have.
TEST(PrefilterOutline, HasThePatternsAtoms) {
  const std::vector<std::string> patterns = {
      "(?P<X>\x01[PC]\\d+\x02)(?:, (?:[^,;:\x01()]|\x01[COGL]\\d+\x02){1,80}?,)?(?:,? "
      "(?:which|who))?"
      "(?:,? (?:has|have|will|[a-z]+ly),?)*\\s(?:met|meets?)(?: with)? (?:(?:his|the) "
      ")?(?P<Y>\x01[PC]\\d+\x02)",
      "\\b(?:visit|trip)s? (?:by|of) (?P<X>\x01[P]\\d+\x02)(?:[^\x01;:]|\x01[CO]\\d+\x02){0,200}? "
      "to (?P<Y>\x01C\\d+\x02)",
      "(?:^|: )(?P<X>\x01P\\d+\x02) to (?:meet(?: with)?|hold talks with) (?P<Y>\x01P\\d+\x02)",
      "(?P<X>\x01P\\d+\x02)-(?P<Y>\x01C\\d+\x02) (?:[a-z0-9-]+ ){0,3}(?:talks|summit)\\b",
  };
  std::vector<std::string> outlines;
  for (const std::string& pattern : patterns) outlines.push_back(PrefilterOutline(pattern));
  EXPECT_EQ(Atoms(outlines), Atoms(patterns));
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    EXPECT_EQ(Atoms({outlines[i]}), Atoms({patterns[i]})) << patterns[i];
  }
}

// Whatever the pattern matches, its outline matches too, so a prefilter built from the
// outline never drops a sentence the pattern would match.
TEST(PrefilterOutline, MatchesWhereverThePatternDoes) {
  const std::string pattern =
      "(?:both )?x(?:, (?:[^,;]){1,20}?,)?(?: (?:has|will))* met(?: with)? y(?:'s)?";
  RE2::Options options;
  options.set_case_sensitive(false);
  RE2 re(pattern, options), outline(PrefilterOutline(pattern), options);
  ASSERT_TRUE(re.ok());
  ASSERT_TRUE(outline.ok()) << outline.error();
  for (const char* text :
       {"x met y", "both x, the leader, has met with y's", "x will met y", "X Met Y", "x met z"}) {
    if (RE2::PartialMatch(text, re)) {
      EXPECT_TRUE(RE2::PartialMatch(text, outline)) << text;
    }
  }
}

}  // namespace
}  // namespace actorgraph
