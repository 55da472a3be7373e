#include "graph/graph_report.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "extract/error.h"
#include "extraction_builder.h"

namespace actorgraph {
namespace {

using testing::BuildGraph;
using testing::Country;
using testing::Doc;
using testing::Org;
using testing::Person;
using testing::Said;

const ActorRef kLavrov = Person("Sergey Lavrov", "RUS", "Sergei Lavrov");
const ActorRef kJaishankar = Person("Subrahmanyam Jaishankar", "IND", "S. Jaishankar");

std::vector<DocumentExtraction> DiplomacyDocs() {
  return {
      Doc("tass-0331", "2022-03-31")
          .Relate(kLavrov, "met", kJaishankar,
                  Said().Sentence(2).Text("Sergei Lavrov met S. Jaishankar\n  in New Delhi.")),
      Doc("hindu-0401", "2022-04-01")
          .Relate(kJaishankar, "met", kLavrov,
                  Said().Sentence(5).Text("Jaishankar met Lavrov again on Friday."))
          .Relate(Country("India", "IND"), "condemned", Country("Russia", "RUS"),
                  Said().Sentence(7).Negated().Text("India did not condemn Russia.")),
      Doc("un-0402", "2022-04-02")
          .Relate(Org("United Nations"), "urged", Country("Russia", "RUS"),
                  Said().Sentence(1).Text("The UN urged Russia to withdraw.")),
  };
}

std::string Stats(const ActorGraph& graph, std::size_t top = 10) {
  std::ostringstream out;
  WriteStats(graph, out, top);
  return out.str();
}

std::string Explain(const ActorGraph& graph, const std::string& actor,
                    const std::string& other = "") {
  std::ostringstream out;
  WriteExplain(graph, actor, other, out);
  return out.str();
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The lines after the one equal to `title`, up to the next empty line.
std::vector<std::string> Section(const std::string& text, const std::string& title) {
  std::vector<std::string> lines = Lines(text);
  std::vector<std::string> section;
  auto line = std::find(lines.begin(), lines.end(), title);
  if (line == lines.end()) return section;
  for (++line; line != lines.end() && !line->empty(); ++line) section.push_back(*line);
  return section;
}

TEST(GraphReport, StatsSummarisesTheGraph) {
  std::string stats = Stats(BuildGraph(DiplomacyDocs()));
  EXPECT_EQ(Section("\n" + stats, ""), (std::vector<std::string>{
                                           "articles    3",
                                           "actors      5  (2 people, 2 countries, 1 organisation)",
                                           "relations   3  edges from 4 mentions, 1 negated",
                                           "components  2",
                                       }));
  EXPECT_EQ(Section(stats, "relations by type"), (std::vector<std::string>{
                                                     "  relation   edges  mentions  negated",
                                                     "  met            1         2        0",
                                                     "  condemned      1         1        1",
                                                     "  urged          1         1        0",
                                                 }));
  EXPECT_EQ(Section(stats, "components, largest 2 of 2"),
            (std::vector<std::string>{
                "  id  actors  best connected",
                "   0       3  Russia, India, United Nations",
                "   1       2  Sergey Lavrov, Subrahmanyam Jaishankar",
            }));
}

TEST(GraphReport, StatsRanksTheTopActors) {
  std::string stats = Stats(BuildGraph(DiplomacyDocs()), 2);
  EXPECT_EQ(Section(stats, "top 2 actors by degree"), (std::vector<std::string>{
                                                          "  rank  actor   degree  weighted",
                                                          "     1  Russia       2         2",
                                                          "     2  India        1         1",
                                                      }));
  // Russia is between India and the UN: 1 of the 6 pairs of other actors.
  EXPECT_EQ(Section(stats, "top 2 actors by betweenness"), (std::vector<std::string>{
                                                               "  rank  actor   betweenness",
                                                               "     1  Russia       0.1667",
                                                               "     2  India        0.0000",
                                                           }));
  std::vector<std::string> pagerank = Section(stats, "top 2 actors by PageRank");
  ASSERT_EQ(pagerank.size(), 3u);
  EXPECT_NE(pagerank[1].find("1  Sergey Lavrov"), std::string::npos);
  EXPECT_NE(pagerank[2].find("2  Subrahmanyam Jaishankar"), std::string::npos);
  EXPECT_EQ(pagerank[1].size(), pagerank[2].size());  // numbers right-aligned
  EXPECT_EQ(Section(stats, "components, largest 2 of 2").size(), 3u);
  EXPECT_EQ(Section(Stats(BuildGraph(DiplomacyDocs()), 1), "components, largest 1 of 2").size(),
            2u);
}

TEST(GraphReport, StatsOfAnEmptyGraph) {
  EXPECT_EQ(Stats(GraphBuilder().Build()),
            "articles    0\n"
            "actors      0\n"
            "relations   0  edges from 0 mentions, 0 negated\n"
            "components  0\n");
}

TEST(GraphReport, ExplainListsEveryEdgeOfAnActorWithItsEvidence) {
  std::string text = Explain(BuildGraph(DiplomacyDocs()), "Russia");
  EXPECT_EQ(text,
            "Russia (country, RUS): 2 mentions in 2 articles\n"
            "\n"
            "2 relations of Russia\n"
            "\n"
            "India  condemned  Russia  [negated]\n"
            "  weight 1 (1 asserted, 0 planned) in 1 article; conflict\n"
            "  dates 2022-04-01\n"
            "  evidence\n"
            "    hindu-0401:7  2022-04-01  India did not condemn Russia.\n"
            "\n"
            "United Nations  urged  Russia\n"
            "  weight 1 (1 asserted, 0 planned) in 1 article; conflict\n"
            "  dates 2022-04-02\n"
            "  evidence\n"
            "    un-0402:1  2022-04-02  The UN urged Russia to withdraw.\n");
}

TEST(GraphReport, ExplainBetweenTwoActorsAlignsEvidence) {
  // "Lavrov" is part of a seen name only; the sentence's line break becomes a space.
  std::string text = Explain(BuildGraph(DiplomacyDocs()), "Lavrov", "s. jaishankar");
  EXPECT_EQ(text,
            "Sergey Lavrov (person, RUS): 2 mentions in 2 articles; also named Sergei Lavrov\n"
            "Subrahmanyam Jaishankar (person, IND): 2 mentions in 2 articles; also named "
            "S. Jaishankar\n"
            "\n"
            "1 relation between Sergey Lavrov and Subrahmanyam Jaishankar\n"
            "\n"
            "Sergey Lavrov  met  Subrahmanyam Jaishankar  [symmetric]\n"
            "  weight 2 (2 asserted, 0 planned) in 2 articles; cooperation\n"
            "  dates 2022-03-31, 2022-04-01\n"
            "  evidence\n"
            "    tass-0331:2   2022-03-31  Sergei Lavrov met S. Jaishankar in New Delhi.\n"
            "    hindu-0401:5  2022-04-01  Jaishankar met Lavrov again on Friday.\n");
}

TEST(GraphReport, ExplainBetweenTwoActorsShowsBothDirections) {
  ActorGraph graph = BuildGraph({
      Doc("a1", "2022-01-01").Relate(Org("EU"), "urged", Org("NATO")),
      Doc("a2", "2022-01-02").Relate(Org("NATO"), "urged", Org("EU")),
      Doc("a3", "2022-01-03").Relate(Org("NATO"), "urged", Org("UN")),
  });
  std::string text = Explain(graph, "nato", "eu");
  EXPECT_NE(text.find("2 relations between NATO and EU\n"), std::string::npos);
  EXPECT_NE(text.find("\nEU  urged  NATO\n"), std::string::npos);
  EXPECT_NE(text.find("\nNATO  urged  EU\n"), std::string::npos);
  EXPECT_EQ(text.find("UN\n"), std::string::npos);
  EXPECT_NE(Explain(graph, "UN", "EU").find("no relations between UN and EU\n"), std::string::npos);
}

TEST(GraphReport, ExplainSaysWhenEvidenceWasCapped) {
  GraphOptions options;
  options.max_evidence_per_edge = 1;
  ActorGraph graph = BuildGraph({Doc("a1", "2022-01-01").Relate(Org("A"), "met", Org("B")),
                                 Doc("a2").Relate(Org("A"), "met", Org("B"))},
                                options);
  std::string text = Explain(graph, "A");
  EXPECT_NE(text.find("  evidence (1 sentences kept for 2 mentions, earliest first)\n"
                      "    a1:1  2022-01-01  A met B.\n"),
            std::string::npos)
      << text;
  EXPECT_NE(Explain(BuildGraph({Doc("a2").Relate(Org("A"), "met", Org("B"))}), "A")
                .find("  dates unknown\n  evidence\n    a2:1  undated  A met B.\n"),
            std::string::npos);
}

TEST(GraphReport, ExplainUnknownActorThrows) {
  ActorGraph graph = BuildGraph(DiplomacyDocs());
  try {
    Explain(graph, "Lavrov", "Blinken");
    FAIL() << "no exception";
  } catch (const Error& error) {
    EXPECT_STREQ(error.what(), "no actor named 'Blinken' in the graph");
  }
  EXPECT_THROW(Explain(graph, "Lav"), Error);  // parts of names are whole words
}

TEST(GraphReport, ExplainAmbiguousNameThrows) {
  ActorGraph graph =
      BuildGraph({Doc("a1").Relate(Person("Imran Khan"), "met", Person("Sadiq Khan"))});
  try {
    Explain(graph, "khan");
    FAIL() << "no exception";
  } catch (const Error& error) {
    EXPECT_STREQ(error.what(),
                 "'khan' could be any of: Imran Khan, Sadiq Khan; give more of the name");
  }
}

}  // namespace
}  // namespace actorgraph
