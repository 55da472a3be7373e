// JSON for web pages: the node-link shape that d3-force, networkx and (with one line)
// Cytoscape.js read.
//
//   {
//     "directed": true, "multigraph": true,
//     "graph": {"articles": 12},
//     "nodes": [{"id": "n0", "label": "Sergey Lavrov", "type": "person", "country": "RUS",
//                "mentions": 4, ..., "names": "Lavrov; Sergey Lavrov"}, ...],
//     "links": [{"id": "e0", "source": "n0", "target": "n1", "label": "met", "weight": 3,
//                "relation": "met", "family": "cooperation", "symmetric": true, ...}, ...]
//   }
//
// Every node and link carries every column of export/graph_columns.h under its name,
// typed (numbers, true/false, strings; "" when unknown), plus "color" ("#RRGGBB", the
// colour the other exports use). Link "label" is the relation with "not " before a
// negated one. A symmetric link has no direction to draw.
//
//  - d3:           d3.forceLink(data.links).id(d => d.id)
//  - networkx:     nx.node_link_graph(data, edges="links")   (networkx >= 3.4;
//                  older versions take the file as is)
//  - Cytoscape.js: cytoscape({elements: [
//                      ...data.nodes.map(d => ({group: "nodes", data: d})),
//                      ...data.links.map(d => ({group: "edges", data: d}))]})
//                  (ids "n0" and "e0" never collide, as Cytoscape requires)
#ifndef ACTORGRAPH_EXPORT_JSON_WRITER_H_
#define ACTORGRAPH_EXPORT_JSON_WRITER_H_

#include <ostream>

#include "graph/actor_graph.h"

namespace actorgraph {

// Writes `graph` to `out` as UTF-8 JSON, one node or link per line, formatting the links
// on up to `threads` threads (the bytes are the same for any count). Does not check
// `out`: the caller (an AtomicFile) does when it commits.
void WriteJson(const ActorGraph& graph, std::ostream& out, int threads = 1);

}  // namespace actorgraph

#endif  // ACTORGRAPH_EXPORT_JSON_WRITER_H_
