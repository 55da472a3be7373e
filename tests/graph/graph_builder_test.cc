#include "graph/graph_builder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <stdexcept>
#include <span>
#include <string>
#include <vector>

#include "extract/error.h"
#include "extraction_builder.h"

namespace actorgraph {
namespace {

using testing::BuildGraph;
using testing::Country;
using testing::Doc;
using testing::NodeNamed;
using testing::Org;
using testing::Person;
using testing::Said;

std::vector<std::string> NodeNames(const ActorGraph& graph) {
  std::vector<std::string> names;
  for (const ActorNode& node : graph.nodes()) names.push_back(node.name);
  return names;
}

// The dates behind a node's or edge's ids.
std::vector<std::string> Dates(const ActorGraph& graph, std::span<const DateId> ids) {
  std::vector<std::string> dates;
  for (DateId id : ids) dates.push_back(graph.date(id));
  return dates;
}

// "source relation target" per edge, with " (negated)" when it is.
std::vector<std::string> EdgeLines(const ActorGraph& graph) {
  std::vector<std::string> lines;
  for (const RelationEdge& edge : graph.edges())
    lines.push_back(graph.nodes()[edge.source].name + " " + std::string(edge.relation) + " " +
                    graph.nodes()[edge.target].name + (edge.negated ? " (negated)" : ""));
  return lines;
}

const ActorRef kLavrov = Person("Sergey Lavrov", "RUS", "Sergei Lavrov");
const ActorRef kJaishankar = Person("Subrahmanyam Jaishankar", "IND", "S. Jaishankar");

TEST(GraphBuilder, MergesAnActorSeenUnderSeveralNames) {
  ActorGraph graph = BuildGraph({
      Doc("a1", "2022-03-31")
          .Relate(Person("Sergey Lavrov", "RUS", "Russian Foreign Minister Sergei Lavrov"), "met",
                  kJaishankar)
          .Mention(Person("Sergey Lavrov", "RUS", "Lavrov"), 2),
      Doc("a2", "2022-04-01").Relate(kLavrov, "met", kJaishankar),
      Doc("a3", "2022-04-02").Mention(Person("Sergey Lavrov", "RUS", "Lavrov")),
  });
  ASSERT_EQ(NodeNames(graph),
            (std::vector<std::string>{"Sergey Lavrov", "Subrahmanyam Jaishankar"}));
  const ActorNode& lavrov = NodeNamed(graph, "Sergey Lavrov");
  EXPECT_EQ(lavrov.names,
            (std::vector<std::string>{"Lavrov", "Russian Foreign Minister Sergei Lavrov",
                                      "Sergei Lavrov"}));
  EXPECT_EQ(lavrov.type, ActorType::kPerson);
  EXPECT_EQ(lavrov.country, "RUS");
  EXPECT_EQ(lavrov.mentions, 4);  // two with relations, two alone
  EXPECT_EQ(lavrov.articles, 3);
  EXPECT_EQ(Dates(graph, lavrov.dates), (std::vector<std::string>{"2022-03-31", "2022-04-01"}));
  EXPECT_EQ(NodeNamed(graph, "Subrahmanyam Jaishankar").articles, 2);
  EXPECT_EQ(graph.article_count(), 3u);
  EXPECT_EQ(graph.FindNode("lavrov"), 0);
  EXPECT_EQ(graph.FindNode("SUBRAHMANYAM JAISHANKAR"), 1);
  EXPECT_EQ(graph.FindNode("Putin"), -1);
}

TEST(GraphBuilder, ActorsWithoutRelationsAreNotNodes) {
  ActorGraph graph = BuildGraph({Doc("a1").Relate(Org("A"), "met", Org("B")).Mention(Org("C"))});
  EXPECT_EQ(NodeNames(graph), (std::vector<std::string>{"A", "B"}));
}

TEST(GraphBuilder, SymmetricRelationIsOneEdgeWhicheverSideComesFirst) {
  ActorGraph graph = BuildGraph({
      Doc("a1", "2022-03-31").Relate(kJaishankar, "met", kLavrov),
      Doc("a2", "2022-04-01").Relate(kLavrov, "met", kJaishankar),
      Doc("a2", "2022-04-01").Relate(kLavrov, "met", kJaishankar, Said().Sentence(3)),
  });
  ASSERT_EQ(EdgeLines(graph),
            (std::vector<std::string>{"Sergey Lavrov met Subrahmanyam Jaishankar"}));
  const RelationEdge& edge = graph.edges()[0];
  EXPECT_TRUE(edge.symmetric);
  EXPECT_EQ(edge.weight, 3);
  EXPECT_EQ(edge.articles, 2);
  EXPECT_EQ(edge.family, "cooperation");
  EXPECT_EQ(graph.date(edge.dates.front()), "2022-03-31");
  EXPECT_EQ(graph.date(edge.dates.back()), "2022-04-01");
  EXPECT_EQ(Dates(graph, edge.dates), (std::vector<std::string>{"2022-03-31", "2022-04-01"}));
}

TEST(GraphBuilder, DirectedRelationKeepsItsDirection) {
  ActorGraph graph = BuildGraph({
      Doc("a1").Relate(Org("NATO"), "urged", Org("EU")),
      Doc("a2").Relate(Org("EU"), "urged", Org("NATO")),
  });
  EXPECT_EQ(EdgeLines(graph), (std::vector<std::string>{"EU urged NATO", "NATO urged EU"}));
  EXPECT_FALSE(graph.edges()[0].symmetric);
}

TEST(GraphBuilder, NegatedEdgesAreKeptApart) {
  ActorGraph graph = BuildGraph({
      Doc("a1").Relate(Country("India", "IND"), "condemned", Country("Russia", "RUS")),
      Doc("a2").Relate(Country("India", "IND"), "condemned", Country("Russia", "RUS"),
                       Said().Negated()),
      Doc("a3").Relate(Country("India", "IND"), "condemned", Country("Russia", "RUS"),
                       Said().Negated()),
  });
  ASSERT_EQ(EdgeLines(graph), (std::vector<std::string>{"India condemned Russia",
                                                        "India condemned Russia (negated)"}));
  EXPECT_EQ(graph.edges()[0].weight, 1);
  EXPECT_EQ(graph.edges()[1].weight, 2);
}

TEST(GraphBuilder, CountsAssertedAndPlanned) {
  ActorGraph graph = BuildGraph({
      Doc("a1", "2022-05").Relate(Org("A"), "signed", Org("B")),
      Doc("a2", "2022-06").Relate(Org("A"), "signed", Org("B"), Said().Planned()),
      Doc("a3").Relate(Org("B"), "signed", Org("A"), Said().Planned()),
  });
  ASSERT_EQ(graph.edges().size(), 1u);
  const RelationEdge& edge = graph.edges()[0];
  EXPECT_EQ(edge.asserted, 1);
  EXPECT_EQ(edge.planned, 2);
  EXPECT_EQ(edge.weight, 3);
  EXPECT_EQ(Dates(graph, edge.dates), (std::vector<std::string>{"2022-05", "2022-06"}));  // the undated adds none
}

TEST(GraphBuilder, SelfRelationsAreDropped) {
  ActorGraph graph = BuildGraph({Doc("a1").Relate(Org("A"), "urged", Org("A"))});
  EXPECT_TRUE(graph.edges().empty());
  EXPECT_TRUE(graph.nodes().empty());
}

std::vector<DocumentExtraction> FiveSightings() {
  // One edge read five times; the earliest are 03-01 (doc b, two sentences) and 03-02.
  return {
      Doc("c", "2022-03-03").Relate(Org("A"), "met", Org("B"), Said().Sentence(1).Text("third")),
      Doc("b", "2022-03-01").Relate(Org("A"), "met", Org("B"), Said().Sentence(7).Text("b7")),
      Doc("u").Relate(Org("A"), "met", Org("B"), Said().Sentence(1).Text("undated")),
      Doc("b", "2022-03-01").Relate(Org("B"), "met", Org("A"), Said().Sentence(2).Text("b2")),
      Doc("a", "2022-03-02").Relate(Org("A"), "met", Org("B"), Said().Sentence(1).Text("second")),
  };
}

std::vector<std::string> EvidenceTexts(const ActorGraph& graph, std::size_t edge = 0) {
  std::vector<std::string> texts;
  for (const EdgeEvidence& item : graph.Evidence(edge)) texts.push_back(item.text);
  return texts;
}

TEST(GraphBuilder, EvidenceCapKeepsTheEarliest) {
  GraphOptions options;
  options.max_evidence_per_edge = 3;
  std::vector<DocumentExtraction> docs = FiveSightings();
  ActorGraph graph = BuildGraph(docs, options);
  ASSERT_EQ(graph.edges().size(), 1u);
  const RelationEdge& edge = graph.edges()[0];
  EXPECT_EQ(edge.weight, 5);
  EXPECT_EQ(edge.evidence, 3);
  EXPECT_EQ(EvidenceTexts(graph), (std::vector<std::string>{"b2", "b7", "second"}));
  const std::vector<EdgeEvidence> evidence = graph.Evidence(0);
  EXPECT_EQ(evidence[0].doc, "b");
  EXPECT_EQ(evidence[0].sentence, 2);
  EXPECT_EQ(evidence[0].date, "2022-03-01");
  EXPECT_EQ(graph.Evidence(0, 1).size(), 1u);

  std::reverse(docs.begin(), docs.end());
  EXPECT_EQ(EvidenceTexts(BuildGraph(docs, options)),
            (std::vector<std::string>{"b2", "b7", "second"}));
}

TEST(GraphBuilder, UndatedEvidenceComesLast) {
  ActorGraph graph = BuildGraph(FiveSightings());  // default cap 5 keeps all
  EXPECT_EQ(EvidenceTexts(graph),
            (std::vector<std::string>{"b2", "b7", "second", "third", "undated"}));
}

TEST(GraphBuilder, EvidenceCapOfZeroKeepsNone) {
  GraphOptions options;
  options.max_evidence_per_edge = 0;
  ActorGraph graph = BuildGraph(FiveSightings(), options);
  EXPECT_EQ(graph.edges()[0].evidence, 0);
  EXPECT_TRUE(graph.Evidence(0).empty());
  EXPECT_EQ(graph.edges()[0].weight, 5);
}

TEST(GraphBuilder, OneSentenceReadTwiceIsOneEvidence) {
  ActorGraph graph = BuildGraph({Doc("a", "2022-01-01")
                                     .Relate(Org("A"), "met", Org("B"), Said().Sentence(4))
                                     .Relate(Org("B"), "met", Org("A"), Said().Sentence(4))});
  EXPECT_EQ(graph.edges()[0].weight, 2);
  EXPECT_EQ(graph.edges()[0].evidence, 1);
}

// The views.

std::vector<DocumentExtraction> ViewCorpus() {
  return {
      Doc("a1", "2021-12-31").Relate(Org("A"), "met", Org("B")),
      Doc("a2", "2022-03-31").Relate(Org("A"), "urged", Org("C")),
      Doc("a3", "2022-04-01").Relate(Org("C"), "met", Org("D"), Said().Negated()),
      Doc("a4").Relate(Org("D"), "called", Org("E")),
      Doc("a5", "2022").Relate(Org("E"), "urged", Org("A")),
  };
}

TEST(GraphBuilder, SameSentenceKeepsTheSmallerText) {
  // Two readings of sentence 4 of doc a with different texts (a document id added twice
  // with another text): one evidence, the smaller text, whichever came first.
  for (bool smaller_first : {true, false}) {
    std::vector<DocumentExtraction> docs = {
        Doc("a", "2022-01-01").Relate(Org("A"), "met", Org("B"), Said().Sentence(4).Text("zulu")),
        Doc("a", "2022-01-01").Relate(Org("A"), "met", Org("B"), Said().Sentence(4).Text("alpha")),
    };
    if (smaller_first) std::swap(docs[0], docs[1]);
    ActorGraph graph = BuildGraph(docs);
    EXPECT_EQ(EvidenceTexts(graph), (std::vector<std::string>{"alpha"}));
  }
}

TEST(GraphBuilder, DocumentAddedTwiceCountsItsArticlesOnce) {
  // a, b, a: the edge and both actors were in two articles, not three.
  ActorGraph graph = BuildGraph({
      Doc("a", "2022-01-01").Relate(Org("A"), "urged", Org("B")),
      Doc("b", "2022-01-02").Relate(Org("A"), "urged", Org("B")),
      Doc("a", "2022-01-01").Relate(Org("A"), "urged", Org("B"), Said().Sentence(2)),
  });
  ASSERT_EQ(graph.edges().size(), 1u);
  EXPECT_EQ(graph.edges()[0].weight, 3);
  EXPECT_EQ(graph.edges()[0].articles, 2);
  EXPECT_EQ(NodeNamed(graph, "A").articles, 2);
  EXPECT_EQ(NodeNamed(graph, "A").mentions, 3);
  EXPECT_EQ(graph.article_count(), 2u);
}

TEST(GraphBuilder, CountriesViewCountsDistinctArticlesOfMergedEdges) {
  // Two Russian ministers urge India in the same article and a third article: the
  // merged edge Russia -> India was in two articles, and Russia's node counts the
  // articles of its people and its own once each.
  GraphOptions options;
  options.countries = true;
  ActorGraph graph = BuildGraph({
      Doc("a1", "2022-01-01")
          .Relate(Person("Sergey Lavrov", "RUS"), "urged", Country("India", "IND"))
          .Relate(Person("Sergei Shoigu", "RUS"), "urged", Country("India", "IND"), Said().Sentence(2))
          .Mention(Country("Russia", "RUS")),
      Doc("a2", "2022-01-02").Relate(Person("Sergei Shoigu", "RUS"), "urged", Country("India", "IND")),
      Doc("a3", "2022-01-03").Relate(Country("Russia", "RUS"), "met", Country("India", "IND")),
  }, options);
  ASSERT_EQ(EdgeLines(graph), (std::vector<std::string>{"India met Russia", "Russia urged India"}));
  EXPECT_EQ(graph.edges()[1].weight, 3);
  EXPECT_EQ(graph.edges()[1].articles, 2);
  EXPECT_EQ(graph.edges()[1].evidence, 3);
  EXPECT_EQ(NodeNamed(graph, "Russia").articles, 3);
  EXPECT_EQ(NodeNamed(graph, "Russia").mentions, 5);
}

TEST(GraphBuilder, RelationsViewKeepsTheNamedTypes) {
  GraphOptions options;
  options.relations = {"met", "Called"};
  EXPECT_EQ(EdgeLines(BuildGraph(ViewCorpus(), options)),
            (std::vector<std::string>{"A met B", "C met D (negated)", "D called E"}));
}

TEST(GraphBuilder, SinceAndUntilCompareDatePrefixes) {
  GraphOptions options;
  options.since = "2022";
  EXPECT_EQ(EdgeLines(BuildGraph(ViewCorpus(), options)),
            (std::vector<std::string>{"A urged C", "C met D (negated)", "E urged A"}));
  options.until = "2022-03";
  EXPECT_EQ(EdgeLines(BuildGraph(ViewCorpus(), options)),
            (std::vector<std::string>{"A urged C", "E urged A"}));
  options.since = "2021-12-31";
  options.until = "2021-12-31";
  EXPECT_EQ(EdgeLines(BuildGraph(ViewCorpus(), options)), (std::vector<std::string>{"A met B"}));
}

TEST(GraphBuilder, NoNegatedDropsNegatedRelations) {
  GraphOptions options;
  options.no_negated = true;
  EXPECT_EQ(EdgeLines(BuildGraph(ViewCorpus(), options)),
            (std::vector<std::string>{"A met B", "A urged C", "D called E", "E urged A"}));
}

TEST(GraphBuilder, MinWeightDropsThinEdgesAndTheirActors) {
  std::vector<DocumentExtraction> docs = ViewCorpus();
  docs.push_back(Doc("a6", "2022-05-01").Relate(Org("B"), "met", Org("A")));
  GraphOptions options;
  options.min_weight = 2;
  ActorGraph graph = BuildGraph(docs, options);
  EXPECT_EQ(EdgeLines(graph), (std::vector<std::string>{"A met B"}));
  EXPECT_EQ(NodeNames(graph), (std::vector<std::string>{"A", "B"}));
}

std::vector<DocumentExtraction> DiplomacyCorpus() {
  const ActorRef india = Country("India", "IND");
  const ActorRef russia = Country("Russia", "RUS");
  return {
      Doc("a1", "2022-03-31")
          .Relate(kLavrov, "met", kJaishankar, Said().Sentence(1))
          .Mention(india, 2)
          .Mention(russia, 2),
      Doc("a2", "2022-04-01")
          .Relate(Person("Vladimir Putin", "RUS"), "met", Person("Narendra Modi", "IND"))
          .Relate(kJaishankar, "met", india, Said().Sentence(2))
          .Relate(Person("Wang Yi", "CHN"), "called", kLavrov, Said().Sentence(3)),
      Doc("a3", "2022-04-02").Relate(india, "urged", russia),
  };
}

TEST(GraphBuilder, CountriesViewAttributesPeopleToTheirCountry) {
  GraphOptions options;
  options.countries = true;
  ActorGraph graph = BuildGraph(DiplomacyCorpus(), options);
  // Wang Yi stays: China was never named as a country. Jaishankar meeting India is a
  // self-loop once he is India, and is dropped.
  EXPECT_EQ(EdgeLines(graph), (std::vector<std::string>{"India met Russia", "India urged Russia",
                                                        "Russia called Wang Yi"}));
  const RelationEdge& met = graph.edges()[0];
  EXPECT_EQ(met.weight, 2);
  EXPECT_EQ(met.articles, 2);
  EXPECT_EQ(met.evidence, 2);
  EXPECT_EQ(graph.Evidence(0).size(), 2u);
  const ActorNode& india = NodeNamed(graph, "India");
  EXPECT_EQ(india.type, ActorType::kCountry);
  EXPECT_EQ(india.country, "IND");
  // Its own mentions (a1, a2, a3) and those of Jaishankar (a1, a2) and Modi (a2).
  EXPECT_EQ(india.mentions, 3 + 2 + 1);
  EXPECT_EQ(india.articles, 3);
  EXPECT_EQ(india.names, (std::vector<std::string>{"India"}));
}

TEST(GraphBuilder, FocusKeepsTheEgoNetwork) {
  // A path A - B - C - D - E plus a chord B - D.
  std::vector<DocumentExtraction> docs = {
      Doc("a1").Relate(Org("A"), "met", Org("B")), Doc("a2").Relate(Org("B"), "met", Org("C")),
      Doc("a3").Relate(Org("C"), "met", Org("D")), Doc("a4").Relate(Org("D"), "met", Org("E")),
      Doc("a5").Relate(Org("B"), "urged", Org("D"))};
  GraphOptions options;
  options.focus = "b";
  EXPECT_EQ(NodeNames(BuildGraph(docs, options)), (std::vector<std::string>{"A", "B", "C", "D"}));
  // Edges between neighbours (C - D) stay: the ego network is an induced subgraph.
  EXPECT_EQ(EdgeLines(BuildGraph(docs, options)),
            (std::vector<std::string>{"A met B", "B met C", "B urged D", "C met D"}));
  options.depth = 0;
  EXPECT_EQ(NodeNames(BuildGraph(docs, options)), (std::vector<std::string>{"B"}));
  options.focus = "A";
  options.depth = 2;
  EXPECT_EQ(NodeNames(BuildGraph(docs, options)), (std::vector<std::string>{"A", "B", "C", "D"}));
  options.depth = 3;
  EXPECT_EQ(NodeNames(BuildGraph(docs, options)).size(), 5u);
}

TEST(GraphBuilder, FocusMatchesAnySeenName) {
  GraphOptions options;
  options.focus = "s. jaishankar";
  options.depth = 1;
  ActorGraph graph = BuildGraph(DiplomacyCorpus(), options);
  EXPECT_EQ(NodeNames(graph),
            (std::vector<std::string>{"India", "Sergey Lavrov", "Subrahmanyam Jaishankar"}));
}

TEST(GraphBuilder, FocusMatchesPartOfANameInWholeWords) {
  GraphOptions options;
  options.focus = "jaishankar";
  EXPECT_EQ(NodeNames(BuildGraph(DiplomacyCorpus(), options)),
            (std::vector<std::string>{"India", "Sergey Lavrov", "Subrahmanyam Jaishankar"}));
  options.countries = true;  // Jaishankar is India now
  EXPECT_EQ(NodeNames(BuildGraph(DiplomacyCorpus(), options)),
            (std::vector<std::string>{"India", "Russia"}));
  options.countries = false;
  options.focus = "Vladimir";
  EXPECT_EQ(NodeNames(BuildGraph(DiplomacyCorpus(), options)),
            (std::vector<std::string>{"Narendra Modi", "Vladimir Putin"}));
}

TEST(GraphBuilder, AmbiguousFocusThrows) {
  GraphOptions options;
  options.focus = "Khan";
  GraphBuilder builder(options);
  builder.Add(Doc("a1").Relate(Person("Imran Khan"), "met", Person("Sadiq Khan")));
  EXPECT_THROW(builder.Build(), Error);
}

TEST(GraphBuilder, UnknownFocusThrows) {
  GraphOptions options;
  options.focus = "Nobody";
  GraphBuilder builder(options);
  builder.Add(Doc("a1").Relate(Org("A"), "met", Org("B")));
  try {
    builder.Build();
    FAIL() << "Build did not throw";
  } catch (const Error& error) {
    EXPECT_STREQ(error.what(), "no actor named 'Nobody' in the graph");
  }
}

TEST(GraphBuilder, ViewsCombine) {
  // --countries --focus Lavrov --no-negated --relations met: Lavrov is Russia now.
  std::vector<DocumentExtraction> docs = DiplomacyCorpus();
  docs.push_back(
      Doc("a4", "2022-05-01")
          .Relate(Country("Russia", "RUS"), "met", Country("China", "CHN"), Said().Negated()));
  GraphOptions options;
  options.countries = true;
  options.focus = "Sergei Lavrov";
  options.no_negated = true;
  options.relations = {"met"};
  options.since = "2022-04";
  ActorGraph graph = BuildGraph(docs, options);
  EXPECT_EQ(EdgeLines(graph), (std::vector<std::string>{"India met Russia"}));
  EXPECT_EQ(graph.edges()[0].weight, 1);  // only Putin and Modi met in April
}

TEST(GraphBuilder, NegativeDepthIsAnError) {
  GraphOptions options;
  options.focus = "A";
  options.depth = -1;
  GraphBuilder builder(options);
  builder.Add(Doc("a1").Relate(Org("A"), "met", Org("B")));
  EXPECT_THROW(builder.Build(), Error);
}

TEST(GraphBuilder, BuildTwiceOrAddAfterBuildIsAnError) {
  GraphBuilder builder;
  builder.Build();
  EXPECT_THROW(builder.Build(), std::logic_error);
  EXPECT_THROW(builder.Add(Doc("a1")), std::logic_error);
}

TEST(GraphBuilder, EmptyInputGivesAnEmptyGraph) {
  ActorGraph graph = GraphBuilder().Build();
  EXPECT_TRUE(graph.nodes().empty());
  EXPECT_TRUE(graph.edges().empty());
  EXPECT_EQ(graph.article_count(), 0u);
}

// Determinism: a corpus with many overlapping edges, built from every Add order we try,
// gives the same graph to the last bit.

std::vector<DocumentExtraction> RandomCorpus(unsigned seed) {
  std::mt19937 random(seed);
  const std::vector<ActorRef> actors = {kLavrov,
                                        kJaishankar,
                                        Person("Vladimir Putin", "RUS"),
                                        Person("Narendra Modi", "IND"),
                                        Person("Wang Yi", "CHN"),
                                        Country("India", "IND"),
                                        Country("Russia", "RUS"),
                                        Country("China", "CHN"),
                                        Org("United Nations"),
                                        Org("NATO")};
  const std::vector<std::string> types = {"met", "called", "signed", "urged", "condemned"};
  std::vector<DocumentExtraction> docs;
  for (int d = 0; d < 30; ++d) {
    std::string date =
        "2022-0" + std::to_string(1 + random() % 9) + "-1" + std::to_string(random() % 10);
    Doc doc("doc" + std::to_string(d), random() % 7 == 0 ? "" : date);
    for (int r = 0; r < 4; ++r) {
      const ActorRef& source = actors[random() % actors.size()];
      const ActorRef& target = actors[random() % actors.size()];
      doc.Relate(source, types[random() % types.size()], target,
                 Said()
                     .Sentence(1 + static_cast<int>(random() % 3))
                     .Negated(random() % 5 == 0)
                     .Planned(random() % 4 == 0));
    }
    docs.push_back(doc);
  }
  return docs;
}

void ExpectSameGraph(const ActorGraph& a, const ActorGraph& b) {
  ASSERT_EQ(a.nodes().size(), b.nodes().size());
  ASSERT_EQ(a.edges().size(), b.edges().size());
  for (std::size_t i = 0; i < a.nodes().size(); ++i) {
    const ActorNode& x = a.nodes()[i];
    const ActorNode& y = b.nodes()[i];
    EXPECT_EQ(x.name, y.name);
    EXPECT_EQ(x.type, y.type);
    EXPECT_EQ(x.country, y.country);
    EXPECT_EQ(x.names, y.names);
    EXPECT_EQ(x.mentions, y.mentions);
    EXPECT_EQ(x.articles, y.articles);
    EXPECT_EQ(Dates(a, x.dates), Dates(b, y.dates));
    EXPECT_EQ(x.degree, y.degree);
    EXPECT_EQ(x.weighted_degree, y.weighted_degree);  // exactly: same doubles
    EXPECT_EQ(x.betweenness, y.betweenness);
    EXPECT_EQ(x.pagerank, y.pagerank);
    EXPECT_EQ(x.component, y.component);
  }
  for (std::size_t i = 0; i < a.edges().size(); ++i) {
    const RelationEdge& x = a.edges()[i];
    const RelationEdge& y = b.edges()[i];
    EXPECT_EQ(x.source, y.source);
    EXPECT_EQ(x.target, y.target);
    EXPECT_EQ(x.relation, y.relation);
    EXPECT_EQ(x.family, y.family);
    EXPECT_EQ(x.symmetric, y.symmetric);
    EXPECT_EQ(x.negated, y.negated);
    EXPECT_EQ(x.weight, y.weight);
    EXPECT_EQ(x.articles, y.articles);
    EXPECT_EQ(x.asserted, y.asserted);
    EXPECT_EQ(x.planned, y.planned);
    EXPECT_EQ(Dates(a, x.dates), Dates(b, y.dates));
    ASSERT_EQ(x.evidence, y.evidence);
    const std::vector<EdgeEvidence> ex = a.Evidence(i), ey = b.Evidence(i);
    ASSERT_EQ(ex.size(), static_cast<std::size_t>(x.evidence));
    for (std::size_t k = 0; k < ex.size(); ++k) {
      EXPECT_EQ(ex[k].doc, ey[k].doc);
      EXPECT_EQ(ex[k].sentence, ey[k].sentence);
      EXPECT_EQ(ex[k].date, ey[k].date);
      EXPECT_EQ(ex[k].text, ey[k].text);
    }
  }
  EXPECT_EQ(a.article_count(), b.article_count());
}

TEST(GraphBuilder, AddOrderDoesNotChangeTheGraph) {
  for (bool countries : {false, true}) {
    SCOPED_TRACE(countries ? "countries" : "actors");
    GraphOptions options;
    options.countries = countries;
    options.max_evidence_per_edge = 2;
    std::vector<DocumentExtraction> docs = RandomCorpus(7);
    ActorGraph first = BuildGraph(docs, options);
    ASSERT_GT(first.edges().size(), 10u);
    std::mt19937 random(11);
    for (int round = 0; round < 5; ++round) {
      std::shuffle(docs.begin(), docs.end(), random);
      for (DocumentExtraction& doc : docs) {
        std::shuffle(doc.relations.begin(), doc.relations.end(), random);
        std::shuffle(doc.mentions.begin(), doc.mentions.end(), random);
      }
      ExpectSameGraph(first, BuildGraph(docs, options));
    }
  }
}

TEST(GraphBuilder, ThreadCountDoesNotChangeTheGraph) {
  // With several threads Build finds betweenness and components while it lays out the
  // edges; every view must give the graph one thread gives.
  for (bool countries : {false, true}) {
    for (std::string focus : {"", "India"}) {
      SCOPED_TRACE(std::string(countries ? "countries" : "actors") + " focus '" + focus + "'");
      GraphOptions options;
      options.countries = countries;
      options.focus = focus;
      options.depth = 1;
      std::vector<DocumentExtraction> docs = RandomCorpus(13);
      ActorGraph one = BuildGraph(docs, options);
      ASSERT_GT(one.edges().size(), 5u);
      for (int threads : {2, 3}) {
        options.threads = threads;
        ExpectSameGraph(one, BuildGraph(docs, options));
      }
    }
  }
}

}  // namespace
}  // namespace actorgraph
