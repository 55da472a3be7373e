// nodes.csv and edges.csv in the layout of Gephi's spreadsheet import (File > Import
// spreadsheet: nodes table first, then edges table, "Append to existing workspace").
// RFC 4180: comma-separated, CRLF line ends, a field quoted (quotes doubled) when it
// holds a comma, quote or line break. UTF-8 without a byte order mark.
//
//  nodes.csv: Id,Label, then the node columns of export/graph_columns.h except label
//             (type,country,mentions,...,names).
//  edges.csv: Source,Target,Type,Id,Label,Kind,Weight, then the edge columns except
//             weight (relation,family,symmetric,...,evidence). Type is "Undirected" for
//             symmetric relations and "Directed" otherwise; Label and Kind are the
//             relation with "not " before a negated one (Gephi merges parallel edges of
//             one kind). Source and Target are node Ids.
// Ids are the same as in every other format ("n0", "e0"). One header line, then one
// line per node or edge in ActorGraph's order.
#ifndef ACTORGRAPH_EXPORT_CSV_WRITER_H_
#define ACTORGRAPH_EXPORT_CSV_WRITER_H_

#include <ostream>

#include "graph/actor_graph.h"

namespace actorgraph {

// Do not check their stream: the caller (an AtomicFile) does when it commits. The edge
// rows are formatted on up to `threads` threads; the bytes are the same for any count.
void WriteNodesCsv(const ActorGraph& graph, std::ostream& out);
void WriteEdgesCsv(const ActorGraph& graph, std::ostream& out, int threads = 1);

}  // namespace actorgraph

#endif  // ACTORGRAPH_EXPORT_CSV_WRITER_H_
