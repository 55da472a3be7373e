// Which actors an article names, and under which names: tables of {article, the
// mentions of each sentence as "words=Actor/role"}. Sentences written for these tests.
#include "extract/actor_finder.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/diagnostics.h"
#include "extract/lexicon.h"
#include "extract/news_vocabulary.h"
#include "extract/prepared_text.h"
#include "extract/rule_source.h"
#include "extract/sentence_splitter.h"

namespace actorgraph {
namespace {

using Strings = std::vector<std::string>;

class ActorFinderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::vector<RuleSource> sources = LoadRuleSources("");
    lexicon_ = new Lexicon(Lexicon::Load(sources));
    vocabulary_ = new NewsVocabulary(NewsVocabulary::Load(sources));
    finder_ = new ActorFinder(*lexicon_, *vocabulary_);
  }
  static void TearDownTestSuite() {
    delete finder_;
    delete vocabulary_;
    delete lexicon_;
  }

  // Per sentence, its mentions as "words=Canonical Name/role letter".
  static std::vector<Strings> Mentions(const std::string& article, const std::string& date = "2023-06-15") {
    CollectingDiagnostics diagnostics;
    PreparedText prepared = PrepareText(article, "test", diagnostics);
    std::vector<SentenceSpan> sentences = SplitSentences(prepared.text);
    ArticleActors actors = finder_->Find(prepared.text, sentences, date);
    std::vector<Strings> shown;
    for (const std::vector<SentenceMention>& sentence : actors.sentences) {
      Strings mentions;
      for (const SentenceMention& m : sentence) {
        mentions.push_back(prepared.text.substr(m.begin, m.end - m.begin) + "=" + actors.actors[m.actor].name +
                           "/" + static_cast<char>(m.role));
      }
      shown.push_back(mentions);
    }
    return shown;
  }

  static ArticleActors Find(const std::string& article, const std::string& date = "2023-06-15") {
    CollectingDiagnostics diagnostics;
    PreparedText prepared = PrepareText(article, "test", diagnostics);
    return finder_->Find(prepared.text, SplitSentences(prepared.text), date);
  }

  static Lexicon* lexicon_;
  static NewsVocabulary* vocabulary_;
  static ActorFinder* finder_;
};
Lexicon* ActorFinderTest::lexicon_ = nullptr;
NewsVocabulary* ActorFinderTest::vocabulary_ = nullptr;
ActorFinder* ActorFinderTest::finder_ = nullptr;

struct Case {
  std::string article;
  std::vector<Strings> sentences;
};

TEST_F(ActorFinderTest, NamesTitlesAndPlaces) {
  const Case cases[] = {
      {"Chinese Foreign Minister Wang Yi arrived in Jakarta.",
       {{"Chinese Foreign Minister Wang Yi=Wang Yi/P", "Jakarta=Indonesia/L"}}},
      {"Jakarta and Beijing signed a deal.", {{"Jakarta=Indonesia/C", "Beijing=China/C"}}},
      {"The talks in Astana were held at the Kazakh Foreign Ministry.",
       {{"Astana=Kazakhstan/L", "Kazakh Foreign Ministry=Kazakhstan/C"}}},
      {"The Indian government thanked the Kremlin.",
       {{"Indian government=India/C", "Kremlin=Russia/C"}}},
      // A demonym alone is no state: "Indian food", "Russian speakers".
      {"Indian food is popular with Russian speakers.", {{}}},
      {"The WHO said people who travel should test.", {{"WHO=World Health Organization/O"}}},
      {"NATO and the African Union issued statements.",
       {{"NATO=NATO/O", "African Union=African Union/O"}}},
  };
  for (const Case& c : cases) EXPECT_EQ(Mentions(c.article), c.sentences) << c.article;
}

TEST_F(ActorFinderTest, OneActorUnderManyNames) {
  const Case cases[] = {
      {"Sergei Lavrov met Wang Yi. Sergey Lavrov then left.",
       {{"Sergei Lavrov=Sergey Lavrov/P", "Wang Yi=Wang Yi/P"}, {"Sergey Lavrov=Sergey Lavrov/P"}}},
      {"Volodymyr Zelenskyy spoke. Zelensky then left.",
       {{"Volodymyr Zelenskyy=Volodymyr Zelensky/P"}, {"Zelensky=Volodymyr Zelensky/P"}}},
      {"S. Jaishankar arrived. Subrahmanyam Jaishankar and S Jaishankar are one man.",
       {{"S. Jaishankar=Subrahmanyam Jaishankar/P"},
        {"Subrahmanyam Jaishankar=Subrahmanyam Jaishankar/P", "S Jaishankar=Subrahmanyam Jaishankar/P"}}},
  };
  for (const Case& c : cases) EXPECT_EQ(Mentions(c.article), c.sentences) << c.article;
}

TEST_F(ActorFinderTest, SurnameAloneAfterTheFullName) {
  EXPECT_EQ(Mentions("Trade Minister Aiko Tanabe-Mori flew home. Tanabe-Mori later spoke."),
            (std::vector<Strings>{{"Trade Minister Aiko Tanabe-Mori=Aiko Tanabe-Mori/P"},
                                  {"Tanabe-Mori=Aiko Tanabe-Mori/P"}}));
}

TEST_F(ActorFinderTest, TitleAloneFindsTheArticlesHolder) {
  EXPECT_EQ(Mentions("Brazilian Foreign Minister Mauro Vieira arrived in Lima. The Brazilian foreign minister "
                     "then met reporters."),
            (std::vector<Strings>{{"Brazilian Foreign Minister Mauro Vieira=Mauro Vieira/P", "Lima=Peru/L"},
                                  {"Brazilian foreign minister=Mauro Vieira/P"}}));
  // With nobody named, the lexicon's holder of the office at the article's date.
  EXPECT_EQ(Mentions("The German chancellor flew to Kyiv.", "2023-06-15"),
            (std::vector<Strings>{{"German chancellor=Olaf Scholz/P", "Kyiv=Ukraine/C"}}));
  EXPECT_EQ(Mentions("The German chancellor flew to Kyiv.", "2019-06-15"),
            (std::vector<Strings>{{"German chancellor=Angela Merkel/P", "Kyiv=Ukraine/C"}}));
}

TEST_F(ActorFinderTest, PronounsFindTheLastSubject) {
  EXPECT_EQ(Mentions("Kamala Harris arrived in Guatemala. She later met Andres Manuel Lopez Obrador."),
            (std::vector<Strings>{{"Kamala Harris=Kamala Harris/P", "Guatemala=Guatemala/L"},
                                  {"She=Kamala Harris/P", "Andres Manuel Lopez Obrador=Andrés Manuel López Obrador/P"}}));
  // A pronoun of the wrong gender passes over a person.
  EXPECT_EQ(Mentions("Jacinda Ardern met Joe Biden. He praised New Zealand.")[1],
            (Strings{"He=Joe Biden/P", "New Zealand=New Zealand/C"}));
}

TEST_F(ActorFinderTest, PeopleTheLexiconDoesNotKnow) {
  ArticleActors actors = Find(
      "Japanese Trade Minister Aiko Tanabe met Kenyan officials. Spokesperson Mao Lin said so. "
      "Dana Whitfield, the US deputy trade representative, agreed. Kemal Dervisoglu told reporters.");
  Strings names;
  for (const ActorRef& actor : actors.actors) {
    if (actor.type == ActorType::kPerson) names.push_back(actor.name + "/" + actor.country);
  }
  EXPECT_EQ(names, (Strings{"Aiko Tanabe/JPN", "Mao Lin/", "Dana Whitfield/USA", "Kemal Dervisoglu/"}));
}

TEST_F(ActorFinderTest, TwoPeopleWithOneSurnameStayTwo) {
  ArticleActors actors = Find("Defence Minister Rajnath Singh spoke. Manmohan Singh also spoke.");
  ASSERT_EQ(actors.sentences.size(), 2u);
  ASSERT_EQ(actors.sentences[0].size(), 1u);
  ASSERT_EQ(actors.sentences[1].size(), 1u);
  EXPECT_NE(actors.sentences[0][0].actor, actors.sentences[1][0].actor);
  EXPECT_EQ(actors.actors[actors.sentences[0][0].actor].name, "Rajnath Singh");
  EXPECT_EQ(actors.actors[actors.sentences[1][0].actor].name, "Manmohan Singh");
}

TEST_F(ActorFinderTest, OrganisationNamesInsideLongerNames) {
  // A country's own National Security Council is not the UN's Security Council.
  EXPECT_EQ(Mentions("The Japanese National Security Council met."), (std::vector<Strings>{{}}));
}

TEST_F(ActorFinderTest, AppositionIsNoSecondMention) {
  EXPECT_EQ(Mentions("Olaf Scholz, the German chancellor, met Joe Biden."),
            (std::vector<Strings>{{"Olaf Scholz=Olaf Scholz/P", "Joe Biden=Joe Biden/P"}}));
}

}  // namespace
}  // namespace actorgraph
