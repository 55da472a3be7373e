// How every export presents an actor graph, so the DOT picture, the GEXF that Gephi
// colours and the JSON a d3 page draws agree: element ids, colours by relation family and
// actor type, shapes, edge widths and number formatting. Pure functions; thread-safe.
#ifndef ACTORGRAPH_EXPORT_GRAPH_STYLE_H_
#define ACTORGRAPH_EXPORT_GRAPH_STYLE_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "extract/actor.h"
#include "graph/actor_graph.h"

namespace actorgraph {

// Ids of the i-th node and edge of ActorGraph: "n0", "e0". The same in every format, so
// a row of edges.csv names the same edge as graph.gexf. Names are labels, never ids:
// they may hold anything.
std::string NodeId(std::size_t index);
std::string EdgeId(std::size_t index);

struct Rgb {
  int r = 0, g = 0, b = 0;  // 0..255
};

// "#RRGGBB".
std::string HexColor(Rgb color);

// Fill colour of an actor's node: person yellow, country blue, organisation green,
// group pink (light tints, so black labels stay readable).
Rgb ActorTypeColor(ActorType type);

// Graphviz shape of an actor's node: person ellipse, country box, organisation
// hexagon, group octagon.
const char* ActorTypeShape(ActorType type);

// Colour of an edge: cooperation green, conflict red, neutral (or any unknown family)
// grey; a negated edge is purple whatever its family, so "did not meet" never passes for
// a meeting.
Rgb EdgeColor(const RelationEdge& edge);

// What an edge is called: its relation, prefixed with "not " when negated ("not met").
// Also its kind in GEXF, so Gephi keeps "met" and "not met" between two actors apart.
std::string EdgeRelationLabel(const RelationEdge& edge);

// Line width for `weight` mentions: 1 for one mention, growing with log2(weight), at
// most 8, so one heavy edge does not swamp the picture.
double EdgeWidth(int weight);

// Node size for Gephi: 10 plus 4 * log2(1 + weighted_degree), so isolated actors stay
// visible and hubs grow slowly.
double NodeSize(const ActorNode& node);

// The earliest evidence of graph.edges()[edge] as one line: "doc#sentence (date): text",
// cut to `max_chars` characters; empty when the edge has no evidence. Reads the graph's
// evidence file (ActorGraph::Evidence), so it may throw Error.
std::string EvidenceExcerpt(const ActorGraph& graph, std::size_t edge,
                            std::size_t max_chars = 300);

// Every name an actor was seen under, joined with "; ".
std::string JoinedNames(const ActorNode& node);

// The shortest decimal text that reads back as `value` ("0.25", "3", "1e-07"); 0 for
// NaN or infinity, which no format here accepts. Locale-independent.
std::string FormatNumber(double value);

}  // namespace actorgraph

#endif  // ACTORGRAPH_EXPORT_GRAPH_STYLE_H_
