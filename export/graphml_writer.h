// GraphML, the interchange format: valid against the GraphML 1.0 XML Schema and read
// alike by networkx, igraph, yEd and Gephi (desktop and Lite).
//
// Shape of the file:
//  - one <graph edgedefault="directed">; every edge is directed, because networkx refuses
//    a directed="false" edge in a directed graph. A symmetric relation ("met") keeps the
//    order ActorGraph gives it and says symmetric=true.
//  - node ids "n0".. and edge ids "e0".. (export/graph_style.h); names are data.
//  - every attribute is a <key> whose id equals its attr.name, with an attr.type:
//      node: label (string: the canonical name, Gephi's node label), type, country,
//            mentions (int), articles (int), degree (int), weighted_degree (double),
//            betweenness (double), pagerank (double), component (int), names (string:
//            every surface form, joined with "; ")
//      edge: relation, family, weight (double: mentions, never 0; Gephi's edge weight),
//            symmetric (boolean), negated (boolean), asserted (int), planned (int),
//            first_date, last_date (string, YYYY[-MM[-DD]]), edge_articles (int:
//            "articles" of the other formats; GraphML key ids share one namespace and
//            the node key "articles" came first),
//            evidence (string: the earliest evidence sentence, "doc#sentence (date): text",
//            cut to 300 characters)
//    Gephi turns keys named label/weight/size/color/x/y/z/r/g/b into visual properties:
//    only label and weight use those names, on purpose. Edges carry no label key: Gephi
//    would read it as the edge type.
//  - a <data> element is left out when its value is empty (no country, no date).
#ifndef ACTORGRAPH_EXPORT_GRAPHML_WRITER_H_
#define ACTORGRAPH_EXPORT_GRAPHML_WRITER_H_

#include <ostream>

#include "graph/actor_graph.h"

namespace actorgraph {

// Writes `graph` to `out` as UTF-8 GraphML, formatting on up to `threads` threads (the
// bytes are the same for any count). Does not check `out`: the caller (an AtomicFile)
// does when it commits.
void WriteGraphml(const ActorGraph& graph, std::ostream& out, int threads = 1);

}  // namespace actorgraph

#endif  // ACTORGRAPH_EXPORT_GRAPHML_WRITER_H_
