#include "export/json_writer.h"

#include "export/graph_columns.h"
#include "export/graph_style.h"
#include "export/ordered_chunks.h"
#include "export/text_escape.h"

namespace actorgraph {
namespace {

std::string JsonValue(ColumnType type, const std::string& text) {
  switch (type) {
    case ColumnType::kString: return JsonQuote(text);
    case ColumnType::kInt:
    case ColumnType::kDouble:
    case ColumnType::kBool: return text.empty() ? "null" : text;
  }
  return "null";
}

template <typename ColumnList>
void WriteColumns(std::ostream& out, const ColumnList& columns, const ActorGraph& graph,
                  std::size_t index) {
  for (const auto& column : columns)
    out << ", " << JsonQuote(column.name) << ": " << JsonValue(column.type, column.value(graph, index));
}

}  // namespace

void WriteJson(const ActorGraph& graph, std::ostream& out, int threads) {
  out << "{\n  \"directed\": true,\n  \"multigraph\": true,\n"
      << "  \"graph\": {\"articles\": " << graph.article_count() << "},\n"
      << "  \"nodes\": [";
  const auto& nodes = graph.nodes();
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    out << (i ? ",\n    " : "\n    ") << "{\"id\": " << JsonQuote(NodeId(i));
    WriteColumns(out, NodeColumns(), graph, i);
    out << ", \"color\": " << JsonQuote(HexColor(ActorTypeColor(nodes[i].type))) << "}";
  }
  out << (nodes.empty() ? "],\n" : "\n  ],\n") << "  \"links\": [";
  const auto& edges = graph.edges();
  WriteInOrder(out, edges.size(), threads, [&](std::size_t begin, std::size_t end, std::string& chunk) {
    StringAppender link(chunk);
    for (std::size_t i = begin; i < end; ++i) {
      const RelationEdge& edge = edges[i];
      link << (i ? ",\n    " : "\n    ") << "{\"id\": " << JsonQuote(EdgeId(i))
           << ", \"source\": " << JsonQuote(NodeId(edge.source))
           << ", \"target\": " << JsonQuote(NodeId(edge.target))
           << ", \"label\": " << JsonQuote(EdgeRelationLabel(edge));
      WriteColumns(link, EdgeColumns(), graph, i);
      link << ", \"color\": " << JsonQuote(HexColor(EdgeColor(edge))) << "}";
    }
  });
  out << (edges.empty() ? "]\n}\n" : "\n  ]\n}\n");
}

}  // namespace actorgraph
