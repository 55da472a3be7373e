#include "export/graph_columns.h"

#include <string>

#include "export/graph_style.h"
#include "export/text_escape.h"

namespace actorgraph {
namespace {

std::string Int(int value) { return std::to_string(value); }
std::string Bool(bool value) { return value ? "true" : "false"; }

const ActorNode& Node(const ActorGraph& graph, std::size_t i) { return graph.nodes()[i]; }
const RelationEdge& Edge(const ActorGraph& graph, std::size_t i) { return graph.edges()[i]; }

}  // namespace

const std::vector<NodeColumn>& NodeColumns() {
  using T = ColumnType;
  static const std::vector<NodeColumn> columns = {
      {"label", T::kString, [](const ActorGraph& g, std::size_t i) { const ActorNode& n = Node(g, i); return n.name; }},
      {"type", T::kString, [](const ActorGraph& g, std::size_t i) { const ActorNode& n = Node(g, i); return std::string(ActorTypeName(n.type)); }},
      {"country", T::kString, [](const ActorGraph& g, std::size_t i) { const ActorNode& n = Node(g, i); return n.country; }},
      {"mentions", T::kInt, [](const ActorGraph& g, std::size_t i) { const ActorNode& n = Node(g, i); return Int(n.mentions); }},
      {"articles", T::kInt, [](const ActorGraph& g, std::size_t i) { const ActorNode& n = Node(g, i); return Int(n.articles); }},
      {"degree", T::kInt, [](const ActorGraph& g, std::size_t i) { const ActorNode& n = Node(g, i); return Int(n.degree); }},
      {"weighted_degree", T::kDouble, [](const ActorGraph& g, std::size_t i) { const ActorNode& n = Node(g, i); return FormatNumber(n.weighted_degree); }},
      {"betweenness", T::kDouble, [](const ActorGraph& g, std::size_t i) { const ActorNode& n = Node(g, i); return FormatNumber(n.betweenness); }},
      {"pagerank", T::kDouble, [](const ActorGraph& g, std::size_t i) { const ActorNode& n = Node(g, i); return FormatNumber(n.pagerank); }},
      {"component", T::kInt, [](const ActorGraph& g, std::size_t i) { const ActorNode& n = Node(g, i); return Int(n.component); }},
      {"names", T::kString, [](const ActorGraph& g, std::size_t i) { const ActorNode& n = Node(g, i); return JoinedNames(n); }},
  };
  return columns;
}

const std::vector<EdgeColumn>& EdgeColumns() {
  using T = ColumnType;
  static const std::vector<EdgeColumn> columns = {
      {"relation", T::kString, [](const ActorGraph& g, std::size_t i) { return std::string(Edge(g, i).relation); }},
      {"family", T::kString, [](const ActorGraph& g, std::size_t i) { return std::string(Edge(g, i).family); }},
      // Gephi deletes an edge of weight 0; ActorGraph promises >= 1, and this keeps the
      // promise even if a future view breaks it.
      {"weight", T::kDouble, [](const ActorGraph& g, std::size_t i) { const RelationEdge& e = Edge(g, i); return FormatNumber(e.weight > 0 ? e.weight : 1); }},
      {"symmetric", T::kBool, [](const ActorGraph& g, std::size_t i) { const RelationEdge& e = Edge(g, i); return Bool(e.symmetric); }},
      {"negated", T::kBool, [](const ActorGraph& g, std::size_t i) { const RelationEdge& e = Edge(g, i); return Bool(e.negated); }},
      {"asserted", T::kInt, [](const ActorGraph& g, std::size_t i) { const RelationEdge& e = Edge(g, i); return Int(e.asserted); }},
      {"planned", T::kInt, [](const ActorGraph& g, std::size_t i) { const RelationEdge& e = Edge(g, i); return Int(e.planned); }},
      {"first_date", T::kString, [](const ActorGraph& g, std::size_t i) {
         const RelationEdge& e = Edge(g, i);
         return e.dates.empty() ? std::string() : g.date(e.dates.front());
       }},
      {"last_date", T::kString, [](const ActorGraph& g, std::size_t i) {
         const RelationEdge& e = Edge(g, i);
         return e.dates.empty() ? std::string() : g.date(e.dates.back());
       }},
      {"articles", T::kInt, [](const ActorGraph& g, std::size_t i) { const RelationEdge& e = Edge(g, i); return Int(e.articles); }},
      {"evidence", T::kString, [](const ActorGraph& g, std::size_t i) { return EvidenceExcerpt(g, i); }},
  };
  return columns;
}

void AppendXmlValue(ColumnType type, const std::string& value, std::string& out) {
  if (type == ColumnType::kString) {
    AppendXmlEscaped(value, out);
  } else {
    out += value;
  }
}

const char* GraphmlTypeName(ColumnType type) {
  switch (type) {
    case ColumnType::kString: return "string";
    case ColumnType::kInt: return "int";
    case ColumnType::kDouble: return "double";
    case ColumnType::kBool: return "boolean";
  }
  return "string";
}

}  // namespace actorgraph
