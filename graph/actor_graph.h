// The actor graph: one node per actor, one edge per (source, relation, target, negated)
// over the whole corpus, with the counts, dates and evidence behind it. Built by
// GraphBuilder (graph/graph_builder.h); read by the exporters and the reports.
//
// At corpus scale a graph has millions of edges, so an edge is small: its relation and
// family are views of strings the graph holds once, its dates are ids into the graph's
// sorted date table, and its evidence sentences stay in a temporary file that
// ActorGraph::Evidence reads on demand.
#ifndef ACTORGRAPH_GRAPH_ACTOR_GRAPH_H_
#define ACTORGRAPH_GRAPH_ACTOR_GRAPH_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "extract/actor.h"

namespace actorgraph {

// A date of the graph: an index into ActorGraph::dates(), which is sorted, so ids compare
// as their dates do ("2022" < "2022-03" < "2022-03-31" < "2022-04").
using DateId = std::uint32_t;

struct ActorNode {
  std::string name;  // canonical name; unique in the graph
  ActorType type = ActorType::kPerson;
  std::string country;             // ISO 3166-1 alpha-3 where known, else empty
  std::vector<std::string> names;  // every surface form seen, sorted, unique
  int mentions = 0;                // actor mentions over the corpus
  int articles = 0;                // articles that mention it
  std::span<const DateId> dates;   // sorted unique dates of the relations it takes part in
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

// The spans and views of nodes and edges point into the graph that holds them.
struct RelationEdge {
  std::uint32_t source = 0;    // index into ActorGraph::nodes()
  std::uint32_t target = 0;    // for a symmetric edge, source's name sorts before target's
  std::string_view relation;   // "met"
  std::string_view family;     // "cooperation", "conflict" or "neutral"
  bool symmetric = false;
  bool negated = false;
  int weight = 0;    // relation mentions; always >= 1
  int articles = 0;  // distinct articles
  int asserted = 0;  // mentions by modality; asserted + planned == weight
  int planned = 0;
  std::span<const DateId> dates;  // sorted unique non-empty dates: front() is the first
  int evidence = 0;  // evidence sentences kept (at most the configured number)
};

// Immutable once built; safe to read from several threads. Node and edge order is
// deterministic: nodes sorted by name, edges by (source name, target name, relation,
// negated). So the same input always gives byte-identical exports. References, views and
// spans returned by the accessors or held by nodes and edges stay valid as long as the
// graph lives, also when it is moved; a moved-from graph may only be destroyed or
// assigned to.
class ActorGraph {
 public:
  ActorGraph();
  ~ActorGraph();
  ActorGraph(ActorGraph&&) noexcept;
  ActorGraph& operator=(ActorGraph&&) noexcept;

  const std::vector<ActorNode>& nodes() const;
  const std::vector<RelationEdge>& edges() const;
  std::size_t article_count() const;  // articles that went into the graph: distinct ids added

  // Every date of the graph's nodes and edges, sorted, unique; DateId indexes it.
  const std::vector<std::string>& dates() const;
  const std::string& date(DateId id) const { return dates()[id]; }

  // The evidence of edges()[edge]: its `evidence` sentences, earliest first by (date,
  // document, sentence, text), undated last; at most `limit` of them. Read from the
  // graph's temporary file: throws Error if that read fails.
  // REQUIRES: edge < edges().size().
  std::vector<EdgeEvidence> Evidence(std::size_t edge, std::size_t limit = SIZE_MAX) const;

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
