// The text reports of `actorgraph stats` and `actorgraph explain`: plain, aligned
// columns for a terminal or a pipe, no colour, one fact per line where it fits.
#ifndef ACTORGRAPH_GRAPH_GRAPH_REPORT_H_
#define ACTORGRAPH_GRAPH_GRAPH_REPORT_H_

#include <cstddef>
#include <ostream>
#include <string>

#include "graph/actor_graph.h"

namespace actorgraph {

// Writes the summary of `graph` to `out`: how many articles, actors (by type), edges,
// relation mentions and components; relations by type (most mentioned first); the `top`
// actors by degree, by betweenness and by PageRank (ties by name); and the `top` largest
// components with their best-connected members. Writes nothing else and never throws
// beyond what `out` throws.
void WriteStats(const ActorGraph& graph, std::ostream& out, std::size_t top = 10);

// Writes what the graph knows of one actor, or of the relations between two: a line per
// actor (type, country, mentions, names), then every edge of `actor` (when `other` is
// empty) or every edge between the two in either direction, in the graph's edge order,
// each with its relation, whether it is negated or symmetric, its weight (asserted and
// planned), articles, dates and every evidence sentence kept (document:sentence, date,
// text). An actor is found by its canonical or any seen name (case-insensitive), or else
// by a part of one in whole words if only one actor has it ("Lavrov").
// Throws Error("no actor named 'X' in the graph") if a name matches no actor, and
// Error("'X' could be any of: ...") if a part of a name matches several.
void WriteExplain(const ActorGraph& graph, const std::string& actor, const std::string& other,
                  std::ostream& out);

}  // namespace actorgraph

#endif  // ACTORGRAPH_GRAPH_GRAPH_REPORT_H_
