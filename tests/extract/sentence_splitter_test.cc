#include "extract/sentence_splitter.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace actorgraph {
namespace {

std::vector<std::string> Sentences(std::string_view text, std::size_t max_bytes = 4096) {
  std::vector<std::string> sentences;
  for (const SentenceSpan& span : SplitSentences(text, max_bytes)) {
    EXPECT_LT(span.begin, span.end);
    EXPECT_LE(span.end, text.size());
    sentences.emplace_back(text.substr(span.begin, span.end - span.begin));
  }
  return sentences;
}

struct SplitCase {
  const char* text;
  std::vector<std::string> sentences;
};

void ExpectSplits(const std::vector<SplitCase>& cases) {
  for (const SplitCase& c : cases) {
    EXPECT_EQ(Sentences(c.text), c.sentences) << "text: " << c.text;
  }
}

TEST(SentenceSplitter, Basics) {
  ExpectSplits({
      {"", {}},
      {"  \n\n \t ", {}},
      {"The summit ended.", {"The summit ended."}},
      {"The summit ended", {"The summit ended"}},
      {"  Leading and trailing space is trimmed.  ", {"Leading and trailing space is trimmed."}},
      {"The envoys met in Geneva. They agreed on a truce.",
       {"The envoys met in Geneva.", "They agreed on a truce."}},
      {"Will the truce hold? Nobody in Khartoum is sure! Talks resume Monday.",
       {"Will the truce hold?", "Nobody in Khartoum is sure!", "Talks resume Monday."}},
      {"Really?! Yes.", {"Really?!", "Yes."}},
      {"The vote failed... The council adjourned.",
       {"The vote failed...", "The council adjourned."}},
      {"The vote failed... and the council adjourned.",
       {"The vote failed... and the council adjourned."}},
  });
}

TEST(SentenceSplitter, InitialsNeverEndASentence) {
  ExpectSplits({
      {"Foreign Minister S. Jaishankar met his Chinese counterpart.",
       {"Foreign Minister S. Jaishankar met his Chinese counterpart."}},
      {"George W. Bush and John F. Kennedy were presidents.",
       {"George W. Bush and John F. Kennedy were presidents."}},
      {"J. R. Tolkien wrote it. Then he left.", {"J. R. Tolkien wrote it.", "Then he left."}},
  });
}

TEST(SentenceSplitter, TitlesNeverEndASentence) {
  ExpectSplits({
      {"Mr. Modi spoke with Mrs. Meloni and Ms. Baerbock.",
       {"Mr. Modi spoke with Mrs. Meloni and Ms. Baerbock."}},
      {"Dr. Tedros warned of cholera. Gen. Milley disagreed.",
       {"Dr. Tedros warned of cholera.", "Gen. Milley disagreed."}},
      {"Lt. Gen. Ahmed and Col. Diallo arrived.", {"Lt. Gen. Ahmed and Col. Diallo arrived."}},
      {"Sen. Warren and Rep. Cheney questioned Gov. Newsom.",
       {"Sen. Warren and Rep. Cheney questioned Gov. Newsom."}},
      {"Prof. Ng lives on St. Mark's Place.", {"Prof. Ng lives on St. Mark's Place."}},
      {"The case was Brazil vs. Argentina at the court.",
       {"The case was Brazil vs. Argentina at the court."}},
  });
}

TEST(SentenceSplitter, DottedAbbreviationsSplitOnlyBeforeSentenceOpeners) {
  ExpectSplits({
      {"U.S. officials said the talks would continue.",
       {"U.S. officials said the talks would continue."}},
      {"The U.S. President met the U.K. Prime Minister.",
       {"The U.S. President met the U.K. Prime Minister."}},
      {"He met officials in the U.S. The next day he flew to Seoul.",
       {"He met officials in the U.S.", "The next day he flew to Seoul."}},
      {"Troops left the U.K. They returned in May.",
       {"Troops left the U.K.", "They returned in May."}},
      {"The U.N. Security Council met at 10 a.m. Friday.",
       {"The U.N. Security Council met at 10 a.m. Friday."}},
      {"The vote was at 10 a.m. It passed.", {"The vote was at 10 a.m.", "It passed."}},
      {"He visited Washington, D.C. But he left early.",
       {"He visited Washington, D.C.", "But he left early."}},
      {"Sanctions (e.g. on oil) and tariffs, i.e. taxes, rose.",
       {"Sanctions (e.g. on oil) and tariffs, i.e. taxes, rose."}},
      {"Some allies, e.g. Japan, objected.", {"Some allies, e.g. Japan, objected."}},
  });
}

TEST(SentenceSplitter, CompanySuffixesSplitOnlyBeforeSentenceOpeners) {
  ExpectSplits({
      {"Gazprom signed with Acme Inc. The deal is worth billions.",
       {"Gazprom signed with Acme Inc.", "The deal is worth billions."}},
      {"Acme Inc. Chief Executive Jane Roe resigned.",
       {"Acme Inc. Chief Executive Jane Roe resigned."}},
      {"Acme Corp. and Beta Co. Ltd. bid for the port.",
       {"Acme Corp. and Beta Co. Ltd. bid for the port."}},
      {"He quoted Martin Luther King Jr. Then he sat down.",
       {"He quoted Martin Luther King Jr.", "Then he sat down."}},
      {"Martin Luther King Jr. Day is a holiday.", {"Martin Luther King Jr. Day is a holiday."}},
  });
}

TEST(SentenceSplitter, EtceteraEndsASentenceBeforeACapital) {
  ExpectSplits({
      {"They discussed oil, gas, grain etc. and then left.",
       {"They discussed oil, gas, grain etc. and then left."}},
      {"They discussed oil, gas, grain etc. Then they left.",
       {"They discussed oil, gas, grain etc.", "Then they left."}},
  });
}

TEST(SentenceSplitter, MonthsAndNumberAbbreviations) {
  ExpectSplits({
      {"The election is on Dec. 5 in Caracas.", {"The election is on Dec. 5 in Caracas."}},
      {"Talks began Jan. 12 and ended Sept. 30 in Doha.",
       {"Talks began Jan. 12 and ended Sept. 30 in Doha."}},
      {"He lives at No. 10 Downing Street.", {"He lives at No. 10 Downing Street."}},
      {"It killed approx. 300 people.", {"It killed approx. 300 people."}},
      {"See Art. 5 of the treaty.", {"See Art. 5 of the treaty."}},
      {"The answer was No. The minister left.", {"The answer was No.", "The minister left."}},
      {"The deal was signed in 2019. 15 countries joined later.",
       {"The deal was signed in 2019.", "15 countries joined later."}},
  });
}

TEST(SentenceSplitter, DecimalsAndDotsInsideWords) {
  ExpectSplits({
      {"Growth slowed to 3.5 percent. Exports fell.",
       {"Growth slowed to 3.5 percent.", "Exports fell."}},
      {"The fund holds $1.2 billion. It was set up in 2020.",
       {"The fund holds $1.2 billion.", "It was set up in 2020."}},
      {"The U.S.-led coalition and un.org reported it.",
       {"The U.S.-led coalition and un.org reported it."}},
  });
}

TEST(SentenceSplitter, ClosingQuotesStayWithTheirSentence) {
  ExpectSplits({
      {"\"We will not retreat,\" he said. \"Never.\" Next came the vote.",
       {"\"We will not retreat,\" he said.", "\"Never.\"", "Next came the vote."}},
      {"The war must end, he said.\" Next the envoy spoke.",
       {"The war must end, he said.\"", "Next the envoy spoke."}},
      {"She called it 'a betrayal.' The talks collapsed.",
       {"She called it 'a betrayal.'", "The talks collapsed."}},
      {"\"Why now?\" he asked.", {"\"Why now?\" he asked."}},
      {"\"Enough!\" the crowd shouted. Police withdrew.",
       {"\"Enough!\" the crowd shouted.", "Police withdrew."}},
      {"(The talks failed.) The envoys left.", {"(The talks failed.)", "The envoys left."}},
      {"He said: \"It is over.\"", {"He said: \"It is over.\""}},
  });
}

TEST(SentenceSplitter, BlankLinesEndSentences) {
  ExpectSplits({
      {"Talks continued without a deal\n\nThe ministers will meet again",
       {"Talks continued without a deal", "The ministers will meet again"}},
      {"Paragraph one ends here.\n\nParagraph two.",
       {"Paragraph one ends here.", "Paragraph two."}},
      {"Blank line with spaces\n   \t\nNext", {"Blank line with spaces", "Next"}},
      {"Even after an initial J.\n\nSmith wrote", {"Even after an initial J.", "Smith wrote"}},
  });
}

TEST(SentenceSplitter, HeadlinesDatelinesAndCaptions) {
  ExpectSplits({
      {"Lavrov arrives in New Delhi for two-day visit\nRussian Foreign Minister Sergey Lavrov "
       "arrived on Thursday.",
       {"Lavrov arrives in New Delhi for two-day visit",
        "Russian Foreign Minister Sergey Lavrov arrived on Thursday."}},
      {"NEW DELHI, March 31\nThe minister landed at noon.",
       {"NEW DELHI, March 31", "The minister landed at noon."}},
      {"Kyiv under fire\nBy Jane Roe\nUpdated 5 April 2024\nMissiles struck the city.",
       {"Kyiv under fire", "By Jane Roe", "Updated 5 April 2024", "Missiles struck the city."}},
      {"Photo: Delegates at the summit (Reuters)\nThe summit opened.",
       {"Photo: Delegates at the summit (Reuters)", "The summit opened."}},
      {"Zelensky: \"We will hold\"\nThe president spoke at night.",
       {"Zelensky: \"We will hold\"", "The president spoke at night."}},
      {"Ministers met on Friday.\nThey agreed.", {"Ministers met on Friday.", "They agreed."}},
  });
}

TEST(SentenceSplitter, WrappedProseIsNotBroken) {
  ExpectSplits({
      {"The foreign ministers of Egypt and Jordan met\nin Amman to discuss the crisis.",
       {"The foreign ministers of Egypt and Jordan met\nin Amman to discuss the crisis."}},
      {"The minister held talks with\nIran and Oman on Sunday.",
       {"The minister held talks with\nIran and Oman on Sunday."}},
      {"Leaders from Brazil, South Africa,\nIndia and China attended.",
       {"Leaders from Brazil, South Africa,\nIndia and China attended."}},
      {"The talks were led by Mr.\nBlinken.", {"The talks were led by Mr.\nBlinken."}},
      {"He flew to the U.S.\nThe trip lasted a week.",
       {"He flew to the U.S.", "The trip lasted a week."}},
  });
}

TEST(SentenceSplitter, NumberedListItems) {
  ExpectSplits({
      {"1. The ceasefire holds.\n2. Prisoners are exchanged.",
       {"1. The ceasefire holds.", "2. Prisoners are exchanged."}},
  });
}

TEST(SentenceSplitter, SpansPointIntoTheText) {
  const std::string text = "  Japan protested.\n\nChina replied.  ";
  const std::vector<SentenceSpan> spans = SplitSentences(text);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0].begin, 2u);
  EXPECT_EQ(spans[0].end, 18u);
  EXPECT_EQ(spans[1].begin, 20u);
  EXPECT_EQ(spans[1].end, 34u);
}

TEST(SentenceSplitter, LongSentencesAreCutAtWordBoundaries) {
  std::string text;
  for (int i = 0; i < 200; ++i) text += "delegates from many nations ";
  text += "agreed.";
  const std::vector<std::string> pieces = Sentences(text, 100);
  ASSERT_GT(pieces.size(), 1u);
  std::string joined;
  for (const std::string& piece : pieces) {
    EXPECT_LE(piece.size(), 100u);
    EXPECT_NE(piece.front(), ' ');
    EXPECT_NE(piece.back(), ' ');
    if (!joined.empty()) joined += ' ';
    joined += piece;
  }
  // No word was split: putting the pieces back together gives the sentence.
  EXPECT_EQ(joined, text);
}

TEST(SentenceSplitter, AWordLongerThanTheLimitIsCutAtACharacterBoundary) {
  std::string text;
  for (int i = 0; i < 30; ++i) text += "\xC3\xA9";  // 60 bytes of "é", no space
  const std::vector<std::string> pieces = Sentences(text, 25);
  ASSERT_EQ(pieces.size(), 3u);
  EXPECT_EQ(pieces[0].size(), 24u);
  EXPECT_EQ(pieces[1].size(), 24u);
  EXPECT_EQ(pieces[2].size(), 12u);
}

TEST(SentenceSplitter, ShortSentencesAreNotCut) {
  EXPECT_EQ(Sentences("Twelve bytes", 12), std::vector<std::string>{"Twelve bytes"});
  EXPECT_EQ(Sentences("Twelve bytes", 11), (std::vector<std::string>{"Twelve", "bytes"}));
}

TEST(SentenceSplitter, TinyLimitsStillMakeProgress) {
  EXPECT_EQ(Sentences("ab cd", 1), (std::vector<std::string>{"a", "b", "c", "d"}));
  EXPECT_EQ(Sentences("ab cd", 0), (std::vector<std::string>{"a", "b", "c", "d"}));
  // A limit below the size of a character yields whole characters, never half of one.
  EXPECT_EQ(Sentences("\u00E9\u00E9", 1), (std::vector<std::string>{"\u00E9", "\u00E9"}));
}

TEST(SentenceSplitter, CutPiecesOfSeveralSentences) {
  const std::vector<std::string> pieces =
      Sentences("Envoys from Chad and Niger met. They signed a pact on water rights.", 20);
  EXPECT_EQ(pieces, (std::vector<std::string>{"Envoys from Chad and", "Niger met.",
                                              "They signed a pact", "on water rights."}));
}

TEST(SentenceSplitter, EveryPieceButTheLastOfACutSentenceIsMarkedCut) {
  const std::vector<SentenceSpan> spans =
      SplitSentences("Envoys from Chad and Niger met. They signed a pact on water rights. Done.", 20);
  std::vector<bool> cut;
  for (const SentenceSpan& span : spans) cut.push_back(span.cut);
  EXPECT_EQ(cut, (std::vector<bool>{true, false, true, false, false}));
}

TEST(SentenceSplitter, LongRunsStayLinear) {
  // Pathological inputs for a splitter that looks back or ahead too far.
  std::string dots(1 << 20, '.');
  EXPECT_EQ(Sentences(dots).size(), 1u << 20 >> 12);
  std::string initials;
  for (int i = 0; i < 100000; ++i) initials += "A. ";
  EXPECT_EQ(Sentences(initials, 1 << 30).size(), 1u);
  std::string lines;
  for (int i = 0; i < 100000; ++i) lines += "Headline\n";
  EXPECT_EQ(Sentences(lines).size(), 100000u);
}

}  // namespace
}  // namespace actorgraph
