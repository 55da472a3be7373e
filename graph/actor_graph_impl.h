// Internal to graph/: the representation behind ActorGraph, shared by actor_graph.cc and
// graph_builder.cc so the builder can fill a graph in place. Other modules include
// graph/actor_graph.h only.
#ifndef ACTORGRAPH_GRAPH_ACTOR_GRAPH_IMPL_H_
#define ACTORGRAPH_GRAPH_ACTOR_GRAPH_IMPL_H_

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/actor_graph.h"
#include "graph/spill_file.h"

namespace actorgraph {

struct ActorGraph::Impl {
  std::vector<ActorNode> nodes;     // sorted by name
  std::vector<RelationEdge> edges;  // sorted by (source, target, relation, negated)
  std::size_t articles = 0;
  std::vector<std::string> dates;   // sorted; DateId indexes it
  std::deque<std::string> names;    // relations and families the edges' views point into
  std::vector<DateId> node_dates;   // the nodes' date spans point into these two
  std::vector<DateId> edge_dates;
  // Edge i's evidence records are evidence[evidence_begin[i] ... + edges[i].evidence).
  std::vector<std::uint32_t> evidence_begin;
  std::vector<SpillRef> evidence;
  std::optional<SpillFile> spill;   // holds the records; none when no edge has evidence
};

// An evidence sentence as the spill file holds it: the lengths of doc, date and text,
// the sentence number, then the three strings. Encoded into `record`, replacing what it
// held, so that a caller spilling many reuses one block.
void EncodeEvidence(std::string_view doc, std::string_view date, int sentence,
                    std::string_view text, std::string& record);
EdgeEvidence DecodeEvidence(std::string record);

// Whether two actor names are the same, ignoring ASCII case.
bool SameActorName(std::string_view a, std::string_view b);

// Index of the node named `name` (ASCII case-insensitive): a node whose canonical name
// matches wins over one that was only seen under that name, and among equals the first
// in `nodes` wins, so the answer does not depend on anything but the node list. -1 when
// no node matches.
long FindActorNode(const std::vector<ActorNode>& nodes, std::string_view name);

// Whether `words` occurs in `name` as whole words, ignoring ASCII case: "lavrov" and
// "Sergey Lavrov" are in "Sergey Lavrov", "Lav" is not.
bool NameHasWords(std::string_view name, std::string_view words);

// The node a user means by `name`, as focus and explain take it: FindActorNode's answer,
// failing that the one node that has `name` as whole words in its canonical or a seen
// name, so "Lavrov" finds "Sergey Lavrov" even if no article called him just "Lavrov".
// Throws Error "no actor named 'X' in the graph" when no node matches, and
// "'X' could be any of: A, B; give more of the name" when several do.
std::size_t ResolveActorNode(const std::vector<ActorNode>& nodes, std::string_view name);

}  // namespace actorgraph

#endif  // ACTORGRAPH_GRAPH_ACTOR_GRAPH_IMPL_H_
