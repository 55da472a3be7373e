// The analytics on graphs small enough to work out by hand. PageRank values solve
// r = (1 - d)/n + d * (rank flowing in) with d = 0.85; the working is in each test.
#include "graph/graph_analytics.h"

#include <gtest/gtest.h>

#include <numeric>
#include <string>
#include <vector>

#include "extraction_builder.h"

namespace actorgraph {
namespace {

using testing::GraphOf;
using testing::NodeNamed;

constexpr double kTolerance = 1e-9;

double PageRankSum(const ActorGraph& graph) {
  double sum = 0;
  for (const ActorNode& node : graph.nodes()) sum += node.pagerank;
  return sum;
}

TEST(GraphAnalytics, PathGraph) {
  // A - B - C - D, undirected.
  ActorGraph graph = GraphOf({{"A", "met", "B"}, {"B", "met", "C"}, {"C", "met", "D"}});
  EXPECT_EQ(NodeNamed(graph, "A").degree, 1);
  EXPECT_EQ(NodeNamed(graph, "B").degree, 2);
  // B lies on the only path of (A, C) and (A, D) but not of (C, D): 2 of 3 pairs.
  EXPECT_NEAR(NodeNamed(graph, "A").betweenness, 0.0, kTolerance);
  EXPECT_NEAR(NodeNamed(graph, "B").betweenness, 2.0 / 3.0, kTolerance);
  EXPECT_NEAR(NodeNamed(graph, "C").betweenness, 2.0 / 3.0, kTolerance);
  // End e and middle m: e = 0.0375 + 0.85 m/2; m = 0.0375 + 0.85 (e + m/2);
  // so m = 37/114 and e = 20/114.
  EXPECT_NEAR(NodeNamed(graph, "A").pagerank, 20.0 / 114, kTolerance);
  EXPECT_NEAR(NodeNamed(graph, "B").pagerank, 37.0 / 114, kTolerance);
  EXPECT_NEAR(NodeNamed(graph, "C").pagerank, 37.0 / 114, kTolerance);
  EXPECT_NEAR(NodeNamed(graph, "D").pagerank, 20.0 / 114, kTolerance);
  for (const ActorNode& node : graph.nodes()) EXPECT_EQ(node.component, 0);
}

TEST(GraphAnalytics, Star) {
  ActorGraph graph = GraphOf({{"Hub", "met", "L1"}, {"L2", "called", "Hub"}, {"Hub", "met", "L3"}});
  const ActorNode& hub = NodeNamed(graph, "Hub");
  EXPECT_EQ(hub.degree, 3);
  EXPECT_DOUBLE_EQ(hub.weighted_degree, 3.0);
  // Every pair of leaves goes through the hub: 3 of 3 pairs.
  EXPECT_NEAR(hub.betweenness, 1.0, kTolerance);
  EXPECT_NEAR(NodeNamed(graph, "L1").betweenness, 0.0, kTolerance);
  // Leaf l = 0.0375 + 0.85 h/3; hub h = 0.0375 + 0.85 * 3l: l = 77/444, h = 213/444.
  EXPECT_NEAR(hub.pagerank, 213.0 / 444, kTolerance);
  EXPECT_NEAR(NodeNamed(graph, "L2").pagerank, 77.0 / 444, kTolerance);
}

TEST(GraphAnalytics, DirectedCycleSharesRankEvenly) {
  ActorGraph graph = GraphOf({{"A", "urged", "B"}, {"B", "urged", "C"}, {"C", "urged", "A"}});
  for (const ActorNode& node : graph.nodes()) {
    EXPECT_EQ(node.degree, 2);
    EXPECT_NEAR(node.pagerank, 1.0 / 3, kTolerance);
    EXPECT_NEAR(node.betweenness, 0.0, kTolerance);  // a triangle: every pair is adjacent
  }
}

TEST(GraphAnalytics, DanglingNodeRankIsSpreadEvenly) {
  // A -> B; B has no way out, so its rank goes to A and B alike:
  // a = 0.075 + 0.85 b/2, b = 0.075 + 0.85 (a + b/2): a = 20/57, b = 37/57.
  ActorGraph graph = GraphOf({{"A", "urged", "B"}});
  EXPECT_NEAR(NodeNamed(graph, "A").pagerank, 20.0 / 57, kTolerance);
  EXPECT_NEAR(NodeNamed(graph, "B").pagerank, 37.0 / 57, kTolerance);
  EXPECT_NEAR(PageRankSum(graph), 1.0, kTolerance);
  EXPECT_EQ(NodeNamed(graph, "A").betweenness, 0.0);  // fewer than 3 nodes
}

TEST(GraphAnalytics, ComponentsAreNumberedLargestFirst) {
  // {X, Y, Z} is largest; {A, B} and {M, N} tie and A sorts first.
  ActorGraph graph =
      GraphOf({{"M", "met", "N"}, {"X", "urged", "Y"}, {"Y", "met", "Z"}, {"A", "condemned", "B"}});
  EXPECT_EQ(NodeNamed(graph, "X").component, 0);
  EXPECT_EQ(NodeNamed(graph, "Z").component, 0);
  EXPECT_EQ(NodeNamed(graph, "A").component, 1);
  EXPECT_EQ(NodeNamed(graph, "B").component, 1);
  EXPECT_EQ(NodeNamed(graph, "M").component, 2);
  EXPECT_EQ(NodeNamed(graph, "N").component, 2);
  // Y is between X and Z only: 1 of the C(6, 2) = 15 pairs of other actors.
  EXPECT_NEAR(NodeNamed(graph, "Y").betweenness, 1.0 / 15, kTolerance);
  EXPECT_NEAR(PageRankSum(graph), 1.0, kTolerance);
}

TEST(GraphAnalytics, SeveralRelationsBetweenTwoActorsAreOnePath) {
  // A met B twice and called B once; B met C. Degree counts edges, weighted degree
  // mentions; betweenness sees one path A - B - C.
  ActorGraph graph =
      GraphOf({{"A", "met", "B"}, {"B", "met", "A"}, {"A", "called", "B"}, {"B", "met", "C"}});
  const ActorNode& b = NodeNamed(graph, "B");
  EXPECT_EQ(b.degree, 3);
  EXPECT_DOUBLE_EQ(b.weighted_degree, 4.0);
  EXPECT_EQ(NodeNamed(graph, "A").degree, 2);
  EXPECT_DOUBLE_EQ(NodeNamed(graph, "A").weighted_degree, 3.0);
  EXPECT_NEAR(b.betweenness, 1.0, kTolerance);
}

TEST(GraphAnalytics, ComputeAnalyticsOnVectors) {
  // The internal entry point, on a path 0 -> 1 -> 2 of directed edges.
  std::vector<ActorNode> nodes(3);
  std::vector<RelationEdge> edges(2);
  edges[0].source = 0;
  edges[0].target = 1;
  edges[0].weight = 2;
  edges[1].source = 1;
  edges[1].target = 2;
  edges[1].weight = 1;
  ComputeAnalytics(nodes, edges);
  EXPECT_EQ(nodes[1].degree, 2);
  EXPECT_DOUBLE_EQ(nodes[1].weighted_degree, 3.0);
  EXPECT_NEAR(nodes[1].betweenness, 1.0, kTolerance);
  EXPECT_NEAR(nodes[0].pagerank + nodes[1].pagerank + nodes[2].pagerank, 1.0, kTolerance);
  EXPECT_LT(nodes[0].pagerank, nodes[1].pagerank);
  EXPECT_LT(nodes[1].pagerank, nodes[2].pagerank);
}

TEST(GraphAnalytics, EgoNetworkCountsHops) {
  std::vector<RelationEdge> edges(3);
  for (std::size_t i = 0; i < 3; ++i) {
    edges[i].source = i + 1;  // 1 -> 0 ... directions do not matter
    edges[i].target = i;
  }
  EXPECT_EQ(EgoNetwork(5, edges, 0, 0), (std::vector<bool>{true, false, false, false, false}));
  EXPECT_EQ(EgoNetwork(5, edges, 0, 2), (std::vector<bool>{true, true, true, false, false}));
  EXPECT_EQ(EgoNetwork(5, edges, 2, 1), (std::vector<bool>{false, true, true, true, false}));
  EXPECT_EQ(EgoNetwork(5, edges, 4, 9), (std::vector<bool>{false, false, false, false, true}));
}

}  // namespace
}  // namespace actorgraph
