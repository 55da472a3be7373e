#include "export/json_writer.h"

#include <string>
#include <vector>

#include "export/graph_columns.h"
#include "export/graph_style.h"
#include "export/ordered_chunks.h"
#include "export/text_escape.h"

namespace actorgraph {
namespace {

// `, "name": ` for each column: quoted once per file, not once per value.
template <typename ColumnList>
std::vector<std::string> ColumnKeys(const ColumnList& columns) {
  std::vector<std::string> keys;
  for (const auto& column : columns) keys.push_back(", " + JsonQuote(column.name) + ": ");
  return keys;
}

// Appended to a string rather than streamed: an ostream insert per piece cost more
// than the values.
template <typename ColumnList>
void AppendColumns(std::string& text, const ColumnList& columns,
                   const std::vector<std::string>& keys, const ActorGraph& graph,
                   std::size_t index) {
  for (std::size_t c = 0; c < columns.size(); ++c) {
    text += keys[c];
    const std::string value = columns[c].value(graph, index);
    if (columns[c].type == ColumnType::kString) {
      text += JsonQuote(value);
    } else {
      text += value.empty() ? "null" : value;
    }
  }
}

}  // namespace

void WriteJson(const ActorGraph& graph, std::ostream& out, int threads) {
  out << "{\n  \"directed\": true,\n  \"multigraph\": true,\n"
      << "  \"graph\": {\"articles\": " << graph.article_count() << "},\n"
      << "  \"nodes\": [";
  const auto& nodes = graph.nodes();
  const std::vector<std::string> node_keys = ColumnKeys(NodeColumns());
  std::string text;
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    out << (i ? ",\n    " : "\n    ") << "{\"id\": " << JsonQuote(NodeId(i));
    text.clear();
    AppendColumns(text, NodeColumns(), node_keys, graph, i);
    out << text << ", \"color\": " << JsonQuote(HexColor(ActorTypeColor(nodes[i].type))) << "}";
  }
  out << (nodes.empty() ? "],\n" : "\n  ],\n") << "  \"links\": [";
  const auto& edges = graph.edges();
  const std::vector<std::string> edge_keys = ColumnKeys(EdgeColumns());
  WriteInOrder(out, edges.size(), threads, [&](std::size_t begin, std::size_t end, std::string& chunk) {
    StringAppender link(chunk);  // unbuffered: it and appends to chunk interleave in order
    for (std::size_t i = begin; i < end; ++i) {
      const RelationEdge& edge = edges[i];
      link << (i ? ",\n    " : "\n    ") << "{\"id\": " << JsonQuote(EdgeId(i))
           << ", \"source\": " << JsonQuote(NodeId(edge.source))
           << ", \"target\": " << JsonQuote(NodeId(edge.target))
           << ", \"label\": " << JsonQuote(EdgeRelationLabel(edge));
      AppendColumns(chunk, EdgeColumns(), edge_keys, graph, i);
      link << ", \"color\": " << JsonQuote(HexColor(EdgeColor(edge))) << "}";
    }
  });
  out << (edges.empty() ? "]\n}\n" : "\n  ]\n}\n");
}

}  // namespace actorgraph
