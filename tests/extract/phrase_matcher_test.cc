// PhraseMatcher: which occurrences of a phrase list it reports, and at which boundaries.
#include "extract/phrase_matcher.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace actorgraph {
namespace {

// "begin-end:phrase" for every occurrence FindAll reports.
std::vector<std::string> Found(const PhraseMatcher& matcher, std::string_view text) {
  std::vector<std::string> found;
  for (const PhraseMatcher::Occurrence& o : matcher.FindAll(text)) {
    found.push_back(std::string(text.substr(o.begin, o.end - o.begin)) + ":" + std::to_string(o.phrase));
  }
  return found;
}

using Strings = std::vector<std::string>;

TEST(PhraseMatcher, LongestPhraseWinsAtEachStart) {
  PhraseMatcher matcher({"United Nations", "United Nations Security Council", "Security Council"});
  EXPECT_EQ(Found(matcher, "The United Nations Security Council met; the Security Council of the United Nations."),
            (Strings{"United Nations Security Council:1", "Security Council:2", "United Nations:0"}));
}

TEST(PhraseMatcher, ShorterPhraseWhenTheLongerEndsInsideAWord) {
  PhraseMatcher matcher({"New York", "New York Times"});
  EXPECT_EQ(Found(matcher, "New York Timesquare"), (Strings{"New York:0"}));
}

TEST(PhraseMatcher, OnlyWholeWords) {
  PhraseMatcher matcher({"Iran", "Oman", "Mali"});
  EXPECT_EQ(Found(matcher, "Tirana, Omani and Somalia; Iran-Oman. Mali"),
            (Strings{"Iran:0", "Oman:1", "Mali:2"}));
}

TEST(PhraseMatcher, PossessiveEndsAWordButAnApostropheInsideDoesNot) {
  PhraseMatcher matcher({"Xi", "Xi'an"});
  EXPECT_EQ(Found(matcher, "Xi's visit to Xi'an"), (Strings{"Xi:0", "Xi'an:1"}));
  PhraseMatcher xi({"Xi"});
  EXPECT_EQ(Found(xi, "Xi'an"), Strings{});
}

TEST(PhraseMatcher, AccentedLettersAreWordBytes) {
  PhraseMatcher matcher({"Erdo"});
  EXPECT_EQ(Found(matcher, "Erdoğan and Erdo"), (Strings{"Erdo:0"}));
}

TEST(PhraseMatcher, PhrasesThatStartWithPunctuation) {
  PhraseMatcher matcher({"(ISIS)", "ISIS"});
  EXPECT_EQ(Found(matcher, "the group (ISIS) and ISIS"), (Strings{"(ISIS):0", "ISIS:1"}));
}

TEST(PhraseMatcher, CaseSensitiveAndDuplicatesReportedOnce) {
  PhraseMatcher matcher({"Chad", "", "Chad"});
  EXPECT_EQ(Found(matcher, "chad, CHAD and Chad"), (Strings{"Chad:0"}));
}

TEST(PhraseMatcher, PhrasesAtListsEveryPrefixLongestFirst) {
  PhraseMatcher matcher({"Foreign", "Foreign Minister", "Minister"});
  std::vector<PhraseMatcher::Occurrence> found;
  matcher.PhrasesAt("Foreign Ministers", 0, &found);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].phrase, 1);  // ends inside "Ministers": listed all the same
  EXPECT_EQ(found[1].phrase, 0);
  found.clear();
  matcher.PhrasesAt("Foreign Ministers", SplitWords("Foreign Ministers")[0], &found);  // the same, given the word
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].phrase, 1);
}

// The actor finder's path: the words split once, then looked up.
TEST(PhraseMatcher, FindAllGivenTheWordsFindsTheSame) {
  PhraseMatcher matcher({"United Nations", "United Nations Security Council", "Xi", "Xi'an", "Mali"});
  for (std::string_view text : {"The United Nations Security Council met in Xi'an; Xi's Mali.", "Somalia, Mali", ""}) {
    std::vector<std::string> by_words;
    for (const PhraseMatcher::Occurrence& o : matcher.FindAll(text, SplitWords(text))) {
      by_words.push_back(std::string(text.substr(o.begin, o.end - o.begin)) + ":" + std::to_string(o.phrase));
    }
    EXPECT_EQ(by_words, Found(matcher, text)) << text;
  }
}

// Under one first word, only the phrases that go on as the text does are compared; the
// longest of them still wins, then one that ends a byte after the word, then the word.
TEST(PhraseMatcher, ManyPhrasesUnderOneFirstWord) {
  std::vector<std::string> phrases = {"A", "A.", "A Goncz", "A. Lieberman", "A Goncz Arpad", "A-B"};
  for (int i = 0; i < 20; ++i) phrases.push_back("A Name" + std::string(1, static_cast<char>('a' + i)));
  PhraseMatcher matcher(phrases);
  EXPECT_EQ(Found(matcher, "A Goncz Arpad, A Goncz, A. Lieberman, A. Smith, A man, A-B, A Namej."),
            (Strings{"A Goncz Arpad:4", "A Goncz:2", "A. Lieberman:3", "A.:1", "A:0", "A-B:5", "A Namej:15"}));
  std::vector<PhraseMatcher::Occurrence> found;
  matcher.PhrasesAt("A Goncz Arpad", 0, &found);
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].phrase, 4);
  EXPECT_EQ(found[1].phrase, 2);
  EXPECT_EQ(found[2].phrase, 0);
  EXPECT_EQ(Found(matcher, "A"), (Strings{"A:0"}));
  EXPECT_EQ(Found(matcher, "A."), (Strings{"A.:1"}));
}

// The actor finder passes only the words that may start a phrase of one of its matchers.
TEST(PhraseMatcher, FindAllGivenTheWordsThatMayStartAPhraseFindsTheSame) {
  PhraseMatcher matcher({"United Nations", "United Nations Security Council", "Xi", "Xi'an", "Mali"});
  for (std::string_view text : {"The United Nations Security Council met in Xi'an; Xi's Mali.", "Somalia, Mali", ""}) {
    std::vector<Word> starts;
    for (const Word& word : SplitWords(text)) {
      if (PhraseMatcher::MayStartAt(matcher.first_word_signatures(), word)) starts.push_back(word);
    }
    EXPECT_LT(starts.size(), SplitWords(text).size() + (text.empty() ? 1 : 0)) << text;
    std::vector<std::string> by_words;
    for (const PhraseMatcher::Occurrence& o : matcher.FindAll(text, starts)) {
      by_words.push_back(std::string(text.substr(o.begin, o.end - o.begin)) + ":" + std::to_string(o.phrase));
    }
    EXPECT_EQ(by_words, Found(matcher, text)) << text;
  }
}

TEST(PhraseMatcher, EmptyListAndEmptyText) {
  PhraseMatcher none({});
  EXPECT_EQ(Found(none, "anything at all"), Strings{});
  PhraseMatcher some({"a"});
  EXPECT_EQ(Found(some, ""), Strings{});
}

}  // namespace
}  // namespace actorgraph
