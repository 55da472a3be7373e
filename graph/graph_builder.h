// Assembles relation mentions into an ActorGraph: merges actors by canonical name,
// mentions of one (source, relation, target, negated) into one edge, applies the views a
// user asked for and computes the analytics.
#ifndef ACTORGRAPH_GRAPH_GRAPH_BUILDER_H_
#define ACTORGRAPH_GRAPH_GRAPH_BUILDER_H_

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "extract/relation.h"
#include "graph/actor_graph.h"

namespace actorgraph {

// The views of `actorgraph build`; all combinable. Defaults keep everything.
struct GraphOptions {
  std::size_t max_evidence_per_edge =
      5;  // evidence kept per edge: the earliest by (date, doc, sentence)
  std::vector<std::string> relations;  // keep only these relation types; empty keeps all
  std::string since;  // keep relations dated on or after (YYYY[-MM[-DD]]); empty: no bound
  std::string until;  // ... on or before; a relation without a date is dropped when either is set
  bool no_negated = false;  // drop negated relations
  bool countries = false;   // attribute each person's acts to their country
  int min_weight = 1;       // drop edges with fewer mentions
  std::string focus;        // keep only the ego network of this actor (any of its names)
  int depth = 1;            // ... up to this many hops
};

// Not thread-safe: one builder is fed by one thread. The result does not depend on the
// order in which extractions are added.
class GraphBuilder {
 public:
  explicit GraphBuilder(GraphOptions options = {});
  ~GraphBuilder();
  GraphBuilder(const GraphBuilder&) = delete;
  GraphBuilder& operator=(const GraphBuilder&) = delete;

  void Add(const DocumentExtraction& extraction);

  // Applies the views and computes the analytics. Throws Error if `focus` names no actor
  // ("no actor named 'X' in the graph"). May be called once.
  ActorGraph Build();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace actorgraph

#endif  // ACTORGRAPH_GRAPH_GRAPH_BUILDER_H_
