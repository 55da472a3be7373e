#include "extract/cue_phrases.h"

#include <gtest/gtest.h>

#include <optional>
#include <random>
#include <string>
#include <vector>

namespace actorgraph {
namespace {

TEST(CuePhrases, FindsPhrasesAsWholeWords) {
  CuePhrases cues({"not", "n't", "refrained from", "'ll"});
  EXPECT_EQ(cues.Find("has NOT met", 0), "NOT");
  EXPECT_EQ(cues.Find("didn't meet", 0), "n't");
  EXPECT_EQ(cues.Find("they'll meet", 0), "'ll");
  EXPECT_EQ(cues.Find("Refrained  from, refrained from", 0), "refrained from");
  EXPECT_EQ(cues.Find("nothing noted", 0), std::nullopt);
  EXPECT_EQ(cues.Find("not", 1), std::nullopt);  // starts before pos
  EXPECT_EQ(cues.Find("not", 3), std::nullopt);
}

TEST(CuePhrases, MayOccurOnlyWhenSomePhraseIsInTheText) {
  CuePhrases cues({"not", "ahead of"});
  EXPECT_TRUE(cues.MayOccur("did not meet"));
  EXPECT_TRUE(cues.MayOccur("nothing"));  // a part of a word is enough to look
  EXPECT_TRUE(cues.MayOccur("AHEAD OF"));
  EXPECT_FALSE(cues.MayOccur("met with"));
  EXPECT_FALSE(cues.MayOccur("ahead  of"));
  EXPECT_FALSE(cues.MayOccur(""));
}

TEST(CuePhrases, NonAsciiPhrasesAreAlwaysSearched) {
  CuePhrases cues({"não"});
  EXPECT_TRUE(cues.MayOccur("met"));
  EXPECT_EQ(cues.Find("ele não", 0), "não");
}

// The prefilter must never hide a cue that the search finds: on random texts made of
// pieces of the phrases, other words, case changes, punctuation and the two non-ASCII
// letters RE2 folds onto 's' and 'k', MayOccur is true wherever Find finds a cue.
TEST(CuePhrases, MayOccurWheneverFindFinds) {
  const std::vector<std::string> phrases = {"not", "n't", "no", "never", "refrained from", "without",
                                            "'ll", "will", "is to", "next week", "ask", "kept"};
  CuePhrases cues(phrases);
  const std::vector<std::string> pieces = {"not", "n't", "no", "nev", "er", "refrained", " from", "with", "out",
                                           "'", "ll", "wi", "is", " to", "next", " week", "a", "s", "k", "ept",
                                           " ", ", ", "_", "9", "\xC5\xBF", "\xE2\x84\xAA", "é", "\x01", "-"};
  std::mt19937 random(20261206);
  int found = 0, rejected = 0;
  for (int round = 0; round < 200000; ++round) {
    std::string text;
    const int count = std::uniform_int_distribution<int>(0, 8)(random);
    for (int i = 0; i < count; ++i) text += pieces[random() % pieces.size()];
    for (char& c : text) {
      if (c >= 'a' && c <= 'z' && random() % 4 == 0) c = static_cast<char>(c - 'a' + 'A');
    }
    bool finds = false;
    for (std::size_t pos = 0; pos <= text.size() && !finds; ++pos) finds = cues.Find(text, pos).has_value();
    if (finds) {
      ++found;
      ASSERT_TRUE(cues.MayOccur(text)) << text;
    } else if (!cues.MayOccur(text)) {
      ++rejected;
    }
  }
  // Both sides were exercised.
  EXPECT_GT(found, 1000);
  EXPECT_GT(rejected, 1000);
}

}  // namespace
}  // namespace actorgraph
