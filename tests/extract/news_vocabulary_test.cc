// NewsVocabulary::Load: which phrases it collects and which it refuses, with file:line.
#include "extract/news_vocabulary.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/error.h"
#include "extract/rule_source.h"

namespace actorgraph {
namespace {

std::string LoadError(const std::string& text) {
  try {
    NewsVocabulary::Load({{"r/mine.words", text, false}});
  } catch (const Error& e) {
    return e.what();
  }
  return "<no error>";
}

TEST(NewsVocabulary, CollectsEveryKindFromEveryFile) {
  NewsVocabulary vocabulary = NewsVocabulary::Load(
      {{"a.words", "title Envoy | Special Envoy\nreporting-verb quipped\n", false},
       {"b.words", "# a comment\ntitle Consul\nlocative inside\n", false}});
  EXPECT_EQ(vocabulary.titles, (std::vector<std::string>{"Envoy", "Special Envoy", "Consul"}));
  EXPECT_EQ(vocabulary.reporting_verbs, std::vector<std::string>{"quipped"});
  EXPECT_EQ(vocabulary.locatives, std::vector<std::string>{"inside"});
}

TEST(NewsVocabulary, UnknownKindNamesFileAndLine) {
  EXPECT_EQ(LoadError("title Envoy\ntitel Consul\n"), "r/mine.words:2: unknown kind 'titel'");
}

// Titles and reporting verbs are looked for at word starts: one that starts with
// punctuation would never be found, so it is refused rather than ignored.
TEST(NewsVocabulary, RefusesTitlesAndVerbsThatStartWithPunctuation) {
  EXPECT_EQ(LoadError("title Envoy | (Ret.) General\n"),
            "r/mine.words:1: a title must start with a letter or digit: '(Ret.) General'");
  EXPECT_EQ(LoadError("\nreporting-verb -said\n"),
            "r/mine.words:2: a reporting-verb must start with a letter or digit: '-said'");
  EXPECT_EQ(LoadError("negation n't\nstate-noun 's forces\n"), "<no error>");
}

}  // namespace
}  // namespace actorgraph
