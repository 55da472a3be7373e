#include "extract/date_resolver.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "extract/sentence_splitter.h"

namespace actorgraph {
namespace {

std::string Show(const std::optional<CalendarDate>& date) {
  return date ? date->ToString() : "<none>";
}

TEST(CalendarDate, ToStringShowsThePrecisionKnown) {
  EXPECT_EQ((CalendarDate{2022, 3, 31}).ToString(), "2022-03-31");
  EXPECT_EQ((CalendarDate{2022, 3, 0}).ToString(), "2022-03");
  EXPECT_EQ((CalendarDate{2022, 0, 0}).ToString(), "2022");
  EXPECT_EQ((CalendarDate{987, 1, 2}).ToString(), "0987-01-02");
}

TEST(ParseDate, AcceptedForms) {
  struct Case {
    std::string text;
    std::string expected;
  };
  const Case cases[] = {
      {"2022-03-31", "2022-03-31"},
      {"2022-03", "2022-03"},
      {"2022", "2022"},
      {"  2022-03-31 \n", "2022-03-31"},
      {"2022/03/31", "2022-03-31"},
      {"2022-3-5", "2022-03-05"},
      {"2022-03-31T10:00:00Z", "2022-03-31"},
      {"2022-03-31T10:00:00.123+05:30", "2022-03-31"},
      {"31 March 2022", "2022-03-31"},
      {"31 March, 2022", "2022-03-31"},
      {"31st of March 2022", "2022-03-31"},
      {"March 31, 2022", "2022-03-31"},
      {"March 31 2022", "2022-03-31"},
      {"March 31st, 2022", "2022-03-31"},
      {"march 31, 2022", "2022-03-31"},
      {"Mar. 31, 2022", "2022-03-31"},
      {"Sept 5 2022", "2022-09-05"},
      {"5 Sep 2022", "2022-09-05"},
      {"Thu, 31 Mar 2022", "2022-03-31"},
      {"Thursday, March 31, 2022", "2022-03-31"},
      {"March 2022", "2022-03"},
      {"3-7-2024", "2024-07-03"},  // day first: 3 July
      {"31-03-2022", "2022-03-31"},
      {"31.03.2022", "2022-03-31"},
      {"2024-02-29", "2024-02-29"},
      {"29 February 2024", "2024-02-29"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Show(ParseDate(c.text)), c.expected) << c.text;
  }
}

TEST(ParseDate, RejectsWhatIsNotADate) {
  const std::string cases[] = {
      "",
      "yesterday",
      "2022-02-30",
      "2023-02-29",
      "2022-13-01",
      "31 March",
      "March 31",
      "32 March 2022",
      "March 32, 2022",
      "31/03/2022",  // slashes are month-first in the US: ambiguous, so not read
      "7-31-2022",   // month first
      "2022-03-31 and more",
      "on 31 March 2022",
      "March",
      "22-03-31",
      "12345",
  };
  for (const std::string& text : cases) {
    EXPECT_EQ(Show(ParseDate(text)), "<none>") << text;
  }
}

TEST(FindFullDate, FindsDatelines) {
  struct Case {
    std::string text;
    std::string expected;
  };
  const Case cases[] = {
      {" date 2022-03-31 Russian Foreign Minister Sergey Lavrov arrived", "2022-03-31"},
      {"Select date\n\nJuly 2024\nMon Tue Wed Thu Fri Sat Sun\n\nTop diplomats meet\n\n"
       "3-7-2024 < RT 11 618 words\n",
       "2024-07-03"},
      {"Posted: Thu, 31 Mar 2022 10:00:00 +0000", "2022-03-31"},
      {"Updated March 31, 2022 at 10:00 IST", "2022-03-31"},
      {"NEW DELHI, 31 March 2022 (Reuters) -", "2022-03-31"},
      {"Mar. 31, 2022 | Staff writer", "2022-03-31"},
      {"2022-03-31T10:00:00Z", "2022-03-31"},
      {"July 2024 only a month", "<none>"},
      {"written may 5, 2022 in lower case", "<none>"},
      {"call 12-10-2024-55 now", "<none>"},
      {"no date here at all", "<none>"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Show(FindFullDate(c.text)), c.expected) << c.text;
  }
}

struct SentenceCase {
  std::string sentence;
  std::string article_date;
  std::string expected;  // "<none>" for nullopt
};

TEST(DateResolver, ResolvesDateExpressions) {
  // 2022-03-31 was a Thursday; 2022-10-28 a Friday; 2024-07-03 a Wednesday.
  const SentenceCase cases[] = {
      // Weekdays: on or before the article date, after it in the future tense.
      {"Lavrov arrived in New Delhi on Thursday for a two-day visit.", "2022-03-31", "2022-03-31"},
      {"Modi travelled to Moscow on Monday.", "2022-03-31", "2022-03-28"},
      {"Modi will travel to Moscow on Monday.", "2022-03-31", "2022-04-04"},
      {"On Monday, Modi will travel to Moscow.", "2022-03-31", "2022-04-04"},
      {"The talks are to be held on Friday.", "2022-03-31", "2022-04-01"},
      {"Lavrov will visit on Friday, the ministry said.", "2022-03-31", "2022-04-01"},
      {"The ministry said Lavrov will visit on Thursday.", "2022-03-31", "2022-03-31"},
      {"Zakharova told a briefing in Moscow on Thursday that Lavrov will hold talks next month.",
       "2022-10-28", "2022-10-27"},
      {"On Thursday, Zakharova said Lavrov will come.", "2022-10-28", "2022-10-27"},
      {"Lavrov met Wang last Thursday.", "2022-03-31", "2022-03-24"},
      {"Lavrov will meet Wang next Thursday.", "2022-03-31", "2022-04-07"},
      {"The ministers held talks in Astana on Wednesday.", "2024-07-03", "2024-07-03"},
      {"The meeting on Thursday, March 3, 2022 ended early.", "2022-03-31", "2022-03-03"},
      // Day and month: the last such day before the article date, the next in a future
      // clause, else the nearest.
      {"Moscow launched its offensive against Ukraine on February 24.", "2022-03-31", "2022-02-24"},
      {"Lavrov will meet Modi on 1 April, the spokeswoman said.", "2022-03-31", "2022-04-01"},
      {"Jaishankar is expected to visit Russia on November 8.", "2022-10-28", "2022-11-08"},
      {"On December 28 the border was closed.", "2022-01-02", "2021-12-28"},
      // A past act months before the article is last year's, not the nearer date ahead.
      {"Russia invaded Georgia on August 8.", "2021-03-10", "2020-08-08"},
      // A future act is the next such day, even if the last one was nearer.
      {"The leaders will meet on February 20.", "2022-03-01", "2023-02-20"},
      // Nothing within nine months before and no future tense: the nearest.
      {"The summit opens on January 5.", "2021-12-20", "2022-01-05"},
      {"The summit opens on 2 January.", "2021-12-30", "2022-01-02"},
      {"The decree of February 29 stands.", "2024-03-10", "2024-02-29"},
      {"The pact was signed on 5 March last year.", "2022-03-31", "2021-03-05"},
      {"The 24th of February changed everything.", "2022-03-31", "2022-02-24"},
      // Relative days.
      {"The envoy arrived yesterday.", "2022-03-31", "2022-03-30"},
      {"The envoy arrived yesterday.", "2022-01-01", "2021-12-31"},
      {"Lavrov to meet S Jaishankar today.", "2022-03-31", "2022-03-31"},
      {"The ministers meet tomorrow.", "2022-03-31", "2022-04-01"},
      {"The envoy visited Kyiv last week.", "2022-03-31", "2022-03-24"},
      {"The envoy visited Kyiv last week.", "2024-03-05", "2024-02-27"},
      {"The envoy returns next week.", "2022-03-31", "2022-04-07"},
      {"Lavrov met Wang three days ago.", "2022-03-31", "2022-03-28"},
      {"Lavrov met Wang 2 weeks ago.", "2022-03-31", "2022-03-17"},
      // Months and years.
      {"Sanctions were tightened last month.", "2022-03-31", "2022-02"},
      {"Sanctions were tightened last month.", "2022-01-15", "2021-12"},
      {"Lavrov will hold talks with Jaishankar next month.", "2022-10-28", "2022-11"},
      {"Prices rose this month.", "2022-10-28", "2022-10"},
      {"Trade grew last year.", "2022-03-31", "2021"},
      {"Elections are due next year.", "2022-03-31", "2023"},
      {"Lavrov met Wang a year ago.", "2022-03-31", "2021"},
      {"The deal was signed in December last year.", "2022-03-31", "2021-12"},
      {"The summit took place in April.", "2022-03-31", "2021-04"},
      {"The summit took place in March.", "2022-03-31", "2022-03"},
      {"The summit will take place in April.", "2022-03-31", "2022-04"},
      {"The summit will take place in February.", "2022-03-31", "2023-02"},
      {"The talks resumed in mid-September.", "2022-10-28", "2022-09"},
      {"The talks resumed mid-September.", "2022-10-28", "2022-09"},
      {"The talks resumed in early September.", "2022-10-28", "2022-09"},
      {"Lavrov visited Delhi last December.", "2022-03-31", "2021-12"},
      {"Relations soured in 2019.", "2022-03-31", "2019"},
      {"Relations soured in early 2019.", "2022-03-31", "2019"},
      {"Relations soured in mid-2019.", "2022-03-31", "2019"},
      {"The treaty was signed in April 2019.", "2022-03-31", "2019-04"},
      {"They noted progress since their last meeting in December.", "2024-07-03", "2023-12"},
      // Full dates need no article date.
      {"The treaty was signed on 31 March 2021.", "2022-03-31", "2021-03-31"},
      {"The treaty was signed on March 5, 2014.", "", "2014-03-05"},
      {"The treaty was signed on 2014-03-05 in Moscow.", "", "2014-03-05"},
      {"The decree of Mar. 5, 2014 was annulled.", "", "2014-03-05"},
      {"The report dated 3-7-2024 was leaked.", "", "2024-07-03"},
      {"Relations soured in 2019.", "", "2019"},
      // "since" starts a period; the next expression counts.
      {"The countries have been allies since 1990.", "2022-03-31", "<none>"},
      {"Allies since 1990, they met again on Monday.", "2022-03-31", "2022-03-28"},
      {"Troops have stayed since March 2014.", "2022-03-31", "<none>"},
      {"Troops have stayed since mid-2014.", "2022-03-31", "<none>"},
      // Periods and ordinary words are not dates.
      {"Europe bought more gas over the last month.", "2022-03-31", "<none>"},
      {"In the last year trade doubled.", "2022-03-31", "<none>"},
      {"The army may march on the capital.", "2022-03-31", "<none>"},
      {"He met April Ryan and 2019 delegates.", "2022-03-31", "<none>"},
      {"Nothing here says when.", "2022-03-31", "<none>"},
      // The first expression decides; without an article date relative ones fail.
      {"Lavrov arrived on Thursday, ahead of talks on 1 April.", "", "<none>"},
      {"The offensive began on February 24.", "", "<none>"},
      {"The envoy arrived yesterday.", "", "<none>"},
      {"The envoy arrived yesterday.", "not a date", "<none>"},
      // The article date may itself be a date-time or less precise.
      {"The envoy arrived yesterday.", "2022-03-31T10:00:00Z", "2022-03-30"},
      {"Sanctions were tightened last month.", "2022-03", "2022-02"},
      {"Lavrov arrived on Thursday.", "2022-03", "<none>"},
      {"Trade grew last year.", "2022", "2021"},
  };
  for (const SentenceCase& c : cases) {
    EXPECT_EQ(Show(ResolveSentenceDate(c.sentence, c.article_date)), c.expected)
        << "sentence: " << c.sentence << "\narticle date: " << c.article_date;
  }
}

TEST(DateResolver, HandlesTypographicPunctuation) {
  // Raw article text may still carry curly apostrophes, NBSP and em dashes.
  EXPECT_EQ(Show(ResolveSentenceDate("Russia\xE2\x80\x99s envoy arrived on\xC2\xA0Thursday.",
                                     "2022-03-31")),
            "2022-03-31");
  EXPECT_EQ(Show(ResolveSentenceDate("Lavrov arrived on Thursday \xE2\x80\x94 talks will follow.",
                                     "2022-10-28")),
            "2022-10-27");
}

// ResolveSentenceDate skips sentences and words that cannot start a date expression. The
// unfiltered search tries every word; on sentences made of every word the resolver knows
// (in lower case, capitalised and upper case, next to numbers and punctuation) and on real
// articles the two must agree, so a word missing from the prefilter fails here.
std::string Capitalised(std::string word) {
  word[0] = static_cast<char>(word[0] - 'a' + 'A');
  return word;
}

std::string Upper(std::string word) {
  for (char& c : word) c = static_cast<char>(c - 'a' + 'A');
  return word;
}

std::vector<std::string> ResolverWords() {
  const std::vector<std::string> words = {
      // Expression starters and what follows them.
      "yesterday", "today", "tonight", "tomorrow", "last", "next", "this", "the", "week", "weeks",
      "night", "morning", "afternoon", "evening", "month", "months", "year", "years", "day", "days",
      "ago", "in", "during", "early", "mid", "late", "since", "of", "on", "by", "a", "an", "zero",
      "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
      "twelve", "thirteen", "st", "nd", "rd", "th", "t", "z",
      // Names.
      "january", "february", "march", "april", "may", "june", "july", "august", "september",
      "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
      "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
      "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat",
      "sun",
      // Tense and clause words.
      "will", "shall", "upcoming", "coming", "is", "are", "was", "be", "to", "due", "expected",
      "scheduled", "set", "plans", "going", "ll", "won", "that", "and", "said", "told", "according",
      // Others.
      "lavrov", "met", "marches", "weekend", "todays"};
  std::vector<std::string> vocabulary;
  for (const std::string& w : words) {
    vocabulary.push_back(w);
    vocabulary.push_back(Capitalised(w));
    vocabulary.push_back(Upper(w));
  }
  for (const char* other :
       {"1", "5", "12", "24", "29", "31", "123", "2019", "2022", "12345",       ",",
        ".", "-", "/",  ":",  "%",  "+",  "'",   "\"",   "(",    "\xE2\x80\x94"}) {
    vocabulary.push_back(other);
  }
  return vocabulary;
}

void ExpectPrefilterAgrees(const std::string& sentence, const std::string& article_date) {
  EXPECT_EQ(Show(ResolveSentenceDate(sentence, article_date)),
            Show(date_resolver_internal::ResolveSentenceDateUnfiltered(sentence, article_date)))
      << "sentence: " << sentence << "\narticle date: " << article_date;
}

TEST(DateResolver, PrefilterAgreesOnEveryPairOfWords) {
  // A full article date, so that every expression found resolves to a date.
  const std::vector<std::string> vocabulary = ResolverWords();
  for (const std::string& first : vocabulary) {
    for (const std::string& second : vocabulary) {
      ExpectPrefilterAgrees(first + " " + second, "2022-03-31");
      ExpectPrefilterAgrees(first + second, "2022-03-31");
      if (HasFailure()) return;
    }
  }
}

TEST(DateResolver, PrefilterAgreesOnEveryWordBeforeTwoOthers) {
  // Expressions of three words or more ("two weeks ago", "last Thursday night", "in
  // mid-2019", "March 5, 2022"): every word, then two of those that can come after it.
  const std::vector<std::string> vocabulary = ResolverWords();
  const std::vector<std::string> after = {
      "day",   "days",    "weeks",    "Month", "years", "ago", "Ago",  "week",  "year",
      "night", "Morning", "Thursday", "March", "Mar",   "May", "of",   "early", "mid",
      "-",     ",",       ".",        "/",     "5",     "31",  "2019", "2022",  "th"};
  for (const std::string& first : vocabulary) {
    for (const std::string& second : after) {
      for (const std::string& third : after) {
        ExpectPrefilterAgrees(first + " " + second + " " + third, "2022-03-31");
        ExpectPrefilterAgrees(first + " " + second + third, "2022-03-31");
        if (HasFailure()) return;
      }
    }
  }
}

TEST(DateResolver, PrefilterAgreesOnGeneratedSentences) {
  const std::vector<std::string> vocabulary = ResolverWords();
  std::mt19937 random(7);
  std::uniform_int_distribution<std::size_t> pick(0, vocabulary.size() - 1);
  std::uniform_int_distribution<int> length(3, 8);
  std::bernoulli_distribution glued(0.2);
  for (int n = 0; n < 100000; ++n) {
    std::string sentence;
    for (int i = length(random); i > 0; --i) {
      if (!sentence.empty() && !glued(random)) sentence += ' ';
      sentence += vocabulary[pick(random)];
    }
    ExpectPrefilterAgrees(sentence, "2022-03-31");
    if (HasFailure()) return;
  }
}

TEST(DateResolver, PrefilterAgreesOnRealArticles) {
  const std::filesystem::path folder =
      std::filesystem::path(ACTORGRAPH_SOURCE_DIR) / "tests/data/dev/articles";
  int sentences = 0;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    const std::string article = text.str();
    for (const SentenceSpan& span : SplitSentences(article)) {
      const std::string sentence = article.substr(span.begin, span.end - span.begin);
      for (const char* date : {"2022-03-31", "2024-02-29", "2022-03", ""}) {
        ExpectPrefilterAgrees(sentence, date);
      }
      ++sentences;
    }
  }
  EXPECT_GT(sentences, 100);
}

}  // namespace
}  // namespace actorgraph
