// Internal to graph/: the algorithms behind the node attributes and the ego network view:
// Boost.Graph's, or (for the node attributes) exact re-implementations of them on
// compact arrays that give the same doubles (graph_analytics.cc says how). The interface
// speaks in ActorGraph's own node and edge vectors so no Boost type leaves
// graph_analytics.cc.
#ifndef ACTORGRAPH_GRAPH_GRAPH_ANALYTICS_H_
#define ACTORGRAPH_GRAPH_GRAPH_ANALYTICS_H_

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "graph/actor_graph.h"

namespace actorgraph {

// The damping factor of PageRank, as in Brin and Page's paper and most tools.
inline constexpr double kPageRankDamping = 0.85;

// Fills degree, weighted_degree, betweenness, pagerank and component of every node.
// REQUIRES: every edge's source and target index `nodes`; no self-loops; nodes and edges
// in ActorGraph's order (the Boost graphs are built in that order, which makes the
// doubles identical from run to run).
//
//  - degree: incident edges; a symmetric edge counts once.
//  - weighted_degree: sum of the weights of those edges.
//  - betweenness: Boost's brandes_betweenness_centrality on the undirected simple graph (one
//    edge per pair of linked actors, unweighted), normalised by relative_betweenness to
//    0..1: for each pair of other actors, the share of their shortest paths that run
//    through the node, summed and divided by the number of such pairs. 0 for
//    every node of a graph with fewer than 3 nodes. Exact (every shortest path from
//    every node), O(nodes * linked pairs); `threads` threads share the sources and the
//    result does not depend on their number.
//  - pagerank: Boost's page_rank on the directed multigraph (one arc per edge, both ways
//    for a symmetric edge), damping 0.85, iterated until no rank moves by more than
//    1e-12 of its value (at most 1000 times). Boost's iteration lets the rank of
//    dangling nodes (no out-arc) leak away; dividing the result by its sum gives exactly
//    the classic PageRank in which a dangling node's rank is spread evenly over all
//    nodes (both are proportional to (I - dM)^-1 1). So the values sum to 1. A graph
//    with many arcs has its ranks summed on `threads` threads, each rank by one of them,
//    so the doubles do not depend on their number.
//  - component: connected_components of the undirected graph, renumbered so 0 is the
//    largest; ties go to the component holding the node that comes first.
void ComputeAnalytics(std::vector<ActorNode>& nodes, const std::vector<RelationEdge>& edges,
                      int threads = 1);

// ComputeAnalytics in two halves that write different members of the nodes, so two
// threads may run them at once on the same nodes (GraphBuilder::Build finds the
// betweenness while it lays out the edges). The first needs only which nodes each
// edge links, in any order, repeats allowed.
using NodeLink = std::pair<std::uint32_t, std::uint32_t>;  // (source, target)
// Fills betweenness and component.
void ComputeLinkAnalytics(std::vector<ActorNode>& nodes, const std::vector<NodeLink>& links,
                          int threads);
// Fills degree, weighted_degree and pagerank.
void ComputeEdgeAnalytics(std::vector<ActorNode>& nodes, const std::vector<RelationEdge>& edges,
                          int threads);

// The nodes at most `depth` hops from `focus` in the undirected graph, found with
// breadth_first_search: result[i] says whether node i is kept.
// REQUIRES: focus < node_count; depth >= 0.
std::vector<bool> EgoNetwork(std::size_t node_count, const std::vector<RelationEdge>& edges,
                             std::size_t focus, int depth);

}  // namespace actorgraph

#endif  // ACTORGRAPH_GRAPH_GRAPH_ANALYTICS_H_
