// The actor graph: one node per actor, one edge per (source, relation, target, negated)
// over the whole corpus, with the counts, dates and evidence behind it. Built by
// GraphBuilder (graph/graph_builder.h); read by the exporters. The Boost.Graph
// adjacency_list that holds it stays inside graph/ (see actor_graph.cc): this header is
// what other modules see.
#ifndef ACTORGRAPH_GRAPH_ACTOR_GRAPH_H_
#define ACTORGRAPH_GRAPH_ACTOR_GRAPH_H_

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "extract/actor.h"

namespace actorgraph {

struct ActorNode {
  std::string name;  // canonical name; unique in the graph
  ActorType type = ActorType::kPerson;
  std::string country;             // ISO 3166-1 alpha-3 where known, else empty
  std::vector<std::string> names;  // every surface form seen, sorted, unique
  int mentions = 0;                // actor mentions over the corpus
  int articles = 0;                // articles that mention it
  std::vector<std::string> dates;  // sorted unique dates of the relations it takes part in
  // Analytics, computed by Boost.Graph's algorithms when the graph is built.
  int degree = 0;              // edges in and out (a symmetric edge counts once)
  double weighted_degree = 0;  // sum of the weights of those edges
  double betweenness = 0;      // normalised betweenness centrality, 0..1
  double pagerank = 0;         // sums to 1 over the graph
  int component = 0;           // 0-based id of its connected component (largest first)
};

struct EdgeEvidence {
  std::string doc;   // Document::id
  std::string date;  // the relation's date, may be empty
  int sentence = 0;  // 1-based sentence number
  std::string text;  // the sentence
};

struct RelationEdge {
  std::size_t source = 0;  // index into ActorGraph::nodes()
  std::size_t target = 0;  // for a symmetric edge, source's name sorts before target's
  std::string relation;    // "met"
  std::string family;      // "cooperation", "conflict" or "neutral"
  bool symmetric = false;
  bool negated = false;
  int weight = 0;    // relation mentions; always >= 1
  int articles = 0;  // distinct articles
  int asserted = 0;  // mentions by modality; asserted + planned == weight
  int planned = 0;
  std::string first_date;  // earliest and latest non-empty date, or empty
  std::string last_date;
  std::vector<std::string> dates;      // sorted unique non-empty dates
  std::vector<EdgeEvidence> evidence;  // at most the configured number, earliest first
};

// Immutable once built; safe to read from several threads. Node and edge order is
// deterministic: nodes sorted by name, edges by (source name, target name, relation,
// negated). So the same input always gives byte-identical exports. References returned
// by the accessors stay valid as long as the graph lives; a moved-from graph may only be
// destroyed or assigned to.
class ActorGraph {
 public:
  ActorGraph();
  ~ActorGraph();
  ActorGraph(ActorGraph&&) noexcept;
  ActorGraph& operator=(ActorGraph&&) noexcept;

  const std::vector<ActorNode>& nodes() const;
  const std::vector<RelationEdge>& edges() const;
  std::size_t article_count() const;  // articles that went into the graph: distinct ids added

  // Index of the node whose canonical name or any seen name equals `name`
  // (ASCII case-insensitive), or -1. A canonical match wins over a seen-name match; among
  // equals the first node wins.
  long FindNode(const std::string& name) const;

 private:
  friend class GraphBuilder;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace actorgraph

#endif  // ACTORGRAPH_GRAPH_ACTOR_GRAPH_H_
