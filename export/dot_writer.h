// The graph in Graphviz's DOT language, drawn to be read: built with Graphviz's own cgraph
// library and written with agwrite, so Graphviz reads back exactly what was meant.
//
// How it looks:
//  - a node per actor, shaped by type (person ellipse, country box, organisation
//    hexagon, group octagon) and filled with the type's colour (export/graph_style.h);
//    the label is the name cut to `max_label_chars` characters, the full name is the
//    tooltip (SVG shows it on hover).
//  - an edge per relation edge, coloured by family (cooperation green, conflict red,
//    neutral grey), pen width growing with log2(weight), labelled "met ×3" ("met" for a
//    single mention). Symmetric relations have no arrowhead; relations only ever
//    reported as planned are dashed; negated ones are dotted, purple and read
//    "not met".
//  - a legend: subgraph "cluster_legend" with one node, "legend", whose HTML-like label
//    explains shapes, colours and line styles. It is the only node that is not an
//    actor (kDotLegendNodes), and has no edges; DotOptions::legend = false leaves it out.
//  - node ids "n0".., edge keys "e0.." as in every other format.
// Names are escaped for DOT (backslashes doubled so "\N" or "\n" in a name are not
// Graphviz escapes; "&" as "&amp;" so "&lt;" in a name is not decoded; quotes escaped by
// agwrite) and sanitised (export/text_escape.h).
//
// The DOT carries no layout: render it with export/graph_renderer.h or `dot -Tsvg`
// (`sfdp -Tsvg` past a few hundred nodes).
#ifndef ACTORGRAPH_EXPORT_DOT_WRITER_H_
#define ACTORGRAPH_EXPORT_DOT_WRITER_H_

#include <cstddef>
#include <ostream>

#include "graph/actor_graph.h"

namespace actorgraph {

struct DotOptions {
  bool legend = true;
  std::size_t max_label_chars = 60;  // REQUIRES: >= 1
};

// Nodes the legend adds to the actors' nodes when DotOptions::legend is set.
inline constexpr std::size_t kDotLegendNodes = 1;

// Writes `graph` to `out` as DOT (UTF-8). Throws Error if Graphviz fails to build the
// graph. Does not check `out`: the caller (an AtomicFile) does when it commits.
// Not thread-safe: cgraph keeps global state; call from one thread at a time.
void WriteDot(const ActorGraph& graph, std::ostream& out, const DotOptions& options = {});

}  // namespace actorgraph

#endif  // ACTORGRAPH_EXPORT_DOT_WRITER_H_
