// GEXF 1.3, Gephi's own format, with the timeline: valid against the GEXF 1.3 RELAX NG
// schema and read by Gephi (desktop and Lite) and, when the graph is not mixed, networkx.
//
// Shape of the file:
//  - <graph mode="dynamic" timeformat="date">. Symmetric relations are type="undirected"
//    edges, the others type="directed", and every edge says which. When both kinds occur
//    (a mixed graph) there is no defaultedgetype: with defaultedgetype="directed" Gephi
//    drops the undirected edges, and it rejects "mutual". When every edge is directed the
//    graph says defaultedgetype="directed" (and "undirected" when every edge is), which
//    changes nothing for Gephi and lets networkx read the file.
//  - node ids "n0".., label = canonical name; edge ids "e0".., label and kind = the
//    relation with "not " before a negated one, weight = mentions. Gephi merges parallel
//    edges of one kind between two actors, so the kind keeps "met" apart from "not met"
//    and from "told".
//  - <attributes class="node"> and class="edge" declare every other column of
//    export/graph_columns.h (id = title = column name; integer, double, boolean or
//    string). An attvalue is left out when its value is empty.
//  - viz:color (integer r, g, b) by actor type and by relation family, viz:size for
//    nodes (grows with weighted degree), viz:thickness for edges.
//  - spells: each node and edge is present on the days of its dates (a node on the dates
//    of the relations it takes part in). A date of day precision is that day; a date
//    of month precision (YYYY-MM) is the whole month, from the 1st to its last day; a
//    year (YYYY) is 1 January to 31 December. GEXF dates must be full dates, and this
//    says "some time in that month" without inventing a day. Intervals are inclusive;
//    overlapping or adjacent ones merge, so no two spells of one element overlap.
//    An element without dates has no spells and is present throughout. Malformed dates
//    are skipped.
#ifndef ACTORGRAPH_EXPORT_GEXF_WRITER_H_
#define ACTORGRAPH_EXPORT_GEXF_WRITER_H_

#include <ostream>
#include <string>
#include <vector>

#include "graph/actor_graph.h"

namespace actorgraph {

// Writes `graph` to `out` as UTF-8 GEXF 1.3, formatting the edges on up to `threads`
// threads (the bytes are the same for any count). Does not check `out`: the caller (an
// AtomicFile) does when it commits.
void WriteGexf(const ActorGraph& graph, std::ostream& out, int threads = 1);

// An inclusive interval of full dates, "YYYY-MM-DD".
struct DateSpell {
  std::string start;
  std::string end;
  bool operator==(const DateSpell&) const = default;
};

// The spells of a set of YYYY[-MM[-DD]] dates, as described above: sorted, merged,
// non-overlapping. Exposed for tests.
std::vector<DateSpell> SpellsFromDates(const std::vector<std::string>& dates);

}  // namespace actorgraph

#endif  // ACTORGRAPH_EXPORT_GEXF_WRITER_H_
