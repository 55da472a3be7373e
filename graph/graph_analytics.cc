// Node analytics with Boost.Graph's own algorithms. Three Boost views of one ActorGraph
// are built here, each from the sorted node and edge vectors so that the floating-point
// work runs in the same order every time:
//  - an undirected multigraph (one edge per RelationEdge, weighted) for degrees;
//  - an undirected simple graph (one edge per linked pair) for betweenness, components
//    and the ego network: several relations between two actors are one path, not several;
//  - a directed multigraph (one arc per RelationEdge, two for a symmetric one) for
//    PageRank, whose random surfer should follow who acted on whom.
#include "graph/graph_analytics.h"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/page_rank.hpp>
#include <boost/graph/visitors.hpp>
#include <cmath>
#include <numeric>
#include <utility>

namespace actorgraph {

namespace {

using WeightedMultigraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                          boost::property<boost::edge_weight_t, double>>;
using SimpleGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
using Digraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS>;

SimpleGraph MakeSimpleGraph(std::size_t node_count, const std::vector<RelationEdge>& edges) {
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  pairs.reserve(edges.size());
  for (const RelationEdge& edge : edges)
    pairs.emplace_back(std::min(edge.source, edge.target), std::max(edge.source, edge.target));
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  SimpleGraph graph(node_count);
  for (const auto& [a, b] : pairs) boost::add_edge(a, b, graph);
  return graph;
}

void ComputeDegrees(std::vector<ActorNode>& nodes, const std::vector<RelationEdge>& edges) {
  WeightedMultigraph graph(nodes.size());
  for (const RelationEdge& edge : edges)
    boost::add_edge(edge.source, edge.target, static_cast<double>(edge.weight), graph);
  auto weight = boost::get(boost::edge_weight, graph);
  for (std::size_t v = 0; v < nodes.size(); ++v) {
    nodes[v].degree = static_cast<int>(boost::degree(v, graph));
    double sum = 0;
    for (auto e : boost::make_iterator_range(boost::out_edges(v, graph))) sum += weight[e];
    nodes[v].weighted_degree = sum;
  }
}

void ComputeBetweenness(std::vector<ActorNode>& nodes, const SimpleGraph& graph) {
  std::vector<double> centrality(nodes.size(), 0.0);
  // relative_betweenness_centrality divides by (n-1)(n-2)/2, which is 0 below 3 nodes;
  // no node can lie between two others there anyway.
  if (nodes.size() >= 3) {
    auto map = boost::make_iterator_property_map(centrality.begin(),
                                                 boost::get(boost::vertex_index, graph));
    boost::brandes_betweenness_centrality(graph, boost::centrality_map(map));
    boost::relative_betweenness_centrality(graph, map);
  }
  for (std::size_t v = 0; v < nodes.size(); ++v) nodes[v].betweenness = centrality[v];
}

void ComputeComponents(std::vector<ActorNode>& nodes, const SimpleGraph& graph) {
  if (nodes.empty()) return;
  std::vector<int> component(nodes.size());
  int count = boost::connected_components(
      graph,
      boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, graph)));
  // Renumber: largest first, ties by the first node (nodes are sorted by name).
  std::vector<std::size_t> size(count, 0), first(count, nodes.size());
  for (std::size_t v = 0; v < nodes.size(); ++v) {
    ++size[component[v]];
    first[component[v]] = std::min(first[component[v]], v);
  }
  std::vector<int> order(count);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    if (size[a] != size[b]) return size[a] > size[b];
    return first[a] < first[b];
  });
  std::vector<int> renumbered(count);
  for (int i = 0; i < count; ++i) renumbered[order[i]] = i;
  for (std::size_t v = 0; v < nodes.size(); ++v) nodes[v].component = renumbered[component[v]];
}

// page_rank's termination test: stop once no rank moved by more than a 1e-12 share of
// its value since the previous call, or after kMaxIterations. It only reads the ranks.
class UntilStable {
 public:
  explicit UntilStable(std::size_t node_count) : previous_(node_count, -1.0) {}

  template <typename RankMap, typename Graph>
  bool operator()(const RankMap& rank, const Graph& graph) {
    bool stable = true;
    for (auto v : boost::make_iterator_range(boost::vertices(graph))) {
      double now = boost::get(rank, v);
      if (std::fabs(now - previous_[v]) > 1e-12 * std::fabs(now)) stable = false;
      previous_[v] = now;
    }
    return stable || ++iterations_ > kMaxIterations;
  }

 private:
  static constexpr int kMaxIterations = 1000;
  std::vector<double> previous_;
  int iterations_ = 0;
};

void ComputePageRank(std::vector<ActorNode>& nodes, const std::vector<RelationEdge>& edges) {
  if (nodes.empty()) return;
  Digraph graph(nodes.size());
  for (const RelationEdge& edge : edges) {
    boost::add_edge(edge.source, edge.target, graph);
    if (edge.symmetric) boost::add_edge(edge.target, edge.source, graph);
  }
  std::vector<double> rank(nodes.size(), 0.0);
  boost::graph::page_rank(
      graph,
      boost::make_iterator_property_map(rank.begin(), boost::get(boost::vertex_index, graph)),
      UntilStable(nodes.size()), kPageRankDamping);
  // Boost lets dangling nodes leak rank; normalising restores the classic PageRank (see
  // graph_analytics.h). Every rank is at least 1 - damping, so the sum is positive.
  double sum = 0;
  for (double r : rank) sum += r;
  for (std::size_t v = 0; v < nodes.size(); ++v) nodes[v].pagerank = rank[v] / sum;
}

}  // namespace

void ComputeAnalytics(std::vector<ActorNode>& nodes, const std::vector<RelationEdge>& edges) {
  ComputeDegrees(nodes, edges);
  SimpleGraph simple = MakeSimpleGraph(nodes.size(), edges);
  ComputeBetweenness(nodes, simple);
  ComputeComponents(nodes, simple);
  ComputePageRank(nodes, edges);
}

std::vector<bool> EgoNetwork(std::size_t node_count, const std::vector<RelationEdge>& edges,
                             std::size_t focus, int depth) {
  SimpleGraph graph = MakeSimpleGraph(node_count, edges);
  constexpr std::size_t kUnreached = static_cast<std::size_t>(-1);
  std::vector<std::size_t> distance(node_count, kUnreached);
  distance[focus] = 0;
  auto distance_map =
      boost::make_iterator_property_map(distance.begin(), boost::get(boost::vertex_index, graph));
  boost::breadth_first_search(graph, focus,
                              boost::visitor(boost::make_bfs_visitor(
                                  boost::record_distances(distance_map, boost::on_tree_edge()))));
  std::vector<bool> kept(node_count, false);
  for (std::size_t v = 0; v < node_count; ++v)
    kept[v] = distance[v] != kUnreached && distance[v] <= static_cast<std::size_t>(depth);
  return kept;
}

}  // namespace actorgraph
