// Relations read from sentences of world news, as tables in the style of RE2's
// search_test.cc: {article date, text, every relation expected}. The sentences are
// written for these tests and are not those of the sample corpus; each family of
// relation rules and each form news gives it (active, coordinated, nominal, passive,
// with words and clauses in between) has its own rows, and so do sentences that state
// no relation at all.
#include "extract/extractor.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "extract/error.h"

namespace actorgraph {
namespace {

using Strings = std::vector<std::string>;

const Extractor& SharedExtractor() {
  static const Extractor* extractor = new Extractor();
  return *extractor;
}

DocumentExtraction ExtractText(const std::string& text, const std::string& date) {
  Document document;
  document.id = "t";
  document.origin = "test";
  document.date = date;
  document.text = text;
  CollectingDiagnostics diagnostics;
  return SharedExtractor().Extract(document, diagnostics);
}

// "Source relation Target", with " [not]" for a negated and " [planned]" for a planned
// relation; the two actors of a symmetric relation in alphabetical order.
std::string Show(const Relation& r) {
  std::string a = r.source.name, b = r.target.name;
  if (r.symmetric && b < a) std::swap(a, b);
  std::string shown = a + " " + r.type + " " + b;
  if (r.negated) shown += " [not]";
  if (r.modality == Modality::kPlanned) shown += " [planned]";
  return shown;
}

Strings Relations(const std::string& text, const std::string& date = "2021-06-16") {
  Strings shown;
  for (const Relation& r : ExtractText(text, date).relations) shown.push_back(Show(r));
  std::sort(shown.begin(), shown.end());
  shown.erase(std::unique(shown.begin(), shown.end()), shown.end());
  return shown;
}

struct Case {
  std::string text;
  Strings expected;  // sorted
};

void ExpectRelations(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    Strings expected = c.expected;
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(Relations(c.text), expected) << c.text;
  }
}

TEST(Extractor, Meetings) {
  ExpectRelations({
      {"Turkish President Recep Tayyip Erdogan met Italian Prime Minister Mario Draghi in Rome on Monday.",
       {"Mario Draghi met Recep Tayyip Erdogan"}},
      {"Chinese Foreign Minister Wang Yi will meet Secretary of State Antony Blinken in Alaska.",
       {"Antony Blinken met Wang Yi [planned]"}},
      {"Argentine President Alberto Fernandez held talks with Chilean President Sebastian Pinera.",
       {"Alberto Fernández met Sebastián Piñera"}},
      {"Emmanuel Macron met Angela Merkel and Mario Draghi at the summit.",
       {"Angela Merkel met Emmanuel Macron", "Emmanuel Macron met Mario Draghi"}},
      {"Angela Merkel and Emmanuel Macron held talks in Berlin.", {"Angela Merkel met Emmanuel Macron"}},
      {"Both Japan and South Korea met at the margins of the summit.", {"Japan met South Korea"}},
      {"Talks between Armenia and Azerbaijan resumed after a long pause.", {"Armenia met Azerbaijan"}},
      {"Erdogan arrived in Moscow for a meeting with Vladimir Putin.",
       {"Recep Tayyip Erdogan met Vladimir Putin", "Recep Tayyip Erdogan visited Russia"}},
      {"Joe Biden sat down with Vladimir Putin for four hours.", {"Joe Biden met Vladimir Putin"}},
      {"Delegations of Israel and the United Arab Emirates held talks in Abu Dhabi.",
       {"Israel met United Arab Emirates"}},
      {"Egypt's Abdel Fattah el-Sisi met Israeli Prime Minister Naftali Bennett in Sharm el-Sheikh.",
       {"Abdel Fattah el-Sisi met Naftali Bennett"}},
  });
}

TEST(Extractor, Visits) {
  ExpectRelations({
      {"Antony Blinken's visit to Kyiv was his first as secretary of state.", {"Antony Blinken visited Ukraine"}},
      {"Emmanuel Macron travelled to Rwanda last month.", {"Emmanuel Macron visited Rwanda"}},
      {"Boris Johnson arrived in Cornwall ahead of the G7 summit.", {}},
      {"Narendra Modi will visit Washington in September.", {"Narendra Modi visited United States [planned]"}},
      {"Angela Merkel paid a farewell visit to Israel.", {"Angela Merkel visited Israel"}},
      {"Xi Jinping hosted Vladimir Putin in Beijing.", {"Xi Jinping hosted Vladimir Putin"}},
      {"Vladimir Putin was hosted by Xi Jinping.", {"Xi Jinping hosted Vladimir Putin"}},
  });
}

TEST(Extractor, Calls) {
  ExpectRelations({
      {"Joe Biden called Vladimir Putin on Tuesday.", {"Joe Biden called Vladimir Putin"}},
      {"Emmanuel Macron made a phone call to Ebrahim Raisi.", {"Ebrahim Raisi called Emmanuel Macron"}},
      {"Boris Johnson spoke by phone with Joe Biden.", {"Boris Johnson called Joe Biden"}},
      {"In a telephone conversation, Angela Merkel urged Alexander Lukashenko to free the prisoners.",
       {"Alexander Lukashenko called Angela Merkel", "Angela Merkel urged Alexander Lukashenko"}},
      {"A phone call between Joe Biden and Xi Jinping lasted ninety minutes.", {"Joe Biden called Xi Jinping"}},
  });
}

TEST(Extractor, WhatWasSaidToWhom) {
  ExpectRelations({
      {"Yoshihide Suga told Moon Jae-in that the treaty had settled the claims.",
       {"Yoshihide Suga told Moon Jae-in"}},
      {"Olaf Scholz was told by Emmanuel Macron that France would not send troops.",
       {"Emmanuel Macron told Olaf Scholz"}},
      {"The European Union called on Serbia to recognise Kosovo.", {"European Union urged Serbia"}},
      {"Antonio Guterres urged Israel and Hamas to agree to a ceasefire.",
       {"António Guterres urged Hamas", "António Guterres urged Israel"}},
      {"Ukraine was urged by Germany to hold local elections in the east.", {"Germany urged Ukraine"}},
      {"Jens Stoltenberg pressed Turkey to lift its veto.", {"Jens Stoltenberg urged Turkey"}},
  });
}

TEST(Extractor, ApprovalAndDisapproval) {
  ExpectRelations({
      {"The African Union welcomed Ethiopia's decision to hold elections.", {"African Union welcomed Ethiopia"}},
      {"Ukrainian President Volodymyr Zelensky was welcomed by Polish President Andrzej Duda in Warsaw.",
       {"Andrzej Duda welcomed Volodymyr Zelensky"}},
      {"Joe Biden praised Finland for its stance.", {"Joe Biden praised Finland"}},
      {"Sweden was praised by Jens Stoltenberg.", {"Jens Stoltenberg praised Sweden"}},
      {"Beijing strongly condemned Japan over the visit.", {"China criticized Japan"}},
      {"China expressed strong displeasure over the remarks of the Philippines.", {"China criticized Philippines"}},
      {"Azerbaijan blamed Armenia for the shelling of Ganja.", {"Azerbaijan blamed Armenia"}},
      {"Moscow accused Washington of meddling in its elections.", {"Russia blamed United States"}},
      {"Kyiv holds Moscow responsible for the downing of the airliner.", {"Ukraine blamed Russia"}},
  });
}

TEST(Extractor, ThreatsForceAndSanctions) {
  ExpectRelations({
      {"North Korea threatened South Korea with retaliation.", {"North Korea warned South Korea"}},
      {"Seoul was warned by Pyongyang of consequences.", {"North Korea warned South Korea"}},
      {"Iraq invaded Kuwait in August 1990.", {"Iraq attacked Kuwait"}},
      {"Turkey hit Kurdish militant positions in Syria overnight.", {"Turkey attacked Syria"}},
      {"North Korea fired two short-range missiles toward Japan.", {"North Korea attacked Japan"}},
      {"Pakistan condemned the Indian strikes.", {"Pakistan criticized India"}},
      {"Israel launched a wave of air strikes against Hamas in Gaza.", {"Israel attacked Hamas"}},
      {"Israel launched air strikes against Hamas.", {"Israel attacked Hamas"}},
      {"Azerbaijan's offensive in Nagorno-Karabakh lasted 44 days.", {}},
      {"Georgia was invaded by Russia in 2008.", {"Russia attacked Georgia"}},
      {"The United States sanctioned Iran's central bank.", {"United States sanctioned Iran"}},
      {"The European Union imposed new sanctions on Belarus.", {"European Union sanctioned Belarus"}},
      {"Belarus was sanctioned by Canada.", {"Canada sanctioned Belarus"}},
      {"The sanctions imposed by the EU on Myanmar hurt its economy.", {"European Union sanctioned Myanmar"}},
  });
}

TEST(Extractor, AgreementsVotesAndSupport) {
  ExpectRelations({
      {"Israel and Morocco signed an agreement to restore ties.", {"Israel signed Morocco"}},
      {"Shinzo Abe and Narendra Modi met in Tokyo and later signed a nuclear accord.",
       {"Narendra Modi met Shinzo Abe", "Narendra Modi signed Shinzo Abe"}},
      {"Japan signed a defence pact with Australia.", {"Australia signed Japan"}},
      {"Brazil abstained from voting on the resolution in the UN Security Council.",
       {"Brazil abstained United Nations Security Council"}},
      {"Poland backed Ukraine's bid to join NATO.", {"Poland supported Ukraine"}},
      {"Moldova is strongly supported by Romania.", {"Romania supported Moldova"}},
  });
}

TEST(Extractor, WordsAndClausesInBetween) {
  ExpectRelations({
      {"Antony Blinken, who flew in from Tokyo, later met Moon Jae-in.", {"Antony Blinken met Moon Jae-in"}},
      {"Angela Merkel, the German chancellor, met Joe Biden at the White House.",
       {"Angela Merkel met Joe Biden"}},
      {"Xi Jinping, speaking at a banquet, praised Pakistan.", {"Xi Jinping praised Pakistan"}},
      {"Vladimir Putin on Tuesday met Alexander Lukashenko.", {"Alexander Lukashenko met Vladimir Putin"}},
      {"Angela Merkel, for her part, has repeatedly criticised Hungary.", {"Angela Merkel criticized Hungary"}},
      {"India, which has long relied on Russian arms, signed a deal with France.", {"France signed India"}},
      // A relative clause that names someone else keeps both relations.
      {"Lula, who met Joe Biden last year, will visit China.",
       {"Joe Biden met Luiz Inácio Lula da Silva", "Luiz Inácio Lula da Silva visited China [planned]"}},
      // Fronted participles and circumstances name the subject after the comma.
      {"After meeting Xi Jinping, Joe Biden said the talks were candid.", {"Joe Biden met Xi Jinping"}},
      {"During his visit to Japan, Narendra Modi met Fumio Kishida.",
       {"Fumio Kishida met Narendra Modi", "Narendra Modi visited Japan"}},
      {"Delegations from Turkey and Syria held talks in Moscow on Monday.", {"Syria met Turkey"}},
  });
}

TEST(Extractor, ItInReportedSpeechIsTheBodyThatSpoke) {
  ExpectRelations({
      {"Germany said it would support France in the dispute.", {"Germany supported France [planned]"}},
      {"The European Union announced that it will sanction Belarus.",
       {"European Union sanctioned Belarus [planned]"}},
      // Elsewhere "it" is not resolved: here it is the resolution, not Russia.
      {"Russia drafted a resolution but it criticized Ukraine.", {}},
  });
}

TEST(Extractor, Negation) {
  ExpectRelations({
      {"Germany did not sign the agreement with France.", {"France signed Germany [not]"}},
      {"Hungary refrained from criticising China.", {"Hungary criticized China [not]"}},
      {"Pakistan declined to condemn Russia.", {"Pakistan criticized Russia [not]"}},
      {"Justin Trudeau refused to meet Jair Bolsonaro.", {"Jair Bolsonaro met Justin Trudeau [not]"}},
      {"Emmanuel Macron said there would be no talks with Nicolas Maduro.",
       {"Emmanuel Macron met Nicolás Maduro [not] [planned]"}},
      {"Mario Draghi has not yet met Volodymyr Zelensky.", {"Mario Draghi met Volodymyr Zelensky [not]"}},
      {"Emmanuel Macron never visited Algeria as president.", {"Emmanuel Macron visited Algeria [not]"}},
      // "not only ... but also" affirms.
      {"Japan not only criticised China but also summoned its ambassador.", {"Japan criticized China"}},
  });
}

TEST(Extractor, Modality) {
  ExpectRelations({
      {"Emmanuel Macron is to visit Algeria.", {"Emmanuel Macron visited Algeria [planned]"}},
      {"Recep Tayyip Erdogan is expected to meet Vladimir Putin in Sochi.",
       {"Recep Tayyip Erdogan met Vladimir Putin [planned]"}},
      {"Antony Blinken is scheduled to travel to Israel.", {"Antony Blinken visited Israel [planned]"}},
      {"Vladimir Putin is likely to visit North Korea.", {"Vladimir Putin visited North Korea [planned]"}},
      {"Joe Biden will call Xi Jinping.", {"Joe Biden called Xi Jinping [planned]"}},
      {"Joe Biden called Xi Jinping.", {"Joe Biden called Xi Jinping"}},
      // A plan inside a clause set off by commas is not the main verb's.
      {"Emmanuel Macron, who will visit China, met Olaf Scholz.",
       {"Emmanuel Macron met Olaf Scholz", "Emmanuel Macron visited China [planned]"}},
  });
}

TEST(Extractor, SentencesWithoutARelation) {
  ExpectRelations({
      {"The two leaders met in Tokyo.", {}},
      {"Japan and South Korea are neighbours.", {}},
      {"Hungary blocked the statement on Israel.", {}},
      {"The talks in Astana ended without a deal.", {}},
      {"Both France and Germany have large car industries.", {}},
      {"Oil prices rose in London and New York.", {}},
      {"Turkey's economy grew while Egypt's shrank.", {}},
      {"Pressure on Brazil to impose sanctions on Venezuela has grown.", {}},
  });
}

TEST(Extractor, PlacesAreNotActors) {
  ExpectRelations({
      {"Turkey and Russia held talks in Astana.", {"Russia met Turkey"}},
      {"Antony Blinken met Sergey Lavrov in Stockholm.", {"Antony Blinken met Sergey Lavrov"}},
      {"Talks in Vienna between Iran and the United States stalled.", {"Iran met United States"}},
      {"The foreign ministers met in Beijing and then in Moscow.", {}},
      {"Joe Biden met Vladimir Putin in Geneva.", {"Joe Biden met Vladimir Putin"}},
      {"Naftali Bennett met Vladimir Putin in Moscow.", {"Naftali Bennett met Vladimir Putin"}},
  });
}

TEST(Extractor, OneActorUnderManyNames) {
  ExpectRelations({
      {"Sergei Lavrov met Wang Yi. Sergey Lavrov later called Antony Blinken.",
       {"Antony Blinken called Sergey Lavrov", "Sergey Lavrov met Wang Yi"}},
      {"Volodymyr Zelenskyy met Joe Biden. Later, Zelensky thanked Biden.",
       {"Joe Biden met Volodymyr Zelensky", "Volodymyr Zelensky praised Joe Biden"}},
      {"Subrahmanyam Jaishankar met Marise Payne in Canberra. S. Jaishankar also met Scott Morrison.",
       {"Marise Payne met Subrahmanyam Jaishankar", "Scott Morrison met Subrahmanyam Jaishankar"}},
      // A surname alone, after the full name.
      {"Ukrainian Foreign Minister Dmytro Kuleba arrived in Berlin. Kuleba then met Heiko Maas.",
       {"Dmytro Kuleba met Heiko Maas", "Dmytro Kuleba visited Germany"}},
      // A title alone, when the article names one holder of it.
      {"Turkish Foreign Minister Mevlut Cavusoglu arrived in Athens. The Turkish foreign minister met "
       "Nikos Dendias.",
       {"Mevlut Cavusoglu met Nikos Dendias", "Mevlut Cavusoglu visited Greece"}},
      // "he" and "she": the last person in subject position.
      {"Kamala Harris arrived in Guatemala. She urged Mexico to stop the smugglers.",
       {"Kamala Harris urged Mexico", "Kamala Harris visited Guatemala"}},
      {"Vladimir Putin met Recep Tayyip Erdogan. He later warned Ukraine.",
       {"Recep Tayyip Erdogan met Vladimir Putin", "Vladimir Putin warned Ukraine"}},
      // A capital, a government or a metonym stands for its country.
      {"Washington sanctioned Moscow.", {"United States sanctioned Russia"}},
      {"The German government criticised Hungary. Berlin also praised Poland.",
       {"Germany criticized Hungary", "Germany praised Poland"}},
      {"The White House blamed the Kremlin for the hacks.", {"United States blamed Russia"}},
      // Two people who share a surname stay two actors.
      {"Defence Minister Rajnath Singh met Lloyd Austin. Former prime minister Manmohan Singh criticised China.",
       {"Lloyd Austin met Rajnath Singh", "Manmohan Singh criticized China"}},
  });
}

TEST(Extractor, PeopleTheLexiconDoesNotKnow) {
  ExpectRelations({
      // After a title.
      {"Nigerian Foreign Minister Ayodele Okonkwo met Joe Biden.", {"Ayodele Okonkwo met Joe Biden"}},
      {"Spokesperson Zhao Lijian criticised Australia.", {"Zhao Lijian criticized Australia"}},
      // In apposition.
      {"Dana Whitfield, the US deputy trade representative, warned Mexico of tariffs.",
       {"Dana Whitfield warned Mexico"}},
      // As the subject of a reporting verb.
      {"Kemal Dervisoglu told Greece that the talks would resume.", {"Kemal Dervisoglu told Greece"}},
  });
}

TEST(Extractor, DatesResolvedAgainstTheArticle) {
  struct DateCase {
    std::string article_date;
    std::string text;
    std::string date;
  };
  const DateCase cases[] = {
      {"2021-03-02", "Armenia accused Azerbaijan of shelling on February 24.", "2021-02-24"},
      {"2015-04-02", "Saudi Arabia struck Yemen on 26 March.", "2015-03-26"},
      {"2015-01-02", "Saudi Arabia struck Yemen on December 28.", "2014-12-28"},
      {"2021-06-16", "Joe Biden met Vladimir Putin on Wednesday.", "2021-06-16"},
      {"2021-06-18", "Joe Biden met Vladimir Putin on Wednesday.", "2021-06-16"},
      {"2021-06-16", "Joe Biden met Boris Johnson last week.", "2021-06-09"},
      {"2021-06-16", "Joe Biden called Vladimir Putin in December last year.", "2020-12"},
      {"2021-06-16", "Joe Biden will visit Japan next month.", "2021-07"},
      {"2021-06-16", "Joe Biden met Boris Johnson.", "2021-06-16"},
      {"", "Joe Biden met Boris Johnson.", ""},
      {"", "Iraq invaded Kuwait in August 1990.", "1990-08"},
  };
  for (const DateCase& c : cases) {
    DocumentExtraction result = ExtractText(c.text, c.article_date);
    ASSERT_EQ(result.relations.size(), 1u) << c.text;
    EXPECT_EQ(result.relations[0].date, c.date) << c.text << " (article of " << c.article_date << ")";
  }
}

TEST(Extractor, EvidenceIsOneLine) {
  // A break after a space adds none; one before a space still becomes one.
  DocumentExtraction result =
      ExtractText("Boris Johnson met Joe Biden and \r\n\tJoe Biden \n welcomed\tBoris Johnson.", "2021-06-10");
  ASSERT_FALSE(result.relations.empty());
  EXPECT_EQ(result.relations[0].evidence.sentence_text,
            "Boris Johnson met Joe Biden and Joe Biden  welcomed Boris Johnson.");
}

TEST(Extractor, EvidencePointsIntoTheOriginalBytes) {
  const std::string text =
      "<p>Boris Johnson &ldquo;warmly&rdquo; welcomed Joe Biden.</p>\n"
      "<p>Biden\xE2\x80\x99s visit to London&nbsp;\xE2\x80\x94 his first abroad \xE2\x80\x94 began on "
      "Wednesday.</p>";
  DocumentExtraction result = ExtractText(text, "2021-06-10");
  ASSERT_EQ(result.relations.size(), 2u);
  const Relation& welcomed = result.relations[0];
  EXPECT_EQ(Show(welcomed), "Boris Johnson welcomed Joe Biden");
  EXPECT_EQ(welcomed.evidence.doc, "t");
  EXPECT_EQ(welcomed.evidence.sentence, 1);
  EXPECT_EQ(text.substr(welcomed.evidence.begin, welcomed.evidence.end - welcomed.evidence.begin),
            "Boris Johnson &ldquo;warmly&rdquo; welcomed Joe Biden.");
  EXPECT_EQ(welcomed.evidence.sentence_text, "Boris Johnson \"warmly\" welcomed Joe Biden.");
  EXPECT_EQ(welcomed.source.surface, "Boris Johnson");

  const Relation& visited = result.relations[1];
  EXPECT_EQ(Show(visited), "Joe Biden visited United Kingdom");
  EXPECT_EQ(visited.evidence.sentence, 2);
  EXPECT_EQ(visited.date, "2021-06-09");
  EXPECT_EQ(text.substr(visited.evidence.begin, visited.evidence.end - visited.evidence.begin),
            "Biden\xE2\x80\x99s visit to London&nbsp;\xE2\x80\x94 his first abroad \xE2\x80\x94 began on "
            "Wednesday.");

  // Mentions, too, map back to the original bytes.
  for (const ActorMention& m : result.mentions) {
    std::string original = text.substr(m.begin, m.end - m.begin);
    EXPECT_EQ(original.find('&'), std::string::npos) << original;
    EXPECT_EQ(original.find('<'), std::string::npos) << original;
  }
}

TEST(Extractor, RelationsCarryTheirRuleAndType) {
  DocumentExtraction result = ExtractText("Poland criticised Hungary.", "2021-06-16");
  ASSERT_EQ(result.relations.size(), 1u);
  const Relation& r = result.relations[0];
  EXPECT_EQ(r.family, "conflict");
  EXPECT_FALSE(r.symmetric);
  EXPECT_EQ(r.rule.rfind("relations/evaluation.rules:", 0), 0u) << r.rule;
  EXPECT_EQ(r.source.country, "POL");
  EXPECT_EQ(r.target.type, ActorType::kCountry);
}

// With more than one thread, the relation rules compile while the lexicon loads: the
// relations found are the same, and a folder of bad rule files reports the same error,
// the first in the order of the loads (actors, then relation rules).
TEST(Extractor, LoadingOnSeveralThreadsChangesNothing) {
  ExtractorOptions options;
  options.threads = 4;
  const Extractor extractor(options);
  for (const char* text : {"Lavrov met Jaishankar in Moscow on Tuesday.", "Poland criticised Hungary.",
                           "India and Russia signed a defence agreement.", "Biden warned China against an attack."}) {
    Document document;
    document.id = "t";
    document.origin = "test";
    document.date = "2021-06-16";
    document.text = text;
    CollectingDiagnostics diagnostics;
    Strings one, four;
    for (const Relation& r : SharedExtractor().Extract(document, diagnostics).relations) one.push_back(Show(r));
    for (const Relation& r : extractor.Extract(document, diagnostics).relations) four.push_back(Show(r));
    EXPECT_EQ(four, one) << text;
  }
}

TEST(Extractor, ErrorsOfARuleFolderComeInTheOrderOfTheLoads) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("actorgraph_extractor_test_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "bad.actors") << "actor Nobody\n  type spaceship\n";
  std::ofstream(dir / "bad.rules") << "relation greeted\n  pattern {X} (greeted {Y}\n";
  auto error = [&](int threads) {
    ExtractorOptions options;
    options.rules_dir = dir.string();
    options.threads = threads;
    try {
      Extractor extractor(options);
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string("<no error>");
  };
  for (int threads : {1, 4}) {
    EXPECT_NE(error(threads).find("bad.actors:2: "), std::string::npos) << error(threads);
  }
  std::filesystem::remove(dir / "bad.actors");
  for (int threads : {1, 4}) {
    EXPECT_NE(error(threads).find("bad.rules:2: bad pattern"), std::string::npos) << error(threads);
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace actorgraph
