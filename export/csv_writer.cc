#include "export/csv_writer.h"

#include <string_view>

#include "export/graph_columns.h"
#include "export/graph_style.h"
#include "export/ordered_chunks.h"
#include "export/text_escape.h"

namespace actorgraph {
namespace {

constexpr const char* kLineEnd = "\r\n";  // RFC 4180

}  // namespace

void WriteNodesCsv(const ActorGraph& graph, std::ostream& out) {
  out << "Id,Label";
  for (const NodeColumn& column : NodeColumns())
    if (std::string_view(column.name) != "label") out << ',' << column.name;
  out << kLineEnd;
  const auto& nodes = graph.nodes();
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    out << NodeId(i) << ',' << CsvField(nodes[i].name);
    for (const NodeColumn& column : NodeColumns())
      if (std::string_view(column.name) != "label") out << ',' << CsvField(column.value(graph, i));
    out << kLineEnd;
  }
}

void WriteEdgesCsv(const ActorGraph& graph, std::ostream& out, int threads) {
  out << "Source,Target,Type,Id,Label,Kind,Weight";
  for (const EdgeColumn& column : EdgeColumns())
    if (std::string_view(column.name) != "weight") out << ',' << column.name;
  out << kLineEnd;
  const auto& edges = graph.edges();
  WriteInOrder(out, edges.size(), threads, [&](std::size_t begin, std::size_t end, std::string& chunk) {
    StringAppender row(chunk);
    for (std::size_t i = begin; i < end; ++i) {
      const RelationEdge& edge = edges[i];
      std::string label = CsvField(EdgeRelationLabel(edge));
      row << NodeId(edge.source) << ',' << NodeId(edge.target) << ','
          << (edge.symmetric ? "Undirected" : "Directed") << ',' << EdgeId(i) << ',' << label
          << ',' << label;
      // Weight comes right after Kind, in Gephi's order; the other columns follow.
      for (const EdgeColumn& column : EdgeColumns())
        if (std::string_view(column.name) == "weight") row << ',' << column.value(graph, i);
      for (const EdgeColumn& column : EdgeColumns())
        if (std::string_view(column.name) != "weight") row << ',' << CsvField(column.value(graph, i));
      row << kLineEnd;
    }
  });
}

}  // namespace actorgraph
