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
  int threads = 1;  // threads Build may use for the analytics; the graph is the same for any
};

// Not thread-safe: one builder is fed by one thread. The result does not depend on the
// order in which extractions are added.
//
// What a graph holds:
//  - a node per canonical actor name (ActorRef::name) at either end of a kept edge;
//    actors that are only mentioned are counted in no node. Its names are the surface
//    forms of every mention and relation; mentions and articles count the whole input,
//    whatever the views.
//  - an edge per (source, relation, target, negated); a symmetric relation's source is
//    the name that sorts first. Relations of an actor to itself are dropped.
//  - evidence: the first max_evidence_per_edge sentences by (date, doc, sentence),
//    undated sentences last, each sentence once.
//
// --countries: a person whose country code (ActorRef::country) is the code of an actor of
// type country somewhere in the input becomes that country; other people stay. The
// country node's mentions and articles include its people's; its names stay its own.
// --focus: an actor's canonical or seen name (case-insensitive), else part of one in
// whole words if only one actor has it; under --countries a person's name finds their
// country.
class GraphBuilder {
 public:
  explicit GraphBuilder(GraphOptions options = {});
  ~GraphBuilder();
  GraphBuilder(const GraphBuilder&) = delete;
  GraphBuilder& operator=(const GraphBuilder&) = delete;

  // Adds one document. Meant once per document: a document id added twice counts its
  // mentions and relations twice but its articles once.
  // REQUIRES: Build has not been called.
  void Add(const DocumentExtraction& extraction);

  // Applies the views and computes the analytics (graph/graph_analytics.h says how).
  // Throws Error if `focus` names no actor ("no actor named 'X' in the graph"), names
  // several by a part of their names, or if depth < 0 with a focus. May be called once:
  // a second call throws std::logic_error.
  ActorGraph Build();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace actorgraph

#endif  // ACTORGRAPH_GRAPH_GRAPH_BUILDER_H_
