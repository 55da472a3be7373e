// Internal to graph/: the representation behind ActorGraph, shared by actor_graph.cc and
// graph_builder.cc so the builder can fill a graph in place. Other modules include
// graph/actor_graph.h only.
#ifndef ACTORGRAPH_GRAPH_ACTOR_GRAPH_IMPL_H_
#define ACTORGRAPH_GRAPH_ACTOR_GRAPH_IMPL_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "graph/actor_graph.h"

namespace actorgraph {

struct ActorGraph::Impl {
  std::vector<ActorNode> nodes;     // sorted by name
  std::vector<RelationEdge> edges;  // sorted by (source, target, relation, negated)
  std::size_t articles = 0;
};

// Whether two actor names are the same, ignoring ASCII case.
bool SameActorName(std::string_view a, std::string_view b);

// Index of the node named `name` (ASCII case-insensitive): a node whose canonical name
// matches wins over one that was only seen under that name, and among equals the first
// in `nodes` wins, so the answer does not depend on anything but the node list. -1 when
// no node matches.
long FindActorNode(const std::vector<ActorNode>& nodes, std::string_view name);

}  // namespace actorgraph

#endif  // ACTORGRAPH_GRAPH_ACTOR_GRAPH_IMPL_H_
