// The analytics on graphs small enough to work out by hand. PageRank values solve
// r = (1 - d)/n + d * (rank flowing in) with d = 0.85; the working is in each test.
#include "graph/graph_analytics.h"

#include <gtest/gtest.h>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/page_rank.hpp>
#include <cmath>
#include <cstring>
#include <numeric>
#include <random>
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

// What ComputeAnalytics promises to reproduce: Boost's own betweenness and PageRank on
// Boost graphs built as graph_analytics.h describes.
struct BoostAnalytics {
  std::vector<double> betweenness;
  std::vector<double> pagerank;
};

BoostAnalytics WithBoost(std::size_t n, const std::vector<RelationEdge>& edges) {
  using Simple = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
  using Digraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS>;
  BoostAnalytics result{std::vector<double>(n, 0.0), std::vector<double>(n, 0.0)};
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  for (const RelationEdge& edge : edges)
    pairs.emplace_back(std::min<std::size_t>(edge.source, edge.target),
                       std::max<std::size_t>(edge.source, edge.target));
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  Simple simple(n);
  for (const auto& [a, b] : pairs) boost::add_edge(a, b, simple);
  auto map = boost::make_iterator_property_map(result.betweenness.begin(),
                                               boost::get(boost::vertex_index, simple));
  boost::brandes_betweenness_centrality(simple, boost::centrality_map(map));
  boost::relative_betweenness_centrality(simple, map);

  Digraph digraph(n);
  for (const RelationEdge& edge : edges) {
    boost::add_edge(edge.source, edge.target, digraph);
    if (edge.symmetric) boost::add_edge(edge.target, edge.source, digraph);
  }
  std::vector<double> previous(n, -1.0);
  int iterations = 0;
  auto done = [&](const auto& rank, const Digraph&) {
    bool stable = true;
    for (std::size_t v = 0; v < n; ++v) {
      double now = boost::get(rank, v);
      if (std::fabs(now - previous[v]) > 1e-12 * std::fabs(now)) stable = false;
      previous[v] = now;
    }
    return stable || ++iterations > 1000;
  };
  boost::graph::page_rank(digraph,
                          boost::make_iterator_property_map(result.pagerank.begin(),
                                                            boost::get(boost::vertex_index, digraph)),
                          done, kPageRankDamping);
  double sum = 0;
  for (double r : result.pagerank) sum += r;
  for (double& r : result.pagerank) r /= sum;
  return result;
}

bool SameBits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

TEST(GraphAnalytics, SameDoublesAsBoostForAnyThreadCount) {
  std::mt19937 random(7);
  for (int round = 0; round < 40; ++round) {
    // Sparse and dense, connected and not, with parallel and symmetric edges: graphs
    // where many shortest paths tie, so the order of every addition shows. Every fourth
    // graph is dense enough for hubs' rows to be bitsets and for a search's last levels
    // to be found bottom-up (graph_analytics.cc); every eighth mixes such hubs with long
    // chains.
    std::size_t n = 3 + random() % 120;
    std::size_t m = random() % (n * (round % 4 == 0 ? n / 2 : round % 4 == 1 ? 8 : 2));
    const bool with_chain = round % 8 == 4;
    const std::size_t random_part = with_chain ? n / 2 + 1 : n;
    std::vector<RelationEdge> edges;
    auto add = [&](std::uint32_t source, std::uint32_t target) {
      RelationEdge edge;
      edge.source = source;
      edge.target = target;
      edge.symmetric = random() % 2;
      edge.weight = 1 + random() % 5;
      edges.push_back(edge);
    };
    for (std::size_t i = 0; i < m; ++i) {
      std::uint32_t source = random() % random_part, target = random() % random_part;
      if (source != target) add(source, target);
    }
    if (with_chain) {
      for (std::size_t v = random_part; v < n; ++v) add(v - 1, v);
    }
    std::sort(edges.begin(), edges.end(), [](const RelationEdge& a, const RelationEdge& b) {
      return std::tie(a.source, a.target) < std::tie(b.source, b.target);
    });
    BoostAnalytics expected = WithBoost(n, edges);
    for (int threads : {1, 2, 3}) {
      std::vector<ActorNode> nodes(n);
      ComputeAnalytics(nodes, edges, threads);
      for (std::size_t v = 0; v < n; ++v) {
        EXPECT_TRUE(SameBits(nodes[v].betweenness, expected.betweenness[v]))
            << "round " << round << " threads " << threads << " node " << v << ": "
            << nodes[v].betweenness << " vs " << expected.betweenness[v];
        EXPECT_TRUE(SameBits(nodes[v].pagerank, expected.pagerank[v]))
            << "round " << round << " node " << v;
      }
    }
  }
}

TEST(GraphAnalytics, PageRankOfABigMultigraphIsTheSameOnEveryThreadCount) {
  // Enough arcs (a million news edges have millions) for PageRank's sums to be cut
  // between up to three threads; every rank must be the double one thread gives, which
  // the test above holds to Boost's.
  std::mt19937 random(11);
  const std::size_t n = 200;
  std::vector<RelationEdge> edges;
  for (std::size_t i = 0; i < 150000; ++i) {
    RelationEdge edge;
    edge.source = random() % n;
    edge.target = random() % (n / 2);  // half the nodes have in-arcs only from symmetric edges
    edge.symmetric = random() % 4 == 0;
    edge.weight = 1;
    if (edge.source != edge.target) edges.push_back(edge);
  }
  std::sort(edges.begin(), edges.end(), [](const RelationEdge& a, const RelationEdge& b) {
    return std::tie(a.source, a.target) < std::tie(b.source, b.target);
  });
  std::vector<ActorNode> expected(n);
  ComputeAnalytics(expected, edges, 1);
  for (int threads : {2, 3, 4}) {
    std::vector<ActorNode> nodes(n);
    ComputeAnalytics(nodes, edges, threads);
    for (std::size_t v = 0; v < n; ++v)
      EXPECT_TRUE(SameBits(nodes[v].pagerank, expected[v].pagerank)) << "threads " << threads << " node " << v;
  }
}

TEST(GraphAnalytics, ComponentsLargestFirst) {
  // Two pairs and a triangle: the triangle is component 0; the pairs follow in the order
  // of their first node.
  std::vector<ActorNode> nodes(7);
  std::vector<RelationEdge> edges(5);
  std::size_t ends[5][2] = {{0, 1}, {2, 3}, {3, 4}, {2, 4}, {5, 6}};
  for (std::size_t i = 0; i < 5; ++i) {
    edges[i].source = ends[i][0];
    edges[i].target = ends[i][1];
    edges[i].weight = 1;
  }
  ComputeAnalytics(nodes, edges);
  std::vector<int> components;
  for (const ActorNode& node : nodes) components.push_back(node.component);
  EXPECT_EQ(components, (std::vector<int>{1, 1, 0, 0, 0, 2, 2}));
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
